/**
 * What a round's index request means to the engine: the grouping, weighting and multi-unit choices, made
 * into IndexOptions from the round's unit tree. Plain data in, so a worker thread builds the very same options.
 */
import type { IndexOptions, ResponseRecord } from "./types";

export const UNIT_LEVELS = ["province", "district", "commune", "agency"] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export interface RoundIndexRequest {
  roundId: string;
  /** "none", "unit" (the respondent's own unit), a unit level (units mapped up the round's tree), or a profile item code. */
  by?: string;
  weighted?: boolean;
  multiUnit?: "pooled" | "meanOfUnits";
  interval?: "wald" | "logit";
}

export function normalizeRequest(req: RoundIndexRequest): Required<RoundIndexRequest> {
  return {
    roundId: req.roundId,
    by: req.by ?? "none",
    weighted: req.weighted ?? true,
    multiUnit: req.multiUnit ?? "pooled",
    interval: req.interval ?? "wald",
  };
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

