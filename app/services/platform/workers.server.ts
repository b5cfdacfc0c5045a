import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { Worker, type WorkerOptions } from "node:worker_threads";

export type WorkerName = "index-worker" | "export-worker";

/**
 * A worker thread's script: the bundle the build wrote (in SIPAS_WORKER_DIR, set by bin/server.mjs), else the
 * source through tsx (tests, the CLI: bin/worker.mjs <name>), which always runs the current code but takes ~1.5 s
 * more to start. Null when neither is there: the caller then does the work in its own thread.
 */
export function workerScript(name: WorkerName): { file: string; argv: string[] } | null {
  const dir = process.env.SIPAS_WORKER_DIR;
  const bundled = dir ? resolve(dir, `${name}.mjs`) : null;
  if (bundled && existsSync(bundled)) return { file: bundled, argv: [] };
  const source = resolve(process.env.SIPAS_ROOT ?? process.cwd(), "bin/worker.mjs");
  return existsSync(source) ? { file: source, argv: [name] } : null;
}

export function startWorker(script: { file: string; argv: string[] }, options: WorkerOptions): Worker {
  return new Worker(script.file, { ...options, argv: script.argv });
}
