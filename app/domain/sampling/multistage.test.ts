import { describe, expect, it } from "vitest";
import { drawMultiStage, planMultiStage, MULTISTAGE_ALGORITHM, type MultiStageDesign, type StageDesign, type StageUnit } from "./multistage";
import { createRng } from "./prng";

/** Province P1: districts of 100/200/300/400 people; 3 communes each; 4–6 persons per commune. */
function smallDesign(): MultiStageDesign {
  const districts: StageUnit[] = [100, 200, 300, 400].map((size, i) => ({ id: `D${i + 1}`, parentId: "P1", size }));
  const communes: StageUnit[] = districts.flatMap((d) => [1, 2, 3].map((c) => ({ id: `${d.id}-C${c}`, parentId: d.id })));
  const persons: StageUnit[] = communes.flatMap((c, i) => Array.from({ length: 4 + (i % 3) }, (_, p) => ({ id: `${c.id}-p${p + 1}`, parentId: c.id })));
  return {
    stages: [
      { name: "district", units: districts, method: "pps-systematic", select: 2 },
      { name: "commune", units: communes, method: "srs", select: 2 },
      { name: "person", units: persons, method: "srs", select: 2, reserve: 1 },
    ],
  };
}

/**
 * SIPAS 2024 shape (sipas-method.md §5): per province 3 districts × 2 communes × 3 villages × 31
 * persons, districts, communes and villages by PPS on population.
 */
function sipasDesign(provinces: string[]): MultiStageDesign {
  // sizes depend on the unit id only, so adding a province leaves the others' fixtures unchanged
  const sizeOf = (id: string, base: number, spread: number) => base + createRng(2024, id).nextInt(spread);
  const districts: StageUnit[] = provinces.flatMap((p) => Array.from({ length: 8 }, (_, i) => ({ id: `${p}-D${i}`, parentId: p, size: 1 })));
  const communes: StageUnit[] = districts.flatMap((d) => Array.from({ length: 5 }, (_, i) => ({ id: `${d.id}-C${i}`, parentId: d.id, size: sizeOf(`${d.id}-C${i}`, 500, 3000) })));
  const villages: StageUnit[] = communes.flatMap((c) => Array.from({ length: 4 }, (_, i) => ({ id: `${c.id}-V${i}`, parentId: c.id, size: sizeOf(`${c.id}-V${i}`, 100, 400) })));
  // a district's size is the sum of its communes', a commune's the sum of its villages'
  for (const c of communes) c.size = villages.filter((v) => v.parentId === c.id).reduce((s, v) => s + (v.size ?? 0), 0);
  for (const d of districts) d.size = communes.filter((c) => c.parentId === d.id).reduce((s, c) => s + (c.size ?? 0), 0);
  const persons: StageUnit[] = villages.flatMap((v) => Array.from({ length: 40 }, (_, i) => ({ id: `${v.id}-p${i}`, parentId: v.id })));
  return {
    stages: [
      { name: "district", units: districts, method: "pps-systematic", select: 3 },
      { name: "commune", units: communes, method: "pps-systematic", select: 2 },
      { name: "village", units: villages, method: "pps-systematic", select: 3 },
      { name: "person", units: persons, method: "srs", select: 31, reserve: 5 },
    ],
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const a = [...items];
  const rng = createRng(seed, "test shuffle");
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe("planMultiStage", () => {
  const plan = planMultiStage(smallDesign());

  it("computes conditional probabilities per stage and multiplies them through", () => {
    const districts = plan.stages[0].units;
    expect(districts.map((d) => d.conditionalProbability)).toEqual([0.2, 0.4, 0.6, 0.8]); // 2·size/1000
    expect(plan.stages[1].units.every((c) => Math.abs(c.conditionalProbability - 2 / 3) < 1e-15)).toBe(true);
    const person = plan.stages[2].units.find((p) => p.id === "D3-C2-p1")!;
    // D3: 0.6; commune: 2/3; D3-C2 is the 8th commune (index 7) → 4 + 7 % 3 = 5 persons: 2/5
    expect(person.conditionalProbability).toBe(2 / 5);
    expect(person.inclusionProbability).toBeCloseTo(0.6 * (2 / 3) * (2 / 5), 15);
    expect(person.stratum).toBe("P1");
  });

  it("expects exactly 2 × 2 × 2 persons: Σ π over the last stage", () => {
    expect(plan.expectedSampleSize).toBeCloseTo(8, 12);
  });

  it("takes units whose k·size ≥ Σ size with certainty and shares k among the rest", () => {
    const design: MultiStageDesign = {
      stages: [{ name: "district", method: "pps-systematic", select: 2, units: [{ id: "a", parentId: "P", size: 10 }, { id: "b", parentId: "P", size: 10 }, { id: "c", parentId: "P", size: 80 }] }],
    };
    const units = planMultiStage(design).stages[0].units;
    expect(units.map((u) => [u.id, u.conditionalProbability, u.certainty])).toEqual([["a", 0.5, false], ["b", 0.5, false], ["c", 1, true]]);
  });

  it("takes every unit when a parent has fewer than asked for, and says so", () => {
    const design: MultiStageDesign = {
      stages: [
        { name: "commune", method: "srs", select: 1, units: [{ id: "C1", parentId: "D" }, { id: "C2", parentId: "D" }] },
        { name: "village", method: "srs", select: 3, units: [{ id: "V1", parentId: "C1" }, { id: "V2", parentId: "C1" }, { id: "V3", parentId: "C2" }, { id: "V4", parentId: "C2" }, { id: "V5", parentId: "C2" }, { id: "V6", parentId: "C2" }] },
      ],
    };
    const plan = planMultiStage(design);
    expect(plan.stages[1].parents).toEqual([
      { parentId: "C1", available: 2, requested: 3, selected: 2, takeAll: true },
      { parentId: "C2", available: 4, requested: 3, selected: 3, takeAll: false },
    ]);
    expect(plan.stages[1].units.map((u) => u.inclusionProbability)).toEqual([0.5, 0.5, 0.375, 0.375, 0.375, 0.375]);
    const sample = drawMultiStage(design, 1);
    const villages = sample.units.map((u) => u.id);
    if (sample.stages[0].selected[0].id === "C1") expect(villages.sort()).toEqual(["V1", "V2"]);
    else expect(villages).toHaveLength(3);
  });

  it("accepts a number to select per parent", () => {
    const design = smallDesign();
    const stages = [{ ...design.stages[0], select: { P1: 1 } }, ...design.stages.slice(1)];
    expect(planMultiStage({ stages }).stages[0].units.map((d) => d.conditionalProbability)).toEqual([0.1, 0.2, 0.3, 0.4]);
  });
});

describe("drawMultiStage", () => {
  const design = sipasDesign(["Lạng Sơn", "Thái Nguyên"]);
  const sample = drawMultiStage(design, 20240601);

  it("selects 3 districts × 2 communes × 3 villages × 31 persons per province", () => {
    expect(sample.algorithm).toBe(MULTISTAGE_ALGORITHM);
    expect(sample.stages.map((s) => s.selected.length)).toEqual([6, 12, 36, 1116]);
    expect(sample.units.filter((u) => u.stratum === "Lạng Sơn")).toHaveLength(558);
    expect(sample.plan.expectedSampleSize).toBeCloseTo(1116, 6);
  });

  it("selects only within selected parents, and the weight is 1 / ∏ π along the path", () => {
    for (let s = 1; s < sample.stages.length; s++) {
      const parents = new Set(sample.stages[s - 1].selected.map((u) => u.id));
      for (const u of sample.stages[s].selected) expect(parents.has(u.parentId)).toBe(true);
    }
    const planned = new Map(sample.plan.stages.flatMap((s) => s.units).map((u) => [u.id, u]));
    for (const u of sample.units) {
      expect(u.path).toHaveLength(4);
      expect(u.path[3]).toBe(u.id);
      expect(u.psu).toBe(u.path[0]);
      expect(u.path[0].startsWith(u.stratum)).toBe(true);
      expect(u.stageProbabilities).toEqual(u.path.map((id) => planned.get(id)!.conditionalProbability));
      expect(u.stageProbabilities[3]).toBe(31 / 40);
      const product = u.stageProbabilities.reduce((a, b) => a * b, 1);
      expect(u.inclusionProbability).toBeCloseTo(product, 15);
      expect(u.designWeight).toBeCloseTo(1 / product, 9);
    }
  });

  it("draws an ordered reserve of persons per village, disjoint from the sample", () => {
    const reserve = sample.stages[3].reserve;
    expect(reserve).toHaveLength(36 * 5);
    const chosen = new Set(sample.units.map((u) => u.id));
    for (const r of reserve) expect(chosen.has(r.id)).toBe(false);
    const village = reserve.filter((r) => r.parentId === sample.stages[2].selected[0].id);
    expect(village.map((r) => r.reserveOrder)).toEqual([1, 2, 3, 4, 5]);
    const peer = sample.units.find((u) => u.path[2] === village[0].parentId)!;
    expect(village[0].designWeight).toBe(peer.designWeight);
  });

  it("is reproducible and does not depend on the order of the unit lists", () => {
    expect(drawMultiStage(sipasDesign(["Lạng Sơn", "Thái Nguyên"]), 20240601)).toEqual(sample);
    const reordered: MultiStageDesign = { stages: design.stages.map((s, i): StageDesign => ({ ...s, units: shuffled(s.units, i) })) };
    expect(drawMultiStage(reordered, 20240601)).toEqual(sample);
  });

  it("gives a different sample for a different seed", () => {
    const other = drawMultiStage(design, 20240602);
    expect(other.units.map((u) => u.id)).not.toEqual(sample.units.map((u) => u.id));
  });

  it("leaves one province's draw unchanged when another province is added", () => {
    const three = drawMultiStage(sipasDesign(["Lạng Sơn", "Thái Nguyên", "An Giang"]), 20240601);
    expect(three.units.filter((u) => u.stratum !== "An Giang")).toEqual(sample.units);
  });
});

describe("inclusion probabilities by simulation (fixed seeds 0 … 3999)", () => {
  const design = smallDesign();
  const plan = planMultiStage(design);
  const finals = plan.stages[2].units;
  const N = finals.length;
  const R = 4000;
  const hits = new Map<string, number>();
  const districtHits = new Map<string, number>();
  const totals: number[] = [];
  for (let seed = 0; seed < R; seed++) {
    const s = drawMultiStage(design, seed);
    for (const d of s.stages[0].selected) districtHits.set(d.id, (districtHits.get(d.id) ?? 0) + 1);
    for (const u of s.units) hits.set(u.id, (hits.get(u.id) ?? 0) + 1);
    totals.push(s.units.reduce((sum, u) => sum + u.designWeight, 0));
  }

  it("selects PPS districts with frequency k·size/Σsize", () => {
    for (const d of plan.stages[0].units) {
      const se = Math.sqrt((d.inclusionProbability * (1 - d.inclusionProbability)) / R);
      expect(Math.abs((districtHits.get(d.id) ?? 0) / R - d.inclusionProbability), d.id).toBeLessThan(4.5 * se);
    }
  });

  it("selects every person with frequency equal to the product of the stage probabilities", () => {
    for (const u of finals) {
      const se = Math.sqrt((u.inclusionProbability * (1 - u.inclusionProbability)) / R);
      expect(Math.abs((hits.get(u.id) ?? 0) / R - u.inclusionProbability), u.id).toBeLessThan(4.5 * se);
    }
  });

  it("estimates the population size without bias: the mean of Σ weights is N", () => {
    expect(N).toBe(60);
    // exactly: E[Σ_sample w] = Σ_population π·(1/π) = N
    expect(finals.reduce((s, u) => s + u.inclusionProbability * (1 / u.inclusionProbability), 0)).toBeCloseTo(N, 12);
    const mean = totals.reduce((a, b) => a + b, 0) / R;
    const sd = Math.sqrt(totals.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
    expect(Math.abs(mean - N)).toBeLessThan(4 * (sd / Math.sqrt(R)));
  });

  it("always takes certainty units and the rest in proportion to size", () => {
    const units: StageUnit[] = [{ id: "a", parentId: "P", size: 10 }, { id: "b", parentId: "P", size: 30 }, { id: "c", parentId: "P", size: 160 }, { id: "d", parentId: "P", size: 0.5 }];
    const d: MultiStageDesign = { stages: [{ name: "district", units, method: "pps-systematic", select: 2 }] };
    const count = new Map<string, number>();
    for (let seed = 0; seed < R; seed++) {
      const ids = drawMultiStage(d, seed).units.map((u) => u.id);
      expect(new Set(ids).size).toBe(2);
      for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1);
    }
    expect(count.get("c")).toBe(R);
    for (const [id, pi] of [["a", 10 / 40.5], ["b", 30 / 40.5], ["d", 0.5 / 40.5]] as const) {
      expect(Math.abs((count.get(id) ?? 0) / R - pi), id).toBeLessThan(4.5 * Math.sqrt((pi * (1 - pi)) / R));
    }
  });
});

describe("errors", () => {
  const u = (id: string, parentId: string, size?: number): StageUnit => ({ id, parentId, size });
  const stage = (over: Partial<StageDesign> = {}): StageDesign => ({ name: "district", units: [u("D1", "P", 5)], method: "srs", select: 1, ...over });

  it.each([
    ["no stages", { stages: [] }, "a multi-stage design needs at least one stage"],
    ["a stage without a name", { stages: [stage({ name: "" })] }, "every stage needs a name"],
    ["a stage twice", { stages: [stage(), stage()] }, 'stage "district" appears twice'],
    ["an unknown method", { stages: [stage({ method: "cluster" as never })] }, 'stage "district": unknown method "cluster" (use "srs" or "pps-systematic")'],
    ["a stage without units", { stages: [stage({ units: [] })] }, 'stage "district" has no units'],
    ["a reserve at a PPS stage", { stages: [stage({ method: "pps-systematic", reserve: 2 })] }, 'stage "district": a reserve list is only available for SRS stages'],
    ["a negative reserve", { stages: [stage({ reserve: -1 })] }, 'stage "district": reserve must be a whole number of at least 0, got -1'],
    ["a unit without id", { stages: [stage({ units: [u("", "P")] })] }, 'stage "district": every unit needs a non-empty id'],
    ["a unit twice", { stages: [stage({ units: [u("D1", "P"), u("D1", "P")] })] }, 'stage "district": unit D1 appears twice'],
    ["a unit without parent", { stages: [stage({ units: [u("D1", "")] })] }, 'stage "district": unit D1 has no parent id'],
    [
      "a parent missing from the previous stage",
      { stages: [stage(), stage({ name: "commune", units: [u("C1", "D9")] })] },
      'stage "commune": the parent D9 of unit C1 is not a unit of the previous stage',
    ],
    ["a PPS unit without size", { stages: [stage({ method: "pps-systematic", units: [u("D1", "P")] })] }, 'stage "district": unit D1 needs a positive size measure for PPS, got undefined'],
    ["a PPS unit of size 0", { stages: [stage({ method: "pps-systematic", units: [u("D1", "P", 0)] })] }, 'stage "district": unit D1 needs a positive size measure for PPS, got 0'],
    ["no number for a parent", { stages: [stage({ select: { Q: 1 } })] }, 'stage "district": no number to select for parent P'],
    ["a negative number to select", { stages: [stage({ select: -2 })] }, 'stage "district": the number to select for parent P must be a whole number of at least 0, got -2'],
  ] as [string, MultiStageDesign, string][])("refuses %s", (_, design, message) => {
    expect(() => planMultiStage(design)).toThrow(message);
    expect(() => drawMultiStage(design, 1)).toThrow(message);
  });

  it("refuses a bad seed", () => {
    expect(() => drawMultiStage({ stages: [stage()] }, 0.5)).toThrow("seed must be a whole number from 0 to 9007199254740991, got 0.5");
  });
});
