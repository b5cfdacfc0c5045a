import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Answers } from "../../app/domain/definition/conditions";
import { seedDemo } from "../../app/services/demo/seed.server";
import { toReadableStream } from "../../app/services/platform/downloads.server";
import { chunkText, exportResponses } from "../../app/services/data/exports.server";
import { exportPlan, exportTasks } from "../../app/services/data/parallel-export.server";
import { answers2022, insertSubmittedResponses, type FactoryResponse } from "../fixtures/responses-factory";
import { createTestDatabase, keepEnv, type TestDatabase } from "./harness";

// A large SQLite round's responses export is written by worker threads, a run of strata each, and put back in
// order (app/services/parallel-export.server.ts). Here the size threshold is lowered so that a small round takes
// that path (the worker from source, through tsx), and the file must be the one the single thread writes.
describe("a SQLite round's responses export written by worker threads", () => {
  let t: TestDatabase;
  const restoreEnv = keepEnv("SIPAS_EXPORT_PARALLEL_MIN", "SIPAS_WORKER_DIR");
  // Inside the checkout, as the build is: the bundle finds better-sqlite3 in node_modules.
  mkdirSync("tests/.tmp", { recursive: true });
  const bundleDir = mkdtempSync("tests/.tmp/export-worker-");
  const STRATA = [null, "S01", "S02", 'Hà Nội, "Ba Đình"', "=S04", "S05", "S06", "S07"];

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await seedDemo(t.db, { adminPassword: "integration-password", codes: 0 });
    const rows: FactoryResponse[] = [];
    STRATA.forEach((stratum, s) => {
      for (let i = 0; i < 120 + 40 * s; i++) {
        const level = String(1 + ((i * 7 + s) % 5));
        const extra: Answers = i % 9 === 0 ? { COMMENT: `Ý kiến số ${i}, "tốt"\n+1` } : {};
        rows.push({
          answers: answers2022(level, level, extra, "2"),
          unit: "D01",
          stratum,
          psu: i % 4 ? `v${i % 5}` : null,
          weight: 1 + i / 7,
          fpc: 5000 + s,
        });
      }
    });
    await insertSubmittedResponses(t.db, "demo", rows);
  });
  afterEach(restoreEnv);
  afterAll(async () => {
    await t?.close();
    await t?.drop();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  async function exported(parallel: boolean, labels: "vi" | null = null) {
    process.env.SIPAS_EXPORT_PARALLEL_MIN = parallel ? "1" : "1e12";
    const download = await exportResponses(t.db, "demo", {
      labels,
      pageSize: 50,
    });
    let body = "";
    let byteChunks = 0;
    for await (const chunk of download.chunks()) {
      if (typeof chunk !== "string") byteChunks++;
      body += chunkText(chunk);
    }
    return { body, byteChunks, totalRows: download.totalRows };
  }

  it("gives byte for byte the file of one thread, codes and labels (the worker from source)", async () => {
    delete process.env.SIPAS_WORKER_DIR;
    for (const labels of [null, "vi"] as const) {
      const one = await exported(false, labels);
      const parts = await exported(true, labels);
      expect(one.byteChunks).toBe(0);
      expect(parts.byteChunks).toBeGreaterThan(STRATA.length);
      expect(parts.body.split("\r\n").length - 2).toBe(one.totalRows);
      expect(parts.body).toBe(one.body);
    }
    const { body } = await exported(true);
    expect(body).toContain('"Hà Nội, ""Ba Đình"""');
    expect(body).toContain("'=S04");
    expect(body).toContain('"Ý kiến số 9, ""tốt""\n+1"');
  }, 60_000);

  it("gives the same file from the bundled worker the build writes", async () => {
    execFileSync(process.execPath, ["bin/build-worker.mjs", bundleDir]);
    expect(existsSync(join(bundleDir, "export-worker.mjs"))).toBe(true);
    process.env.SIPAS_WORKER_DIR = bundleDir;
    const parts = await exported(true);
    expect(parts.byteChunks).toBeGreaterThan(STRATA.length);
    expect(parts.body).toBe((await exported(false)).body);
  }, 60_000);

  it("fails the download, instead of hanging or writing a short file, when a worker fails", async () => {
    const broken = mkdtempSync("tests/.tmp/broken-worker-");
    writeFileSync(join(broken, "export-worker.mjs"), 'throw new Error("disk gone");\n');
    process.env.SIPAS_WORKER_DIR = broken;
    try {
      await expect(exported(true)).rejects.toThrow("disk gone");
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 60_000);

  it("sends the workers' bytes as they are in a download", async () => {
    process.env.SIPAS_EXPORT_PARALLEL_MIN = "1";
    const download = await exportResponses(t.db, "demo", { pageSize: 50 });
    // As bytes: Response.text() would drop the BOM.
    const body = Buffer.from(await new Response(toReadableStream(download.chunks())).arrayBuffer()).toString("utf8");
    expect(body).toBe((await exported(false)).body);
  }, 60_000);
});

describe("the tasks of a parallel export", () => {
  const counts = (ns: number[]) => ns.map((n, i) => ({ stratum: i === 0 ? null : `S${i}`, n }));

  it("groups consecutive strata into tasks of at least the given rows, in order, each stratum once", () => {
    const tasks = exportTasks(counts([3000, 4000, 5000, 12000, 100, 100]), 6000);
    expect(tasks.map((t) => t.strata)).toEqual([
      [null, "S1"],
      ["S2", "S3"],
      ["S4", "S5"],
    ]);
    expect(tasks.map((t) => t.id)).toEqual([0, 1, 2]);
  });

  it("stays in one thread when a stratum is too large to wait in memory, or there is one task", () => {
    expect(exportPlan(counts([50_000, 150_000, 50_000]), 2)).toBeNull();
    expect(exportPlan(counts([80_000]), 2)).toBeNull();
    expect(exportPlan(counts(Array(100).fill(10_000)), 2)).toHaveLength(100);
  });
});
