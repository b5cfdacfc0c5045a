import { SamplingError, isWholeNumber } from "./errors";
import { msg } from "../messages";

/** z for a two-sided 95% interval, Cochran's rounded figure (not 1.959964…). */
export const Z_95 = 1.96;

export type SampleSizeRule =
  | { method: "fixed"; n: number }
  /** n = N / (1 + N·e²), the pre-2017 guidance (sipas-method.md §5). */
  | { method: "yamane"; e: number }
  /** Margin of error e at 95% for a proportion p (default 0.5), with finite-population correction. */
  | { method: "margin"; e: number; p?: number };

// Formulas that are whole numbers in exact arithmetic can land a hair above it in floating point
// (e.g. 400 / (1 + 400·0.05²) = 200.00000000000003); rounding that up would add a person.
const CEIL_TOLERANCE = 1e-9;
function ceilTolerant(x: number): number {
  return Math.ceil(x - CEIL_TOLERANCE);
}

export function requireFrameSize(N: unknown): number {
  if (!isWholeNumber(N, 1)) throw new SamplingError(msg("sampling.frameSizeNotWhole", { N: String(N) }));
  return N;
}

function requireMargin(e: unknown): number {
  if (typeof e !== "number" || !(e > 0 && e < 1)) {
    throw new SamplingError(msg("sampling.badMargin", { e: String(e) }));
  }
  return e;
}

/** Yamane: n = ⌈N / (1 + N·e²)⌉. */
export function yamaneSampleSize(N: number, e: number): number {
  requireFrameSize(N);
  requireMargin(e);
  return Math.min(N, ceilTolerant(N / (1 + N * e * e)));
}

/**
 * Cochran for a proportion at 95%: n₀ = z²·p(1−p)/e², then the finite-population correction
 * n = ⌈n₀ / (1 + (n₀ − 1)/N)⌉. p = 0.5 gives the largest n, the safe default.
 */
export function marginSampleSize(N: number, e: number, p = 0.5): number {
  requireFrameSize(N);
  requireMargin(e);
  if (typeof p !== "number" || !(p > 0 && p < 1)) {
    throw new SamplingError(msg("sampling.badProportion", { p: String(p) }));
  }
  const n0 = (Z_95 * Z_95 * p * (1 - p)) / (e * e);
  return Math.min(N, Math.max(1, ceilTolerant(n0 / (1 + (n0 - 1) / N))));
}

/** The total sample size of a round for a frame of N units. */
export function computeSampleSize(N: number, rule: SampleSizeRule): number {
  requireFrameSize(N);
  switch (rule.method) {
    case "fixed":
      if (!isWholeNumber(rule.n, 1)) {
        throw new SamplingError(msg("sampling.sizeNotWhole", { min: 1, n: String(rule.n) }));
      }
      if (rule.n > N) throw new SamplingError(msg("sampling.sizeAboveFrame", { n: rule.n, N }));
      return rule.n;
    case "yamane":
      return yamaneSampleSize(N, rule.e);
    case "margin":
      return marginSampleSize(N, rule.e, rule.p);
    default:
      throw new SamplingError(msg("sampling.unknownSizeMethod", { method: String((rule as { method: unknown }).method) }));
  }
}
