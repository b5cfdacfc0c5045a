/**
 * A questionnaire as the studio shows it: sections, questions with their options, skip rules in words, positive
 * answers, and the index trees. Made from the content as written (a draft may still be broken), so every field is
 * read defensively; a missing text shows as empty, a rule that cannot be worded is shown in the rule syntax.
 */
import { describeCondition } from "../paper/skip-text";
import { formatCondition } from "../definition/rule-syntax";
import type { Condition, Definition, DefinitionText, LocalizedText } from "../definition/schema";

export interface OutlineOption {
  code: string;
  label: DefinitionText;
  missing: boolean;
}
export interface OutlineItem {
  code: string;
  type: string;
  label: DefinitionText;
  help?: DefinitionText;
  required: boolean;
  options: OutlineOption[];
  /** The shared scale the options come from, if any. */
  scale?: string;
  showIf?: LocalizedText;
  positive: OutlineOption[];
  /** Feeds an index tree. */
  inIndex: boolean;
  number: number;
}
export interface OutlineSection {
  code: string;
  title: DefinitionText;
  description?: DefinitionText;
  showIf?: LocalizedText;
  items: OutlineItem[];
}
export interface OutlineNode {
  code: string;
  label: DefinitionText;
  rule: string;
  kind?: string;
  item?: string;
  children: OutlineChild[];
}
export type OutlineChild = { node: OutlineNode; weight?: number } | { leaf: { item: string; label?: DefinitionText }; weight?: number };
export interface Outline {
  key: string;
  version: string;
  title: DefinitionText;
  description?: DefinitionText;
  basis?: string;
  sections: OutlineSection[];
  trees: OutlineNode[];
}

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x && typeof x === "object" && !Array.isArray(x) ? (x as Obj) : {});
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string => (typeof x === "string" ? x : "");
function text(x: unknown): DefinitionText {
  const t = obj(x);
  return typeof t.en === "string" && t.en ? { vi: str(t.vi), en: t.en } : { vi: str(t.vi) };
}
const maybeText = (x: unknown): DefinitionText | undefined => (x && typeof x === "object" ? text(x) : undefined);

/** The items' options with shared scales resolved: what the rule wording and the outline read. */
export function resolvedOptions(raw: Obj, item: Obj): OutlineOption[] {
  const own = item.options ?? (typeof item.scale === "string" ? obj(raw.scales)[item.scale] : undefined);
  return list(own).map((o) => ({ code: str(obj(o).code), label: text(obj(o).label), missing: obj(o).missing === true }));
}

function ruleWords(def: Definition, cond: unknown, codes: Map<string, string>): LocalizedText | undefined {
  if (!cond || typeof cond !== "object") return undefined;
  try {
    return {
      vi: describeCondition(def, cond as Condition, "vi", codes),
      en: describeCondition(def, cond as Condition, "en", codes),
    };
  } catch {
    const s = (() => {
      try {
        return formatCondition(cond as Condition);
      } catch {
        return JSON.stringify(cond);
      }
    })();
    return { vi: s, en: s };
  }
}

export function outlineOf(input: unknown): Outline {
  const raw = obj(input);
  const sectionsRaw = list(raw.sections).map(obj);
  // A lenient copy with options resolved, for the rule wording (which looks up option labels).
  const lenient = {
    sections: sectionsRaw.map((s) => ({
      ...s,
      items: list(s.items).map(obj).map((i) => ({ ...i, label: text(i.label), options: resolvedOptions(raw, i) })),
    })),
  } as unknown as Definition;
  const codes = new Map<string, string>();
  for (const s of lenient.sections) for (const i of s.items) if (typeof i.code === "string") codes.set(i.code, i.code);
  const indexItems = new Set<string>();
  const walk = (n: Obj) => {
    for (const c of list(n.children).map(obj)) {
      if ("children" in c) walk(c);
      else if (typeof c.item === "string") indexItems.add(c.item);
    }
  };
  list(raw.indices).map(obj).forEach(walk);
  let number = 0;
  const labels = new Map<string, DefinitionText>();
  const sections: OutlineSection[] = sectionsRaw.map((s) => ({
    code: str(s.code),
    title: text(s.title),
    description: maybeText(s.description),
    showIf: ruleWords(lenient, s.showIf, codes),
    items: list(s.items)
      .map(obj)
      .map((i) => {
        const options = resolvedOptions(raw, i);
        const positive = list(i.positive).map((p) => options.find((o) => o.code === p) ?? { code: str(p), label: { vi: str(p) }, missing: false });
        labels.set(str(i.code), text(i.label));
        return {
          code: str(i.code),
          type: str(i.type),
          label: text(i.label),
          help: maybeText(i.help),
          required: i.required !== false,
          options,
          scale: typeof i.scale === "string" ? i.scale : undefined,
          showIf: ruleWords(lenient, i.showIf, codes),
          positive,
          inIndex: indexItems.has(str(i.code)),
          number: ++number,
        };
      }),
  }));
  const node = (n: Obj): OutlineNode => {
    const weights = list(n.weights);
    return {
      code: str(n.code),
      label: text(n.label),
      rule: str(n.rule) || "mean",
      kind: typeof n.kind === "string" ? n.kind : undefined,
      item: typeof n.item === "string" ? n.item : undefined,
      children: list(n.children)
        .map(obj)
        .map((c, k) => {
          const weight = typeof weights[k] === "number" ? (weights[k] as number) : undefined;
          return "children" in c ? { node: node(c), weight } : { leaf: { item: str(c.item), label: labels.get(str(c.item)) }, weight };
        }),
    };
  };
  return {
    key: str(raw.key),
    version: str(raw.version),
    title: text(raw.title),
    description: maybeText(raw.description),
    basis: typeof raw.basis === "string" ? raw.basis : undefined,
    sections,
    trees: list(raw.indices).map(obj).map(node),
  };
}
