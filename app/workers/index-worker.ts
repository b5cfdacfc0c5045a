// A worker thread computing one part of a round's indices (app/services/index-parts.server.ts): the responses
// of some strata, read from SQLite and accumulated, sent back as plain data with its typed arrays transferred.
// Runs from the build as one bundled file (bin/build-worker.mjs), or from source through bin/worker.mjs.
import { parentPort, workerData } from "node:worker_threads";
import { computeIndexPart, type PartInput } from "../services/results/index-part.server";

const port = parentPort!;
let last = 0;
let latest = 0;
const part = await computeIndexPart(workerData as PartInput, (done) => {
  latest = done;
  if (done - last >= 20_000) {
    last = done;
    port.postMessage({ type: "progress", done });
  }
});

const buffers = new Set<ArrayBuffer>();
const collect = (a: unknown) => {
  if (ArrayBuffer.isView(a)) buffers.add(a.buffer as ArrayBuffer);
};
for (const a of [part.psuStratum, part.slotCell, part.slotPsu, part.slotTotals]) collect(a);
for (const cell of part.cells) {
  for (const a of [cell.itemCount, cell.nodeCount, cell.nodeWeight, cell.moments.base, cell.moments.vec, cell.moments.sparse]) collect(a);
  for (const b of cell.blocks) for (const a of [b.second.base, b.second.vec, b.second.sparse, b.first.base, b.first.vec, b.itemCount, b.nodeCount]) collect(a);
}
for (const m of part.overallSecond ?? []) collect(m);
port.postMessage({ type: "progress", done: latest });
port.postMessage({ type: "done", part }, [...buffers]);
