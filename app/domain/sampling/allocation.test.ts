import { describe, expect, it } from "vitest";
import { allocateSample, type AllocationRule } from "./allocation";

// Lạng Sơn: the provincial centre and four district one-stop units, 3366 people in all.
const langSon = [
  { key: "centre", size: 1566 },
  { key: "Cao Lộc", size: 600 },
  { key: "Chi Lăng", size: 500 },
  { key: "Hữu Lũng", size: 400 },
  { key: "Văn Quan", size: 300 },
];
const ns = (rows: { n: number }[]) => rows.map((r) => r.n);
const total = (rows: { n: number }[]) => rows.reduce((s, r) => s + r.n, 0);

describe("proportional allocation", () => {
  it("rounds by largest remainder so that the total is exactly n", () => {
    // quotas 186.10, 71.30, 59.42, 47.53, 35.65: the two largest remainders (Văn Quan, Hữu Lũng) get one more
    expect(ns(allocateSample(langSon, 400, { method: "proportional" }))).toEqual([186, 71, 59, 48, 36]);
  });

  it("breaks equal remainders by larger stratum, then key, not by input order", () => {
    const strata = [{ key: "b", size: 10 }, { key: "a", size: 10 }, { key: "c", size: 20 }];
    // quotas 1.5, 1.5, 3 → floors 1, 1, 3; one unit left, a tie between b and a: a, the smaller key
    expect(allocateSample(strata, 6, { method: "proportional" })).toEqual([
      { key: "b", size: 10, n: 1 },
      { key: "a", size: 10, n: 2 },
      { key: "c", size: 20, n: 3 },
    ]);
    expect(allocateSample([...strata].reverse(), 6, { method: "proportional" })).toEqual(
      allocateSample(strata, 6, { method: "proportional" }).reverse(),
    );
    // quotas 1.25, 1.25, 2.5: the largest remainder (c) wins before any tie-break
    expect(ns(allocateSample(strata, 5, { method: "proportional" }))).toEqual([1, 1, 3]);
  });

  it("totals n and never exceeds a stratum for many sizes", () => {
    const strata = [3, 1, 7, 150, 2, 44, 9].map((size, i) => ({ key: `s${i}`, size }));
    const N = 216;
    for (const n of [0, 1, 5, 17, 100, 215, 216]) {
      for (const rule of [{ method: "proportional" }, { method: "equal" }, { method: "proportional-min", min: 2 }] as AllocationRule[]) {
        if (rule.method === "proportional-min" && n < 13) continue; // min 2 needs 2+1+2+2+2+2+2 = 13
        const rows = allocateSample(strata, n, rule);
        expect(total(rows), `${rule.method} n=${n}`).toBe(n);
        for (const r of rows) expect(r.n).toBeLessThanOrEqual(r.size);
        if (n === N) for (const r of rows) expect(r.n).toBe(r.size);
      }
    }
  });
});

describe("equal allocation", () => {
  it("gives n/H to each stratum, remainder to the larger strata", () => {
    expect(ns(allocateSample(langSon, 400, { method: "equal" }))).toEqual([80, 80, 80, 80, 80]);
    expect(ns(allocateSample(langSon, 403, { method: "equal" }))).toEqual([81, 81, 81, 80, 80]);
  });

  it("takes small strata whole and shares the rest among the others", () => {
    const strata = [{ key: "a", size: 5 }, { key: "b", size: 100 }, { key: "c", size: 100 }];
    expect(ns(allocateSample(strata, 60, { method: "equal" }))).toEqual([5, 28, 27]);
    expect(ns(allocateSample(strata, 205, { method: "equal" }))).toEqual([5, 100, 100]);
  });

  it("leaves some strata empty when n is smaller than the number of strata", () => {
    expect(ns(allocateSample(langSon, 3, { method: "equal" }))).toEqual([1, 1, 1, 0, 0]);
  });
});

describe("proportional allocation with a minimum per stratum", () => {
  it("lifts small strata to the minimum and shares the rest proportionally", () => {
    const strata = [{ key: "big", size: 1000 }, { key: "mid", size: 100 }, { key: "small", size: 20 }];
    // plain proportional: 89.29, 8.93, 1.79 → 89, 9, 2
    expect(ns(allocateSample(strata, 100, { method: "proportional" }))).toEqual([89, 9, 2]);
    // small fixed at 10; 90 over 1100: 81.82, 8.18 → mid below 10, fixed too; big gets 80
    expect(ns(allocateSample(strata, 100, { method: "proportional-min", min: 10 }))).toEqual([80, 10, 10]);
  });

  it("takes a stratum smaller than the minimum whole", () => {
    const strata = [{ key: "big", size: 1000 }, { key: "tiny", size: 3 }];
    expect(ns(allocateSample(strata, 50, { method: "proportional-min", min: 10 }))).toEqual([47, 3]);
  });

  it("is plain proportional when no stratum is below the minimum", () => {
    expect(allocateSample(langSon, 400, { method: "proportional-min", min: 30 })).toEqual(
      allocateSample(langSon, 400, { method: "proportional" }),
    );
  });
});

describe("errors", () => {
  it("refuses n larger than the frame", () => {
    expect(() => allocateSample([{ key: "a", size: 3 }], 4, { method: "equal" })).toThrow("sample size n = 4 is larger than the frame (N = 3)");
  });
  it("refuses a minimum that the sample cannot pay for", () => {
    expect(() => allocateSample(langSon, 100, { method: "proportional-min", min: 30 })).toThrow(
      "a minimum of 30 per stratum needs 150 units in total, more than the sample size n = 100",
    );
  });
  it("refuses a bad minimum", () => {
    expect(() => allocateSample(langSon, 100, { method: "proportional-min", min: -1 })).toThrow(
      "minimum per stratum must be a whole number of at least 0, got -1",
    );
  });
  it("refuses no strata, duplicate strata and empty strata", () => {
    expect(() => allocateSample([], 0, { method: "equal" })).toThrow("there are no strata to allocate the sample to");
    expect(() => allocateSample([{ key: "a", size: 3 }, { key: "a", size: 4 }], 2, { method: "equal" })).toThrow("stratum a appears twice");
    expect(() => allocateSample([{ key: "a", size: 0 }], 0, { method: "equal" })).toThrow(
      "stratum a must have a whole number of at least 1 units, got 0",
    );
  });
  it("refuses a frame too large for exact integer arithmetic", () => {
    const huge = [{ key: "a", size: 2 ** 40 }, { key: "b", size: 2 ** 40 }];
    expect(() => allocateSample(huge, 2 ** 20, { method: "proportional" })).toThrow("frame too large to allocate exactly (n × N exceeds 2^53)");
  });
  it("refuses a bad n and an unknown method", () => {
    expect(() => allocateSample(langSon, 2.5, { method: "equal" })).toThrow("sample size n must be a whole number of at least 0, got 2.5");
    expect(() => allocateSample(langSon, 2, { method: "neyman" } as never)).toThrow('unknown allocation method "neyman"');
  });
});
