/**
 * What a results page shows, cut from an IndexResult: the whole-round headline, one summary row per group, and the
 * three tables (satisfaction tree, assessment, expectation) of the group the reader chose. Only what is displayed
 * is kept, so a round grouped by 63 provinces does not send 63 full tables to the browser.
 */
import type { IndexKind, LocalizedText } from "../definition/schema";
import type { MessageLike } from "../messages/template";
import { resultsScope } from "../messages/areas/results-scope";
import type { DesignSummary, GroupEstimates, IndexResult, NodeEstimate } from "../indices/types";
import { significanceVsOverall, type ShownOptions, type Significance } from "./describe";

export interface TableRow {
  tree: string;
  code: string;
  type: "node" | "item";
  depth: number;
  label: LocalizedText;
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  respondents: number;
  /** Children or units left out of this row's mean (no valid answer): the row is marked. */
  missing: string[];
}

export interface Interval {
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface GroupSummary extends Interval {
  key: string;
  name: LocalizedText;
  responses: number;
  n: number;
  respondents: number;
  /** Against the whole-round headline (its interval excludes it or not). */
  significance: Significance;
}

export interface ResultsView {
  options: ShownOptions;
  definition: { key: string; version: string };
  /** The root of the first satisfaction tree (SIPAS), whole round; null when the definition has none. */
  headline: (Interval & { code: string; label: LocalizedText }) | null;
  /** One row per group (empty without grouping), in the engine's order (units as listed, options as defined). */
  groups: GroupSummary[];
  /** The group whose tables are shown (key null: the whole round). */
  selected: { key: string | null; name: LocalizedText; responses: number; tables: Record<IndexKind, TableRow[]> };
  /** The engine's notes on this round's data (METHOD_NOTES are explained in plain words instead). */
  notes: MessageLike[];
  design: DesignSummary;
}

/** Engine notes on the method, which the results page's plain-language explanation replaces. */
const METHOD_NOTES: ReadonlySet<string> = new Set([
  "indexNotes.weighted",
  "indexNotes.unweighted",
  "indexNotes.logit",
  "indexNotes.wald",
  "indexNotes.designEffect",
  "indexNotes.fpc",
]);

export const WHOLE_ROUND: LocalizedText = resultsScope.wholeRound;

function slim(row: NodeEstimate): TableRow {
  return {
    tree: row.tree,
    code: row.code,
    type: row.type,
    depth: row.depth,
    label: row.label,
    estimate: row.estimate,
    ciLow: row.ciLow,
    ciHigh: row.ciHigh,
    n: row.n,
    respondents: row.respondents,
    missing: [...(row.missingChildren ?? []), ...(row.missingUnits ?? [])],
  };
}

/** The root row of the first satisfaction tree: the figure a group is ranked by. */
export function headlineRow(group: GroupEstimates | undefined): NodeEstimate | undefined {
  return group?.nodes.find((n) => n.kind === "satisfaction" && n.depth === 0 && n.type === "node");
}

export function groupName(group: GroupEstimates, names: Record<string, string>): LocalizedText {
  if (group.key === null) return WHOLE_ROUND;
  if (group.label) return group.label;
  const name = names[group.key] ?? group.key;
  return { vi: name, en: name };
}

export interface ViewInput {
  by: string;
  byLabel: LocalizedText;
  /** Display names of group keys (unit names, option labels). */
  groupNames: Record<string, string>;
  /** The group to show in full; unknown or missing: the whole round. */
  group?: string | null;
}

export function buildResultsView(result: IndexResult, input: ViewInput): ResultsView {
  const whole = result.groups.find((g) => g.key === null)!;
  const head = headlineRow(whole);
  const groups = result.groups.filter((g) => g.key !== null);
  const summaries: GroupSummary[] = groups.map((g) => {
    const row = headlineRow(g);
    const interval = { estimate: row?.estimate ?? null, ciLow: row?.ciLow ?? null, ciHigh: row?.ciHigh ?? null };
    return {
      key: g.key!,
      name: groupName(g, input.groupNames),
      responses: g.responses,
      n: row?.n ?? 0,
      respondents: row?.respondents ?? 0,
      ...interval,
      significance: significanceVsOverall(interval, head?.estimate ?? null),
    };
  });
  const chosen = (input.group && groups.find((g) => g.key === input.group)) || whole;
  const tables: Record<IndexKind, TableRow[]> = { satisfaction: [], assessment: [], expectation: [] };
  for (const row of chosen.nodes) tables[row.kind].push(slim(row));
  return {
    options: {
      weighted: result.options.weighted,
      multiUnit: result.options.multiUnit,
      interval: result.options.interval,
      level: result.options.level,
      by: input.by,
      byLabel: input.byLabel,
      groups: groups.length,
      responses: result.design.responses,
    },
    definition: result.definition,
    headline: head ? { code: head.code, label: head.label, estimate: head.estimate, ciLow: head.ciLow, ciHigh: head.ciHigh } : null,
    groups: summaries,
    selected: { key: chosen.key, name: groupName(chosen, input.groupNames), responses: chosen.responses, tables },
    notes: result.notes.filter((n) => !METHOD_NOTES.has(n.key)),
    design: result.design,
  };
}

/** Groups for a ranking: by estimate, highest first; empty groups last in their given order. */
export function rankGroups<T extends { estimate: number | null }>(groups: readonly T[]): T[] {
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => {
      if (a.g.estimate === null || b.g.estimate === null) return (a.g.estimate === null ? 1 : 0) - (b.g.estimate === null ? 1 : 0) || a.i - b.i;
      return b.g.estimate - a.g.estimate || a.i - b.i;
    })
    .map(({ g }) => g);
}
