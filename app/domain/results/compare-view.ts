/**
 * What the year-over-year page shows, cut from compareRounds(): the rows of one group with their depth in the
 * tree, the items found in only one questionnaire version, and the rows that changed (which the reader may accept).
 */
import type { IndexKind, LocalizedText } from "../definition/schema";
import type { ComparabilityReason, NodeComparison, RoundComparison } from "../indices/compare";
import { reasonText } from "./reason-text";
import type { IndexResult } from "../indices/types";
import { groupName, WHOLE_ROUND } from "./view";

export interface ChangeRow {
  tree: string;
  code: string;
  type: "node" | "item";
  kind: IndexKind;
  depth: number;
  label: LocalizedText;
  inA: boolean;
  inB: boolean;
  estimateA: number | null;
  estimateB: number | null;
  difference: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  comparable: boolean;
  accepted: boolean;
  /** Compared because every part of it is comparable. */
  byParts: boolean;
  reasons: ComparabilityReason[];
  /** Why the row is not comparable, in both languages: questions named by their text, a long list cut short. */
  why: LocalizedText | null;
  /** The same with every question code, for the tooltip. */
  whyInFull: LocalizedText | null;
}

/** How many changed questions a row names before it says "and N more". */
const SHOWN_CHANGES = 6;

export interface CompareView {
  baseline: { key: string; version: string };
  current: { key: string; version: string };
  itemsOnlyInBaseline: { code: string; label: LocalizedText }[];
  itemsOnlyInCurrent: { code: string; label: LocalizedText }[];
  groups: { key: string; name: LocalizedText }[];
  selected: { key: string | null; name: LocalizedText; rows: ChangeRow[] };
  /** Codes of rows present in both rounds that changed: the ones a reader can accept. */
  changed: string[];
  /** Question texts by code, to name changed questions by their text. */
  itemLabels: Record<string, LocalizedText>;
  /** The headline index when it is not comparable, with the parts that keep it from being so. */
  headlineBlocked: { label: LocalizedText; parts: LocalizedText[] } | null;
}

const rowKey = (r: { tree: string; type: string; code: string }) => `${r.tree}/${r.type}/${r.code}`;

export function buildCompareView(
  comparison: RoundComparison,
  baseline: IndexResult,
  current: IndexResult,
  input: { group?: string | null; groupNames: Record<string, string> }
): CompareView {
  const depth = new Map<string, number>();
  const labels = new Map<string, LocalizedText>();
  for (const result of [baseline, current]) {
    for (const row of result.groups[0]?.nodes ?? []) {
      depth.set(rowKey(row), row.depth);
      if (row.type === "item") labels.set(row.code, row.label);
    }
  }
  const itemLabels = Object.fromEntries(labels);
  const groupsOf = new Map<string | null, LocalizedText>();
  for (const result of [current, baseline]) {
    for (const g of result.groups) if (!groupsOf.has(g.key)) groupsOf.set(g.key, groupName(g, input.groupNames));
  }
  const chosen = comparison.groups.find((g) => g.key !== null && g.key === input.group) ?? comparison.groups.find((g) => g.key === null)!;
  const rows = chosen.rows.map(
    (r: NodeComparison): ChangeRow => ({
      tree: r.tree,
      code: r.code,
      type: r.type,
      kind: r.kind,
      depth: depth.get(rowKey(r)) ?? 0,
      label: r.label,
      inA: r.inA,
      inB: r.inB,
      estimateA: r.estimateA,
      estimateB: r.estimateB,
      difference: r.difference,
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
      comparable: r.comparable,
      accepted: r.accepted,
      byParts: r.byParts ?? false,
      reasons: r.reasons,
      why: r.reasons.length ? reasonsText(r.reasons, SHOWN_CHANGES, itemLabels) : null,
      whyInFull: r.reasons.length ? reasonsText(r.reasons, Infinity) : null,
    })
  );
  // The satisfaction tree's root (SIPAS): when it cannot be compared, say which of its parts stop it.
  const root = rows.find((r) => r.kind === "satisfaction" && r.type === "node" && r.depth === 0);
  const rootIndex = root ? rows.indexOf(root) : -1;
  const headlineBlocked =
    root && root.inA && root.inB && !root.comparable
      ? {
          label: root.label,
          parts: rows
            .slice(rootIndex + 1)
            .filter((r) => r.tree === root.tree && r.type === "node" && r.depth === 1 && !r.comparable)
            .map((r) => r.label),
        }
      : null;
  const item = (code: string) => ({ code, label: labels.get(code) ?? { vi: code, en: code } });
  return {
    baseline: comparison.a,
    current: comparison.b,
    itemsOnlyInBaseline: comparison.itemsOnlyInA.map(item),
    itemsOnlyInCurrent: comparison.itemsOnlyInB.map(item),
    groups: comparison.groups.filter((g) => g.key !== null).map((g) => ({ key: g.key!, name: groupsOf.get(g.key) ?? { vi: g.key!, en: g.key! } })),
    selected: { key: chosen.key, name: chosen.key === null ? WHOLE_ROUND : groupsOf.get(chosen.key) ?? { vi: chosen.key, en: chosen.key }, rows },
    changed: [...new Set(rows.filter((r) => r.inA && r.inB && r.reasons.length > 0).map((r) => r.code))],
    itemLabels,
    headlineBlocked,
  };
}

function reasonsText(reasons: readonly ComparabilityReason[], maxCodes: number, labels?: Record<string, LocalizedText>): LocalizedText {
  const text = (locale: "vi" | "en") => reasons.map((x) => reasonText(x, locale, maxCodes, labels)).join("; ");
  return { vi: text("vi"), en: text("en") };
}
