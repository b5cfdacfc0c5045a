/**
 * Speed of the citizen path (issue 11, part 4): whole 2022 submissions as a browser without JavaScript sends them
 * (four `next` POSTs and one `submit`) against the built product server and against a bare node:http +
 * better-sqlite3 server doing the same writes (citizen-bare-server.mjs), with the same client in the same run, at
 * concurrency 32; the same on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set; opening a fresh code's
 * first page; and the bytes of a first load with JavaScript (the bench fails past the budget).
 *
 *   node --import tsx tests/bench/citizen-submit.bench.ts        # `npm run build` first; ~2 minutes
 *   BENCH_SECONDS=8 BENCH_RUNS=5 BENCH_PORT=3272 node --import tsx tests/bench/citizen-submit.bench.ts
 *   BENCH_PROFILE=tests/.tmp/prof ...        # the product server's CPU profile (open it in Chrome's DevTools)
 *   BENCH_BASELINE_BUILD=build-before ...   # also an earlier build of the product, alternating with this one
 *   BENCH_BASELINE_SERVER=bin-before/server.mjs ...   # and its web server script (`git show <commit>:bin/...`)
 *
 * Runs of the product and of the bare server alternate; medians are reported, and the ratio of the medians (the
 * machine's load moves both alike). Method and figures: docs/BENCHMARKS.md (citizen path).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { Agent } from "node:http";
import { loadavg } from "node:os";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { migrateToLatest, openDatabase } from "../../db/connection";
import { seedDemo } from "../../app/services/demo/seed.server";
import { issueCodes } from "../../app/services/fieldwork/invitations.server";
import { FIRST_LOAD_BUDGET_BYTES, FIRST_LOAD_TARGET_BYTES, firstLoadBytes, firstPage, recordSubmission, runLoad, send, submission, type LoadResult } from "./citizen-client";

const DIR = "tests/.tmp/bench";
const USERS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3272);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const BUILD = process.env.SIPAS_BUILD_DIR ?? "build";

const agent = new Agent({ keepAlive: true, maxSockets: USERS });
const servers: ChildProcess[] = [];

function start(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    // TRUST_PROXY: each virtual citizen has an address of its own (X-Forwarded-For), as real phones do.
    env: { ...process.env, HOST: "127.0.0.1", SIPAS_ACCESS_LOG: "0", NODE_ENV: "production", TRUST_PROXY: "loopback", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      if (/running at|bare server on/.test(d.toString())) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`${script} exited (${code})`)));
  });
}

async function stop(child: ChildProcess) {
  child.removeAllListeners("exit");
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

/** A fresh database with the demo round and `count` unused link codes; returns the codes. */
async function prepare(url: string, pgSchema: string | undefined, count: number): Promise<string[]> {
  const handle = openDatabase({ url, pgSchema });
  await migrateToLatest(handle.db, handle.schema);
  await seedDemo(handle.db, { adminPassword: "bench-admin-Pa55word-citizen", codes: 0 });
  const codes: string[] = [];
  for (let left = count; left > 0; left -= 50_000) {
    codes.push(...(await issueCodes(handle.db, { roundId: "demo", count: Math.min(left, 50_000), channel: "link", unitCode: "D01", stratum: "D01" })));
  }
  await handle.close();
  return codes;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function summary(runs: LoadResult[]) {
  return {
    perSecond: median(runs.map((r) => r.perSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    cpuPerItemMs: median(runs.map((r) => r.cpuPerItemMs)),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    firstError: runs.find((r) => r.firstError)?.firstError,
    each: runs.map((r) => Math.round(r.perSecond)),
  };
}

const fmt = (s: ReturnType<typeof summary>, unit: string) =>
  `${s.perSecond.toFixed(0)} ${unit}/s (runs ${s.each.join(", ")}), p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms a request, ` +
  `server CPU ${s.cpuPerItemMs.toFixed(2)} ms a ${unit === "submissions" ? "submission" : "page"}${s.errors ? `, ${s.errors} ERRORS (${s.firstError})` : ""}`;

/** Takes codes from the front (submissions) or the back (first pages) of a list, never the same twice. */
function codeSource(codes: string[]) {
  let front = 0;
  let back = codes.length - 1;
  return {
    front: () => (front <= back ? codes[front++] : undefined),
    back: () => (back >= front ? codes[back--] : undefined),
  };
}

async function main() {
  if (!existsSync(`${BUILD}/index.js`)) throw new Error(`no ${BUILD}/index.js: run \`npm run build\` first`);
  mkdirSync(DIR, { recursive: true });
  console.log(`citizen path: ${USERS} users, ${SECONDS} s a run, ${RUNS} runs each, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

  // SQLite: one seeded file with 150,000 fresh codes, copied for the bare server so both start alike.
  const productFile = `${DIR}/citizen-product.sqlite`;
  const bareFile = `${DIR}/citizen-bare.sqlite`;
  const baselineFile = `${DIR}/citizen-baseline.sqlite`;
  for (const f of [productFile, bareFile, baselineFile]) for (const s of ["", "-wal", "-shm"]) rmSync(f + s, { force: true });
  const codes = await prepare(productFile, undefined, 150_000);
  copyFileSync(productFile, bareFile);
  // BENCH_BASELINE_BUILD: an earlier build (e.g. main's, built with SIPAS_BUILD_DIR=build-before) measured in the same
  // run, alternating, so a change is judged by the ratio of the two on the same machine at the same minutes.
  const baselineBuild = process.env.BENCH_BASELINE_BUILD;
  if (baselineBuild) copyFileSync(productFile, baselineFile);

  // BENCH_PROFILE=<dir>: the product server writes a CPU profile there when it stops (`node --cpu-prof`).
  // The profile is written on a normal exit only, hence the SIGTERM handler.
  const onTerm = `--import=data:text/javascript,process.on("SIGTERM",()=>process.exit(0))`;
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`, onTerm] : [];
  const product = await start("bin/server.mjs", { DATABASE_URL: productFile, PORT: String(PORT) }, profile);
  const productBase = `http://127.0.0.1:${PORT}`;
  const productCodes = codeSource(codes);
  const bareCodes = codeSource(codes);

  // What a browser posts, read from the product's own pages with one code; and what a first load fetches.
  const bodies = await recordSubmission(agent, productBase, productCodes.front()!);
  console.log(`a submission: ${bodies.length} POSTs of ${bodies.map((b) => b.length).join(", ")} bytes`);
  const first = await firstLoadBytes(agent, productBase, `/s/${productCodes.back()!}`);
  const pageFile = `${DIR}/citizen-first-page.html`;
  writeFileSync(pageFile, (await send(agent, productBase, "GET", `/s/${productCodes.back()!}`)).body);
  const bare = await start("tests/bench/citizen-bare-server.mjs", { DATABASE_URL: bareFile, PORT: String(PORT + 1), BARE_PAGE: pageFile });
  const bareBase = `http://127.0.0.1:${PORT + 1}`;
  const baseline = baselineBuild
    ? await start(process.env.BENCH_BASELINE_SERVER ?? "bin/server.mjs", { DATABASE_URL: baselineFile, PORT: String(PORT + 3), SIPAS_BUILD_DIR: baselineBuild })
    : undefined;
  const baselineBase = `http://127.0.0.1:${PORT + 3}`;
  const baselineCodes = codeSource(codes);

  const submit = (base: string, pid: number, next: () => string | undefined, seconds = SECONDS) =>
    runLoad({ users: USERS, seconds, serverPid: pid, nextCode: next, work: submission(agent, base, bodies) });
  const open = (base: string, pid: number, next: () => string | undefined, seconds = SECONDS) =>
    runLoad({ users: USERS, seconds, serverPid: pid, nextCode: next, work: firstPage(agent, base) });

  // Warm-up (JIT, caches, connections), not counted.
  await submit(productBase, product.pid!, productCodes.front, 1.5);
  await submit(bareBase, bare.pid!, bareCodes.front, 1.5);
  if (baseline) await submit(baselineBase, baseline.pid!, baselineCodes.front, 1.5);
  const runs = {
    product: [] as LoadResult[],
    bare: [] as LoadResult[],
    baseline: [] as LoadResult[],
    productOpen: [] as LoadResult[],
    bareOpen: [] as LoadResult[],
    baselineOpen: [] as LoadResult[],
  };
  for (let i = 0; i < RUNS; i++) {
    runs.product.push(await submit(productBase, product.pid!, productCodes.front));
    runs.bare.push(await submit(bareBase, bare.pid!, bareCodes.front));
    if (baseline) runs.baseline.push(await submit(baselineBase, baseline.pid!, baselineCodes.front));
  }
  await open(productBase, product.pid!, productCodes.back, 1);
  await open(bareBase, bare.pid!, bareCodes.back, 1);
  if (baseline) await open(baselineBase, baseline.pid!, baselineCodes.back, 1);
  for (let i = 0; i < RUNS; i++) {
    runs.productOpen.push(await open(productBase, product.pid!, productCodes.back));
    runs.bareOpen.push(await open(bareBase, bare.pid!, bareCodes.back));
    if (baseline) runs.baselineOpen.push(await open(baselineBase, baseline.pid!, baselineCodes.back));
  }
  await stop(product);
  await stop(bare);
  if (baseline) await stop(baseline);

  const result: Record<string, unknown> = {
    at: new Date().toISOString(),
    users: USERS,
    seconds: SECONDS,
    runs: RUNS,
    firstLoad: first,
    sqlite: { product: summary(runs.product), bare: summary(runs.bare) },
    firstPage: { product: summary(runs.productOpen), bare: summary(runs.bareOpen) },
  };
  const sqlite = result.sqlite as { product: ReturnType<typeof summary>; bare: ReturnType<typeof summary> };
  const opened = result.firstPage as typeof sqlite;
  const ratio = sqlite.product.perSecond / sqlite.bare.perSecond;
  const openRatio = opened.product.perSecond / opened.bare.perSecond;
  console.log(`\nSQLite, whole submissions (${bodies.length} POSTs each):`);
  console.log(`  product: ${fmt(sqlite.product, "submissions")}`);
  console.log(`  bare:    ${fmt(sqlite.bare, "submissions")}`);
  console.log(`  ratio:   ${ratio.toFixed(3)}× the bare limit (target ≥ 0.25×; p99 target ≤ 100 ms a POST)`);
  console.log(`\nSQLite, a fresh code's first page:`);
  console.log(`  product: ${fmt(opened.product, "pages")}`);
  console.log(`  bare:    ${fmt(opened.bare, "pages")} (the product's page bytes, no rendering)`);
  console.log(`  ratio:   ${openRatio.toFixed(3)}×`);
  Object.assign(result, { ratio, openRatio });
  if (baseline) {
    const before = summary(runs.baseline);
    const beforeOpen = summary(runs.baselineOpen);
    console.log(`\nbaseline build ${baselineBuild}, same run:`);
    console.log(`  submissions: ${fmt(before, "submissions")}; ${(before.perSecond / sqlite.bare.perSecond).toFixed(3)}× the bare limit`);
    console.log(`  first page:  ${fmt(beforeOpen, "pages")}; ${(beforeOpen.perSecond / opened.bare.perSecond).toFixed(3)}× the bare limit`);
    console.log(
      `  this build against it: ${(sqlite.product.perSecond / before.perSecond).toFixed(2)}× the submissions/s, ` +
        `${(sqlite.product.cpuPerItemMs / before.cpuPerItemMs).toFixed(2)}× the CPU a submission; ` +
        `first page ${(opened.product.perSecond / beforeOpen.perSecond).toFixed(2)}× the pages/s, ${(opened.product.cpuPerItemMs / beforeOpen.cpuPerItemMs).toFixed(2)}× the CPU`,
    );
    result.baseline = { build: baselineBuild, submissions: before, firstPage: beforeOpen };
  }

  if (PG_URL) {
    const schema = `bench_citizen_${randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const pgCodes = codeSource(await prepare(PG_URL, schema, 30_000));
      const url = `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const onPg = await start("bin/server.mjs", { DATABASE_URL: url, PORT: String(PORT + 2) });
      const pgBase = `http://127.0.0.1:${PORT + 2}`;
      await submit(pgBase, onPg.pid!, pgCodes.front, 1.5);
      const pgRuns: LoadResult[] = [];
      const pgOpen: LoadResult[] = [];
      for (let i = 0; i < RUNS; i++) pgRuns.push(await submit(pgBase, onPg.pid!, pgCodes.front));
      for (let i = 0; i < RUNS; i++) pgOpen.push(await open(pgBase, onPg.pid!, pgCodes.back));
      await stop(onPg);
      result.postgres = { product: summary(pgRuns), firstPage: summary(pgOpen) };
      console.log(`\nPostgreSQL (server CPU is the app server's; PostgreSQL's own is not in it):`);
      console.log(`  submissions: ${fmt(summary(pgRuns), "submissions")}`);
      console.log(`  first page:  ${fmt(summary(pgOpen), "pages")}`);
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }

  console.log(
    `\nfirst load with JavaScript: ${(first.total / 1024).toFixed(1)} KB gzip (document ${(first.document / 1024).toFixed(1)}, ` +
      `stylesheets ${(first.stylesheets / 1024).toFixed(1)}, scripts ${(first.scripts / 1024).toFixed(1)} in ${first.files - 1} files); ` +
      `budget ${FIRST_LOAD_BUDGET_BYTES / 1024} KB, target ${FIRST_LOAD_TARGET_BYTES / 1024} KB ` +
      `(${first.total <= FIRST_LOAD_TARGET_BYTES ? "met" : "not met"}); without JavaScript ${((first.document + first.stylesheets) / 1024).toFixed(1)} KB`,
  );
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  writeFileSync(`${DIR}/citizen-results.json`, JSON.stringify(result, null, 2));
  const errors = [...runs.product, ...runs.bare, ...runs.baseline, ...runs.productOpen, ...runs.bareOpen, ...runs.baselineOpen].reduce((a, r) => a + r.errors, 0);
  if (errors > 0) throw new Error(`${errors} requests were not answered as a browser expects`);
  if (first.total > FIRST_LOAD_BUDGET_BYTES) {
    console.error(`first load over budget: ${first.total} > ${FIRST_LOAD_BUDGET_BYTES} bytes`);
    process.exitCode = 1;
  }
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    agent.destroy();
    for (const s of servers) if (s.exitCode === null) s.kill("SIGTERM");
  });
