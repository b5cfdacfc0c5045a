import { describe, expect, it } from "vitest";
import { createRng } from "./prng";
import { permutePrefix } from "./srswor";

describe("permutePrefix (partial Fisher–Yates)", () => {
  const ids = ["a", "b", "c", "d", "e", "f"];

  it("returns distinct items and leaves the input alone", () => {
    const out = permutePrefix(ids, 4, createRng(1));
    expect(new Set(out).size).toBe(4);
    for (const id of out) expect(ids).toContain(id);
    expect(ids).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("gives a prefix of the full permutation of the same stream", () => {
    expect(permutePrefix(ids, 3, createRng(9, "s"))).toEqual(permutePrefix(ids, 6, createRng(9, "s")).slice(0, 3));
    expect(permutePrefix(ids, 0, createRng(9, "s"))).toEqual([]);
  });

  it("puts each item first with probability 1/N", () => {
    const first = new Map<string, number>();
    for (let seed = 0; seed < 6000; seed++) {
      const [x] = permutePrefix(ids, 1, createRng(seed));
      first.set(x, (first.get(x) ?? 0) + 1);
    }
    const chi2 = [...first.values()].reduce((s, c) => s + (c - 1000) ** 2 / 1000, 0);
    expect(first.size).toBe(6);
    expect(chi2).toBeLessThan(20.52); // 0.999 quantile, 5 df
  });

  it.each([7, -1, 1.5])("refuses to take %s of 6", (count) => {
    expect(() => permutePrefix(ids, count, createRng(1))).toThrow(`cannot take ${count} of 6 units`);
  });
});
