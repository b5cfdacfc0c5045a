/**
 * The options of a round's results as they travel as text — in the results page's URL (a GET form that works without
 * JavaScript), in the link of its CSV download, in the progress and comparison links, and from the CLI's flags:
 * ?by=district&weighted=true&multiUnit=pooled&interval=logit&group=D01. One schema and one parser for all of them,
 * so a choice made on the page cannot be dropped on the way to the file (docs/ARCHITECTURE.md). The parser is in
 * query-parse.ts: its refusals carry catalogue messages, which browser bundles need not carry.
 */
import * as z from "zod/mini";
import { DEFAULT_RESULTS_OPTIONS, type ResultsOptions } from "../indices/round-options";

const d = DEFAULT_RESULTS_OPTIONS;

export const ResultsQuerySchema = z.object({
  by: z._default(z.string().check(z.regex(/^[A-Za-z0-9_]{1,64}$/, "by: a grouping code")), d.by),
  // "1"/"0" are what the CSV links of earlier versions said.
  weighted: z._default(z.enum(["true", "false", "1", "0"], "weighted: true or false"), String(d.weighted) as "true"),
  multiUnit: z._default(z.enum(["pooled", "meanOfUnits"], "multiUnit: pooled or meanOfUnits"), d.multiUnit),
  interval: z._default(z.enum(["wald", "logit"], "interval: wald or logit"), d.interval),
  group: z.optional(z.string().check(z.maxLength(128, "group: at most 128 characters"))),
});

export interface ResultsQuery extends ResultsOptions {
  /** The group whose tables are shown; undefined: the whole round. */
  group?: string;
}

/** The options alone (no group): what the figures depend on. */
export function optionsOf(q: ResultsOptions): ResultsOptions {
  return { by: q.by, weighted: q.weighted, multiUnit: q.multiUnit, interval: q.interval };
}

/**
 * The query string of a results page, or of its CSV, progress and comparison siblings, for these options: every
 * option is written, so each link carries the whole choice.
 */
export function resultsSearch(q: ResultsOptions & { group?: string }, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams({ by: q.by, weighted: String(q.weighted), multiUnit: q.multiUnit, interval: q.interval });
  if (q.group) params.set("group", q.group);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "") params.set(k, v);
  return `?${params}`;
}
