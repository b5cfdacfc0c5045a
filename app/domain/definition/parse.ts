import type * as z from "zod/mini";
import { msg } from "../messages";
import { describePath, say, schemaProblem, type FieldRef, type SchemaIssue } from "./problems";
import { checkReferences } from "./references";
import { DefinitionSchema, type Definition, type Locale, type LocalizedText } from "./schema";

type Segment = string | number;

/**
 * One problem in a definition: what is wrong and where, in Vietnamese and English, named by section, question,
 * option, skip rule or index node (`where`, `field`). `path` is the JSON path (`$.sections[2].items[0].showIf`) the
 * editor uses to put the message next to its field; it is never shown to a person.
 */
export interface DefinitionIssue {
  path: string;
  /** The same path as segments. */
  at: Segment[];
  where: LocalizedText;
  field: FieldRef;
  message: LocalizedText;
}

export type ParseResult = { ok: true; definition: Definition } | { ok: false; issues: DefinitionIssue[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : `${acc}.${String(seg)}`), "$");
}

function makeIssue(raw: unknown, at: Segment[], message: LocalizedText): DefinitionIssue {
  return { path: formatPath(at), at, ...describePath(raw, at), message };
}

function zodIssues(raw: unknown, issues: z.core.$ZodIssue[], prefix: Segment[] = []): DefinitionIssue[] {
  const out: DefinitionIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as Segment[])];
    // A union failure hides the useful reason one level down (or more: conditions and index nodes
    // nest unions): report the closest branch's issues.
    if (issue.code === "invalid_union" && "errors" in issue && Array.isArray(issue.errors) && issue.errors.length) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
      out.push(...zodIssues(raw, best, path));
      continue;
    }
    out.push(makeIssue(raw, path, schemaProblem(issue as SchemaIssue)));
  }
  return out;
}

/**
 * Parses and checks a definition: its shape (zod) and every cross-reference (codes used twice, scales, skip rules,
 * positive sets, the aggregation tree) — both always, so that one problem never hides another. Returns every problem
 * found, each with its place and message in both languages, or the definition with every item's options resolved.
 */
export function parseDefinition(raw: unknown): ParseResult {
  const shape = DefinitionSchema.safeParse(raw);
  const issues = shape.success ? [] : zodIssues(raw, shape.error.issues);
  checkReferences(
    raw,
    (path, message) => issues.push(makeIssue(raw, path, message)),
    (path) => describePath(raw, path).where,
  );
  if (!shape.success || issues.length) return { ok: false, issues };
  const def = structuredClone(shape.data);
  for (const section of def.sections) {
    for (const item of section.items) {
      if (item.scale === undefined) continue;
      item.options = structuredClone(def.scales[item.scale]);
      delete item.scale;
    }
  }
  return { ok: true, definition: def };
}

/** Key order-independent JSON, so that the content hash does not change when a file is reformatted. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Parses JSON text, turning a syntax error into an issue with line and column so that a
 * person editing the file can find it.
 */
export function parseDefinitionText(text: string): ParseResult & { raw?: unknown } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(clean);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // V8 gives no position for "Unexpected token" and "Unexpected end of JSON input".
    const pos = Number(/position (\d+)/.exec(message)?.[1] ?? locateJsonError(clean));
    const before = clean.slice(0, pos);
    const where = `line ${before.split("\n").length}, column ${pos - before.lastIndexOf("\n")}`;
    // The location replaces V8's position and its quoted excerpt of the source.
    const plain = message.replace(/ (in JSON )?at position \d+.*$/s, "").replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, "");
    const line = before.split("\n").length;
    const column = pos - before.lastIndexOf("\n");
    return {
      ok: false,
      issues: [{ path: where, at: [], where: say(msg("definitionProblems.jsonAt", { line, column })), field: {}, message: say(msg("definitionProblems.notJson", { detail: plain })) }],
    };
  }
  return { ...parseDefinition(raw), raw };
}

/** Offset of the first JSON syntax error in `text` (its length when the text ends too early). */
function locateJsonError(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const expect = (c: string) => (text[i] === c ? i++ : fail());
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text[i] < " ") fail();
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail();
      }
      i++;
    }
    expect('"');
  };
  const number = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
  const value = (): void => {
    space();
    if (text[i] === "{" || text[i] === "[") {
      const close = text[i] === "{" ? "}" : "]";
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (close === "}") {
          space();
          string();
          space();
          expect(":");
        }
        value();
        space();
        if (text[i] === ",") i++;
        else return void expect(close);
      }
    }
    if (text[i] === '"') return string();
    const literal = ["true", "false", "null"].find((w) => text.startsWith(w, i));
    if (literal) return void (i += literal.length);
    number.lastIndex = i;
    if (number.test(text)) return void (i = number.lastIndex);
    fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
  } catch (at) {
    if (typeof at === "number") return at;
    throw at;
  }
  return text.length;
}

/** One problem as a line of text: where, then what. */
export function issueLine(issue: DefinitionIssue, locale: Locale): string {
  return `${issue.where[locale]}: ${issue.message[locale]}`;
}

/** The same line in both languages (a UserError detail). */
export function issueText(issue: DefinitionIssue): LocalizedText {
  return { vi: issueLine(issue, "vi"), en: issueLine(issue, "en") };
}
