import { createIndexAccumulator } from "../../domain/indices/accumulator";
import { indexOptionsFor, type RoundIndexRequest, type UnitRow } from "../../domain/indices/round-options";
import type { Definition } from "../../domain/definition/schema";
import type { PartialAccumulation } from "../../domain/indices/types";
import { streamStrataRecords } from "../responses/sqlite-round-reader.server";

/** What a worker thread gets to compute one part of a round's indices (app/workers/index-worker.ts). */
export interface PartInput {
  file: string;
  roundId: string;
  definition: Definition;
  request: Required<RoundIndexRequest>;
  units: UnitRow[];
  /** The strata this part reads (a stratum's PSUs are all in one part). */
  strata: (string | null)[];
}

/** One part of the pass: the responses of some strata, accumulated, as plain data for the main thread. */
export async function computeIndexPart(input: PartInput, onProgress: (done: number) => void): Promise<PartialAccumulation> {
  const acc = createIndexAccumulator(input.definition, indexOptionsFor(input.request, input.units));
  let done = 0;
  for await (const batch of streamStrataRecords(input.file, input.roundId, input.strata, input.definition)) {
    acc.addBatch(batch);
    done += batch.length;
    onProgress(done);
  }
  return acc.snapshot();
}

