import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../../app/services/demo/seed.server";
import { compareRoundResults } from "../../app/services/results/compare.server";
import { getResultsProgress } from "../../app/services/results/jobs.server";
import { groupingOptions } from "../../app/services/results/grouping.server";
import { createRound, getRound } from "../../app/services/rounds/rounds.server";
import { answers2022, insertSubmittedResponses } from "../fixtures/responses-factory";
import { DEFAULT_RESULTS_OPTIONS } from "../../app/domain/indices/round-options";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

const units = [
  { code: "P01", name: "Tỉnh Minh Họa", level: "province" as const },
  { code: "D01", name: "Huyện Đông Sơn", level: "district" as const, parentCode: "P01" },
];
const extra2023 = { P_QUAL_ADMIN: "4", SV_ACC_GEN: "4", SV_PROC_GEN: "4", SV_STAFF_GEN: "4", SV_RES_GEN: "4", SV_FB_GEN: "4" };

describeEachDialect("year-over-year comparison service", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, { adminPassword: "integration-password", codes: 0 });
    await createRound(t.db, { id: "y2022", definition: "sipas-2022@1", name: "2022", provinceCode: "P01", units });
    await createRound(t.db, { id: "y2023", definition: "sipas-2023@1", name: "2023", provinceCode: "P01", units });
    await createRound(t.db, { id: "other", definition: "sipas-2022@1", name: "Tỉnh khác", provinceCode: "P99", units });
    await createRound(t.db, { id: "big", definition: "sipas-2022@1", name: "Lớn", provinceCode: "P01", units });
    // 2022: 3 of 4 satisfied with services; 2023: everybody.
    await insertSubmittedResponses(
      t.db,
      "y2022",
      Array.from({ length: 4 }, (_, i) => ({ answers: answers2022(i < 3 ? "4" : "2", "4"), unit: "D01" }))
    );
    await insertSubmittedResponses(
      t.db,
      "y2023",
      Array.from({ length: 4 }, () => ({ answers: answers2022("5", "4", extra2023), unit: "D01" }))
    );
    await insertSubmittedResponses(
      t.db,
      "big",
      Array.from({ length: 6000 }, () => ({ answers: { SV_ACC_1: "4" }, unit: "D01" }))
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  const load = async (id: string) => {
    const r = await getRound(t.db, id);
    return { round: r.round, definition: r.definition };
  };

  it("compares matched questions and leaves changed nodes out until they are accepted", async () => {
    const req = {
      current: await load("y2023"),
      baseline: await load("y2022"),
      options: { by: "district", weighted: false, multiUnit: "pooled" as const, interval: "wald" as const },
      acceptChanged: [],
    };
    const out = await compareRoundResults(t.db, req);
    expect(out.state).toBe("ready");
    if (out.state !== "ready") return;
    expect(out.responses).toEqual({ baseline: 4, current: 4 });
    const row = (code: string) => out.view.selected.rows.find((r) => r.code === code)!;
    expect(row("SV_STAFF_1").difference).toBeCloseTo(25, 9);
    expect(row("SIPAS")).toMatchObject({ comparable: false, difference: null });
    expect(out.view.itemsOnlyInCurrent.map((i) => i.code)).toContain("P_QUAL_ADMIN");
    expect(out.view.groups.map((g) => [g.key, g.name.vi])).toEqual([["D01", "Huyện Đông Sơn"]]);

    const accepted = await compareRoundResults(t.db, { ...req, acceptChanged: ["SIPAS"], group: "D01" });
    expect(accepted.state === "ready" && accepted.view.selected.rows.find((r) => r.code === "SIPAS")!.accepted).toBe(true);
    expect(accepted.state === "ready" && accepted.view.selected.key).toBe("D01");
  });

  it("refuses rounds of another province and the round itself", async () => {
    const base = { options: DEFAULT_RESULTS_OPTIONS, acceptChanged: [] };
    await expect(compareRoundResults(t.db, { ...base, current: await load("y2023"), baseline: await load("other") })).rejects.toThrow(/cùng một tỉnh/);
    await expect(compareRoundResults(t.db, { ...base, current: await load("y2023"), baseline: await load("y2023") })).rejects.toThrow(/đợt khác/);
  });

  it("reports the progress of a large baseline instead of waiting for it", async () => {
    const out = await compareRoundResults(t.db, {
      current: await load("y2023"),
      baseline: await load("big"),
      options: DEFAULT_RESULTS_OPTIONS,
      acceptChanged: [],
    });
    expect(out.state).toBe("computing");
    expect(out.state === "computing" && out.jobs).toEqual([
      { roundId: "big", options: DEFAULT_RESULTS_OPTIONS, progress: expect.objectContaining({ state: "computing", total: 6000 }) },
    ]);
    // Let the job finish before the database closes.
    const wanted = { roundId: "big", by: "none", weighted: true, multiUnit: "pooled" as const, interval: "wald" as const };
    while ((await getResultsProgress(t.db, wanted)).state === "computing") await new Promise((r) => setTimeout(r, 20));
  });

  it("offers the groupings of a round with their labels", async () => {
    const { definition, units: u } = await getRound(t.db, "y2022");
    const options = groupingOptions(definition, [...new Set(u.map((x) => x.level))]);
    expect(options.slice(0, 4).map((o) => [o.value, o.label.vi])).toEqual([
      ["none", "Không phân nhóm"],
      ["unit", "Đơn vị của người trả lời"],
      ["province", "Cấp tỉnh"],
      ["district", "Cấp huyện"],
    ]);
    expect(options.find((o) => o.value === "A_SEX")!.label).toEqual({ vi: "Giới tính", en: "Sex" });
  });
});
