// A worker thread computing one part of a round's indices (app/services/index-parts.server.ts):
// the responses of some strata, read from SQLite and accumulated, sent back as plain data.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { computeIndexPart } = await import("../app/services/index-part.server.ts");
let last = 0;
let latest = 0;
const part = await computeIndexPart(workerData, (done) => {
  latest = done;
  if (done - last >= 20_000) {
    last = done;
    parentPort.postMessage({ type: "progress", done });
  }
});
const buffers = new Set();
const collect = (a) => a && ArrayBuffer.isView(a) && buffers.add(a.buffer);
for (const k of ["psuStratum", "slotCell", "slotPsu", "slotTotals"]) collect(part[k]);
for (const cell of part.cells) {
  for (const a of [cell.itemCount, cell.nodeCount, cell.nodeWeight, cell.moments.base, cell.moments.vec, cell.moments.sparse]) collect(a);
  for (const b of cell.blocks) for (const a of [b.second.base, b.second.vec, b.second.sparse, b.first.base, b.first.vec, b.itemCount, b.nodeCount]) collect(a);
}
for (const m of part.overallSecond ?? []) collect(m);
parentPort.postMessage({ type: "progress", done: latest });
parentPort.postMessage({ type: "done", part }, [...buffers]);
