import { SamplingError } from "./errors";
import { msg } from "../messages";

/**
 * Seeded pseudo-random numbers for reproducible draws (docs/decisions/011-sampling.md).
 *
 * Generator: xoshiro128** 1.0 (Blackman & Vigna), 32-bit words, so every step is exact in
 * JavaScript (`Math.imul`, `>>>`) and identical on every engine and in C.
 * Seeding: a stream is named by (seed, key). state0 = SplitMix64(seed) XOR FNV-1a-64(UTF-8 key);
 * two further SplitMix64 outputs give the four state words (low word first). A stratum's key is
 * its stream, so adding a stratum leaves the other strata's draws unchanged.
 * The golden values in prng.test.ts were produced by the reference C code.
 */
export interface Rng {
  /** Uniform on 0 … 2^32 − 1. */
  nextUint32(): number;
  /** Uniform on 0 … n − 1, without modulo bias (rejection); 1 ≤ n ≤ 2^32. */
  nextInt(n: number): number;
  /** Uniform on [0, 1) with 53 random bits. */
  nextFloat(): number;
}

export const MAX_SEED = Number.MAX_SAFE_INTEGER;

const MASK64 = (1n << 64n) - 1n;
const TWO32 = 4294967296;

function splitmix64(state: bigint): { state: bigint; value: bigint } {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return { state: next, value: z ^ (z >> 31n) };
}

function fnv1a64(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & MASK64;
  }
  return h;
}

export function requireSeed(seed: unknown): number {
  if (typeof seed !== "number" || !Number.isSafeInteger(seed) || seed < 0) {
    throw new SamplingError(msg("sampling.seedRange", { max: String(MAX_SEED), seed: String(seed) }));
  }
  return seed;
}

/** The generator for stream `key` of `seed` (0 ≤ seed ≤ 2^53 − 1). */
export function createRng(seed: number, key = ""): Rng {
  requireSeed(seed);
  let sm = splitmix64(BigInt(seed)).value ^ fnv1a64(key);
  const words: number[] = [];
  for (let i = 0; i < 2; i++) {
    const out = splitmix64(sm);
    sm = out.state;
    words.push(Number(out.value & 0xffffffffn), Number(out.value >> 32n));
  }
  // All-zero is xoshiro's one fixed point; SplitMix64 cannot produce it for two outputs in a row.
  return rngFromState(words[0], words[1], words[2], words[3]);
}

/** xoshiro128** started from a raw state (for tests against the reference vectors). */
export function rngFromState(a: number, b: number, c: number, d: number): Rng {
  let s0 = a >>> 0;
  let s1 = b >>> 0;
  let s2 = c >>> 0;
  let s3 = d >>> 0;
  if ((s0 | s1 | s2 | s3) === 0) throw new SamplingError(msg("sampling.internal", { detail: "xoshiro128** state must not be all zero" }));

  function nextUint32(): number {
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  function nextInt(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1 || n > TWO32) {
      throw new SamplingError(msg("sampling.internal", { detail: `nextInt needs a whole number from 1 to 2^32, got ${n}` }));
    }
    const limit = TWO32 - (TWO32 % n);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % n;
    }
  }

  function nextFloat(): number {
    const hi = nextUint32() >>> 5;
    const lo = nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  return { nextUint32, nextInt, nextFloat };
}
