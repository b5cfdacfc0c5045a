import { describe, expect, it } from "vitest";
import { createRng, rngFromState, MAX_SEED } from "./prng";

const take = (rng: { nextUint32(): number }, k: number) => Array.from({ length: k }, () => rng.nextUint32());

describe("xoshiro128** and its seeding", () => {
  it("matches the reference C implementation from the state (1, 2, 3, 4)", () => {
    expect(take(rngFromState(1, 2, 3, 4), 6)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  // Produced by the reference C code (xoshiro128**, SplitMix64, FNV-1a-64): docs/decisions/011-sampling.md.
  it.each([
    [0, "", [2083230971, 3165514249, 3756007901, 1517875248, 1951938967, 1003092964]],
    [42, "", [56736522, 3510523818, 3159696588, 225478442, 1834116085, 1763739478]],
    [42, '["district","Chi Lăng"]', [3671532514, 3567259564, 1534994032, 2009320829, 3220144281, 1568498008]],
    [MAX_SEED, "x", [1204902264, 395500410, 2414390274, 2135513961, 420546640, 2076872250]],
    [20240601, "tỉnh", [1793891083, 922683123, 2930520906, 4136400023, 3947188910, 2595864641]],
  ])("seed %d, stream %j gives the reference outputs", (seed, key, expected) => {
    expect(take(createRng(seed, key), 6)).toEqual(expected);
  });

  it("gives different streams for different keys and seeds", () => {
    const a = take(createRng(7, "A"), 4);
    expect(take(createRng(7, "A"), 4)).toEqual(a);
    expect(take(createRng(7, "B"), 4)).not.toEqual(a);
    expect(take(createRng(8, "A"), 4)).not.toEqual(a);
    // the stream key is text, not a number that could collide with the seed
    expect(take(createRng(0, "1"), 4)).not.toEqual(take(createRng(1, ""), 4));
  });

  it.each([-1, 1.5, Number.NaN, MAX_SEED + 1, "12"])("refuses the seed %j", (seed) => {
    expect(() => createRng(seed as number)).toThrow(`seed must be a whole number from 0 to ${MAX_SEED}, got ${String(seed)}`);
  });

  it("refuses the all-zero state", () => {
    expect(() => rngFromState(0, 0, 0, 0)).toThrow("xoshiro128** state must not be all zero");
  });
});

describe("nextInt and nextFloat", () => {
  it("stays in range and is close to uniform (chi-square, 9 df)", () => {
    const rng = createRng(1);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[rng.nextInt(10)]++;
    const chi2 = counts.reduce((sum, c) => sum + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(27.88); // 0.999 quantile
  });

  it("handles n = 1 and n = 2^32", () => {
    const rng = createRng(3);
    expect(rng.nextInt(1)).toBe(0);
    const x = rng.nextInt(2 ** 32);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThan(2 ** 32);
  });

  it.each([0, -3, 2.5, 2 ** 32 + 1])("refuses nextInt(%d)", (n) => {
    expect(() => createRng(1).nextInt(n)).toThrow(`nextInt needs a whole number from 1 to 2^32, got ${n}`);
  });

  it("draws floats in [0, 1) with mean ≈ 1/2", () => {
    const rng = createRng(5);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 50_000; i++) {
      const u = rng.nextFloat();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 50_000 - 0.5)).toBeLessThan(0.005);
  });
});
