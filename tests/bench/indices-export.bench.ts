/**
 * Benchmark of issue 3 (method and results: docs/BENCHMARKS.md):
 *  1. 1,000,000 responses to sipas-2022 over 63 provinces (126 strata, ~33,000 clusters, weights, FPC),
 *     and a round holding the first 100,000 of them — generated once (fixed seed) into a SQLite file;
 *  2. every index with its interval, by province, weighted: computeRoundIndices on 1M and on 100k;
 *  3. R's survey (svyby of svyratio per item, by province) on the 100k round's CSV export, same run;
 *  4. CSV export of 100k and 1M responses: rows per second and peak memory, each run alternating with a run of
 *     the same export in one thread (no worker threads), the baseline of the speed-up.
 * Each measurement runs in its own process (bench-child.ts); medians of BENCH_RUNS runs (default 3).
 *
 *   node --import tsx tests/bench/indices-export.bench.ts
 *   BENCH_RUNS=5 BENCH_R_ITEMS=all node --import tsx tests/bench/indices-export.bench.ts
 *
 * BENCH_R_ITEMS: how many of the 54 index items R estimates (default 6, spread over the questionnaire); its
 * time is then scaled to all items (each item is one independent svyby call, so R's time is linear in them).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { isLeaf, type Definition, type IndexNode } from "../../app/domain/definition/schema";
import { parseDefinitionText } from "../../app/domain/definition/parse";
import { ensureBenchData } from "./bench-data";

const DIR = "tests/.tmp/bench";
const DB = `${DIR}/sipas-2022-1m.sqlite`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const R_ITEMS = process.env.BENCH_R_ITEMS ?? "6";
const log = (s: string) => console.log(s);
// The worker threads run the bundles, as under the web server (bin/server.mjs); built fresh here.

function child(...args: string[]): Record<string, number> {
  return childWith({}, ...args);
}

function childWith(env: Record<string, string>, ...args: string[]): Record<string, number> {
  const run = spawnSync(process.execPath, ["--import", "tsx", "tests/bench/bench-child.ts", ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, SIPAS_WORKER_DIR: DIR, ...env },
  });
  if (run.status !== 0) throw new Error(`bench-child ${args.join(" ")} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop()!) as Record<string, number>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function repeat(label: string, args: () => string[]): Record<string, number>[] {
  const out: Record<string, number>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = child(...args());
    log(`  ${label} run ${i + 1}: ${JSON.stringify(r)}`);
    out.push(r);
  }
  return out;
}

// The export's baseline: the same export in one thread (no worker threads), alternating with the default runs.
const ONE_THREAD = { SIPAS_EXPORT_PARALLEL_MIN: "1e15" };
function repeatAgainstOneThread(label: string, args: () => string[]): { runs: Record<string, number>[]; oneThread: Record<string, number>[] } {
  const runs: Record<string, number>[] = [];
  const oneThread: Record<string, number>[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(logged(`${label} run ${i + 1}`, childWith({}, ...args())));
    oneThread.push(logged(`${label} in one thread, run ${i + 1}`, childWith(ONE_THREAD, ...args())));
  }
  return { runs, oneThread };
}
function logged(label: string, r: Record<string, number>): Record<string, number> {
  log(`  ${label}: ${JSON.stringify(r)}`);
  return r;
}

/** Items entering an index, with their positive and valid option codes, for R. */
function indexItems(def: Definition): { code: string; positive: string[]; valid: string[] }[] {
  const used = new Set<string>();
  const walk = (n: IndexNode) => n.children.forEach((c) => (isLeaf(c) ? used.add(c.item) : walk(c)));
  def.indices.forEach(walk);
  return def.sections
    .flatMap((s) => s.items)
    .filter((i) => used.has(i.code))
    .map((i) => ({ code: i.code, positive: i.positive ?? [], valid: (i.options ?? []).filter((o) => !o.missing).map((o) => o.code) }));
}

mkdirSync(DIR, { recursive: true });
const machine = {
  cpu: `${cpus()[0]?.model ?? "?"} × ${cpus().length}`,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadBefore: loadavg().map((l) => l.toFixed(2)).join(" "),
};
log(`machine: ${JSON.stringify(machine)}, free memory ${Math.round(freemem() / 2 ** 30)} GB`);
log("1. data");
await ensureBenchData(DB, 1_000_000, 100_000, log);

if (spawnSync(process.execPath, ["bin/build-worker.mjs", DIR], { stdio: "inherit" }).status !== 0) throw new Error("could not bundle the workers");
log("2. indices by province, weighted (computeRoundIndices, cache emptied before each run)");
const rowsFile = `${DIR}/engine-100k-items.json`;
const idx1m = repeat("1M", () => ["indices", DB, "bench-1m"]);
const idx100k = repeat("100k", () => ["indices", DB, "bench-100k", rowsFile]);

log("3. R survey on the 100k round, from the platform's CSV export");
const exported = `${DIR}/export-100k-for-r.csv`;
child("export", DB, "bench-100k", exported);
const def = (() => {
  const parsed = parseDefinitionText(readFileSync("survey-definitions/sipas-2022/1.json", "utf8"));
  if (!parsed.ok) throw new Error("sipas-2022 does not parse");
  return parsed.definition;
})();
const allItems = indexItems(def);
const take = R_ITEMS === "all" ? allItems.length : Math.min(allItems.length, Number(R_ITEMS));
const stride = allItems.length / take;
const rItems = Array.from({ length: take }, (_, i) => allItems[Math.floor(i * stride)]);
writeFileSync(`${DIR}/items.csv`, "item,positive,valid\n" + rItems.map((i) => `${i.code},${i.positive.join("|")},${i.valid.join("|")}`).join("\n") + "\n");
const rRun = spawnSync("Rscript", ["tests/bench/svyby.R", exported, `${DIR}/items.csv`, `${DIR}/r-100k.csv`], { encoding: "utf8" });
if (rRun.status !== 0) throw new Error(`Rscript failed:\n${rRun.stderr}`);
const r = JSON.parse(rRun.stdout.trim().split("\n").pop()!) as { compute_s: number; read_s: number; items: number; r: string; survey: string };
const rAllItems = (r.compute_s * allItems.length) / r.items;
log(`  R: ${JSON.stringify(r)} → ${rAllItems.toFixed(1)} s for all ${allItems.length} items`);

// The same numbers? Item rows of the engine (100k round) against R's.
const engineRows = new Map((JSON.parse(readFileSync(rowsFile, "utf8")) as { group: string; node: string; estimate: number | null; se: number | null }[]).map((e) => [`${e.group}/${e.node}`, e]));
let maxEstimate = 0;
let maxSe = 0;
let compared = 0;
for (const line of readFileSync(`${DIR}/r-100k.csv`, "utf8").trim().split("\n").slice(1)) {
  const [group, node, estimate, se] = line.split(",").map((c) => c.replace(/"/g, ""));
  const e = engineRows.get(`${group}/${node}`);
  if (!e || e.estimate === null || estimate === "NA" || estimate === "NaN") continue;
  compared++;
  maxEstimate = Math.max(maxEstimate, Math.abs(e.estimate - Number(estimate)));
  if (Number(se) > 0) maxSe = Math.max(maxSe, Math.abs(e.se! - Number(se)) / Number(se));
}
log(`  agreement on ${compared} item × province rows: |estimate − R| ≤ ${maxEstimate.toExponential(2)} pp, |SE − R|/R ≤ ${maxSe.toExponential(2)}`);

log("4. CSV export (each run in a fresh process)");
const baseline = child("baseline", DB);
const out = (n: number) => `${DIR}/export-run-${n}.csv`;
let k = 0;
const exp100k = repeatAgainstOneThread("100k", () => ["export", DB, "bench-100k", out(k++)]);
const exp1m = repeatAgainstOneThread("1M", () => ["export", DB, "bench-1m", out(k++)]);
for (let i = 0; i < k; i++) rmSync(out(i), { force: true });

const m = (runs: Record<string, number>[], key: string) => median(runs.map((x) => x[key]));
function exportSummary({ runs, oneThread }: { runs: Record<string, number>[]; oneThread: Record<string, number>[] }) {
  const summary = (rs: Record<string, number>[]) => ({ rowsPerSecond: m(rs, "rowsPerSecond"), seconds: m(rs, "seconds"), cpuSeconds: m(rs, "cpuSeconds"), peakMb: m(rs, "peakMb") });
  return { ...summary(runs), bytes: runs[0].bytes, oneThread: summary(oneThread), speedup: m(oneThread, "seconds") / m(runs, "seconds") };
}
const engine100k = m(idx100k, "seconds");
const results = {
  machine: { ...machine, loadAfter: loadavg().map((l) => l.toFixed(2)).join(" ") },
  runs: RUNS,
  indices: {
    "1M": { ...idx1m[0], seconds: m(idx1m, "seconds"), cpuSeconds: m(idx1m, "cpuSeconds"), peakMb: m(idx1m, "peakMb") },
    "100k": { seconds: engine100k, cpuSeconds: m(idx100k, "cpuSeconds"), peakMb: m(idx100k, "peakMb") },
  },
  r: { ...r, itemsTotal: allItems.length, computeAllItemsSeconds: rAllItems, ratioTo100kEngine: rAllItems / engine100k, agreement: { compared, maxEstimate, maxSe } },
  export: {
    baselinePeakMb: baseline.peakMb,
    "100k": exportSummary(exp100k),
    "1M": exportSummary(exp1m),
  },
};
writeFileSync(`${DIR}/indices-export.json`, JSON.stringify(results, null, 2));

const f = (x: number, d = 1) => x.toFixed(d);
function exportCell(e: ReturnType<typeof exportSummary>): string {
  const one = e.oneThread;
  return `${f(e.rowsPerSecond, 0)} rows/s, peak ${f(e.peakMb, 0)} MB; in one thread ${f(one.rowsPerSecond, 0)} rows/s, peak ${f(one.peakMb, 0)} MB (${f(e.speedup, 2)}× faster)`;
}
log(`
| measure | result | target |
|---|---|---|
| indices by province, weighted, 1M responses (median of ${RUNS}) | ${f(results.indices["1M"].seconds)} s wall, ${f(results.indices["1M"].cpuSeconds)} s CPU, peak ${f(results.indices["1M"].peakMb, 0)} MB | < 10 s |
| same, 100k responses | ${f(engine100k, 2)} s wall, ${f(results.indices["100k"].cpuSeconds, 2)} s CPU | |
| R survey svyby (svyratio per item, by province), 100k | ${f(rAllItems)} s for ${allItems.length} items${r.items < allItems.length ? ` (${f(r.compute_s)} s measured for ${r.items}, scaled)` : ""}; reading the CSV ${f(r.read_s)} s more | |
| engine vs R on the same 100k | ${f(results.r.ratioTo100kEngine, 0)}× faster | ≥ 20× |
| agreement with R (item × province rows) | estimates within ${maxEstimate.toExponential(1)} pp, SEs within ${maxSe.toExponential(1)} relative (${compared} rows) | |
| CSV export, 100k responses | ${exportCell(results.export["100k"])} | ≥ 100,000 rows/s, < 256 MB |
| CSV export, 1M responses | ${exportCell(results.export["1M"])} (${f(results.export["1M"].bytes / 2 ** 20, 0)} MB file) | same peak as 100k |
| process doing nothing (Node + tsx + driver) | peak ${f(baseline.peakMb, 0)} MB | |

machine: ${results.machine.cpu}, ${results.machine.memoryGb} GB, Node ${results.machine.node}; load average before ${results.machine.loadBefore}, after ${results.machine.loadAfter}
(results also in ${DIR}/indices-export.json)`);
