import type { Kysely } from "kysely";
import { availableParallelism } from "node:os";
import { sqliteFileOf } from "../../../db/engine";
import { countSubmittedByStratum } from "../responses/read.server";
import type { Database } from "../../../db/schema";
import type { Definition } from "../../domain/definition/schema";
import { createIndexAccumulator } from "../../domain/indices/accumulator";
import type { IndexResult, PartialAccumulation, Progress } from "../../domain/indices/types";
import { indexOptionsFor, type RoundIndexRequest, type UnitRow } from "../../domain/indices/round-options";

import type { PartInput } from "./index-part.server";
import { startWorker, workerScript } from "../platform/workers.server";

/** Rounds smaller than this are computed in one thread: starting workers costs more than it saves. */
const parallelMin = () => Number(process.env.SIPAS_PARALLEL_MIN ?? 150_000);

/** Strata split into `parts` groups of about equal numbers of responses (largest first, into the lightest group). */
export function partitionStrata(counts: { stratum: string | null; n: number }[], parts: number): (string | null)[][] {
  const groups = Array.from({ length: parts }, () => ({ n: 0, strata: [] as (string | null)[] }));
  for (const { stratum, n } of [...counts].sort((a, b) => b.n - a.n)) {
    const lightest = groups.reduce((a, b) => (b.n < a.n ? b : a));
    lightest.n += n;
    lightest.strata.push(stratum);
  }
  return groups.filter((g) => g.strata.length > 0).map((g) => g.strata);
}

/**
 * A large round on SQLite, read and accumulated by one worker thread per processor over disjoint strata, the
 * parts then absorbed and finished here: the same figures as one pass (tests/unit/indices-fast-paths.test.ts),
 * about twice as fast on two cores. Null when the round is small, not on SQLite, has a single stratum, or the
 * machine has one processor: the caller then makes one pass itself.
 */
export async function computeInParts(
  db: Kysely<Database>,
  round: { roundId: string; definition: Definition; request: Required<RoundIndexRequest>; units: UnitRow[]; total: number },
  onProgress?: Progress,
): Promise<IndexResult | null> {
  const file = sqliteFileOf(db);
  const script = workerScript("index-worker");
  const cores = Math.min(availableParallelism(), Number(process.env.SIPAS_WORKERS ?? 8));
  if (!file || !script || cores < 2 || round.total < parallelMin()) return null;

  const timing = process.env.SIPAS_TIMING ? (what: string) => console.error(`[parts] ${what} ${(performance.now() - t0).toFixed(0)} ms`) : () => {};
  const t0 = performance.now();
  const parts = partitionStrata(await countSubmittedByStratum(db, round.roundId), cores);
  if (parts.length < 2) return null;
  timing("strata counted");

  const done = new Array<number>(parts.length).fill(0);
  const snapshots = await Promise.all(
    parts.map(
      (strata, i) =>
        new Promise<PartialAccumulation>((resolvePart, reject) => {
          const input: PartInput = { file, roundId: round.roundId, definition: round.definition, request: round.request, units: round.units, strata };
          const worker = startWorker(script, { workerData: input });
          worker.on("message", (m: { type: "progress"; done: number } | { type: "done"; part: PartialAccumulation }) => {
            if (m.type === "progress") {
              if (done[i] === 0) timing(`worker ${i} first batch`);
              done[i] = m.done;
              onProgress?.(done.reduce((a, b) => a + b, 0), round.total);
            } else {
              timing(`worker ${i} done`);
              resolvePart(m.part);
            }
          });
          worker.on("error", reject);
          worker.on("exit", (code) => {
            if (code !== 0) reject(new Error(`index worker ${i} stopped with exit code ${code}`));
          });
        }),
    ),
  );
  const acc = createIndexAccumulator(round.definition, indexOptionsFor(round.request, round.units));
  for (const part of snapshots) acc.absorb(part);
  timing("absorbed");
  const result = acc.finish();
  timing("finished");
  return result;
}
