/**
 * The definition's cross-references — codes used twice, scales, skip rules, positive answers, the aggregation tree —
 * checked on the raw definition, whether or not its shape is valid. A designer fixing an empty Vietnamese text then
 * also sees, at the same time, the duplicate code and the rule naming an option that does not exist. A part whose
 * shape the checks cannot read (an unknown type, a scale name that is not text, a weight that is not a number) is
 * left out of the checks that need it: the shape's own problem already names it, and nothing is guessed.
 */
import { msg } from "../messages";
import { codeList, say } from "./problems";
import { AGGREGATION_RULES, CHOICE_TYPES, ITEM_TYPES, type AggregationRule, type ItemType, type LocalizedText } from "./schema";

type Segment = string | number;
type Obj = Record<string, unknown>;
type Report = (path: Segment[], message: LocalizedText) => void;

const isObj = (x: unknown): x is Obj => !!x && typeof x === "object" && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);
const num = (x: unknown): number | undefined => (typeof x === "number" ? x : undefined);
const own = (o: Obj, key: string) => Object.prototype.hasOwnProperty.call(o, key);

const EXPECTED_OPTION_COUNT: Partial<Record<ItemType, number>> = { satisfaction5: 5, level3: 3, yesno: 2 };

/** An option list as the checks read it: null when some entry has no readable code (then nothing is guessed from it). */
interface Options {
  codes: string[];
  /** Codes of the answers counted as missing ("no opinion"). */
  missing: Set<string>;
}
function readOptions(raw: unknown): Options | null {
  if (!Array.isArray(raw) || !raw.every((o) => isObj(o) && typeof o.code === "string")) return null;
  const list = raw as Obj[];
  return { codes: list.map((o) => o.code as string), missing: new Set(list.filter((o) => o.missing === true).map((o) => o.code as string)) };
}

/** What the rules and the tree need to know of a question. */
interface Known {
  type: ItemType | undefined;
  /** Its options; "none" for a type without options; null when they cannot be read. */
  options: Options | "none" | null;
  hasPositive: boolean;
  order: number;
  path: Segment[];
}

/**
 * Reports every cross-reference problem of `raw` through `report`, in the order of the questionnaire (sections and
 * their questions, then the index trees). `whereIs` names a place for a message ("first at …").
 */
export function checkReferences(raw: unknown, report: Report, whereIs: (path: Segment[]) => LocalizedText): void {
  const root = isObj(raw) ? raw : {};
  const scales = isObj(root.scales) ? root.scales : {};
  const sections = Array.isArray(root.sections) ? root.sections : [];
  const items = new Map<string, Known>();
  const allItemCodes = new Set<string>();
  for (const s of sections) if (isObj(s) && Array.isArray(s.items)) for (const i of s.items) if (isObj(i) && typeof i.code === "string") allItemCodes.add(i.code);

  const sectionCodes = new Set<string>();
  let order = 0;
  sections.forEach((section, s) => {
    if (!isObj(section)) return;
    const code = str(section.code);
    if (code !== undefined) {
      if (sectionCodes.has(code)) report(["sections", s, "code"], say(msg("definitionProblems.duplicateSection", { code })));
      sectionCodes.add(code);
    }
    const sectionOrder = order;
    if (section.showIf !== undefined) checkCondition(section.showIf, ["sections", s, "showIf"], sectionOrder);
    (Array.isArray(section.items) ? section.items : []).forEach((item, i) => {
      const path: Segment[] = ["sections", s, "items", i];
      if (isObj(item)) checkItem(item, path, order);
      order++;
    });
  });

  const nodeCodes = new Map<string, Segment[]>();
  (Array.isArray(root.indices) ? root.indices : []).forEach((tree, t) => {
    if (isObj(tree)) checkNode(tree, ["indices", t], new Set());
  });

  function checkItem(item: Obj, path: Segment[], at: number) {
    const code = str(item.code);
    if (code !== undefined && items.has(code)) report([...path, "code"], say(msg("definitionProblems.duplicateItem", { code, first: whereIs(items.get(code)!.path) })));
    const type = ITEM_TYPES.find((t) => t === item.type);
    const options = resolveOptions(item, type, path);
    if (item.showIf !== undefined) checkCondition(item.showIf, [...path, "showIf"], at);
    checkPositive(item, options, path);
    const min = num(item.min);
    const max = num(item.max);
    if (min !== undefined && max !== undefined && min > max) report([...path, "max"], say(msg("definitionProblems.maxBelowMin", { min, max })));
    if (code !== undefined && !items.has(code)) items.set(code, { type, options, hasPositive: item.positive !== undefined, order: at, path });
  }

  function resolveOptions(item: Obj, type: ItemType | undefined, path: Segment[]): Options | "none" | null {
    const hasOptions = item.options !== undefined;
    const hasScale = item.scale !== undefined;
    if (type !== undefined && !CHOICE_TYPES.includes(type)) {
      if (hasOptions || hasScale) report([...path, hasOptions ? "options" : "scale"], say(msg("definitionProblems.noOptionsAllowed", { type })));
      return "none";
    }
    if (hasOptions && hasScale) {
      report([...path, "scale"], say(msg("definitionProblems.optionsAndScale")));
      return readOptions(item.options);
    }
    let list: unknown = item.options;
    if (hasScale) {
      const name = str(item.scale);
      if (name === undefined) return null;
      if (!own(scales, name)) {
        report([...path, "scale"], say(msg("definitionProblems.unknownScale", { name, known: codeList(Object.keys(scales)) })));
        return null;
      }
      list = scales[name];
    }
    if (list !== undefined && !Array.isArray(list)) return null;
    if (type === undefined) return readOptions(list);
    if (!list || list.length === 0) {
      report([...path, "options"], say(msg("definitionProblems.needsOptions", { type })));
      return null;
    }
    const seen = new Set<string>();
    list.forEach((o, k) => {
      const optionCode = isObj(o) ? str(o.code) : undefined;
      if (optionCode === undefined) return;
      if (seen.has(optionCode)) report([...path, "options", k, "code"], say(msg("definitionProblems.duplicateOption", { code: optionCode })));
      seen.add(optionCode);
    });
    const options = readOptions(list);
    const expected = EXPECTED_OPTION_COUNT[type];
    if (options && expected !== undefined) {
      const found = options.codes.filter((c) => !options.missing.has(c)).length;
      if (found !== expected) report([...path, "options"], say(msg("definitionProblems.optionCount", { type, expected, found })));
    }
    return options;
  }

  function checkPositive(item: Obj, options: Options | "none" | null, path: Segment[]) {
    if (item.positive === undefined) return;
    if (options === "none") return report([...path, "positive"], say(msg("definitionProblems.positiveNotChoice", { type: String(item.type) })));
    if (!options || !Array.isArray(item.positive)) return;
    if (item.positive.length === 0) report([...path, "positive"], say(msg("definitionProblems.positiveEmpty")));
    item.positive.forEach((code, k) => {
      if (typeof code !== "string") return;
      if (!options.codes.includes(code)) report([...path, "positive", k], say(msg("definitionProblems.positiveUnknown", { code, codes: codeList(options.codes) })));
      else if (options.missing.has(code)) report([...path, "positive", k], say(msg("definitionProblems.positiveMissing", { code })));
    });
  }

  function checkCondition(cond: unknown, path: Segment[], before: number): void {
    if (!isObj(cond)) return;
    for (const join of ["all", "any"] as const) {
      if (own(cond, join)) {
        const list = cond[join];
        if (Array.isArray(list)) list.forEach((c, k) => checkCondition(c, [...path, join, k], before));
        return;
      }
    }
    if (own(cond, "not")) return checkCondition(cond.not, [...path, "not"], before);
    const code = str(cond.item);
    if (code === undefined) return;
    const target = items.get(code);
    if (!target) {
      const later = allItemCodes.has(code);
      return report([...path, "item"], say(msg(later ? "definitionProblems.ruleLaterItem" : "definitionProblems.ruleUnknownItem", { code })));
    }
    if (target.order >= before) return report([...path, "item"], say(msg("definitionProblems.ruleNotEarlier", { code })));
    if (!own(cond, "in") || !Array.isArray(cond.in)) return;
    if (target.options === "none") return report([...path, "in"], say(msg("definitionProblems.ruleNoOptions", { code, type: String(target.type) })));
    const options = target.options;
    if (!options) return;
    cond.in.forEach((option, k) => {
      if (typeof option === "string" && !options.codes.includes(option)) {
        report([...path, "in", k], say(msg("definitionProblems.ruleUnknownOption", { option, item: code, codes: codeList(options.codes) })));
      }
    });
  }

  function checkNode(node: Obj, path: Segment[], usedItems: Set<string>) {
    const code = str(node.code);
    if (code !== undefined) {
      const first = nodeCodes.get(code);
      if (first !== undefined) report([...path, "code"], say(msg("definitionProblems.duplicateNode", { code, first: whereIs(first) })));
      else nodeCodes.set(code, path);
      if (items.has(code)) report([...path, "code"], say(msg("definitionProblems.nodeIsItem", { code })));
    }

    const children = Array.isArray(node.children) ? node.children : [];
    children.forEach((child, k) => {
      if (!isObj(child)) return;
      const childPath = [...path, "children", k];
      if (own(child, "children")) return checkNode(child, childPath, usedItems);
      const item = str(child.item);
      if (item === undefined) return;
      const target = items.get(item);
      if (!target) return report([...childPath, "item"], say(msg("definitionProblems.leafMissing", { code: item })));
      if (!target.hasPositive) report([...childPath, "item"], say(msg("definitionProblems.leafNoPositive", { code: item })));
      if (usedItems.has(item)) report([...childPath, "item"], say(msg("definitionProblems.leafTwice", { code: item })));
      usedItems.add(item);
    });

    const rule: AggregationRule | undefined = node.rule === undefined ? "mean" : AGGREGATION_RULES.find((r) => r === node.rule);
    if (rule === undefined) return;
    const weights = node.weights;
    if (rule === "weighted") {
      if (weights === undefined) report([...path, "weights"], say(msg("definitionProblems.weightsMissing")));
      else if (Array.isArray(weights) && weights.every((w) => typeof w === "number")) {
        if (weights.length !== children.length) {
          report([...path, "weights"], say(msg("definitionProblems.weightsCount", { weights: weights.length, children: children.length })));
        } else {
          weights.forEach((w: number, k) => {
            if (!(w >= 0) || !Number.isFinite(w)) report([...path, "weights", k], say(msg("definitionProblems.weightNotValid", { weight: w })));
          });
          if (weights.reduce((a: number, b: number) => a + b, 0) <= 0) report([...path, "weights"], say(msg("definitionProblems.weightsAllZero")));
        }
      }
    } else if (weights !== undefined) {
      report([...path, "weights"], say(msg("definitionProblems.weightsUnused", { rule })));
    }

    if (rule === "item") {
      if (node.item === undefined) report([...path, "item"], say(msg("definitionProblems.ruleItemMissing")));
      else if (typeof node.item === "string" && !children.some((c) => isObj(c) && !own(c, "children") && c.item === node.item)) {
        report([...path, "item"], say(msg("definitionProblems.ruleItemNotChild", { code: node.item })));
      }
    } else if (node.item !== undefined) {
      report([...path, "item"], say(msg("definitionProblems.ruleItemUnused", { rule })));
    }
  }
}
