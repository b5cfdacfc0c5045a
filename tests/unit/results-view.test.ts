import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDefinitionText } from "../../app/domain/definition/parse";
import type { Definition } from "../../app/domain/definition/schema";
import { compareRounds, computeIndices, type ResponseRecord } from "../../app/domain/indices";
import { buildCompareView } from "../../app/domain/results/compare-view";
import { groupingLabel } from "../../app/domain/results/describe";
import { buildResultsView, rankGroups } from "../../app/domain/results/view";
import { answers2022 } from "../fixtures/responses-factory";

function load(path: string): Definition {
  const parsed = parseDefinitionText(readFileSync(path, "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.definition;
}
const def2022 = load("survey-definitions/sipas-2022/1.json");
const def2023 = load("survey-definitions/sipas-2023/1.json");

const rec = (answers: ResponseRecord["answers"], unit: string): ResponseRecord => ({ answers, unit, stratum: unit, psu: null, weight: null, fpc: null });

// D01: 60 respondents, 45 satisfied with services, 30 with policies; D02: 40, 20 and 40; D03: nobody.
const records2022 = [
  ...Array.from({ length: 60 }, (_, i) => rec(answers2022(i < 45 ? "5" : "2", i < 30 ? "4" : "3"), "D01")),
  ...Array.from({ length: 40 }, (_, i) => rec(answers2022(i < 20 ? "4" : "1", "4"), "D02")),
];
const byDistrict = { groupBy: "unit" as const, groups: ["D01", "D02", "D03"] };
const names = { D01: "Huyện Đông Sơn", D02: "Huyện Tây Hòa", D03: "Thành phố Bắc Giang" };

describe("the results view", () => {
  const result = computeIndices(def2022, records2022, byDistrict);
  const view = buildResultsView(result, { by: "district", byLabel: groupingLabel("district"), groupNames: names });

  it("heads with the whole-round SIPAS and summarises every group, the empty one empty", () => {
    // Pooled: services 65/100, policies 70/100; SIPAS = mean of the two domains.
    expect(view.headline!.code).toBe("SIPAS");
    expect(view.headline!.estimate).toBeCloseTo(67.5, 9);
    expect(view.groups.map((g) => [g.key, g.name.vi, g.responses])).toEqual([
      ["D01", "Huyện Đông Sơn", 60],
      ["D02", "Huyện Tây Hòa", 40],
      ["D03", "Thành phố Bắc Giang", 0],
    ]);
    expect(view.groups[0].estimate).toBeCloseTo(62.5, 9);
    expect(view.groups[1].estimate).toBeCloseTo(75, 9);
    expect(view.groups[2]).toMatchObject({ estimate: null, ciLow: null, significance: "unknown" });
    expect(view.options).toMatchObject({ weighted: true, multiUnit: "pooled", by: "district", groups: 3, responses: 100 });
  });

  it("splits the chosen group's rows into the satisfaction tree, assessment and expectation tables", () => {
    const { satisfaction, assessment, expectation } = view.selected.tables;
    expect(view.selected.key).toBeNull();
    expect(satisfaction[0]).toMatchObject({ code: "SIPAS", depth: 0, type: "node" });
    expect(satisfaction.filter((r) => r.type === "node").map((r) => r.code)).toEqual([
      "SIPAS",
      "POLICY",
      "POL_INFO",
      "POL_PART",
      "POL_QUAL",
      "POL_RES",
      "SERVICE",
      "EL_ACCESS",
      "EL_PROC",
      "EL_STAFF",
      "EL_RESULT",
      "EL_FEEDBACK",
    ]);
    expect(assessment.map((r) => r.code)).toContain("Q4_HARASS");
    expect(expectation.filter((r) => r.type === "item")).toHaveLength(10);
    const d02 = buildResultsView(result, { by: "district", byLabel: groupingLabel("district"), groupNames: names, group: "D02" });
    expect(d02.selected.name.vi).toBe("Huyện Tây Hòa");
    expect(d02.selected.tables.satisfaction.find((r) => r.code === "SERVICE")!.estimate).toBeCloseTo(50, 9);
    const unknown = buildResultsView(result, { by: "district", byLabel: groupingLabel("district"), groupNames: names, group: "nope" });
    expect(unknown.selected.key).toBeNull();
  });

  it("ranks groups by estimate with empty ones last", () => {
    expect(rankGroups(view.groups).map((g) => g.key)).toEqual(["D02", "D01", "D03"]);
    expect(rankGroups([{ estimate: null }, { estimate: 2 }, { estimate: 5 }, { estimate: null }]).map((g) => g.estimate)).toEqual([5, 2, null, null]);
  });

  it("marks a group whose interval excludes the whole-round SIPAS", () => {
    const sig = computeIndices(def2022, [...records2022, ...Array.from({ length: 200 }, () => rec(answers2022("5", "5"), "D03"))], byDistrict);
    const v = buildResultsView(sig, { by: "district", byLabel: groupingLabel("district"), groupNames: names });
    const d03 = v.groups.find((g) => g.key === "D03")!;
    expect(d03.estimate).toBe(100);
    expect(d03.significance).toBe("above");
    expect(v.groups.find((g) => g.key === "D01")!.significance).toBe("below");
  });
});

describe("the year-over-year view", () => {
  const a2023 = (v: string) => ({ ...answers2022(v, v), P_QUAL_ADMIN: v, SV_ACC_GEN: v, SV_PROC_GEN: v, SV_STAFF_GEN: v, SV_RES_GEN: v, SV_FB_GEN: v });
  const baseline = computeIndices(def2022, records2022, byDistrict);
  const current = computeIndices(
    def2023,
    Array.from({ length: 50 }, (_, i) => rec(a2023(i < 40 ? "4" : "2"), i % 2 ? "D01" : "D02")),
    byDistrict
  );

  it("flags items of one version only and rows whose make-up changed, with their depth in the tree", () => {
    const view = buildCompareView(compareRounds(baseline, current, def2022, def2023), baseline, current, { groupNames: names });
    expect(view.itemsOnlyInCurrent.map((i) => i.code)).toEqual(expect.arrayContaining(["P_QUAL_ADMIN", "SV_ACC_GEN", "Q1_ADMIN"]));
    expect(view.itemsOnlyInCurrent.find((i) => i.code === "P_QUAL_ADMIN")!.label.vi).toMatch(/cải cách hành chính/i);
    const sipas = view.selected.rows.find((r) => r.code === "SIPAS")!;
    expect(sipas).toMatchObject({ depth: 0, comparable: false, difference: null });
    const item = view.selected.rows.find((r) => r.code === "SV_STAFF_1")!;
    expect(item.depth).toBe(3);
    expect(item.comparable).toBe(true);
    expect(item.difference).toBeCloseTo(80 - 65, 9);
    expect(view.changed).toEqual(expect.arrayContaining(["SIPAS", "POLICY", "POL_QUAL", "EL_ACCESS"]));
    expect(view.changed).not.toContain("SV_STAFF_1");
    expect(view.groups.map((g) => g.key)).toEqual(["D01", "D02", "D03"]);
  });

  it("compares changed rows the reader accepted, and one group when asked", () => {
    const view = buildCompareView(compareRounds(baseline, current, def2022, def2023, { acceptChanged: ["SIPAS"] }), baseline, current, {
      groupNames: names,
      group: "D02",
    });
    expect(view.selected.name.vi).toBe("Huyện Tây Hòa");
    const sipas = view.selected.rows.find((r) => r.code === "SIPAS")!;
    expect(sipas).toMatchObject({ comparable: true, accepted: true });
    expect(sipas.difference).not.toBeNull();
    expect(view.selected.rows.find((r) => r.code === "POLICY")!.comparable).toBe(false);
  });
});
