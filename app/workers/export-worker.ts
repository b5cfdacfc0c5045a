// A worker thread writing the CSV lines of some strata of a round's responses export (app/services/
// parallel-export.server.ts): each task's lines sent back in order as UTF-8 bytes, transferred, not copied.
// Runs from the build as one bundled file (bin/build-worker.mjs), or from source through bin/worker.mjs.
import { parentPort, workerData } from "node:worker_threads";
import { exportLayout, stratumWordsFrom } from "../domain/csv/responses-export";
import type { ExportPartInput, ExportPartMessage, ExportTask } from "../services/data/parallel-export.server";
import { openExportReader, strataLineChunks } from "../services/responses/sqlite-export-reader.server";

const port = parentPort!;
const input = workerData as ExportPartInput;
const reader = openExportReader(input.file);
const layout = exportLayout(input.definition, input.labels, stratumWordsFrom(input.strataWords));
const encoder = new TextEncoder();
const send = (m: ExportPartMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

port.on("message", (task: ExportTask) => {
  for (const chunk of strataLineChunks(reader, input.roundId, layout, task.strata, input.rowsPerChunk)) {
    const bytes = encoder.encode(chunk);
    send({ task: task.id, bytes }, [bytes.buffer as ArrayBuffer]);
  }
  send({ task: task.id, bytes: null });
});
