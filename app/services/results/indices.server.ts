import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { Definition } from "../../domain/definition/schema";
import { UserError } from "../../domain/errors";
import { createIndexAccumulator, type IndexOptions, type IndexResult, type ResponseRecord } from "../../domain/indices";
import type { Progress } from "../../domain/indices/types";
import { getRound } from "../rounds/rounds.server";
import { computeInParts } from "./parallel-indices.server";
import { indexOptionsFor, normalizeRequest, resultsKey, UNIT_LEVELS, type RoundIndexRequest, type UnitRow } from "../../domain/indices/round-options";

export { indexOptionsFor, normalizeRequest, UNIT_LEVELS, type RoundIndexRequest, type UnitRow };
export type { UnitLevel } from "../../domain/indices/round-options";
export type { Progress };
import { countSubmitted, readRoundRecords } from "../responses/read.server";
import { nowIso } from "../platform/ids-and-time.server";
import { msg } from "../../domain/messages";

export interface RoundIndices {
  result: IndexResult;
  /** Names of the groups (unit names, option labels) for display. */
  groupNames: Record<string, string>;
  dataVersion: number;
  cached: boolean;
  computedAt: string;
}

/** The choices of `by` a round offers: unit levels present in it, then profile (demographic) items. */
export function groupingChoices(def: Definition, levels: readonly string[]): string[] {
  const profile = def.sections.flatMap((s) => s.items.filter((i) => i.type === "demographic").map((i) => i.code));
  return ["none", "unit", ...UNIT_LEVELS.filter((l) => levels.includes(l)), ...profile];
}

/**
 * Weighted indices of a round with their confidence intervals, read from the database in one pass
 * and kept per set of options until the round's data changes (its data_version moves on).
 */
export async function computeRoundIndices(db: Kysely<Database>, request: RoundIndexRequest, onProgress?: Progress): Promise<RoundIndices> {
  const req = normalizeRequest(request);
  const { round, units, definition } = await getRound(db, req.roundId);
  const choices = groupingChoices(definition, [...new Set(units.map((u) => u.level))]);
  if (!choices.includes(req.by)) {
    throw new UserError(msg("resultsErrors.cannotGroupRound", { round: req.roundId, by: req.by, choices: choices.join(", ") }));
  }
  const optionsKey = resultsKey(req);
  const names = groupNamesFor(definition, units, req.by);

  const cached = await db
    .selectFrom("index_cache")
    .select(["result", "data_version", "computed_at"])
    .where("round_id", "=", req.roundId)
    .where("options_key", "=", optionsKey)
    .executeTakeFirst();
  const fresh = cached && Number(cached.data_version) === round.data_version ? readCached(cached.result) : null;
  if (fresh) return { result: fresh, groupNames: names, dataVersion: round.data_version, cached: true, computedAt: cached!.computed_at };

  const options = indexOptionsFor(req, units);
  const total = await countSubmitted(db, req.roundId);
  onProgress?.(0, total);
  const result =
    (await computeInParts(db, { roundId: req.roundId, definition, request: req, units, total }, onProgress)) ??
    (await computeInOnePass(db, req.roundId, definition, options, total, onProgress));
  const computedAt = nowIso();
  await db
    .insertInto("index_cache")
    .values({ round_id: req.roundId, options_key: optionsKey, data_version: String(round.data_version), result: JSON.stringify(result), computed_at: computedAt })
    .onConflict((oc) =>
      oc.columns(["round_id", "options_key"]).doUpdateSet({ data_version: String(round.data_version), result: JSON.stringify(result), computed_at: computedAt }),
    )
    .execute();
  return { result, groupNames: names, dataVersion: round.data_version, cached: false, computedAt };
}

/** A cached result, or null for one an older build wrote with its notes as English sentences: it is made again. */
function readCached(json: string): IndexResult | null {
  const result = JSON.parse(json) as IndexResult;
  return result.notes.every((n) => typeof n === "object" && n !== null) ? result : null;
}

/** One pass over the round in this thread. */
async function computeInOnePass(
  db: Kysely<Database>,
  roundId: string,
  definition: Definition,
  options: IndexOptions,
  total: number,
  onProgress?: Progress,
): Promise<IndexResult> {
  const acc = createIndexAccumulator(definition, options);
  let done = 0;
  for await (const batch of readRoundRecords(db, roundId, { definition })) {
    acc.addBatch(batch);
    done += batch.length;
    onProgress?.(done, total);
  }
  return acc.finish();
}

function groupNamesFor(def: Definition, units: { code: string; name: string }[], by: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const u of units) names[u.code] = u.name;
  const item = def.sections.flatMap((s) => s.items).find((i) => i.code === by);
  for (const o of item?.options ?? []) names[o.code] = o.label.vi;
  return names;
}
