/** Parsing a round's results options from text (see query.ts), with refusals a person can read. */
import { UserError } from "../errors";
import { msg } from "../messages";
import { ResultsQuerySchema, type ResultsQuery } from "./query";

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
