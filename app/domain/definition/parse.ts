import type { z } from "zod";
import {
  CHOICE_TYPES,
  DefinitionSchema,
  isLeaf,
  type Condition,
  type Definition,
  type IndexNode,
  type Item,
  type Option,
} from "./schema";

/** One problem in a definition, at a JSON path such as `$.sections[2].items[0].showIf.in[1]`. */
export interface DefinitionIssue {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; definition: Definition } | { ok: false; issues: DefinitionIssue[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : `${acc}.${String(seg)}`), "$");
}

function zodIssues(issues: z.ZodError["issues"], prefix: PropertyKey[] = []): DefinitionIssue[] {
  const out: DefinitionIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    // A union failure hides the useful reason one level down (or more: conditions and index nodes
    // nest unions): report the closest branch's issues.
    if (issue.code === "invalid_union" && "errors" in issue && Array.isArray(issue.errors) && issue.errors.length) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
      out.push(...zodIssues(best, path));
      continue;
    }
    out.push({ path: formatPath(path), message: issue.message });
  }
  return out;
}

const EXPECTED_OPTION_COUNT: Partial<Record<Item["type"], number>> = { satisfaction5: 5, level3: 3, yesno: 2 };

/**
 * Parses and checks a definition: the shape (zod) first, then every cross-reference
 * (scales, skip rules, positive sets, the aggregation tree). Returns every problem found,
 * each at its JSON path, or the definition with every item's options resolved.
 */
export function parseDefinition(raw: unknown): ParseResult {
  const shape = DefinitionSchema.safeParse(raw);
  if (!shape.success) return { ok: false, issues: zodIssues(shape.error.issues) };
  const def = structuredClone(shape.data);
  const issues: DefinitionIssue[] = [];
  const report = (path: ReadonlyArray<PropertyKey>, message: string) => issues.push({ path: formatPath(path), message });

  const items = new Map<string, { item: Item; order: number; path: (string | number)[] }>();
  const sectionCodes = new Set<string>();
  let order = 0;

  def.sections.forEach((section, s) => {
    if (sectionCodes.has(section.code)) report(["sections", s, "code"], `duplicate section code "${section.code}"`);
    sectionCodes.add(section.code);
    const sectionOrder = order;
    if (section.showIf) checkCondition(section.showIf, ["sections", s, "showIf"], sectionOrder);

    section.items.forEach((item, i) => {
      const path = ["sections", s, "items", i];
      if (items.has(item.code)) {
        report([...path, "code"], `duplicate item code "${item.code}" (first used at ${formatPath(items.get(item.code)!.path)})`);
      }
      resolveOptions(item, path);
      if (item.showIf) checkCondition(item.showIf, [...path, "showIf"], order);
      checkPositive(item, path);
      if (item.min !== undefined && item.max !== undefined && item.min > item.max) {
        report([...path, "max"], `max (${item.max}) is below min (${item.min})`);
      }
      if (!items.has(item.code)) items.set(item.code, { item, order, path });
      order++;
    });
  });

  const nodeCodes = new Map<string, string>();
  def.indices.forEach((tree, t) => {
    const usedItems = new Set<string>();
    checkNode(tree, ["indices", t], usedItems);
  });

  return issues.length ? { ok: false, issues } : { ok: true, definition: def };

  function resolveOptions(item: Item, path: (string | number)[]) {
    const isChoice = CHOICE_TYPES.includes(item.type);
    if (!isChoice) {
      if (item.options || item.scale) report([...path, item.options ? "options" : "scale"], `a ${item.type} item has no options`);
      return;
    }
    if (item.options && item.scale) {
      report([...path, "scale"], "give either options or scale, not both");
      return;
    }
    if (item.scale !== undefined) {
      const scale = def.scales[item.scale];
      if (!scale) {
        report([...path, "scale"], `unknown scale "${item.scale}" (defined: ${Object.keys(def.scales).join(", ") || "none"})`);
        return;
      }
      item.options = structuredClone(scale);
      delete item.scale;
    }
    if (!item.options || item.options.length === 0) {
      report([...path, "options"], `a ${item.type} item needs options or a scale`);
      return;
    }
    const seen = new Set<string>();
    item.options.forEach((o, k) => {
      if (seen.has(o.code)) report([...path, "options", k, "code"], `duplicate option code "${o.code}"`);
      seen.add(o.code);
    });
    const expected = EXPECTED_OPTION_COUNT[item.type];
    const answerable = item.options.filter((o) => !o.missing).length;
    if (expected !== undefined && answerable !== expected) {
      report([...path, "options"], `a ${item.type} item has ${expected} answer options (besides "no opinion"), found ${answerable}`);
    }
  }

  function checkPositive(item: Item, path: (string | number)[]) {
    if (!item.positive) return;
    if (!item.options) {
      if (!CHOICE_TYPES.includes(item.type)) report([...path, "positive"], `a ${item.type} item cannot have a positive option set`);
      return;
    }
    if (item.positive.length === 0) report([...path, "positive"], "the positive option set is empty");
    item.positive.forEach((code, k) => {
      const option = item.options!.find((o) => o.code === code);
      if (!option) report([...path, "positive", k], `unknown option code "${code}" (options: ${codesOf(item.options!)})`);
      else if (option.missing) report([...path, "positive", k], `option "${code}" counts as missing and cannot be positive`);
    });
  }

  function checkCondition(cond: Condition, path: (string | number)[], before: number) {
    if ("all" in cond) return cond.all.forEach((c, k) => checkCondition(c, [...path, "all", k], before));
    if ("any" in cond) return cond.any.forEach((c, k) => checkCondition(c, [...path, "any", k], before));
    if ("not" in cond) return checkCondition(cond.not, [...path, "not"], before);
    const target = items.get(cond.item);
    if (!target) {
      const later = def.sections.some((s) => s.items.some((i) => i.code === cond.item));
      report([...path, "item"], later ? `skip rule refers to "${cond.item}", which comes later in the form; a rule may only use earlier answers` : `skip rule refers to unknown item "${cond.item}"`);
      return;
    }
    if (target.order >= before) {
      report([...path, "item"], `skip rule refers to "${cond.item}", which is not earlier in the form`);
      return;
    }
    if ("in" in cond) {
      if (!target.item.options) {
        report([...path, "in"], `item "${cond.item}" is a ${target.item.type} item without options; use "answered"`);
        return;
      }
      cond.in.forEach((code, k) => {
        if (!target.item.options!.some((o) => o.code === code)) {
          report([...path, "in", k], `unknown option code "${code}" for item "${cond.item}" (options: ${codesOf(target.item.options!)})`);
        }
      });
    }
  }

  function checkNode(node: IndexNode, path: (string | number)[], usedItems: Set<string>) {
    const where = formatPath(path);
    const first = nodeCodes.get(node.code);
    if (first !== undefined) report([...path, "code"], `duplicate index node code "${node.code}" (first used at ${first})`);
    else nodeCodes.set(node.code, where);
    if (items.has(node.code)) report([...path, "code"], `index node code "${node.code}" is also an item code`);

    node.children.forEach((child, k) => {
      const childPath = [...path, "children", k];
      if (!isLeaf(child)) return checkNode(child, childPath, usedItems);
      const target = items.get(child.item);
      if (!target) return report([...childPath, "item"], `aggregation names a missing item "${child.item}"`);
      if (!target.item.positive) {
        report([...childPath, "item"], `item "${child.item}" feeds an index but has no positive option set`);
      }
      if (usedItems.has(child.item)) report([...childPath, "item"], `item "${child.item}" appears twice in this index tree`);
      usedItems.add(child.item);
    });

    if (node.rule === "weighted") {
      if (!node.weights) report([...path, "weights"], "a weighted node needs a weights vector");
      else if (node.weights.length !== node.children.length) {
        report([...path, "weights"], `weights has ${node.weights.length} entries but the node has ${node.children.length} children`);
      } else {
        node.weights.forEach((w, k) => {
          if (!(w >= 0) || !Number.isFinite(w)) report([...path, "weights", k], `weight ${w} is not a non-negative number`);
        });
        if (node.weights.reduce((a, b) => a + b, 0) <= 0) report([...path, "weights"], "weights must not all be zero");
      }
    } else if (node.weights) {
      report([...path, "weights"], `weights are only used by rule "weighted" (this node's rule is "${node.rule}")`);
    }

    if (node.rule === "item") {
      if (!node.item) report([...path, "item"], 'rule "item" needs "item": the child item that gives the index');
      else if (!node.children.some((c) => isLeaf(c) && c.item === node.item)) {
        report([...path, "item"], `rule "item" names "${node.item}", which is not a child item of this node`);
      }
    } else if (node.item) {
      report([...path, "item"], `"item" is only used by rule "item" (this node's rule is "${node.rule}")`);
    }
  }
}

function codesOf(options: Option[]): string {
  return options.map((o) => o.code).join(", ");
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
    return { ok: false, issues: [{ path: where, message: `not valid JSON: ${plain}` }] };
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
