/**
 * Words for the results pages: the sentence that says exactly what a table shows, and the significance marks. See docs/decisions/013-results-pages-and-charts.md.
 */
import type { Locale, LocalizedText } from "../definition/schema";
import { formatCount, formatNumber } from "./format";
import { fill } from "../messages/fill";
import { groupingWords as g, resultsStatement as t } from "../messages/areas/results-statement";

export const UNIT_LEVEL_WORDS: Record<string, { choice: LocalizedText; noun: LocalizedText }> = {
  province: { choice: g.province, noun: g.provinces },
  district: { choice: g.district, noun: g.districts },
  commune: { choice: g.commune, noun: g.communes },
  agency: { choice: g.agency, noun: g.agencies },
};

/** The label of a grouping choice (`none`, `unit`, a unit level, or a profile item with its label). */
export function groupingLabel(by: string, itemLabel?: LocalizedText): LocalizedText {
  if (by === "none") return g.none;
  if (by === "unit") return g.unit;
  return UNIT_LEVEL_WORDS[by]?.choice ?? itemLabel ?? { vi: by, en: by };
}

/** Whether a grouping is by units (whose ranking makes sense) rather than by a profile answer. */
export function isUnitGrouping(by: string): boolean {
  return by === "unit" || by in UNIT_LEVEL_WORDS;
}

export interface ShownOptions {
  weighted: boolean;
  multiUnit: "pooled" | "meanOfUnits";
  interval: "wald" | "logit";
  /** Confidence level, 0–1. */
  level: number;
  by: string;
  /** Label of the grouping (see groupingLabel). */
  byLabel: LocalizedText;
  /** Number of groups when grouped. */
  groups: number;
  /** Responses the figures are made from. */
  responses: number;
}

/**
 * One line that says what the figures are: "Có trọng số · gộp toàn bộ người trả lời · khoảng tin cậy 95% (Wald)
 * · n = 1 234 phiếu". Every results page and chart shows it.
 */
export function describeOptions(o: ShownOptions, locale: Locale): string {
  const parts: string[] = [];
  parts.push((o.weighted ? t.weighted : t.unweighted)[locale]);
  if (o.multiUnit === "pooled") parts.push(t.pooled[locale]);
  else parts.push(fill(t.meanOf, { units: UNIT_LEVEL_WORDS[o.by]?.noun ?? g.units }, locale));
  if (o.by !== "none") parts.push(fill(t.by, { grouping: lowerFirst(o.byLabel[locale]), groups: o.groups }, locale));
  const method = o.interval === "logit" ? "logit" : "Wald";
  parts.push(fill(t.intervals, { level: levelText(o.level, locale), method }, locale));
  parts.push(fill(o.responses === 1 ? t.nOne : t.nMany, { n: formatCount(o.responses, locale) }, locale));
  return parts.join(" · ");
}

/** A confidence level (0–1) as the reader writes a percentage: "95", "99,9". */
function levelText(level: number, locale: Locale): string {
  return formatNumber(level * 100, Number.isInteger(level * 100) ? 0 : 1, locale);
}

/**
 * The line over a comparison: the options both rounds were computed with, how the difference is made, and the n of
 * each round.
 */
export function describeComparison(o: Omit<ShownOptions, "responses" | "interval">, n: { baseline: number; current: number }, locale: Locale): string {
  const shown = describeOptions({ ...o, interval: "wald", responses: 0 }, locale).split(" · ");
  // Keep weighting, pooling and grouping; the interval and n parts are the comparison's own.
  const parts = shown.slice(0, shown.length - 2);
  parts.push(fill(t.differences, { level: levelText(o.level, locale) }, locale));
  parts.push(fill(t.nBoth, { baseline: formatCount(n.baseline, locale), current: formatCount(n.current, locale) }, locale));
  return parts.join(" · ");
}

function lowerFirst(s: string): string {
  // "Cấp huyện" → "cấp huyện", but keep acronyms ("PSU") as they are.
  return /^[A-ZÀ-Ỹ][a-zà-ỹ]/u.test(s) ? s[0].toLocaleLowerCase("vi") + s.slice(1) : s;
}

export type Significance = "above" | "below" | "notSignificant" | "unknown";

/**
 * A group against the whole-round figure: "above"/"below" when the group's 95% interval excludes it.
 * The group is part of the whole round, so the true variance of the difference is smaller than the group's own
 * when groups are separate strata (ADR 013); the rule is then conservative.
 */
export function significanceVsOverall(row: { estimate: number | null; ciLow: number | null; ciHigh: number | null }, overall: number | null): Significance {
  if (row.estimate === null || row.ciLow === null || row.ciHigh === null || overall === null) return "unknown";
  if (row.ciLow > overall) return "above";
  if (row.ciHigh < overall) return "below";
  return "notSignificant";
}

/** A difference against zero: "above" (a significant rise) when its interval lies above 0, "below" for a fall. */
export function significanceOfChange(row: { difference: number | null; ciLow: number | null; ciHigh: number | null }): Significance {
  if (row.difference === null || row.ciLow === null || row.ciHigh === null) return "unknown";
  if (row.ciLow > 0) return "above";
  if (row.ciHigh < 0) return "below";
  return "notSignificant";
}

export const SIGNIFICANCE_MARK: Record<Significance, string> = { above: "▲", below: "▼", notSignificant: "", unknown: "" };
