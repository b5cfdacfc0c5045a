import { computeVisibility, isAnswered, type Answers, type AnswerValue } from "../definition/conditions";
import type { Definition, Item, Locale, LocalizedText } from "../definition/schema";
import { answerChecks } from "../messages/areas/answer-checks";

/** What arrives from a form: FormData entries (the server's post, the browser's form before it is sent). */
export type RawValue = string | string[] | number | boolean | null | undefined;
export type RawAnswers = Record<string, RawValue>;

export type AnswerErrors = Record<string, LocalizedText>;

export interface ValidationScope {
  /** Only these sections are checked (one page of the form); all when omitted. */
  sections?: readonly string[];
  /** Whether unanswered required items are errors (submitting) or fine (saving a draft). */
  requireAnswers: boolean;
}

export const DEFAULT_TEXT_MAX = 2000;

// The catalogue's {n}, filled here rather than by the template module, which stays out of the citizen's bundle.
const withLimit = (entry: LocalizedText, n: number): LocalizedText => ({ vi: entry.vi.replace("{n}", String(n)), en: entry.en.replace("{n}", String(n)) });

const msg = {
  ...answerChecks,
  min: (n: number) => withLimit(answerChecks.min, n),
  max: (n: number) => withLimit(answerChecks.max, n),
  tooLong: (n: number) => withLimit(answerChecks.tooLong, n),
};

function asStrings(raw: RawValue): string[] {
  if (raw === undefined || raw === null || raw === false) return [];
  if (raw === true) return [];
  if (Array.isArray(raw)) return raw.map((v) => String(v).trim()).filter((v) => v !== "");
  const s = String(raw).trim();
  return s === "" ? [] : [s];
}

/** Turns one raw value into the stored form of the item's answer, or an error. */
export function normalizeAnswer(item: Item, raw: RawValue): { value?: AnswerValue; error?: LocalizedText } {
  const values = asStrings(raw);
  if (values.length === 0) return {};
  switch (item.type) {
    case "multiple": {
      const unique = [...new Set(values)];
      if (unique.some((v) => !item.options?.some((o) => o.code === v))) return { error: msg.badOption };
      const order = new Map(item.options!.map((o, i) => [o.code, i]));
      return { value: unique.sort((a, b) => order.get(a)! - order.get(b)!) };
    }
    case "number": {
      if (values.length > 1) return { error: msg.notNumber };
      const text = values[0].replace(/\s/g, "").replace(",", ".");
      if (!/^-?\d+(\.\d+)?$/.test(text)) return { error: msg.notNumber };
      const n = Number(text);
      if (item.integer && !Number.isInteger(n)) return { error: msg.notInteger };
      if (item.min !== undefined && n < item.min) return { error: msg.min(item.min) };
      if (item.max !== undefined && n > item.max) return { error: msg.max(item.max) };
      return { value: n };
    }
    case "text": {
      const text = (Array.isArray(raw) ? values.join("\n") : String(raw)).trim().normalize("NFC");
      const limit = item.maxLength ?? DEFAULT_TEXT_MAX;
      if (text.length > limit) return { error: msg.tooLong(limit) };
      return { value: text };
    }
    default: {
      if (values.length > 1) return { error: msg.oneOnly };
      if (!item.options?.some((o) => o.code === values[0])) return { error: msg.badOption };
      return { value: values[0] };
    }
  }
}

export interface ValidationResult {
  /** Cleaned answers of visible items (answers to hidden items are dropped). */
  answers: Answers;
  errors: AnswerErrors;
}

/**
 * Validates answers against a definition with its skip logic: the single rule set used by the
 * browser and by the server (a page of the citizen's form through `checkPage`, the paper entry, the studio's preview).
 */
export function validateAnswers(def: Definition, raw: RawAnswers, scope: ValidationScope): ValidationResult {
  const normalized: Answers = {};
  const errors: AnswerErrors = {};
  for (const section of def.sections) {
    for (const item of section.items) {
      const { value, error } = normalizeAnswer(item, raw[item.code]);
      if (value !== undefined) normalized[item.code] = value;
      if (error) errors[item.code] = error;
    }
  }
  const visible = computeVisibility(def, normalized);
  const inScope = (sectionCode: string) => !scope.sections || scope.sections.includes(sectionCode);
  for (const section of def.sections) {
    for (const item of section.items) {
      const shown = visible.items.has(item.code);
      if (!shown || !inScope(section.code)) {
        delete errors[item.code];
        continue;
      }
      if (scope.requireAnswers && item.required && !errors[item.code] && !isAnswered(visible.effective[item.code])) {
        errors[item.code] = msg.required;
      }
    }
  }
  return { answers: visible.effective, errors };
}

/**
 * The raw answers of a whole form while one page is edited: answers kept from other pages,
 * and for the page's own items exactly what the page holds (absent = cleared).
 */
export function overlayPage(def: Definition, base: RawAnswers, page: RawAnswers, sections: readonly string[]): RawAnswers {
  const combined: RawAnswers = { ...base };
  for (const section of def.sections) {
    if (!sections.includes(section.code)) continue;
    for (const item of section.items) combined[item.code] = page[item.code];
  }
  return combined;
}

/**
 * The check of one page of the citizen's form, the same in the browser (before the page is sent) and on the server
 * (when it arrives): the page's raw answers over the answers of the other pages (`base`, which skip rules read),
 * the page's sections checked, required answers required. The output's answers are the whole form's, cleaned.
 */
export function checkPage(def: Definition, base: RawAnswers, page: RawAnswers, sections: readonly string[]): ValidationResult {
  return validateAnswers(def, overlayPage(def, base, page, sections), { sections, requireAnswers: true });
}

/** Reads a form submission into raw answers, keeping repeated fields (checkbox groups) as lists. */
export function rawAnswersFromEntries(entries: Iterable<[string, unknown]>, def: Definition): RawAnswers {
  const multiple = new Set(def.sections.flatMap((s) => s.items.filter((i) => i.type === "multiple").map((i) => i.code)));
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of entries) {
    if (typeof value !== "string") continue;
    if (multiple.has(key)) {
      const list = (out[key] as string[] | undefined) ?? [];
      list.push(value);
      out[key] = list;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** A lenient reading of raw values for live skip logic while a person types (no validation). */
export function rawToAnswers(raw: RawAnswers): Answers {
  const out: Answers = {};
  for (const [code, value] of Object.entries(raw)) {
    const values = asStrings(value);
    if (values.length === 0) continue;
    out[code] = Array.isArray(value) ? values : values[0];
  }
  return out;
}
