import { describe, expect, it } from "vitest";
import { render } from "../messages";
import { createRng } from "./prng";
import { drawSample, planSample, SAMPLING_ALGORITHM, type FrameUnit, type StratifiedDesign } from "./stratified";

const FIELDS = ["land", "justice", "construction", "labour"];
const UNITS: [string, string, number][] = [
  ["province", "Trung tâm HCC tỉnh", 1566],
  ["district", "Cao Lộc", 600],
  ["district", "Chi Lăng", 500],
  ["district", "Hữu Lũng", 400],
  ["district", "Văn Quan", 300],
];

/** Lạng Sơn: 3366 dossier holders at the provincial centre and four district one-stop units. */
function langSonFrame(): FrameUnit[] {
  const frame: FrameUnit[] = [];
  let i = 0;
  for (const [level, unit, size] of UNITS) {
    for (let j = 0; j < size; j++) {
      i++;
      frame.push({ id: `LS-${String(i).padStart(5, "0")}`, attributes: { level, unit, field: FIELDS[j % 4], phone: "09…" } });
    }
  }
  return frame;
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

const byLevelUnit: StratifiedDesign = {
  strataBy: ["level", "unit"],
  size: { method: "fixed", n: 400 },
  allocation: { method: "proportional" },
  reserve: 5,
};

describe("planSample: what staff see before drawing", () => {
  const plan = planSample(langSonFrame(), byLevelUnit);

  it("lists each stratum with N_h, n_h, π_h and the design weight", () => {
    expect(plan.frameSize).toBe(3366);
    expect(plan.sampleSize).toBe(400);
    expect(plan.strata.map((s) => [s.label, s.frameSize, s.sampleSize])).toEqual([
      ["district × Cao Lộc", 600, 71],
      ["district × Chi Lăng", 500, 59],
      ["district × Hữu Lũng", 400, 48],
      ["district × Văn Quan", 300, 36],
      ["province × Trung tâm HCC tỉnh", 1566, 186],
    ]);
    const chiLang = plan.strata[1];
    expect(chiLang.values).toEqual({ level: "district", unit: "Chi Lăng" });
    expect(chiLang.key).toBe('["district","Chi Lăng"]');
    expect(chiLang.inclusionProbability).toBe(59 / 500);
    expect(chiLang.designWeight).toBe(500 / 59);
    expect(plan.warnings).toEqual([]);
  });

  it("has inclusion probabilities that sum to n over the frame, and weights that sum to N over the sample", () => {
    expect(plan.strata.reduce((sum, s) => sum + s.frameSize * s.inclusionProbability, 0)).toBeCloseTo(400, 9);
    expect(plan.strata.reduce((sum, s) => sum + s.sampleSize * (s.designWeight ?? 0), 0)).toBeCloseTo(3366, 9);
  });

  it("sizes the round with Yamane or a margin of error over the whole frame", () => {
    expect(planSample(langSonFrame(), { ...byLevelUnit, size: { method: "yamane", e: 0.05 } }).sampleSize).toBe(358);
    expect(planSample(langSonFrame(), { ...byLevelUnit, size: { method: "margin", e: 0.05 } }).sampleSize).toBe(345);
  });

  it("stratifies by any columns, e.g. unit × field, or not at all", () => {
    const unitField = planSample(langSonFrame(), { ...byLevelUnit, strataBy: ["unit", "field"] });
    expect(unitField.strata).toHaveLength(20);
    expect(unitField.strata.reduce((s, x) => s + x.sampleSize, 0)).toBe(400);
    const one = planSample(langSonFrame(), { ...byLevelUnit, strataBy: [] });
    expect(one.strata).toHaveLength(1);
    expect(one.strata[0]).toMatchObject({ key: "[]", label: "all", frameSize: 3366, sampleSize: 400 });
  });

  it("caps the reserve at what is left in the stratum, or sizes it as a share of n_h", () => {
    const tiny: FrameUnit[] = ["a", "b", "c"].map((id) => ({ id, attributes: {} }));
    expect(planSample(tiny, { strataBy: [], size: { method: "fixed", n: 2 }, allocation: { method: "equal" }, reserve: 5 }).strata[0].reserveSize).toBe(1);
    const ratio = planSample(langSonFrame(), { ...byLevelUnit, reserve: { ratio: 0.1 } });
    expect(ratio.strata.map((s) => s.reserveSize)).toEqual([8, 6, 5, 4, 19]); // ⌈0.1·n_h⌉
    expect(ratio.reserveSize).toBe(42);
  });

  it("warns, with no NaN or Infinity, when a stratum gets no sample", () => {
    const frame: FrameUnit[] = [
      ...Array.from({ length: 99 }, (_, i) => ({ id: `big${i}`, attributes: { unit: "big" } })),
      { id: "lonely", attributes: { unit: "small" } },
    ];
    const plan = planSample(frame, { strataBy: ["unit"], size: { method: "fixed", n: 10 }, allocation: { method: "proportional" } });
    expect(plan.strata[1]).toMatchObject({ label: "small", frameSize: 1, sampleSize: 0, inclusionProbability: 0, designWeight: null });
    expect(plan.warnings.map((w) => render(w, "en"))).toEqual(["stratum small gets no sample: its 1 units have no chance of selection"]);
    expect(plan.warnings.map((w) => render(w, "vi"))).toEqual(["tầng small không được chọn ai: 1 người của tầng không có cơ hội được chọn"]);
    const fixed = planSample(frame, { strataBy: ["unit"], size: { method: "fixed", n: 10 }, allocation: { method: "proportional-min", min: 1 } });
    expect(fixed.strata.map((s) => s.sampleSize)).toEqual([9, 1]);
    expect(fixed.warnings).toEqual([]);
  });
});

describe("drawSample: stratified SRSWOR", () => {
  const frame = langSonFrame();
  const drawn = drawSample(frame, byLevelUnit, 20240601);

  it("gives every sampled person a stratum, inclusion probability and design weight", () => {
    expect(drawn.algorithm).toBe(SAMPLING_ALGORITHM);
    expect(drawn.seed).toBe(20240601);
    expect(drawn.sample).toHaveLength(400);
    const plans = new Map(drawn.plan.strata.map((s) => [s.key, s]));
    const unitOf = new Map(frame.map((u) => [u.id, u.attributes]));
    for (const s of drawn.sample) {
      const p = plans.get(s.stratum)!;
      expect(s.inclusionProbability).toBe(p.inclusionProbability);
      expect(s.designWeight).toBe(p.designWeight);
      expect(JSON.stringify([unitOf.get(s.id)!.level, unitOf.get(s.id)!.unit])).toBe(s.stratum);
    }
    for (const p of drawn.plan.strata) {
      expect(drawn.sample.filter((s) => s.stratum === p.key).map((s) => s.drawOrder)).toEqual(
        Array.from({ length: p.sampleSize }, (_, i) => i + 1),
      );
    }
    expect(new Set(drawn.sample.map((s) => s.id)).size).toBe(400);
    expect(drawn.sample.reduce((sum, s) => sum + s.designWeight, 0)).toBeCloseTo(3366, 9);
  });

  it("draws an ordered reserve per stratum, disjoint from the sample", () => {
    const sampled = new Set(drawn.sample.map((s) => s.id));
    expect(drawn.reserve).toHaveLength(25);
    for (const r of drawn.reserve) expect(sampled.has(r.id)).toBe(false);
    expect(new Set(drawn.reserve.map((r) => r.id)).size).toBe(25);
    for (const p of drawn.plan.strata) {
      const list = drawn.reserve.filter((r) => r.stratum === p.key);
      expect(list.map((r) => r.reserveOrder)).toEqual([1, 2, 3, 4, 5]);
      for (const r of list) expect(r.designWeight).toBe(p.designWeight);
    }
  });

  it("is reproducible: same frame, design and seed give the same sample", () => {
    expect(drawSample(langSonFrame(), byLevelUnit, 20240601)).toEqual(drawn);
  });

  it("does not depend on the order the database returns rows in", () => {
    for (const s of [1, 2, 3]) expect(drawSample(shuffled(frame, s), byLevelUnit, 20240601)).toEqual(drawn);
    expect(drawSample([...frame].reverse(), byLevelUnit, 20240601)).toEqual(drawn);
  });

  it("gives a different sample for a different seed", () => {
    const other = drawSample(frame, byLevelUnit, 20240602);
    const a = new Set(drawn.sample.map((s) => s.id));
    const overlap = other.sample.filter((s) => a.has(s.id)).length;
    expect(overlap).toBeLessThan(100); // expected overlap Σ n_h²/N_h ≈ 48
  });

  it("treats 7 from SQLite and \"7\" from PostgreSQL as the same stratum", () => {
    const sqlite: FrameUnit[] = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, attributes: { district: i < 20 ? 7 : 8 } }));
    const pg: FrameUnit[] = sqlite.map((u) => ({ id: u.id, attributes: { district: String(u.attributes.district) } }));
    const design: StratifiedDesign = { strataBy: ["district"], size: { method: "fixed", n: 6 }, allocation: { method: "equal" }, reserve: 2 };
    expect(drawSample(sqlite, design, 5)).toEqual(drawSample(pg, design, 5));
  });

  it("leaves a stratum's draw unchanged when another stratum is added", () => {
    const design: StratifiedDesign = { strataBy: ["unit"], size: { method: "fixed", n: 40 }, allocation: { method: "equal" }, reserve: 3 };
    const four = frame.filter((u) => u.attributes.level === "district");
    const before = drawSample(four, design, 99);
    const after = drawSample(frame, { ...design, size: { method: "fixed", n: 50 } }, 99);
    const district = (xs: { stratum: string }[]) => xs.filter((x) => x.stratum.startsWith('["Trung') === false);
    expect(district(after.sample)).toEqual(before.sample);
    expect(district(after.reserve)).toEqual(before.reserve);
  });

  it("extends the sample when n_h grows, and does not change it when the reserve changes", () => {
    const design: StratifiedDesign = { strataBy: [], size: { method: "fixed", n: 10 }, allocation: { method: "equal" } };
    const small = drawSample(frame, design, 7);
    const large = drawSample(frame, { ...design, size: { method: "fixed", n: 20 } }, 7);
    expect(large.sample.slice(0, 10).map((s) => s.id)).toEqual(small.sample.map((s) => s.id));
    const withReserve = drawSample(frame, { ...design, reserve: 10 }, 7);
    expect(withReserve.sample.map((s) => s.id)).toEqual(small.sample.map((s) => s.id));
    // the reserve is the next part of the same permutation
    expect(withReserve.reserve.map((r) => r.id)).toEqual(large.sample.slice(10).map((s) => s.id));
  });

  // Expected ids computed by the reference C code (xoshiro128**, SplitMix64, FNV-1a-64, partial
  // Fisher–Yates with rejection sampling): a sample can be re-drawn outside this code base.
  it("matches an independent implementation of the draw", () => {
    const ids = (prefix: string) => Array.from({ length: 12 }, (_, i) => `${prefix}${String(i + 1).padStart(2, "0")}`);
    const frameC: FrameUnit[] = [
      ...ids("d").map((id) => ({ id, attributes: { level: "district", unit: "Chi Lăng" } })),
      ...ids("p").map((id) => ({ id, attributes: { level: "province", unit: "Trung tâm" } })),
    ];
    const result = drawSample(shuffled(frameC, 4), { strataBy: ["level", "unit"], size: { method: "fixed", n: 10 }, allocation: { method: "equal" }, reserve: 2 }, 12345);
    expect(result.sample.map((s) => s.id)).toEqual(["d10", "d05", "d03", "d07", "d08", "p10", "p07", "p02", "p12", "p08"]);
    expect(result.reserve.map((r) => r.id)).toEqual(["d12", "d09", "p01", "p09"]);

    const frameX: FrameUnit[] = Array.from({ length: 20 }, (_, i) => ({ id: `x${String(i + 1).padStart(2, "0")}`, attributes: {} }));
    const all = drawSample(frameX, { strataBy: [], size: { method: "fixed", n: 15 }, allocation: { method: "equal" }, reserve: 5 }, 20240601);
    expect([...all.sample.map((s) => s.id), ...all.reserve.map((r) => r.id)].map((id) => Number(id.slice(1)))).toEqual([
      7, 4, 14, 2, 9, 5, 6, 11, 10, 20, 12, 19, 1, 13, 3, 18, 8, 16, 17, 15,
    ]);
  });

  it("gives every subset of size n the same chance (SRSWOR, 5 choose 2 over 10 000 seeds)", () => {
    const five: FrameUnit[] = ["a", "b", "c", "d", "e"].map((id) => ({ id, attributes: {} }));
    const design: StratifiedDesign = { strataBy: [], size: { method: "fixed", n: 2 }, allocation: { method: "equal" } };
    const counts = new Map<string, number>();
    const draws = 10_000;
    for (let seed = 0; seed < draws; seed++) {
      const pair = drawSample(five, design, seed).sample.map((s) => s.id).sort().join("");
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    const chi2 = [...counts.values()].reduce((sum, c) => sum + (c - draws / 10) ** 2 / (draws / 10), 0);
    expect(chi2).toBeLessThan(27.88); // 0.999 quantile, 9 df
  });
});

describe("errors", () => {
  const design: StratifiedDesign = { strataBy: ["unit"], size: { method: "fixed", n: 1 }, allocation: { method: "equal" } };
  const unit = (id: string, attributes: FrameUnit["attributes"] = { unit: "A" }): FrameUnit => ({ id, attributes });

  it.each([
    ["an empty frame", [], design, "the frame is empty"],
    ["a duplicate id", [unit("x"), unit("x")], design, "unit id x appears twice in the frame"],
    ["an empty id", [unit("")], design, "every unit of the frame needs a non-empty id"],
    ["a missing stratum value", [unit("x", {})], design, 'frame row x has no value for stratum column "unit"'],
    ["a null stratum value", [unit("x", { unit: null })], design, 'frame row x has no value for stratum column "unit"'],
    ["a blank stratum value", [unit("x", { unit: "  " })], design, 'frame row x has no value for stratum column "unit"'],
    ["a NaN stratum value", [unit("x", { unit: Number.NaN })], design, 'frame row x has an invalid value for stratum column "unit"'],
    ["a column listed twice", [unit("x")], { ...design, strataBy: ["unit", "unit"] }, "a stratum column is listed twice"],
    ["n larger than the frame", [unit("x")], { ...design, size: { method: "fixed", n: 2 } }, "sample size n = 2 is larger than the frame (N = 1)"],
    ["a negative reserve", [unit("x")], { ...design, reserve: -1 }, "reserve must be a whole number of at least 0 per stratum, got -1"],
    ["a bad reserve ratio", [unit("x")], { ...design, reserve: { ratio: -0.5 } }, "reserve ratio must be a number of at least 0, got -0.5"],
  ] as [string, FrameUnit[], StratifiedDesign, string][])("refuses %s", (_, frame, d, message) => {
    expect(() => planSample(frame, d)).toThrow(message);
    expect(() => drawSample(frame, d, 1)).toThrow(message);
  });

  it("refuses a bad seed", () => {
    expect(() => drawSample([unit("x")], design, -1)).toThrow("seed must be a whole number from 0 to 9007199254740991, got -1");
  });
});
