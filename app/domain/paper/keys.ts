import { computeVisibility, type Answers } from "../definition/conditions";
import type { Definition, Item } from "../definition/schema";

/**
 * Keyboard keys of a question's options, shared by the printed form (the number beside each box)
 * and the data-entry screen (the number key a clerk presses). Options whose codes are the digits
 * 1–9 keep their codes, so "4" is "Hài lòng" on paper, on screen and in the data; otherwise the
 * position is the key. Options past the ninth have no key and are picked with the mouse or arrows.
 */
export function optionKeys(item: Item): { key: string | null; code: string }[] {
  const options = item.options ?? [];
  const digitCodes = options.every((o) => /^[1-9]$/.test(o.code)) && new Set(options.map((o) => o.code)).size === options.length;
  return options.map((o, i) => ({ code: o.code, key: digitCodes ? o.code : i < 9 ? String(i + 1) : null }));
}

/** The option a number key picks on this question, if any. */
export function optionForKey(item: Item, key: string): string | undefined {
  return optionKeys(item).find((k) => k.key === key)?.code;
}

/** "0" marks a question left blank on paper (or unreadable): it is stored as missing. */
export const BLANK_KEY = "0";

/** Question numbers as printed and shown to citizens: position in the whole questionnaire, from 1. */
export function itemNumbers(def: Definition): Map<string, number> {
  const map = new Map<string, number>();
  def.sections.flatMap((s) => s.items).forEach((item, i) => map.set(item.code, i + 1));
  return map;
}

/**
 * The next question shown after `from` given the answers so far (skip logic applied), or null
 * after the last one. With `from` null: the first question shown.
 */
export function nextVisibleItem(def: Definition, answers: Answers, from: string | null, step: 1 | -1 = 1): string | null {
  const { items } = computeVisibility(def, answers);
  const order = def.sections.flatMap((s) => s.items.map((i) => i.code));
  if (from === null) return (step === 1 ? order : [...order].reverse()).find((c) => items.has(c)) ?? null;
  let at = order.indexOf(from);
  if (at < 0) return null;
  for (at += step; at >= 0 && at < order.length; at += step) if (items.has(order[at])) return order[at];
  return null;
}
