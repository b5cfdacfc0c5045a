/**
 * The caution marks on figures that rest on few answers or have a very wide interval. Apart from explain.ts, which
 * needs the whole catalogue: the results tables in the browser use only these words.
 */
import type { Locale } from "../definition/schema";
import { explain as explainWords } from "../messages/areas/explain";

/** Fewer respondents than this behind a figure: marked "few answers". */
export const FEW_RESPONDENTS = 30;
/** A 95% interval wider than this (percentage points): marked "wide interval". */
export const WIDE_INTERVAL_POINTS = 20;

export type Caution = "few" | "wide" | null;

/** Whether a figure needs a caution mark: few respondents first (it explains a wide interval too). */
export function cautionOf(row: { estimate: number | null; ciLow: number | null; ciHigh: number | null; respondents: number }): Caution {
  if (row.estimate === null) return null;
  if (row.respondents < FEW_RESPONDENTS) return "few";
  if (row.ciLow !== null && row.ciHigh !== null && row.ciHigh - row.ciLow > WIDE_INTERVAL_POINTS) return "wide";
  return null;
}

export function cautionWords(c: Exclude<Caution, null>, locale: Locale): string {
  return (c === "few" ? explainWords.cautionFewShort : explainWords.cautionWideShort)[locale];
}
