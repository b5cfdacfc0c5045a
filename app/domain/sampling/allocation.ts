import { SamplingError, compareIds, isWholeNumber } from "./errors";
import { msg } from "../messages";

export type AllocationRule =
  | { method: "equal" }
  | { method: "proportional" }
  /** Proportional, but every stratum gets at least min(N_h, min). */
  | { method: "proportional-min"; min: number };

export interface StratumSize {
  key: string;
  size: number;
}

export interface StratumAllocation {
  key: string;
  /** N_h */
  size: number;
  /** n_h */
  n: number;
}

/** Largest share first; ties go to the larger stratum, then the smaller key — never to input order. */
function byPriority(a: StratumSize, b: StratumSize): number {
  return b.size - a.size || compareIds(a.key, b.key);
}

/**
 * Hamilton's largest-remainder rounding of total·weight_h/Σweight in integer arithmetic, so the
 * parts sum to `total` exactly and the result does not depend on floating point.
 */
function largestRemainder(strata: StratumSize[], total: number, weight: (s: StratumSize) => number): Map<string, number> {
  const result = new Map<string, number>();
  const denominator = strata.reduce((sum, s) => sum + weight(s), 0);
  if (strata.length === 0 || total === 0) {
    for (const s of strata) result.set(s.key, 0);
    return result;
  }
  if (!Number.isSafeInteger(total * denominator)) {
    throw new SamplingError(msg("sampling.tooLargeToAllocate"));
  }
  const remainders: { stratum: StratumSize; remainder: number }[] = [];
  let assigned = 0;
  for (const s of strata) {
    const product = total * weight(s);
    const remainder = product % denominator;
    const floor = (product - remainder) / denominator;
    result.set(s.key, floor);
    assigned += floor;
    remainders.push({ stratum: s, remainder });
  }
  remainders.sort((a, b) => b.remainder - a.remainder || byPriority(a.stratum, b.stratum));
  for (let i = 0; i < total - assigned; i++) {
    const key = remainders[i].stratum.key;
    result.set(key, (result.get(key) ?? 0) + 1);
  }
  return result;
}

function requireStrata(strata: readonly StratumSize[]): number {
  if (strata.length === 0) throw new SamplingError(msg("sampling.noStrata"));
  const seen = new Set<string>();
  let N = 0;
  for (const s of strata) {
    if (seen.has(s.key)) throw new SamplingError(msg("sampling.stratumTwice", { stratum: s.key }));
    seen.add(s.key);
    if (!isWholeNumber(s.size, 1)) {
      throw new SamplingError(msg("sampling.stratumSize", { stratum: s.key, size: String(s.size) }));
    }
    N += s.size;
  }
  return N;
}

/**
 * Splits a total sample size n over strata; returns n_h for each stratum, in the order given.
 * Always Σ n_h = n and n_h ≤ N_h.
 * - equal: n/H each; a stratum too small for its share is taken whole and the rest is shared again.
 * - proportional: n·N_h/N, largest-remainder rounding.
 * - proportional-min: strata whose proportional share is below min(N_h, m) get exactly that,
 *   the rest is allocated proportionally among the others (repeated until stable).
 */
export function allocateSample(strata: readonly StratumSize[], n: number, rule: AllocationRule): StratumAllocation[] {
  const N = requireStrata(strata);
  if (!isWholeNumber(n, 0)) throw new SamplingError(msg("sampling.sizeNotWhole", { min: 0, n: String(n) }));
  if (n > N) throw new SamplingError(msg("sampling.sizeAboveFrame", { n, N }));

  const fixed = new Map<string, number>();
  let free = [...strata];
  let rest = n;
  let shares: Map<string, number>;

  switch (rule.method) {
    case "equal": {
      for (;;) {
        const H = free.length;
        const small = free.filter((s) => s.size * H <= rest);
        if (small.length === 0 || H === 0) break;
        for (const s of small) {
          fixed.set(s.key, s.size);
          rest -= s.size;
        }
        free = free.filter((s) => !fixed.has(s.key));
      }
      shares = largestRemainder(free, rest, () => 1);
      break;
    }
    case "proportional":
      shares = largestRemainder(free, rest, (s) => s.size);
      break;
    case "proportional-min": {
      const m = rule.min;
      if (!isWholeNumber(m, 0)) throw new SamplingError(msg("sampling.minimumNotWhole", { m: String(m) }));
      const floorTotal = strata.reduce((sum, s) => sum + Math.min(s.size, m), 0);
      if (floorTotal > n) {
        throw new SamplingError(msg("sampling.minimumTooLarge", { m, total: floorTotal, n }));
      }
      for (;;) {
        const F = free.reduce((sum, s) => sum + s.size, 0);
        // quota_h = rest·N_h/F < min(N_h, m), compared in integers
        const below = free.filter((s) => rest * s.size < Math.min(s.size, m) * F);
        if (below.length === 0) break;
        for (const s of below) {
          fixed.set(s.key, Math.min(s.size, m));
          rest -= Math.min(s.size, m);
        }
        free = free.filter((s) => !fixed.has(s.key));
      }
      shares = largestRemainder(free, rest, (s) => s.size);
      break;
    }
    default:
      throw new SamplingError(msg("sampling.unknownAllocation", { method: String((rule as { method: unknown }).method) }));
  }

  return strata.map((s) => {
    const nh = fixed.get(s.key) ?? shares.get(s.key) ?? 0;
    if (nh > s.size) throw new SamplingError(msg("sampling.internal", { detail: `stratum ${s.key} allocated ${nh} of ${s.size}` }));
    return { key: s.key, size: s.size, n: nh };
  });
}
