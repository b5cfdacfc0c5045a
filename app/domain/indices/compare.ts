/**
 * Year-over-year comparison of two rounds, also across definition versions: nodes and items are matched by
 * code. See docs/decisions/010-index-engine.md.
 */
import type { AggregationRule, Definition, IndexKind, LocalizedText } from "../definition/schema";
import { msg, type Message } from "../messages";
import { normalQuantile } from "./normal";
import { compilePlan, type IndexPlan } from "./plan";
import type { IndexResult, NodeEstimate, RowType } from "./types";

export interface CompareOptions {
  /** Compare nodes whose items or rule changed anyway: true for all, or the node codes the user accepted. */
  acceptChanged?: boolean | readonly string[];
  /** Confidence level of the difference's interval; default 0.95. */
  level?: number;
}

/** A node's rule as a comparison names it: rule `item` with its chosen item. */
export interface RuleRef {
  rule: AggregationRule;
  item?: string;
}

/**
 * Why a row is not the same measure in both versions: plain data whose `kind` names its words in the catalogue's
 * `comparability` area (app/domain/results/describe.ts prints it in the reader's language).
 */
export type ComparabilityReason =
  | { kind: "onlyIn"; version: string }
  | { kind: "kindChanged"; from: IndexKind; to: IndexKind }
  | { kind: "itemsChanged"; added: readonly string[]; removed: readonly string[] }
  | { kind: "ruleChanged"; from: RuleRef; to: RuleRef }
  | { kind: "weightsChanged" }
  | { kind: "positiveChanged"; item: string; from: readonly string[]; to: readonly string[] }
  | { kind: "optionsChanged"; item: string };

export interface NodeComparison {
  tree: string;
  code: string;
  type: RowType;
  kind: IndexKind;
  label: LocalizedText;
  inA: boolean;
  inB: boolean;
  estimateA: number | null;
  estimateB: number | null;
  seA: number | null;
  seB: number | null;
  /** B − A in percentage points; null when not comparable or either side is empty. */
  difference: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** In both versions, and unchanged or accepted by the user. */
  comparable: boolean;
  /** Changed, and compared because the user accepted it. */
  accepted: boolean;
  /** Compared because every part below it is comparable (see comparableByParts). */
  byParts?: boolean;
  /** Why the row is not the same measure in both versions. */
  reasons: ComparabilityReason[];
}

export interface GroupComparison {
  key: string | null;
  rows: NodeComparison[];
}

export interface RoundComparison {
  a: { key: string; version: string };
  b: { key: string; version: string };
  /** Index items (by code) in only one of the two versions. */
  itemsOnlyInA: string[];
  itemsOnlyInB: string[];
  groups: GroupComparison[];
  notes: Message[];
}

interface RowInfo {
  tree: string;
  code: string;
  type: RowType;
  kind: IndexKind;
  label: LocalizedText;
  depth: number;
  rule?: RuleRef;
  weights?: number[];
  children: string[];
  /** Items whose answers enter the row's estimate. */
  items: string[];
}

function rowInfo(plan: IndexPlan): Map<string, RowInfo> {
  const out = new Map<string, RowInfo>();
  for (const row of plan.rows) {
    const key = `${row.tree}/${row.type}/${row.code}`;
    if (row.type === "item") {
      out.set(key, { tree: row.tree, code: row.code, type: "item", kind: row.kind, label: row.label, depth: row.depth, children: [], items: [row.code] });
    } else {
      const node = plan.nodes[row.ref];
      out.set(key, {
        tree: row.tree,
        code: row.code,
        type: "node",
        kind: row.kind,
        label: row.label,
        depth: row.depth,
        rule: node.rule === "item" ? { rule: "item", item: plan.items[node.item!].code } : { rule: node.rule },
        weights: node.rule === "weighted" ? node.weights : undefined,
        children: node.children.map((c) => ("item" in c ? plan.items[c.item].code : plan.nodes[c.node].code)),
        items: node.estimateLeaves.map((k) => plan.items[k].code),
      });
    }
  }
  return out;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

/** Whether one row (index node or item) of the index tables measures the same thing in two questionnaire versions. */
export interface MeasureComparison {
  /** `tree/type/code`: the row's identity across versions. */
  key: string;
  tree: string;
  code: string;
  type: RowType;
  kind: IndexKind;
  label: LocalizedText;
  /** Depth in its tree (the root is 0), from the newer version where the row is in it. */
  depth: number;
  inA: boolean;
  inB: boolean;
  /** Why the row is not the same measure in both versions (empty when it is). */
  reasons: ComparabilityReason[];
  /** In both versions, and unchanged or accepted by the user. */
  comparable: boolean;
  /** Changed, and compared because the user accepted it (or every part of it is comparable). */
  accepted: boolean;
  /** Compared because every part below it is comparable (some accepted) and its own rule did not change. */
  byParts?: boolean;
}

/** Reasons that only repeat a change below the row (its items), not a change of the row's own rule. */
const BELOW: ReadonlySet<ComparabilityReason["kind"]> = new Set(["itemsChanged", "positiveChanged", "optionsChanged"]);

/**
 * A node whose own rule and weights did not change is comparable when every part of it is (unchanged, or changed and
 * accepted): an index made of comparable components is comparable. Deepest rows first, so acceptance climbs the tree.
 */
function comparableByParts(rows: MeasureComparison[], infoB: Map<string, RowInfo>): void {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const r of [...rows].sort((x, y) => y.depth - x.depth)) {
    if (r.type !== "node" || r.comparable || !r.inA || !r.inB || !r.reasons.every((x) => BELOW.has(x.kind))) continue;
    const info = infoB.get(r.key);
    if (!info || info.children.length === 0) continue;
    const parts = info.children.map((code) => byKey.get(`${r.tree}/node/${code}`) ?? byKey.get(`${r.tree}/item/${code}`));
    if (parts.every((p) => p?.comparable)) {
      r.comparable = true;
      r.accepted = true;
      r.byParts = true;
    }
  }
}

export interface MeasuresComparison {
  a: { key: string; version: string };
  b: { key: string; version: string };
  /** Index items (by code) in only one of the two versions. */
  itemsOnlyInA: string[];
  itemsOnlyInB: string[];
  rows: MeasureComparison[];
}

/**
 * Which index rows of version A and version B measure the same thing — the comparability rule of the year-over-year
 * page, used as it is by the questionnaire studio's comparison, so the two never disagree. A row is comparable when
 * it exists in both versions and the same items enter it, with the same positive answers and answer options, by the
 * same rule and weights. Otherwise it is marked not comparable, with the reasons, unless the user accepted it.
 */
export function compareMeasures(defA: Definition, defB: Definition, options: Pick<CompareOptions, "acceptChanged"> = {}): MeasuresComparison {
  const planA = compilePlan(defA);
  const planB = compilePlan(defB);
  const infoA = rowInfo(planA);
  const infoB = rowInfo(planB);
  const positiveA = new Map(planA.items.map((i) => [i.code, i]));
  const positiveB = new Map(planB.items.map((i) => [i.code, i]));
  const itemsOnlyInA = [...positiveA.keys()].filter((c) => !positiveB.has(c)).sort();
  const itemsOnlyInB = [...positiveB.keys()].filter((c) => !positiveA.has(c)).sort();
  const accepted = (code: string) =>
    options.acceptChanged === true || (Array.isArray(options.acceptChanged) && options.acceptChanged.includes(code));

  /** Why an item's answers do not mean the same in both versions. */
  function itemReasons(code: string): ComparabilityReason[] {
    const a = positiveA.get(code);
    const b = positiveB.get(code);
    if (!a || !b) return [];
    const reasons: ComparabilityReason[] = [];
    if (!sameSet(a.positive, b.positive)) reasons.push({ kind: "positiveChanged", item: code, from: [...a.positive], to: [...b.positive] });
    if (!sameSet([...a.status.keys()], [...b.status.keys()])) reasons.push({ kind: "optionsChanged", item: code });
    return reasons;
  }

  const keys = [...new Set([...infoA.keys(), ...infoB.keys()])];
  const rows = keys.map((key): MeasureComparison => {
    const a = infoA.get(key);
    const b = infoB.get(key);
    const info = (b ?? a)!;
    const reasons: ComparabilityReason[] = [];
    if (!a) reasons.push({ kind: "onlyIn", version: defB.version });
    else if (!b) reasons.push({ kind: "onlyIn", version: defA.version });
    else {
      if (a.kind !== b.kind) reasons.push({ kind: "kindChanged", from: a.kind, to: b.kind });
      if (a.type === "node") {
        const added = b.items.filter((c) => !a.items.includes(c));
        const removed = a.items.filter((c) => !b.items.includes(c));
        if (added.length || removed.length) reasons.push({ kind: "itemsChanged", added, removed });
        if (a.rule?.rule !== b.rule?.rule || a.rule?.item !== b.rule?.item) reasons.push({ kind: "ruleChanged", from: a.rule!, to: b.rule! });
        else if (a.weights && b.weights && (a.children.join() !== b.children.join() || a.weights.join() !== b.weights.join())) {
          reasons.push({ kind: "weightsChanged" });
        }
      }
      for (const code of a.items.filter((c) => b.items.includes(c))) reasons.push(...itemReasons(code));
    }
    const both = Boolean(a && b);
    const ok = both && (reasons.length === 0 || accepted(info.code));
    return {
      key,
      tree: info.tree,
      code: info.code,
      type: info.type,
      kind: info.kind,
      label: info.label,
      depth: info.depth,
      inA: Boolean(a),
      inB: Boolean(b),
      reasons,
      comparable: ok,
      accepted: ok && reasons.length > 0,
    };
  });
  comparableByParts(rows, infoB);
  return { a: { key: defA.key, version: defA.version }, b: { key: defB.key, version: defB.version }, itemsOnlyInA, itemsOnlyInB, rows };
}

/**
 * Differences B − A per group and row, with SE √(SE_A² + SE_B²) and a normal interval: the two rounds are
 * independent samples. Which rows are compared at all is compareMeasures()'s rule.
 */
export function compareRounds(
  resultA: IndexResult,
  resultB: IndexResult,
  defA: Definition,
  defB: Definition,
  options: CompareOptions = {},
): RoundComparison {
  for (const [r, d, name] of [[resultA, defA, "A"], [resultB, defB, "B"]] as const) {
    if (r.definition.key !== d.key || r.definition.version !== d.version) {
      throw new Error(`result ${name} was computed for ${r.definition.key} ${r.definition.version}, not ${d.key} ${d.version}`);
    }
  }
  const measures = compareMeasures(defA, defB, options);
  const { itemsOnlyInA, itemsOnlyInB } = measures;
  const level = options.level ?? 0.95;
  const z = normalQuantile(1 - (1 - level) / 2);

  const groupKeys: (string | null)[] = [];
  for (const g of [...resultA.groups, ...resultB.groups]) if (!groupKeys.includes(g.key)) groupKeys.push(g.key);
  const rowsOf = (r: IndexResult, key: string | null) => {
    const map = new Map<string, NodeEstimate>();
    for (const row of r.groups.find((g) => g.key === key)?.nodes ?? []) map.set(`${row.tree}/${row.type}/${row.code}`, row);
    return map;
  };

  const groups = groupKeys.map((gk) => {
    const rowsA = rowsOf(resultA, gk);
    const rowsB = rowsOf(resultB, gk);
    const rows = measures.rows.map((s): NodeComparison => {
      const a = rowsA.get(s.key);
      const b = rowsB.get(s.key);
      const out: NodeComparison = {
        tree: s.tree,
        code: s.code,
        type: s.type,
        kind: s.kind,
        label: s.label,
        inA: s.inA,
        inB: s.inB,
        estimateA: a?.estimate ?? null,
        estimateB: b?.estimate ?? null,
        seA: a?.se ?? null,
        seB: b?.se ?? null,
        difference: null,
        se: null,
        ciLow: null,
        ciHigh: null,
        comparable: s.comparable,
        accepted: s.accepted,
        byParts: s.byParts,
        reasons: s.reasons,
      };
      if (s.comparable && out.estimateA !== null && out.estimateB !== null && out.seA !== null && out.seB !== null) {
        out.difference = out.estimateB - out.estimateA;
        out.se = Math.sqrt(out.seA * out.seA + out.seB * out.seB);
        out.ciLow = out.difference - z * out.se;
        out.ciHigh = out.difference + z * out.se;
      }
      return out;
    });
    return { key: gk, rows };
  });

  const notes: Message[] = [msg("compareNotes.differences", { current: defB.version, baseline: defA.version })];
  if (resultA.options.weighted !== resultB.options.weighted) notes.push(msg("compareNotes.mixedWeighting"));
  if (resultA.options.multiUnit !== resultB.options.multiUnit) {
    const made = (m: IndexResult["options"]["multiUnit"]) => msg(m === "meanOfUnits" ? "compareNotes.meanOfUnits" : "compareNotes.pooled");
    notes.push(msg("compareNotes.mixedWholeRound", { baseline: made(resultA.options.multiUnit), current: made(resultB.options.multiUnit) }));
  }
  if (itemsOnlyInA.length) notes.push(msg("compareNotes.itemsOnlyIn", { version: defA.version, items: itemsOnlyInA }));
  if (itemsOnlyInB.length) notes.push(msg("compareNotes.itemsOnlyIn", { version: defB.version, items: itemsOnlyInB }));

  return {
    a: { key: defA.key, version: defA.version },
    b: { key: defB.key, version: defB.version },
    itemsOnlyInA,
    itemsOnlyInB,
    groups,
    notes,
  };
}
