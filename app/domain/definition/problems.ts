/**
 * The words of the definition validator: every problem in Vietnamese and English, and where it is, named the way a
 * questionnaire designer names things (section, question, option, skip rule, index node — by code and a short label),
 * never as a JSON path. The path stays inside the issue so the editor can put the message next to its field.
 */
import { entryOf, localize, msg, type Message, type Param } from "../messages";
import type { Catalogue } from "../messages/catalogue";
import type { LocalizedText } from "./schema";

type Segment = string | number;

/** A message of the validator in both languages. */
export const say = (message: Message): LocalizedText => localize(message);
/** A list of codes for a message, or a dash when there is none. */
export const codeList = (codes: readonly string[]): string => codes.join(", ") || "—";

const TYPE_WORDS: Record<string, Message> = {
  string: msg("definitionProblems.typeText"),
  number: msg("definitionProblems.typeNumber"),
  boolean: msg("definitionProblems.typeBoolean"),
  array: msg("definitionProblems.typeArray"),
  object: msg("definitionProblems.typeObject"),
};

/** The part of a zod issue this module reads (zod 4's issue shapes vary by code). */
export interface SchemaIssue {
  code: string;
  message: string;
  expected?: string;
  input?: unknown;
  keys?: string[];
  values?: unknown[];
  minimum?: number | bigint;
  origin?: string;
}

/** A zod issue in words: the schema's own keyed message (schema.ts), or one made from the issue's code. */
export function schemaProblem(issue: SchemaIssue): LocalizedText {
  const keyed = `definitionProblems.${issue.message}`;
  if (entryOf(keyed)) return localize({ key: keyed });
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return say(msg("definitionProblems.missing"));
      return say(msg("definitionProblems.mustBe", { what: TYPE_WORDS[issue.expected ?? ""] ?? String(issue.expected) }));
    case "unrecognized_keys":
      return say(msg("definitionProblems.unknownField", { keys: (issue.keys ?? []).map((k) => `"${k}"`).join(", ") }));
    case "invalid_value":
      return say(msg("definitionProblems.oneOf", { values: (issue.values ?? []).map(String).join(", ") }));
    case "too_small":
      return issue.origin === "array"
        ? say(msg("definitionProblems.tooFewEntries", { minimum: Number(issue.minimum) }))
        : say(msg("definitionProblems.tooSmall", { minimum: Number(issue.minimum) }));
    case "too_big":
      return say(msg("definitionProblems.tooBig"));
    case "invalid_format":
      return say(msg("definitionProblems.badFormat"));
    default:
      return say(msg("definitionProblems.invalid", { detail: issue.message }));
  }
}

/** The structural fields an issue can concern, by code; the editor finds the field from these and `path`. */
export interface FieldRef {
  scale?: string;
  section?: string;
  item?: string;
  option?: string;
  /** Inside a skip rule (`showIf`) of the section or question. */
  rule?: boolean;
  /** Inside the positive answers of the question. */
  positive?: boolean;
  tree?: string;
  node?: string;
  /** The last named property: "code", "label", "weights", … */
  property?: string;
}

type PlaceKey = keyof Catalogue["definitionPlaces"];
const PROPERTY_WORDS: Partial<Record<string, PlaceKey>> = {
  code: "code",
  type: "type",
  label: "label",
  title: "title",
  description: "description",
  help: "help",
  vi: "vi",
  en: "en",
  required: "required",
  options: "options",
  scale: "scaleName",
  min: "min",
  max: "max",
  integer: "integer",
  maxLength: "maxLength",
  rule: "aggregation",
  weights: "weights",
  kind: "kind",
  key: "key",
  version: "version",
  basis: "basis",
  missing: "missingFlag",
  sections: "sections",
  items: "items",
  indices: "indices",
  children: "children",
  scales: "scales",
  item: "ruleItem",
};
const place = (key: PlaceKey, params?: Record<string, Param>): LocalizedText => localize({ key: `definitionPlaces.${key}`, params });
const propertyWord = (name: string): LocalizedText => {
  const key = PROPERTY_WORDS[name];
  return key ? place(key) : { vi: name, en: name };
};

const SHORT = 40;
function short(text: unknown): string {
  if (typeof text !== "string") return "";
  const t = text.trim();
  return t.length > SHORT ? `${t.slice(0, SHORT - 1).trimEnd()}…` : t;
}
function labelOf(value: unknown, key: "label" | "title"): string {
  const text = (value as Record<string, unknown> | undefined)?.[key];
  return short((text as { vi?: unknown } | undefined)?.vi);
}
function codeOf(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && code ? code : undefined;
}
/** "câu SV_1 «Công chức…»", or "câu thứ 3" for one without a code yet. */
const named = (noun: "section" | "question" | "option" | "tree" | "node", code: string | undefined, n: number, label: string): LocalizedText => {
  const base = code ? place(noun, { code }) : place(`${noun}At`, { n: n + 1 });
  const quoted = label ? ` «${label}»` : "";
  return { vi: base.vi + quoted, en: base.en + quoted };
};

/**
 * Names the place a JSON path points at, walking the raw definition: "Phần D «…» › câu SV_1 «…» › điều kiện hiển
 * thị". Works on broken input (a missing code falls back to the position).
 */
export function describePath(raw: unknown, path: readonly Segment[]): { where: LocalizedText; field: FieldRef } {
  const parts: LocalizedText[] = [];
  const field: FieldRef = {};
  let value: unknown = raw;
  let inRule = false;
  const at = (seg: Segment) => (value && typeof value === "object" ? (value as Record<string | number, unknown>)[seg] : undefined);

  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    if (seg === "sections" && typeof next === "number") {
      value = at(seg);
      value = at(next);
      field.section = codeOf(value);
      parts.push(named("section", field.section, next, labelOf(value, "title")));
      i++;
    } else if (seg === "items" && typeof next === "number") {
      value = at(seg);
      value = at(next);
      field.item = codeOf(value);
      parts.push(named("question", field.item, next, labelOf(value, "label")));
      i++;
    } else if (seg === "options" && typeof next === "number") {
      value = at(seg);
      value = at(next);
      field.option = codeOf(value);
      parts.push(named("option", field.option, next, labelOf(value, "label")));
      i++;
    } else if (seg === "scales" && typeof next === "string") {
      value = at(seg);
      value = at(next);
      field.scale = next;
      parts.push(place("scale", { name: next }));
      i++;
      if (typeof path[i + 1] === "number") {
        const k = path[i + 1] as number;
        value = at(k);
        field.option = codeOf(value);
        parts.push(named("option", field.option, k, labelOf(value, "label")));
        i++;
      }
    } else if (seg === "indices" && typeof next === "number") {
      value = at(seg);
      value = at(next);
      field.tree = codeOf(value);
      field.node = field.tree;
      parts.push(named("tree", field.tree, next, labelOf(value, "label")));
      i++;
    } else if (seg === "children" && typeof next === "number") {
      value = at(seg);
      value = at(next);
      const leaf = (value as { item?: unknown } | undefined)?.item;
      if (value && typeof value === "object" && !("children" in value) && typeof leaf === "string") {
        parts.push(place("leaf", { code: leaf }));
        field.item = leaf;
        if (path[i + 2] === "item") i++;
      } else {
        field.node = codeOf(value);
        parts.push(named("node", field.node, next, labelOf(value, "label")));
      }
      i++;
    } else if (seg === "showIf" && !inRule) {
      inRule = true;
      field.rule = true;
      value = at(seg);
      parts.push(place("rule"));
    } else if (inRule) {
      // Inside a rule the nesting (all/any/not, positions) means nothing to a reader; the message names the question.
      value = at(seg);
    } else if (seg === "positive") {
      field.positive = true;
      value = at(seg);
      parts.push(place("positive"));
      if (typeof next === "number") i++;
    } else if (seg === "weights") {
      value = at(seg);
      field.property = "weights";
      parts.push(place("weights"));
      if (typeof next === "number") {
        parts.push(place("nth", { n: next + 1 }));
        i++;
      }
    } else {
      value = at(seg);
      if (typeof seg === "string") {
        field.property = seg;
        parts.push(propertyWord(seg));
      } else {
        parts.push(place("entry", { n: seg + 1 }));
      }
    }
  }
  if (parts.length === 0) return { where: place("questionnaire"), field };
  if (path.length > 0 && !["sections", "scales", "indices"].includes(String(path[0]))) parts.unshift(place("questionnaire"));
  const sentence = (words: string[]) => words.join(" › ").replace(/^./, (c) => c.toLocaleUpperCase("vi"));
  return { where: { vi: sentence(parts.map((p) => p.vi)), en: sentence(parts.map((p) => p.en)) }, field };
}
