import type { RawAnswers } from "../answers/validate";
import type { Answers, AnswerValue } from "../definition/conditions";
import type { Definition, Item, Locale } from "../definition/schema";
import { textIn } from "../definition/text";
import { itemNumbers, optionKeys } from "./keys";
import { paperEntry } from "../messages/areas/paper-entry";

export interface EntryMismatch {
  item: string;
  section: string;
  /** The question's number on the printed form. */
  number: number;
  first: AnswerValue | undefined;
  second: AnswerValue | undefined;
}

export interface EntryComparison {
  /** Answers both entries agree on (blank in both = absent). */
  agreed: Answers;
  /** Every question where the two entries differ, in questionnaire order. */
  mismatches: EntryMismatch[];
}

/** Free text is compared as a reader would: Unicode-normalised, outer and repeated spaces ignored. */
function canonicalText(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Whether two keyed answers to one question say the same thing (absent = blank). */
export function sameAnswer(item: Item, a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (item.type === "multiple") {
    const x = new Set((Array.isArray(a) ? a : [a]).map(String));
    const y = new Set((Array.isArray(b) ? b : [b]).map(String));
    return x.size === y.size && [...x].every((v) => y.has(v));
  }
  if (item.type === "number") return Number(a) === Number(b);
  if (item.type === "text") return canonicalText(String(a)) === canonicalText(String(b));
  return String(a) === String(b);
}

/**
 * Double entry: compares two clerks' keyings of one paper form question by question. Both are
 * stored validated (answers to questions hidden by skip logic dropped), so a disagreement on a
 * routing question also lists the questions only one clerk keyed.
 */
export function compareEntries(def: Definition, first: Answers, second: Answers): EntryComparison {
  const numbers = itemNumbers(def);
  const agreed: Answers = {};
  const mismatches: EntryMismatch[] = [];
  for (const section of def.sections) {
    for (const item of section.items) {
      const a = first[item.code];
      const b = second[item.code];
      if (sameAnswer(item, a, b)) {
        if (a !== undefined) agreed[item.code] = a;
      } else {
        mismatches.push({ item: item.code, section: section.code, number: numbers.get(item.code)!, first: a, second: b });
      }
    }
  }
  return { agreed, mismatches };
}

/** The raw answers of a resolved form: what both entries agree on, and the supervisor's choice elsewhere. */
export function applyResolution(comparison: EntryComparison, picks: RawAnswers): RawAnswers {
  const raw: RawAnswers = { ...comparison.agreed };
  for (const m of comparison.mismatches) raw[m.item] = picks[m.item];
  return raw;
}

/** An answer as a person reads it: "4 · Hài lòng", the text itself, or "(bỏ trống)". */
export function answerText(item: Item, value: AnswerValue | undefined, locale: Locale): string {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return paperEntry.blankAnswer[locale];
  if (!item.options) return String(value);
  const keys = optionKeys(item);
  const one = (code: string) => {
    const option = item.options!.find((o) => o.code === code);
    const key = keys.find((k) => k.code === code)?.key;
    return option ? `${key ?? code} · ${textIn(option.label, locale)}` : code;
  };
  return (Array.isArray(value) ? value : [String(value)]).map(one).join("; ");
}
