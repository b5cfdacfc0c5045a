import { describe, expect, it } from "vitest";
import { computeSampleSize, marginSampleSize, yamaneSampleSize } from "./sample-size";

describe("Yamane n = ⌈N / (1 + N·e²)⌉", () => {
  it.each([
    [3366, 0.05, 358], // Lạng Sơn: 3366 / 9.415 = 357.51
    [1000, 0.05, 286], // 285.71
    [10_000, 0.05, 385], // 384.62
    [36_630, 0.05, 396], // 395.68
    [400, 0.05, 200], // exactly 200: floating point gives 200.000…03, not 201
    [1, 0.05, 1],
  ])("N = %s, e = %s → %s", (N, e, n) => {
    expect(yamaneSampleSize(N, e)).toBe(n);
    expect(computeSampleSize(N, { method: "yamane", e })).toBe(n);
  });
});

describe("margin of error at 95% for a proportion", () => {
  it.each([
    [3366, 0.05, 0.5, 345], // n0 = 384.16, 384.16 / (1 + 383.16/3366) = 344.90
    [1_000_000, 0.05, 0.5, 385], // 384.01
    [3366, 0.05, 0.2, 230], // n0 = 245.86 → 229.19
    [100, 0.05, 0.5, 80], // 79.51
    [400, 0.1, 0.5, 78], // n0 = 96.04 → 77.60
    [1_000_000_000, 0.03, 0.5, 1068], // 1067.11
    [1, 0.05, 0.5, 1],
  ])("N = %s, e = %s, p = %s → %s", (N, e, p, n) => {
    expect(marginSampleSize(N, e, p)).toBe(n);
    expect(computeSampleSize(N, { method: "margin", e, p })).toBe(n);
  });

  it("uses p = 0.5 by default", () => {
    expect(computeSampleSize(3366, { method: "margin", e: 0.05 })).toBe(345);
  });

  it("never asks for more than the frame", () => {
    for (const N of [1, 2, 5, 50, 383, 384, 385]) expect(marginSampleSize(N, 0.05)).toBeLessThanOrEqual(N);
  });
});

describe("fixed n", () => {
  it("returns n when the frame is large enough", () => {
    expect(computeSampleSize(3366, { method: "fixed", n: 400 })).toBe(400);
    expect(computeSampleSize(400, { method: "fixed", n: 400 })).toBe(400);
  });
});

describe("errors", () => {
  it("refuses n larger than the frame", () => {
    expect(() => computeSampleSize(300, { method: "fixed", n: 400 })).toThrow("sample size n = 400 is larger than the frame (N = 300)");
  });
  it.each([0, -5, 2.5])("refuses fixed n = %s", (n) => {
    expect(() => computeSampleSize(300, { method: "fixed", n })).toThrow(`sample size n must be a whole number of at least 1, got ${n}`);
  });
  it.each([0, -0.05, 1, 5, Number.NaN])("refuses e = %s", (e) => {
    const message = `margin of error e must be greater than 0 and less than 1 (0.05 = 5%), got ${e}`;
    expect(() => yamaneSampleSize(100, e)).toThrow(message);
    expect(() => marginSampleSize(100, e)).toThrow(message);
  });
  it.each([0, 1, -0.2, 1.5])("refuses p = %s", (p) => {
    expect(() => marginSampleSize(100, 0.05, p)).toThrow(`expected proportion p must be greater than 0 and less than 1, got ${p}`);
  });
  it.each([0, -1, 10.5])("refuses N = %s", (N) => {
    expect(() => computeSampleSize(N, { method: "yamane", e: 0.05 })).toThrow(`frame size N must be a whole number of at least 1, got ${N}`);
  });
  it("refuses an unknown method", () => {
    expect(() => computeSampleSize(100, { method: "guess" } as never)).toThrow('unknown sample size method "guess"');
  });
});
