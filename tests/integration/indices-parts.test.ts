import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { IndexResult } from "../../app/domain/indices";
import { seedDemo } from "../../app/services/demo/seed.server";
import { computeInParts } from "../../app/services/results/parallel-indices.server";
import { computeRoundIndices, normalizeRequest } from "../../app/services/results/indices.server";
import { getRound } from "../../app/services/rounds/rounds.server";
import { answers2022, insertSubmittedResponses, type FactoryResponse } from "../fixtures/responses-factory";
import { createTestDatabase, keepEnv, type TestDatabase } from "./harness";

// A large SQLite round is read by worker threads over disjoint strata (app/services/index-parts.server.ts). Here the
// size threshold is lowered so that a small round takes that path, once with the worker from source (tsx) and once
// with the bundle `npm run build` writes, and the figures are compared with one pass in this thread.
describe("indices of a SQLite round computed in parts by worker threads", () => {
  let t: TestDatabase;
  // Inside the checkout, as the build is: the bundle finds better-sqlite3 in node_modules.
  mkdirSync("tests/.tmp", { recursive: true });
  const bundleDir = mkdtempSync("tests/.tmp/worker-");
  const restoreEnv = keepEnv("SIPAS_PARALLEL_MIN", "SIPAS_WORKER_DIR");

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await seedDemo(t.db, { adminPassword: "integration-password", codes: 0 });
    let x = 7;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const level = (p: number) => String(1 + Math.min(4, Math.floor(next() * 5 * p + (1 - p) * 2)));
    const rows: FactoryResponse[] = [];
    for (const [d, p] of [["D01", 0.9], ["D02", 0.6], ["D03", 0.8], ["D04", 0.5]] as const) {
      for (let i = 0; i < 150; i++) {
        rows.push({ answers: answers2022(level(p), level(p), { A_SEX: next() < 0.5 ? "1" : "2" }, "2"), unit: d, stratum: d, psu: `${d}-v${i % 6}`, weight: 20 + 30 * next(), fpc: 5000 });
      }
    }
    await insertSubmittedResponses(t.db, "demo", rows);
  });
  afterEach(restoreEnv);
  afterAll(async () => {
    await t?.close();
    await t?.drop();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  async function inParts(): Promise<IndexResult | null> {
    process.env.SIPAS_PARALLEL_MIN = "1";
    const request = normalizeRequest({ roundId: "demo", by: "district" });
    const { definition, units } = await getRound(t.db, "demo");
    const progress: number[] = [];
    const result = await computeInParts(t.db, { roundId: "demo", definition, request, units, total: 600 }, (done) => progress.push(done));
    expect(progress.at(-1)).toBe(600);
    return result;
  }

  async function onePass(): Promise<IndexResult> {
    process.env.SIPAS_PARALLEL_MIN = "1e12";
    return (await computeRoundIndices(t.db, { roundId: "demo", by: "district" })).result;
  }

  function expectSameFigures(a: IndexResult, b: IndexResult): void {
    expect(a.groups.map((g) => [g.key, g.responses])).toEqual(b.groups.map((g) => [g.key, g.responses]));
    a.groups.forEach((g, i) =>
      g.nodes.forEach((row, j) => {
        const other = b.groups[i].nodes[j];
        expect([row.tree, row.code, row.n, row.respondents, row.df]).toEqual([other.tree, other.code, other.n, other.respondents, other.df]);
        for (const k of ["estimate", "se", "ciLow", "ciHigh", "weightSum", "deff"] as const) {
          if (other[k] === null) expect(row[k]).toBeNull();
          else expect(Math.abs(row[k]! - other[k]!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(other[k]!)));
        }
      }),
    );
  }

  it("gives the same figures from the worker run from source as from one pass", async () => {
    delete process.env.SIPAS_WORKER_DIR;
    const parts = await inParts();
    expect(parts).not.toBeNull();
    const single = await onePass();
    expect(single.groups.find((g) => g.key === "D02")!.nodes[0].estimate).not.toBeNull();
    expectSameFigures(parts!, single);
  }, 60_000);

  it("gives the same figures from the bundled worker the build writes", async () => {
    execFileSync(process.execPath, ["bin/build-worker.mjs", bundleDir]);
    expect(existsSync(join(bundleDir, "index-worker.mjs"))).toBe(true);
    process.env.SIPAS_WORKER_DIR = bundleDir;
    const parts = await inParts();
    expect(parts).not.toBeNull();
    expectSameFigures(parts!, await onePass());
  }, 60_000);
});
