/**
 * "Answer codes": a compact copy of a response's answers, kept beside the JSON so that the index engine and
 * the CSV export read ~150 bytes a response instead of ~1 kB of JSON and need no parsing. One field per item
 * of the definition, in questionnaire order, separated by "|":
 *   - a choice: its option code; several (multiple choice) joined by "+";
 *   - a number: its decimal form;
 *   - free text: "~" when answered (the text itself lives only in the JSON);
 *   - unanswered: empty.
 * Option codes are [A-Za-z0-9_.-]+, so no separator and no "~" can occur inside a field: a reader can tell
 * from the codes alone (`LIKE '%~%'`) whether the JSON is needed for free text.
 * See docs/decisions/017-answer-codes.md.
 */
import type { Answers, AnswerValue } from "../definition/conditions";
import type { Definition, Item } from "../definition/schema";

export const FIELD_SEPARATOR = "|";
export const CHOICE_SEPARATOR = "+";
export const TEXT_PRESENT = "~";

function field(item: Item, value: AnswerValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (item.type === "text") return typeof value === "string" && value.trim() !== "" ? TEXT_PRESENT : "";
  if (Array.isArray(value)) return value.join(CHOICE_SEPARATOR);
  return String(value);
}

/** The answer codes of one response. */
export function packAnswerCodes(def: Definition, answers: Answers): string {
  let out = "";
  let first = true;
  for (const section of def.sections) {
    for (const item of section.items) {
      out += (first ? "" : FIELD_SEPARATOR) + field(item, answers[item.code]);
      first = false;
    }
  }
  return out;
}

/** The fields of packed answer codes, one per item of the definition in questionnaire order ("" = unanswered). */
export function splitAnswerCodes(packed: string): string[] {
  return packed.split(FIELD_SEPARATOR);
}

/**
 * Answers rebuilt from answer codes (free text is not in them: a "~" field comes back as absent).
 * For the few places that need an object; the engine and the export read the fields directly.
 */
export function unpackAnswerCodes(def: Definition, packed: string): Answers {
  const fields = splitAnswerCodes(packed);
  const answers: Answers = {};
  let i = 0;
  for (const section of def.sections) {
    for (const item of section.items) {
      const f = fields[i++] ?? "";
      if (f === "" || item.type === "text") continue;
      if (item.type === "multiple") answers[item.code] = f.split(CHOICE_SEPARATOR);
      else if (item.type === "number") answers[item.code] = Number(f);
      else answers[item.code] = f;
    }
  }
  return answers;
}

/** The two stored forms of a response's answers: the JSON (complete) and the answer codes (compact). */
export function storedAnswers(def: Definition, answers: Answers): { answers: string; answer_codes: string } {
  return { answers: JSON.stringify(answers), answer_codes: packAnswerCodes(def, answers) };
}
