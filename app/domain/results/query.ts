/**
 * The options of a round's results as they travel as text — in the results page's URL (a GET form that works without
 * JavaScript), in the link of its CSV download, in the progress and comparison links, and from the CLI's flags:
 * ?by=district&weighted=true&multiUnit=pooled&interval=logit&group=D01. One schema and one parser for all of them,
 * so a choice made on the page cannot be dropped on the way to the file (docs/ARCHITECTURE.md).
 */
import * as z from "zod/mini";
import { UserError } from "../errors";
import { DEFAULT_RESULTS_OPTIONS, type ResultsOptions } from "../indices/round-options";
import { msg } from "../messages";

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

type Params = URLSearchParams | Record<string, string | undefined>;

/**
 * Parses the options from a query string (or the CLI's flags as the same names); empty fields count as absent.
 * Refuses malformed values with every problem, and a grouping the round does not offer when `choices` are given.
 */
export function parseResultsQuery(params: Params, choices?: readonly string[]): ResultsQuery {
  const get = (key: string) => (params instanceof URLSearchParams ? params.get(key) : params[key]);
  const raw: Record<string, string> = {};
  for (const key of Object.keys(ResultsQuerySchema.shape)) {
    const value = get(key);
    if (value !== null && value !== undefined && value !== "") raw[key] = value;
  }
  const parsed = ResultsQuerySchema.safeParse(raw);
  if (!parsed.success) {
    throw new UserError(
      msg("resultsErrors.badOptions"),
      400,
      parsed.error.issues.map((i) => i.message),
    );
  }
  const q = parsed.data;
  if (choices && !choices.includes(q.by)) {
    throw new UserError(msg("resultsErrors.cannotGroup", { by: q.by }), 400, [`by: ${choices.join(", ")}`]);
  }
  const weighted = q.weighted === "true" || q.weighted === "1";
  return { by: q.by, weighted, multiUnit: q.multiUnit, interval: q.interval, group: q.group };
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
