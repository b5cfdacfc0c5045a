import type { Condition, Definition, Item, Section } from "./schema";

export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;

export function isAnswered(value: AnswerValue | undefined | null): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "number") return Number.isFinite(value);
  return value.trim() !== "";
}

export function evaluateCondition(cond: Condition, answers: Answers): boolean {
  if ("all" in cond) return cond.all.every((c) => evaluateCondition(c, answers));
  if ("any" in cond) return cond.any.some((c) => evaluateCondition(c, answers));
  if ("not" in cond) return !evaluateCondition(cond.not, answers);
  const value = answers[cond.item];
  if ("answered" in cond) return isAnswered(value) === cond.answered;
  if (Array.isArray(value)) return value.some((v) => cond.in.includes(v));
  return value !== undefined && cond.in.includes(String(value));
}

export interface Visibility {
  sections: Set<string>;
  items: Set<string>;
  /** The answers of visible items only: what is kept and what later rules read. */
  effective: Answers;
}

/**
 * Applies skip logic in form order. An answer to an item that is hidden does not count, so a
 * rule that depends on it sees it as unanswered (chains of rules behave as a person expects).
 */
export function computeVisibility(def: Definition, answers: Answers): Visibility {
  const sections = new Set<string>();
  const items = new Set<string>();
  const effective: Answers = {};
  for (const section of def.sections) {
    if (section.showIf && !evaluateCondition(section.showIf, effective)) continue;
    sections.add(section.code);
    for (const item of section.items) {
      if (item.showIf && !evaluateCondition(item.showIf, effective)) continue;
      items.add(item.code);
      const value = answers[item.code];
      if (value !== undefined) effective[item.code] = value;
    }
  }
  return { sections, items, effective };
}

export function findItem(def: Definition, code: string): { item: Item; section: Section } | undefined {
  for (const section of def.sections) {
    const item = section.items.find((i) => i.code === code);
    if (item) return { item, section };
  }
  return undefined;
}

export function allItems(def: Definition): Item[] {
  return def.sections.flatMap((s) => s.items);
}

/** The same rule without one-element `all`/`any` wrappers, so two spellings of one rule compare equal. */
export function normalizeCondition(cond: Condition): Condition {
  if ("all" in cond) return cond.all.length === 1 ? normalizeCondition(cond.all[0]) : { all: cond.all.map(normalizeCondition) };
  if ("any" in cond) return cond.any.length === 1 ? normalizeCondition(cond.any[0]) : { any: cond.any.map(normalizeCondition) };
  if ("not" in cond) return { not: normalizeCondition(cond.not) };
  return cond;
}
