import { afterAll, beforeAll, expect, it } from "vitest";
import { findEstimate } from "../../app/domain/indices";
import { seedDemo } from "../../app/services/demo/seed.server";
import { computeRoundIndices } from "../../app/services/results/indices.server";
import { answers2022, insertSubmittedResponses } from "../fixtures/responses-factory";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

describeEachDialect("round indices", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, { adminPassword: "integration-password", codes: 0 });
    // District D01: everyone satisfied with services; D02: nobody; policy always "4".
    await insertSubmittedResponses(t.db, "demo", [
      ...Array.from({ length: 3 }, () => ({ answers: answers2022("5", "4", {}, "2"), unit: "D01", stratum: "D01", weight: 10 })),
      ...Array.from({ length: 2 }, () => ({ answers: answers2022("2", "4", { A_SEX: "2" }, "2"), unit: "D02", stratum: "D02", weight: 30 })),
    ]);
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  it("computes weighted indices per district with empty districts reported empty", async () => {
    const { result, cached, groupNames } = await computeRoundIndices(t.db, { roundId: "demo", by: "district" });
    expect(cached).toBe(false);
    expect(findEstimate(result, null, "SERVICE")!.estimate).toBeCloseTo((3 * 10 * 100) / (3 * 10 + 2 * 30), 9);
    expect(findEstimate(result, "D01", "SERVICE")!.estimate).toBe(100);
    expect(findEstimate(result, "D02", "SERVICE")!.estimate).toBe(0);
    expect(findEstimate(result, "D03", "SERVICE")!.estimate).toBeNull();
    expect(findEstimate(result, null, "POLICY")!.estimate).toBe(100);
    expect(groupNames.D02).toBe("Huyện Tây Hòa");
  });

  it("serves the cached result until new responses arrive", async () => {
    expect((await computeRoundIndices(t.db, { roundId: "demo", by: "district" })).cached).toBe(true);
    await insertSubmittedResponses(t.db, "demo", [{ answers: answers2022("5", "1", {}, "2"), unit: "D03", stratum: "D03", weight: 20 }]);
    const fresh = await computeRoundIndices(t.db, { roundId: "demo", by: "district" });
    expect(fresh.cached).toBe(false);
    expect(findEstimate(fresh.result, "D03", "SERVICE")!.estimate).toBe(100);
  });

  it("groups by a profile item, unweighted, and refuses an unknown grouping with the choices", async () => {
    const { result } = await computeRoundIndices(t.db, { roundId: "demo", by: "A_SEX", weighted: false });
    expect(findEstimate(result, "2", "SERVICE")!.estimate).toBe(0);
    expect(findEstimate(result, "1", "SERVICE")!.estimate).toBe(100);
    await expect(computeRoundIndices(t.db, { roundId: "demo", by: "shoe_size" })).rejects.toThrow(/Chọn một trong: none, unit, province, district, A_SEX/);
  });
});
