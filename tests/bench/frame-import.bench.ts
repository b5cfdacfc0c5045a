/**
 * Frame import speed and memory: 100,000 and 1,000,000 dossier holders imported into SQLite (and
 * PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set), each run in a fresh process so
 * its peak RSS is its own.
 *
 *   node --import tsx tests/bench/frame-import.bench.ts            # all sizes, all engines
 *   node --import tsx tests/bench/frame-import.bench.ts 100000     # one size
 *
 * The frame file is written once per size to tests/.tmp/bench (about 120 MB for 1M rows) and
 * reused. Figures and method: docs/BENCHMARKS.md (frame import).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrateToLatest, openDatabase } from "../../db/connection";
import { importShippedDefinitions } from "../../app/services/definitions/shipped-files.server";
import { importFrameFile } from "../../app/services/fieldwork/frame-import.server";
import { createRound } from "../../app/services/rounds/rounds.server";
import { factoryUnits, writeFrameFile } from "../fixtures/frame-factory";

const DIR = "tests/.tmp/bench";
const SIZES = [100_000, 1_000_000];
const self = fileURLToPath(import.meta.url);

interface Result {
  rows: number;
  engine: string;
  fileMB: number;
  seconds: number;
  cpuSeconds: number;
  rowsPerSecond: number;
  rssBeforeMB: number;
  peakRssMB: number;
  heapPeakMB: number;
  imported: number;
}

async function child(rows: number, engine: "sqlite" | "postgres"): Promise<Result> {
  const file = `${DIR}/frame-${rows}.csv`;
  let url: string;
  let drop = async () => {};
  if (engine === "sqlite") {
    url = `${DIR}/bench-${rows}.sqlite`;
    for (const f of [url, `${url}-wal`, `${url}-shm`]) rmSync(f, { force: true });
    drop = async () => {
      for (const f of [url, `${url}-wal`, `${url}-shm`]) rmSync(f, { force: true });
    };
  } else {
    const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL!;
    const schema = `bench_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    url = `${base}${base.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    drop = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    };
  }
  const handle = openDatabase({ url });
  try {
    await migrateToLatest(handle.db);
    await importShippedDefinitions(handle.db);
    await createRound(handle.db, {
      id: "bench",
      definition: "sipas-2022@1",
      name: "Benchmark",
      units: factoryUnits(10, 10),
      periodStart: "2022-08-01",
      periodEnd: "2022-10-31",
    });
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    let heapPeak = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    };
    const timer = setInterval(sample, 25);
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const report = await importFrameFile(handle.db, { roundId: "bench", path: file, fileName: file, mode: "all", onProgress: sample });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    clearInterval(timer);
    sample();
    if (report.problemCount || report.fileError) throw new Error(`the benchmark frame has problems: ${JSON.stringify(report.problems.slice(0, 3))}`);
    return {
      rows,
      engine,
      fileMB: statSync(file).size / 1e6,
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      rowsPerSecond: rows / seconds,
      rssBeforeMB: rssBefore / 1e6,
      peakRssMB: peak / 1e6,
      heapPeakMB: heapPeak / 1e6,
      imported: report.rowsImported,
    };
  } finally {
    await handle.close();
    await drop();
  }
}

async function main() {
  if (process.argv[2] === "--child") {
    const result = await child(Number(process.argv[3]), process.argv[4] as "sqlite" | "postgres");
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    return;
  }
  const sizes = process.argv[2] ? [Number(process.argv[2])] : SIZES;
  const engines: ("sqlite" | "postgres")[] = ["sqlite"];
  if (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL) engines.push("postgres");
  mkdirSync(DIR, { recursive: true });
  for (const rows of sizes) {
    const file = `${DIR}/frame-${rows}.csv`;
    if (!existsSync(file)) {
      console.log(`writing ${file} …`);
      await writeFrameFile(file, { rows, districts: 10, communesPerDistrict: 10, seed: 2022 });
    }
  }
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} on ${cpus().length} CPUs`
  );
  console.log("rows\tengine\tfile MB\tseconds\tCPU s\trows/s\tRSS before MB\tpeak RSS MB\tpeak heap MB");
  let failed = false;
  for (const rows of sizes) {
    for (const engine of engines) {
      const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", self, "--child", String(rows), engine], {
        encoding: "utf8",
        maxBuffer: 1 << 24,
      });
      const line = run.stdout.split("\n").find((l) => l.startsWith("RESULT "));
      if (run.status !== 0 || !line) {
        console.error(`${rows} ${engine}: failed\n${run.stderr}`);
        failed = true;
        continue;
      }
      const r = JSON.parse(line.slice(7)) as Result;
      console.log(
        [
          r.rows,
          r.engine,
          r.fileMB.toFixed(0),
          r.seconds.toFixed(1),
          r.cpuSeconds.toFixed(1),
          Math.round(r.rowsPerSecond),
          r.rssBeforeMB.toFixed(0),
          r.peakRssMB.toFixed(0),
          r.heapPeakMB.toFixed(0),
        ].join("\t")
      );
      if (r.rows >= 1_000_000 && r.seconds >= 60) {
        console.error(`${r.engine}: 1,000,000 rows took ${r.seconds.toFixed(1)} s, the target is under 60 s`);
        failed = true;
      }
    }
  }
  if (failed) process.exitCode = 1;
}

await main();
