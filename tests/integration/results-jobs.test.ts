import { afterAll, beforeAll, expect, it } from "vitest";
import { findEstimate } from "../../app/domain/indices";
import { seedDemo } from "../../app/services/demo/seed.server";
import { createRound } from "../../app/services/rounds/rounds.server";
import { getResultsProgress, getRoundResults, WAIT_FOR_ROUNDS_UP_TO, type RoundResults } from "../../app/services/results/jobs.server";
import { answers2022, insertSubmittedResponses } from "../fixtures/responses-factory";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

const LARGE = 12_000;

/** The indices of results that must be ready: fails the test (instead of skipping its checks) when they are not. */
function ready(r: RoundResults) {
  if (r.state !== "ready") throw new Error(`expected ready results, got ${JSON.stringify(r)}`);
  return r.indices;
}

describeEachDialect("results computed in the background", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, { adminPassword: "integration-password", codes: 0 });
    await insertSubmittedResponses(t.db, "demo", [
      ...Array.from({ length: 6 }, () => ({ answers: answers2022("5", "4", {}, "2"), unit: "D01", stratum: "D01" })),
      ...Array.from({ length: 4 }, () => ({ answers: answers2022("2", "4", {}, "2"), unit: "D02", stratum: "D02" })),
    ]);
    await createRound(t.db, { id: "large", definition: "sipas-2022@1", name: "Đợt lớn", units: [{ code: "D01", name: "Huyện Đông Sơn", level: "district" }] });
    // Short answers keep the insert quick; 12,000 responses are read in three batches.
    await insertSubmittedResponses(
      t.db,
      "large",
      Array.from({ length: LARGE }, (_, i) => ({ answers: { SV_ACC_1: i % 4 === 0 ? "2" : "4" }, unit: "D01", stratum: "S" + (i % 10) }))
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  it("computes a small round while the page waits, then serves it from the cache until new responses arrive", async () => {
    const first = ready(await getRoundResults(t.db, { roundId: "demo", by: "district" }));
    expect(first.cached).toBe(false);
    expect(findEstimate(first.result, null, "SERVICE")!.estimate).toBeCloseTo(60, 9);
    expect(ready(await getRoundResults(t.db, { roundId: "demo", by: "district" })).cached).toBe(true);

    await insertSubmittedResponses(t.db, "demo", [{ answers: answers2022("5", "4", {}, "2"), unit: "D03", stratum: "D03" }]);
    const fresh = ready(await getRoundResults(t.db, { roundId: "demo", by: "district" }));
    expect(fresh.cached).toBe(false);
    expect(findEstimate(fresh.result, null, "SERVICE")!.estimate).toBeCloseTo(700 / 11, 9);
  });

  it("makes again a result that an older build cached with its notes as English sentences, so no page shows them", async () => {
    const request = { roundId: "demo", weighted: false };
    const first = ready(await getRoundResults(t.db, request));
    const row = await t.db.selectFrom("index_cache").select(["options_key", "result"]).where("round_id", "=", "demo").execute();
    const mine = row.find((r) => (JSON.parse(r.result) as { options: { weighted: boolean } }).options.weighted === false)!;
    const old = { ...first.result, notes: ["Unweighted: every response counts 1 (strata, clusters and FPC still enter the standard errors)."] };
    await t.db.updateTable("index_cache").set({ result: JSON.stringify(old) }).where("round_id", "=", "demo").where("options_key", "=", mine.options_key).execute();
    const again = ready(await getRoundResults(t.db, request));
    expect(again.cached).toBe(false);
    expect(again.result.notes[0]).toEqual({ key: "indexNotes.unweighted" });
    expect(ready(await getRoundResults(t.db, request)).cached).toBe(true);
  });

  it("returns the progress of a large round at once, and the job moves on while the server keeps answering", async () => {
    expect(LARGE).toBeGreaterThan(WAIT_FOR_ROUNDS_UP_TO);
    const first = await getRoundResults(t.db, { roundId: "large" });
    expect(first).toMatchObject({ state: "computing", done: 0, total: LARGE, percent: 0 });

    // A second page asking for the same figures joins the same job.
    const second = await getRoundResults(t.db, { roundId: "large" });
    expect(second).toMatchObject({ state: "computing", startedAt: first.state === "computing" ? first.startedAt : "(first was not computing)" });

    const seen: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const p = await getResultsProgress(t.db, { roundId: "large" });
      if (p.state === "ready") break;
      expect(p.state).toBe("computing");
      if (p.state === "computing") seen.push(p.done);
      await new Promise((r) => setTimeout(r, 1));
    }
    // Progress was observed between the start and the end: the computation does not hold the event loop.
    expect(seen.some((d) => d > 0 && d < LARGE)).toBe(true);
    const done = ready(await getRoundResults(t.db, { roundId: "large" }));
    expect(done.cached).toBe(true);
    expect(findEstimate(done.result, null, "SV_ACC_1")!.estimate).toBe(75);
  });

  it("starts a job when progress is asked for options nobody computed yet", async () => {
    const p = await getResultsProgress(t.db, { roundId: "large", weighted: false, interval: "logit" });
    expect(p).toMatchObject({ state: "computing", done: 0, total: LARGE });
    for (let i = 0; i < 10_000 && (await getResultsProgress(t.db, { roundId: "large", weighted: false, interval: "logit" })).state !== "ready"; i++) {
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(ready(await getRoundResults(t.db, { roundId: "large", weighted: false, interval: "logit" })).cached).toBe(true);
  });

  it("reports a grouping the round does not offer as the person's mistake, to the page and to the poller", async () => {
    await expect(getRoundResults(t.db, { roundId: "demo", by: "shoe_size" })).rejects.toThrow(/Chọn một trong/);
    const p = await getResultsProgress(t.db, { roundId: "demo", by: "shoe_size" });
    expect(p).toMatchObject({
      state: "failed",
      message: { vi: expect.stringMatching(/Không phân nhóm được đợt khảo sát “demo” theo “shoe_size”/), en: expect.stringMatching(/^Cannot group round "demo" by "shoe_size"/) },
    });
  });
});
