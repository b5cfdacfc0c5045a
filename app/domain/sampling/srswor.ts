import { SamplingError, isWholeNumber } from "./errors";
import { msg } from "../messages";
import type { Rng } from "./prng";

/**
 * The first `count` elements of a uniformly random permutation of `items` (partial Fisher–Yates:
 * position i takes a uniform pick among positions i … N−1). Any prefix of the result is a simple
 * random sample without replacement, so sample = first n_h, ordered reserve = the next k, and a
 * larger n_h from the same stream extends the smaller sample instead of replacing it.
 * `items` must already be in a stable order (sorted ids); it is not modified.
 */
export function permutePrefix<T>(items: readonly T[], count: number, rng: Rng): T[] {
  if (!isWholeNumber(count, 0) || count > items.length) {
    throw new SamplingError(msg("sampling.cannotTake", { count: String(count), total: items.length }));
  }
  const a = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + rng.nextInt(a.length - i);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a.slice(0, count);
}
