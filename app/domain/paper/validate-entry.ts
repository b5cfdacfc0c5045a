import * as z from "zod/mini";
import { validateAnswers, type AnswerErrors, type RawAnswers, type RawValue } from "../answers/validate";
import { allItems, computeVisibility, type Answers } from "../definition/conditions";
import type { Definition, Locale, LocalizedText } from "../definition/schema";
import { paperKeying } from "../messages/areas/requests";

/** The value of a choice question's "left blank on paper" option. */
export const BLANK_VALUE = "-";
/** Form field listing the text and number questions marked "left blank on paper". */
export const BLANK_FIELD = "_blank";

export const paperMessages = paperKeying;

export interface PaperValidation {
  /** Cleaned answers of the questions shown; blank ones are absent (missing). */
  answers: Answers;
  errors: AnswerErrors;
  /** Questions shown and marked blank. */
  blanks: string[];
}

function asList(v: RawValue): string[] {
  if (v === undefined || v === null || typeof v === "boolean") return [];
  return (Array.isArray(v) ? v : [v]).map((x) => String(x));
}

/**
 * Validates a keyed paper form with the citizens' rules (`validateAnswers` over the whole form,
 * required questions required, skip logic applied), with one difference paper needs: a required
 * question the respondent left blank (or answered unreadably) is keyed explicitly as blank and
 * stored as missing. A question simply not keyed is still an error, so a gap cannot slip through.
 */
export function validatePaperEntry(def: Definition, raw: RawAnswers): PaperValidation {
  const items = allItems(def);
  const marked = new Set(asList(raw[BLANK_FIELD]));
  const conflicts = new Set<string>();
  const cleaned: RawAnswers = {};
  for (const item of items) {
    const list = asList(raw[item.code]);
    if (list.includes(BLANK_VALUE)) marked.add(item.code);
    if (marked.has(item.code)) {
      if (list.some((v) => v !== BLANK_VALUE && v.trim() !== "")) conflicts.add(item.code);
      continue;
    }
    cleaned[item.code] = raw[item.code];
  }
  const result = validateAnswers(def, cleaned, { requireAnswers: true });
  const shown = computeVisibility(def, result.answers).items;
  const errors: AnswerErrors = {};
  const blanks: string[] = [];
  for (const item of items) {
    if (!shown.has(item.code)) continue;
    if (marked.has(item.code)) {
      blanks.push(item.code);
      if (conflicts.has(item.code)) errors[item.code] = paperMessages.blankAndAnswer;
      continue;
    }
    const error = result.errors[item.code];
    if (!error) continue;
    const absent = asList(cleaned[item.code]).every((v) => v.trim() === "");
    errors[item.code] = absent ? paperMessages.required : error;
  }
  return { answers: result.answers, errors, blanks };
}

/** The zod schema of the whole keyed form: the browser (zodResolver) and the server parse with it. */
export function buildPaperEntrySchema(def: Definition, locale: Locale) {
  return z.pipe(
    z.record(z.string(), z.any()).check(
      z.superRefine((value, ctx) => {
        for (const [code, text] of Object.entries(validatePaperEntry(def, value as RawAnswers).errors)) {
          ctx.addIssue({ code: "custom", path: [code], message: text[locale] });
        }
      }),
    ),
    z.transform((value: Record<string, unknown>) => validatePaperEntry(def, value as RawAnswers)),
  );
}
