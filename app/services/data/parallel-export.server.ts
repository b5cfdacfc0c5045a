import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Definition, Locale } from "../../domain/definition/schema";
import type { Kysely } from "kysely";
import { sqliteFileOf } from "../../../db/engine";
import type { Database } from "../../../db/schema";
import { exportLayout } from "../../domain/csv/responses-export";
import { countSubmittedByStratum, readRoundLines } from "../responses/read.server";
import { startWorker, workerScript } from "../platform/workers.server";

/** What each export worker gets when it starts (app/workers/export-worker.ts). */
export interface ExportPartInput {
  file: string;
  roundId: string;
  definition: Definition;
  labels: Locale | null;
  rowsPerChunk: number;
  /** The round's stratum keys in words (a worker cannot be handed the function that makes them). */
  strataWords: [string, string][];
}
/** A run of consecutive strata (in the covering index's order) whose lines one worker writes. */
export interface ExportTask {
  id: number;
  strata: (string | null)[];
}
/** A chunk of a task's lines; `bytes: null` ends the task. */
export type ExportPartMessage = { task: number; bytes: Uint8Array | null };

/** Rounds smaller than this are exported in one thread. */
const parallelMin = () => Number(process.env.SIPAS_EXPORT_PARALLEL_MIN ?? 50_000);
/** About this many rows per task: few messages, and little waiting in memory for its turn. */
const TASK_ROWS = 10_000;
/**
 * A stratum is never split between workers, and the lines of a finished task wait in memory until every earlier
 * one is written: with a stratum larger than this the export stays in one thread, so that memory stays flat.
 */
const MAX_STRATUM_ROWS = 100_000;
/** Chunks of ~100 kB: short-lived strings in a worker's young generation, never its large-object space. */
const WORKER_CHUNK_ROWS = 400;
/**
 * A worker's heap, bounded: it holds a chunk or two at a time, and V8 left to itself grows each worker's heap by
 * tens of MB over a long export (peak 290 MB for 1M rows instead of 215: docs/BENCHMARKS.md).
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };
/**
 * The chunks arrive as transferred ArrayBuffers, outside V8's heap; this thread allocates little else, so V8 would
 * let ~60 MB of chunks already written wait for a collection, the more the longer the export. A young-generation
 * collection (~1 ms) every 8 MB frees them: the peak is then the same for 100k rows and for 1M.
 */
const COLLECT_EVERY_BYTES = 8 << 20;
let young: (() => void) | null = null;
function collectYoung(): void {
  if (!young) {
    // Exposes gc() to contexts created from now on only: this one, not the app's own global scope. Should a Node
    // version refuse, the export goes on without it (memory then grows and falls back as it did before).
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("typeof gc === 'function' ? gc : null") as ((options: { type: "minor" }) => void) | null;
    young = gc ? () => gc({ type: "minor" }) : () => {};
  }
  young();
}

/** Consecutive strata grouped into tasks of at least `taskRows` rows (the last may be smaller). */
export function exportTasks(counts: { stratum: string | null; n: number }[], taskRows: number): ExportTask[] {
  const tasks: ExportTask[] = [];
  let strata: (string | null)[] = [];
  let rows = 0;
  for (const { stratum, n } of counts) {
    strata.push(stratum);
    rows += n;
    if (rows >= taskRows) {
      tasks.push({ id: tasks.length, strata });
      strata = [];
      rows = 0;
    }
  }
  if (strata.length) tasks.push({ id: tasks.length, strata });
  return tasks;
}

/** The tasks of a parallel export: null when it stays in one thread (a stratum too large, fewer than two tasks). */
export function exportPlan(counts: { stratum: string | null; n: number }[], cores: number): ExportTask[] | null {
  if (counts.some((c) => c.n > MAX_STRATUM_ROWS)) return null;
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  const tasks = exportTasks(counts, Math.min(TASK_ROWS, Math.ceil(total / (2 * cores))));
  return tasks.length < 2 ? null : tasks;
}

/**
 * A large round's export on SQLite written by one worker thread per processor, each task a run of whole strata,
 * the bytes put back in index order here: the same file as the single thread writes (tests/integration/
 * parallel-export.test.ts), about twice as fast on two cores. Each worker reads through its own read-only
 * connection, so responses submitted while the export runs may appear in one stratum and not yet in another,
 * as they would in a download started a moment later. Null (the caller then writes it alone) when the round is
 * small, has one stratum or one too large to keep in memory, there is one processor or no worker script.
 */
export function parallelExportChunks(
  db: Kysely<Database>,
  input: Omit<ExportPartInput, "rowsPerChunk" | "file" | "strataWords">,
  total: number,
  rowsPerChunk: number,
  stratumWords: (key: string) => string,
): AsyncGenerator<string | Uint8Array> | null {
  const file = sqliteFileOf(db);
  const script = workerScript("export-worker");
  const cores = Math.min(availableParallelism(), Number(process.env.SIPAS_WORKERS ?? 8));
  if (!file || !script || cores < 2 || total < parallelMin()) return null;
  return (async function* () {
    const counts = await countSubmittedByStratum(db, input.roundId);
    const tasks = exportPlan(counts, cores);
    if (!tasks) {
      yield* readRoundLines(db, input.roundId, exportLayout(input.definition, input.labels, stratumWords), rowsPerChunk);
      return;
    }
    const strataWords = counts.flatMap(({ stratum }): [string, string][] => (stratum ? [[stratum, stratumWords(stratum)]] : []));
    const workerData: ExportPartInput = { ...input, file, rowsPerChunk: Math.min(rowsPerChunk, WORKER_CHUNK_ROWS), strataWords };
    const workers = Array.from({ length: Math.min(cores, tasks.length) }, () => startWorker(script, { workerData, resourceLimits: WORKER_HEAP }));
    yield* inOrder(tasks, workers);
  })();
}

/** Hands tasks to idle workers (never more than one round of them ahead of the writing) and yields bytes in task order. */
async function* inOrder(tasks: ExportTask[], workers: Worker[]): AsyncGenerator<Uint8Array> {
  const received = new Map<number, { chunks: Uint8Array[]; done: boolean }>();
  const idle = [...workers];
  let dispatched = 0;
  let writing = 0;
  let failure: Error | null = null;
  let passed = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const dispatch = () => {
    while (idle.length && dispatched < tasks.length && dispatched - writing <= workers.length) {
      received.set(dispatched, { chunks: [], done: false });
      idle.pop()!.postMessage(tasks[dispatched++]);
    }
  };
  for (const worker of workers) {
    worker.on("message", (m: ExportPartMessage) => {
      const task = received.get(m.task)!;
      if (m.bytes) task.chunks.push(m.bytes);
      else {
        task.done = true;
        idle.push(worker);
        dispatch();
      }
      notify();
    });
    worker.on("error", (e) => {
      failure ??= e;
      notify();
    });
    worker.on("exit", (code) => {
      if (code !== 0) failure ??= new Error(`export worker stopped with exit code ${code}`);
      notify();
    });
  }
  try {
    dispatch();
    while (writing < tasks.length) {
      if (failure) throw failure;
      const task = received.get(writing);
      if (task?.chunks.length) {
        const chunk = task.chunks.shift()!;
        yield chunk;
        passed += chunk.byteLength;
        if (passed > COLLECT_EVERY_BYTES) {
          passed = 0;
          collectYoung();
        }
      } else if (task?.done) {
        received.delete(writing++);
        dispatch();
      } else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    for (const worker of workers) worker.removeAllListeners("exit");
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
