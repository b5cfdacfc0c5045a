/**
 * What a round's index request means to the engine: the grouping, weighting and multi-unit choices, made
 * into IndexOptions from the round's unit tree. Plain data in, so a worker thread builds the very same options.
 */
import type { IndexOptions, ResponseRecord } from "./types";

export const UNIT_LEVELS = ["province", "district", "commune", "agency"] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** The choices a round's results are computed with: the same on the results page, in the CSV and on the CLI. */
export interface ResultsOptions {
  /** "none", "unit" (the respondent's own unit), a unit level (units mapped up the round's tree), or a profile item code. */
  by: string;
  weighted: boolean;
  multiUnit: "pooled" | "meanOfUnits";
  interval: "wald" | "logit";
}

export const DEFAULT_RESULTS_OPTIONS: ResultsOptions = { by: "none", weighted: true, multiUnit: "pooled", interval: "wald" };

/** A round's results asked for with some options; the rest take their defaults. */
export type RoundIndexRequest = { roundId: string } & Partial<ResultsOptions>;

/** The one normaliser of a request: every option set, in one order, so equal requests are equal keys. */
export function normalizeRequest(req: RoundIndexRequest): Required<RoundIndexRequest> {
  const d = DEFAULT_RESULTS_OPTIONS;
  return { roundId: req.roundId, by: req.by ?? d.by, weighted: req.weighted ?? d.weighted, multiUnit: req.multiUnit ?? d.multiUnit, interval: req.interval ?? d.interval };
}

/** The key of a request's results: the background job's and the cache's (index_cache.options_key). */
export function resultsKey(req: RoundIndexRequest): string {
  const n = normalizeRequest(req);
  return JSON.stringify([n.roundId, n.by, n.weighted, n.multiUnit, n.interval]);
}

export interface UnitRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

/**
 * The engine's options for a request: groups by unit level map each respondent's unit up the round's unit
 * tree; a profile item groups by its answer. Plain data in, so a worker builds the very same options.
 */
export function indexOptionsFor(req: Required<RoundIndexRequest>, units: readonly UnitRow[]): IndexOptions {
  const parentOf = new Map(units.map((u) => [u.code, u.parent_code]));
  const levelOf = new Map(units.map((u) => [u.code, u.level as string]));
  const ancestorAt = (unit: string | null, level: string): string | null => {
    for (let u = unit, guard = 0; u && guard < 16; u = parentOf.get(u) ?? null, guard++) if (levelOf.get(u) === level) return u;
    return null;
  };
  const isLevel = (UNIT_LEVELS as readonly string[]).includes(req.by);
  return {
    weighted: req.weighted,
    multiUnit: req.multiUnit,
    interval: req.interval,
    groupBy: req.by === "none" ? "none" : req.by === "unit" ? "unit" : isLevel ? (r: ResponseRecord) => ancestorAt(r.unit, req.by) : { item: req.by },
    groups: isLevel ? units.filter((u) => u.level === req.by).map((u) => u.code) : req.by === "unit" ? units.map((u) => u.code) : undefined,
    unitOf: isLevel ? (r: ResponseRecord) => ancestorAt(r.unit, req.by) : undefined,
  };
}

