import type * as z from "zod/mini";
import { msg } from "../messages";
import { codeList, describePath, say, schemaProblem, type FieldRef, type SchemaIssue } from "./problems";
import {
  CHOICE_TYPES,
  DefinitionSchema,
  isLeaf,
  type Condition,
  type Definition,
  type IndexNode,
  type Item,
  type Locale,
  type LocalizedText,
  type Option,
} from "./schema";

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

const EXPECTED_OPTION_COUNT: Partial<Record<Item["type"], number>> = { satisfaction5: 5, level3: 3, yesno: 2 };

/**
 * Parses and checks a definition: the shape (zod) first, then every cross-reference
 * (scales, skip rules, positive sets, the aggregation tree). Returns every problem found,
 * each with its place and message in both languages, or the definition with every item's options resolved.
 */
export function parseDefinition(raw: unknown): ParseResult {
  const shape = DefinitionSchema.safeParse(raw);
  if (!shape.success) return { ok: false, issues: zodIssues(raw, shape.error.issues) };
  const def = structuredClone(shape.data);
  const issues: DefinitionIssue[] = [];
  const report = (path: Segment[], message: LocalizedText) => issues.push(makeIssue(raw, path, message));
  const whereIs = (path: Segment[]) => describePath(raw, path).where;

  const items = new Map<string, { item: Item; order: number; path: Segment[] }>();
  const sectionCodes = new Set<string>();
  let order = 0;

  def.sections.forEach((section, s) => {
    if (sectionCodes.has(section.code)) report(["sections", s, "code"], say(msg("definitionProblems.duplicateSection", { code: section.code })));
    sectionCodes.add(section.code);
    const sectionOrder = order;
    if (section.showIf) checkCondition(section.showIf, ["sections", s, "showIf"], sectionOrder);

    section.items.forEach((item, i) => {
      const path: Segment[] = ["sections", s, "items", i];
      if (items.has(item.code)) report([...path, "code"], say(msg("definitionProblems.duplicateItem", { code: item.code, first: whereIs(items.get(item.code)!.path) })));
      resolveOptions(item, path);
      if (item.showIf) checkCondition(item.showIf, [...path, "showIf"], order);
      checkPositive(item, path);
      if (item.min !== undefined && item.max !== undefined && item.min > item.max) {
        report([...path, "max"], say(msg("definitionProblems.maxBelowMin", { min: item.min, max: item.max })));
      }
      if (!items.has(item.code)) items.set(item.code, { item, order, path });
      order++;
    });
  });

  const nodeCodes = new Map<string, Segment[]>();
  def.indices.forEach((tree, t) => {
    const usedItems = new Set<string>();
    checkNode(tree, ["indices", t], usedItems);
  });

  return issues.length ? { ok: false, issues } : { ok: true, definition: def };

  function resolveOptions(item: Item, path: Segment[]) {
    const isChoice = CHOICE_TYPES.includes(item.type);
    if (!isChoice) {
      if (item.options || item.scale) report([...path, item.options ? "options" : "scale"], say(msg("definitionProblems.noOptionsAllowed", { type: item.type })));
      return;
    }
    if (item.options && item.scale) {
      report([...path, "scale"], say(msg("definitionProblems.optionsAndScale")));
      return;
    }
    if (item.scale !== undefined) {
      const scale = def.scales[item.scale];
      if (!scale) {
        report([...path, "scale"], say(msg("definitionProblems.unknownScale", { name: item.scale, known: codeList(Object.keys(def.scales)) })));
        return;
      }
      item.options = structuredClone(scale);
      delete item.scale;
    }
    if (!item.options || item.options.length === 0) {
      report([...path, "options"], say(msg("definitionProblems.needsOptions", { type: item.type })));
      return;
    }
    const seen = new Set<string>();
    item.options.forEach((o, k) => {
      if (seen.has(o.code)) report([...path, "options", k, "code"], say(msg("definitionProblems.duplicateOption", { code: o.code })));
      seen.add(o.code);
    });
    const expected = EXPECTED_OPTION_COUNT[item.type];
    const answerable = item.options.filter((o) => !o.missing).length;
    if (expected !== undefined && answerable !== expected) {
      report([...path, "options"], say(msg("definitionProblems.optionCount", { type: item.type, expected, found: answerable })));
    }
  }

  function checkPositive(item: Item, path: Segment[]) {
    if (!item.positive) return;
    if (!item.options) {
      if (!CHOICE_TYPES.includes(item.type)) report([...path, "positive"], say(msg("definitionProblems.positiveNotChoice", { type: item.type })));
      return;
    }
    if (item.positive.length === 0) report([...path, "positive"], say(msg("definitionProblems.positiveEmpty")));
    item.positive.forEach((code, k) => {
      const option = item.options!.find((o) => o.code === code);
      if (!option) report([...path, "positive", k], say(msg("definitionProblems.positiveUnknown", { code, codes: codesOf(item.options!) })));
      else if (option.missing) report([...path, "positive", k], say(msg("definitionProblems.positiveMissing", { code })));
    });
  }

  function checkCondition(cond: Condition, path: Segment[], before: number) {
    if ("all" in cond) return cond.all.forEach((c, k) => checkCondition(c, [...path, "all", k], before));
    if ("any" in cond) return cond.any.forEach((c, k) => checkCondition(c, [...path, "any", k], before));
    if ("not" in cond) return checkCondition(cond.not, [...path, "not"], before);
    const target = items.get(cond.item);
    if (!target) {
      const later = def.sections.some((s) => s.items.some((i) => i.code === cond.item));
      report([...path, "item"], later ? say(msg("definitionProblems.ruleLaterItem", { code: cond.item })) : say(msg("definitionProblems.ruleUnknownItem", { code: cond.item })));
      return;
    }
    if (target.order >= before) {
      report([...path, "item"], say(msg("definitionProblems.ruleNotEarlier", { code: cond.item })));
      return;
    }
    if ("in" in cond) {
      if (!target.item.options) {
        report([...path, "in"], say(msg("definitionProblems.ruleNoOptions", { code: cond.item, type: target.item.type })));
        return;
      }
      cond.in.forEach((code, k) => {
        if (!target.item.options!.some((o) => o.code === code)) {
          report([...path, "in", k], say(msg("definitionProblems.ruleUnknownOption", { option: code, item: cond.item, codes: codesOf(target.item.options!) })));
        }
      });
    }
  }

  function checkNode(node: IndexNode, path: Segment[], usedItems: Set<string>) {
    const first = nodeCodes.get(node.code);
    if (first !== undefined) report([...path, "code"], say(msg("definitionProblems.duplicateNode", { code: node.code, first: whereIs(first) })));
    else nodeCodes.set(node.code, path);
    if (items.has(node.code)) report([...path, "code"], say(msg("definitionProblems.nodeIsItem", { code: node.code })));

    node.children.forEach((child, k) => {
      const childPath = [...path, "children", k];
      if (!isLeaf(child)) return checkNode(child, childPath, usedItems);
      const target = items.get(child.item);
      if (!target) return report([...childPath, "item"], say(msg("definitionProblems.leafMissing", { code: child.item })));
      if (!target.item.positive) report([...childPath, "item"], say(msg("definitionProblems.leafNoPositive", { code: child.item })));
      if (usedItems.has(child.item)) report([...childPath, "item"], say(msg("definitionProblems.leafTwice", { code: child.item })));
      usedItems.add(child.item);
    });

    if (node.rule === "weighted") {
      if (!node.weights) report([...path, "weights"], say(msg("definitionProblems.weightsMissing")));
      else if (node.weights.length !== node.children.length) {
        report([...path, "weights"], say(msg("definitionProblems.weightsCount", { weights: node.weights.length, children: node.children.length })));
      } else {
        node.weights.forEach((w, k) => {
          if (!(w >= 0) || !Number.isFinite(w)) report([...path, "weights", k], say(msg("definitionProblems.weightNotValid", { weight: w })));
        });
        if (node.weights.reduce((a, b) => a + b, 0) <= 0) report([...path, "weights"], say(msg("definitionProblems.weightsAllZero")));
      }
    } else if (node.weights) {
      report([...path, "weights"], say(msg("definitionProblems.weightsUnused", { rule: node.rule })));
    }

    if (node.rule === "item") {
      if (!node.item) report([...path, "item"], say(msg("definitionProblems.ruleItemMissing")));
      else if (!node.children.some((c) => isLeaf(c) && c.item === node.item)) {
        report([...path, "item"], say(msg("definitionProblems.ruleItemNotChild", { code: node.item })));
      }
    } else if (node.item) {
      report([...path, "item"], say(msg("definitionProblems.ruleItemUnused", { rule: node.rule })));
    }
  }
}

function codesOf(options: Option[]): string {
  return codeList(options.map((o) => o.code));
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
