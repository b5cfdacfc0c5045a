import type { Kysely } from "kysely";
import type { Database, RoundRow } from "../../../db/schema";
import type { Definition } from "../../domain/definition/schema";
import { UserError } from "../../domain/errors";
import { compareRounds } from "../../domain/indices";
import { buildCompareView, type CompareView } from "../../domain/results/compare-view";
import type { ResultsOptions } from "../../domain/indices/round-options";
import { getRoundResults, type RoundResults } from "./jobs.server";
import { msg } from "../../domain/messages";

export interface CompareRequest {
  current: { round: RoundRow; definition: Definition };
  baseline: { round: RoundRow; definition: Definition };
  options: ResultsOptions;
  /** Rows whose make-up changed that the reader accepted: true for all, or their codes. */
  acceptChanged: true | readonly string[];
  /** The group whose rows are shown; undefined: the whole round. */
  group?: string;
}

export type CompareResults =
  | { state: "ready"; view: CompareView; responses: { baseline: number; current: number } }
  | { state: "computing"; jobs: { roundId: string; options: ResultsOptions; progress: Extract<RoundResults, { state: "computing" }> }[] };

/**
 * Year over year: both rounds' indices with the same options (each computed in the background if needed),
 * then the differences per row (current − baseline) from compareRounds. Rounds of different provinces are
 * not compared.
 */
export async function compareRoundResults(db: Kysely<Database>, req: CompareRequest): Promise<CompareResults> {
  if (req.current.round.id === req.baseline.round.id) throw new UserError(msg("resultsErrors.sameRound"));
  if (req.current.round.province_code !== req.baseline.round.province_code) {
    throw new UserError(msg("resultsErrors.otherProvince"));
  }
  // A change's interval comes from the two standard errors (Wald on the difference): each round's own interval
  // method does not enter, so both rounds are asked with the default one and share the results pages' cache.
  const options: ResultsOptions = { ...req.options, interval: "wald" };
  const [baseline, current] = await Promise.all([
    getRoundResults(db, { roundId: req.baseline.round.id, ...options }),
    getRoundResults(db, { roundId: req.current.round.id, ...options }),
  ]);
  if (baseline.state !== "ready" || current.state !== "ready") {
    const jobs = [
      { roundId: req.baseline.round.id, r: baseline },
      { roundId: req.current.round.id, r: current },
    ].flatMap(({ roundId, r }) => (r.state === "computing" ? [{ roundId, options, progress: r }] : []));
    return { state: "computing", jobs };
  }
  const a = baseline.indices.result;
  const b = current.indices.result;
  const comparison = compareRounds(a, b, req.baseline.definition, req.current.definition, { acceptChanged: req.acceptChanged });
  const view = buildCompareView(comparison, a, b, { group: req.group, groupNames: { ...baseline.indices.groupNames, ...current.indices.groupNames } });
  return { state: "ready", view, responses: { baseline: a.design.responses, current: b.design.responses } };
}
