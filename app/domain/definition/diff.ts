/**
 * What changed between two versions of a questionnaire, for people: questions added, removed or moved; wording
 * changed (word by word); options, required, skip rules, positive answers and the index trees; and what it means
 * for year-over-year results — which index rows stay comparable — by compareMeasures(), the rule the round
 * comparison page uses. Items, sections and nodes are matched by code: the same code is the same question.
 */
import { compareMeasures, type MeasuresComparison } from "../indices/compare";
import { localize, msg } from "../messages";
import { normalizeCondition } from "./conditions";
import { canonicalJson } from "./parse";
import { isLeaf, type Condition, type Definition, type DefinitionText, type IndexNode, type Item, type ItemType, type Locale, type LocalizedText, type Option, type Section } from "./schema";
import { sameText, wordDiff, type WordPart } from "./word-diff";

export interface TextChange {
  /** The language of the text; none for the basis note, which is not translated. */
  lang?: Locale;
  before?: string;
  after?: string;
  words: WordPart[];
}

export interface OptionChanges {
  added: Option[];
  removed: Option[];
  relabelled: { code: string; texts: TextChange[] }[];
  /** The codes are the same but in another order. */
  reordered: boolean;
  /** Options whose "counts as missing" flag changed. */
  missing: { code: string; before: boolean; after: boolean }[];
}

export type QuestionChange =
  | { field: "label" | "help"; texts: TextChange[] }
  | { field: "type"; before: ItemType; after: ItemType }
  | { field: "required"; before: boolean; after: boolean }
  | ({ field: "options" } & OptionChanges)
  | { field: "showIf"; before?: Condition; after?: Condition }
  | { field: "positive"; before: string[]; after: string[] }
  | { field: "min" | "max" | "integer" | "maxLength"; before?: number | boolean; after?: number | boolean };

export interface QuestionDiff {
  code: string;
  status: "added" | "removed" | "kept";
  /** The text in the newer version (the older one for a removed question). */
  label: DefinitionText;
  type: ItemType;
  sectionA?: string;
  sectionB?: string;
  /** 1-based position in the whole form. */
  numberA?: number;
  numberB?: number;
  /** Kept, but in another section or out of order relative to the other kept questions. */
  moved: boolean;
  changes: QuestionChange[];
}

export type SectionChange = { field: "title" | "description"; texts: TextChange[] } | { field: "showIf"; before?: Condition; after?: Condition };

export interface SectionDiff {
  code: string;
  status: "added" | "removed" | "kept";
  title: DefinitionText;
  moved: boolean;
  changes: SectionChange[];
}

export type NodeChange =
  | { field: "label"; texts: TextChange[] }
  | { field: "rule"; before: string; after: string }
  | { field: "weights"; before?: number[]; after?: number[] }
  | { field: "item"; before?: string; after?: string }
  | { field: "children"; before: string[]; after: string[] }
  | { field: "parent"; before: string | null; after: string | null }
  | { field: "kind"; before: string; after: string };

export interface NodeDiff {
  code: string;
  /** The tree (root code) the node is in, in the newer version where it is there. */
  tree: string;
  status: "added" | "removed" | "kept";
  label: DefinitionText;
  changes: NodeChange[];
}

export type MetaChange = { field: "title" | "description" | "basis"; texts: TextChange[] };

/** A change to a kept code that makes old and new answers mean different things: the editor warns about it. */
export interface IdentityWarning {
  code: string;
  /** type: the question type changed; options: answer options added or removed; relabelled: options reworded only. */
  kind: "type" | "options" | "relabelled";
  message: LocalizedText;
}

export interface DefinitionDiff {
  a: { key: string; version: string };
  b: { key: string; version: string };
  meta: MetaChange[];
  sections: SectionDiff[];
  questions: QuestionDiff[];
  nodes: NodeDiff[];
  warnings: IdentityWarning[];
  /** Year-over-year: which index rows stay comparable (the round comparison's rule). */
  comparability: MeasuresComparison;
  /** Something differs that none of the lists above words (a field this module does not know yet). */
  other: boolean;
  /** Nothing differs but the key and version. */
  same: boolean;
}

function textChanges(a: DefinitionText | undefined, b: DefinitionText | undefined): TextChange[] {
  const out: TextChange[] = [];
  for (const lang of ["vi", "en"] as const) {
    const before = a?.[lang];
    const after = b?.[lang];
    if (sameText(before, after)) continue;
    out.push({ lang, before, after, words: wordDiff(before ?? "", after ?? "") });
  }
  return out;
}

const sameJson = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const sameRule = (a: Condition | undefined, b: Condition | undefined) => sameJson(a && normalizeCondition(a), b && normalizeCondition(b));
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

/** Codes of `b` kept from `a` whose relative order differs: those outside a longest common subsequence. */
function outOfOrder(a: readonly string[], b: readonly string[]): Set<string> {
  const inB = new Set(b);
  const inA = new Set(a);
  const x = a.filter((c) => inB.has(c));
  const y = b.filter((c) => inA.has(c));
  const n = x.length;
  const m = y.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (x[i] === y[j]) {
      kept.add(x[i]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
    else j++;
  }
  return new Set(y.filter((c) => !kept.has(c)));
}

function optionChanges(a: Option[], b: Option[]): OptionChanges | null {
  const byA = new Map(a.map((o) => [o.code, o]));
  const byB = new Map(b.map((o) => [o.code, o]));
  const added = b.filter((o) => !byA.has(o.code));
  const removed = a.filter((o) => !byB.has(o.code));
  const relabelled: OptionChanges["relabelled"] = [];
  const missing: OptionChanges["missing"] = [];
  for (const o of b) {
    const old = byA.get(o.code);
    if (!old) continue;
    const texts = textChanges(old.label, o.label);
    if (texts.length) relabelled.push({ code: o.code, texts });
    if (Boolean(old.missing) !== Boolean(o.missing)) missing.push({ code: o.code, before: Boolean(old.missing), after: Boolean(o.missing) });
  }
  const keptA = a.filter((o) => byB.has(o.code)).map((o) => o.code);
  const keptB = b.filter((o) => byA.has(o.code)).map((o) => o.code);
  const reordered = !sameList(keptA, keptB);
  if (!added.length && !removed.length && !relabelled.length && !missing.length && !reordered) return null;
  return { added, removed, relabelled, reordered, missing };
}

function questionChanges(a: Item, b: Item): QuestionChange[] {
  const out: QuestionChange[] = [];
  const label = textChanges(a.label, b.label);
  if (label.length) out.push({ field: "label", texts: label });
  const help = textChanges(a.help, b.help);
  if (help.length) out.push({ field: "help", texts: help });
  if (a.type !== b.type) out.push({ field: "type", before: a.type, after: b.type });
  if (a.required !== b.required) out.push({ field: "required", before: a.required, after: b.required });
  const options = optionChanges(a.options ?? [], b.options ?? []);
  if (options) out.push({ field: "options", ...options });
  if (!sameRule(a.showIf, b.showIf)) out.push({ field: "showIf", before: a.showIf, after: b.showIf });
  if (!sameSet(a.positive ?? [], b.positive ?? []) || Boolean(a.positive) !== Boolean(b.positive)) {
    out.push({ field: "positive", before: a.positive ?? [], after: b.positive ?? [] });
  }
  for (const field of ["min", "max", "integer", "maxLength"] as const) {
    if (a[field] !== b[field]) out.push({ field, before: a[field], after: b[field] });
  }
  return out;
}

function identityWarnings(code: string, changes: QuestionChange[]): IdentityWarning[] {
  const out: IdentityWarning[] = [];
  for (const c of changes) {
    if (c.field === "type") out.push({ code, kind: "type", message: localize(msg("definitionDiff.keptTypeChanged", { code, before: c.before, after: c.after })) });
    if (c.field !== "options") continue;
    if (c.added.length || c.removed.length) out.push({ code, kind: "options", message: localize(msg("definitionDiff.keptOptionsChanged", { code })) });
    else if (c.relabelled.some((r) => r.texts.some((t) => t.lang === "vi"))) {
      out.push({ code, kind: "relabelled", message: localize(msg("definitionDiff.keptOptionsReworded", { code })) });
    }
  }
  return out;
}

interface FlatNode {
  node: IndexNode;
  tree: string;
  kind: string;
  parent: string | null;
}
function flattenTrees(def: Definition): Map<string, FlatNode> {
  const out = new Map<string, FlatNode>();
  const walk = (node: IndexNode, tree: string, kind: string, parent: string | null) => {
    out.set(node.code, { node, tree, kind, parent });
    for (const child of node.children) if (!isLeaf(child)) walk(child, tree, kind, node.code);
  };
  for (const tree of def.indices) walk(tree, tree.code, tree.kind, null);
  return out;
}
const childCodes = (node: IndexNode) => node.children.map((c) => (isLeaf(c) ? c.item : c.code));

function nodeChanges(a: FlatNode, b: FlatNode): NodeChange[] {
  const out: NodeChange[] = [];
  const label = textChanges(a.node.label, b.node.label);
  if (label.length) out.push({ field: "label", texts: label });
  if (a.kind !== b.kind) out.push({ field: "kind", before: a.kind, after: b.kind });
  if (a.node.rule !== b.node.rule) out.push({ field: "rule", before: a.node.rule, after: b.node.rule });
  if (!sameJson(a.node.weights, b.node.weights)) out.push({ field: "weights", before: a.node.weights, after: b.node.weights });
  if (a.node.item !== b.node.item) out.push({ field: "item", before: a.node.item, after: b.node.item });
  if (!sameList(childCodes(a.node), childCodes(b.node))) out.push({ field: "children", before: childCodes(a.node), after: childCodes(b.node) });
  if (a.parent !== b.parent) out.push({ field: "parent", before: a.parent, after: b.parent });
  return out;
}

function sectionChanges(a: Section, b: Section): SectionChange[] {
  const out: SectionChange[] = [];
  const title = textChanges(a.title, b.title);
  if (title.length) out.push({ field: "title", texts: title });
  const description = textChanges(a.description, b.description);
  if (description.length) out.push({ field: "description", texts: description });
  if (!sameRule(a.showIf, b.showIf)) out.push({ field: "showIf", before: a.showIf, after: b.showIf });
  return out;
}

/** Everything a diff compares, without the key and version: if these differ, the diff must have said how. */
function comparable(def: Definition) {
  const { key: _key, version: _version, scales: _scales, $schema: _schema, ...rest } = def;
  const rule = <T extends { showIf?: Condition }>(x: T): T => (x.showIf ? { ...x, showIf: normalizeCondition(x.showIf) } : x);
  return canonicalJson({ ...rest, sections: rest.sections.map((s) => ({ ...rule(s), items: s.items.map(rule) })) });
}

/**
 * Compares two parsed definitions (options resolved). `acceptChanged` is passed to the comparability rule as the
 * round comparison page does; the studio leaves it out.
 */
export function diffDefinitions(a: Definition, b: Definition): DefinitionDiff {
  const meta: MetaChange[] = [];
  for (const field of ["title", "description"] as const) {
    const texts = textChanges(a[field], b[field]);
    if (texts.length) meta.push({ field, texts });
  }
  if (!sameText(a.basis, b.basis)) meta.push({ field: "basis", texts: [{ before: a.basis, after: b.basis, words: wordDiff(a.basis ?? "", b.basis ?? "") }] });

  const sectionsA = new Map(a.sections.map((s) => [s.code, s]));
  const sectionsB = new Map(b.sections.map((s) => [s.code, s]));
  const sectionMoves = outOfOrder(a.sections.map((s) => s.code), b.sections.map((s) => s.code));
  const sections: SectionDiff[] = [];
  for (const s of b.sections) {
    const old = sectionsA.get(s.code);
    if (!old) sections.push({ code: s.code, status: "added", title: s.title, moved: false, changes: [] });
    else {
      const changes = sectionChanges(old, s);
      const moved = sectionMoves.has(s.code);
      if (changes.length || moved) sections.push({ code: s.code, status: "kept", title: s.title, moved, changes });
    }
  }
  for (const s of a.sections) if (!sectionsB.has(s.code)) sections.push({ code: s.code, status: "removed", title: s.title, moved: false, changes: [] });

  const place = (def: Definition) => {
    const out = new Map<string, { item: Item; section: string; number: number }>();
    let n = 0;
    for (const s of def.sections) for (const item of s.items) out.set(item.code, { item, section: s.code, number: ++n });
    return out;
  };
  const itemsA = place(a);
  const itemsB = place(b);
  const itemMoves = outOfOrder([...itemsA.keys()], [...itemsB.keys()]);
  const questions: QuestionDiff[] = [];
  const warnings: IdentityWarning[] = [];
  for (const [code, qb] of itemsB) {
    const qa = itemsA.get(code);
    if (!qa) {
      questions.push({ code, status: "added", label: qb.item.label, type: qb.item.type, sectionB: qb.section, numberB: qb.number, moved: false, changes: [] });
      continue;
    }
    const changes = questionChanges(qa.item, qb.item);
    const moved = qa.section !== qb.section || itemMoves.has(code);
    warnings.push(...identityWarnings(code, changes));
    if (changes.length || moved) {
      questions.push({
        code,
        status: "kept",
        label: qb.item.label,
        type: qb.item.type,
        sectionA: qa.section,
        sectionB: qb.section,
        numberA: qa.number,
        numberB: qb.number,
        moved,
        changes,
      });
    }
  }
  for (const [code, qa] of itemsA) {
    if (!itemsB.has(code)) questions.push({ code, status: "removed", label: qa.item.label, type: qa.item.type, sectionA: qa.section, numberA: qa.number, moved: false, changes: [] });
  }

  const nodesA = flattenTrees(a);
  const nodesB = flattenTrees(b);
  const nodes: NodeDiff[] = [];
  for (const [code, nb] of nodesB) {
    const na = nodesA.get(code);
    if (!na) nodes.push({ code, tree: nb.tree, status: "added", label: nb.node.label, changes: [] });
    else {
      const changes = nodeChanges(na, nb);
      if (changes.length) nodes.push({ code, tree: nb.tree, status: "kept", label: nb.node.label, changes });
    }
  }
  for (const [code, na] of nodesA) if (!nodesB.has(code)) nodes.push({ code, tree: na.tree, status: "removed", label: na.node.label, changes: [] });

  const said = meta.length + sections.length + questions.length + nodes.length > 0;
  // A difference this module does not word (a new field in the format) must never read as "no differences".
  const differs = comparable(a) !== comparable(b);
  return {
    a: { key: a.key, version: a.version },
    b: { key: b.key, version: b.version },
    meta,
    sections,
    questions,
    nodes,
    warnings,
    comparability: compareMeasures(a, b),
    other: differs && !said,
    same: !differs,
  };
}
