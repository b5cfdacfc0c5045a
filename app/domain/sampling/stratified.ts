import { allocateSample, type AllocationRule } from "./allocation";
import { SamplingError, compareIds, isWholeNumber } from "./errors";
import { msg, type Message } from "../messages";
import { createRng, requireSeed } from "./prng";
import { computeSampleSize, type SampleSizeRule } from "./sample-size";
import { permutePrefix } from "./srswor";

/** Names the generator, stream derivation and draw algorithm; stored with every sample. */
export const SAMPLING_ALGORITHM = "xoshiro128**/splitmix64/fnv1a64-stream; partial-fisher-yates on sorted ids; v1";

export type FrameValue = string | number | boolean | null | undefined;

/** One row of the frame (a dossier holder, a resident). `id` is the caller's stable key. */
export interface FrameUnit {
  id: string;
  attributes: Readonly<Record<string, FrameValue>>;
}

export type ReserveRule = number | { ratio: number };

export interface StratifiedDesign {
  /** Frame columns whose combination defines a stratum, e.g. ["level", "unit"]; [] = one stratum. */
  strataBy: readonly string[];
  size: SampleSizeRule;
  allocation: AllocationRule;
  /** Ordered replacements per stratum: a count, or ⌈ratio·n_h⌉; capped at N_h − n_h. */
  reserve?: ReserveRule;
}

export interface StratumPlan {
  /** JSON array of the stratum values as text: unambiguous, and the name of the stratum's random stream. */
  key: string;
  values: Readonly<Record<string, string>>;
  /** "district × Chi Lăng" */
  label: string;
  frameSize: number;
  sampleSize: number;
  reserveSize: number;
  /** π_h = n_h / N_h, the same for every unit of the stratum. */
  inclusionProbability: number;
  /** 1/π_h = N_h / n_h; null when n_h = 0 (the stratum cannot be represented). */
  designWeight: number | null;
}

export interface SamplePlan {
  frameSize: number;
  sampleSize: number;
  reserveSize: number;
  size: SampleSizeRule;
  allocation: AllocationRule;
  strata: StratumPlan[];
  /** For people, in their language (the CLI prints them). */
  warnings: Message[];
}

export interface SampledUnit {
  id: string;
  stratum: string;
  inclusionProbability: number;
  designWeight: number;
  /** 1-based position in the stratum's draw. */
  drawOrder: number;
}

export interface ReserveUnit {
  id: string;
  stratum: string;
  /** 1-based: replacements are used in this order within the stratum. */
  reserveOrder: number;
  /** The stratum's design weight, which a replacement takes over. */
  designWeight: number;
}

export interface DrawnSample {
  algorithm: string;
  seed: number;
  plan: SamplePlan;
  sample: SampledUnit[];
  reserve: ReserveUnit[];
}

interface Stratum {
  key: string;
  values: Record<string, string>;
  parts: string[];
  ids: string[];
}

function stratumValue(unit: FrameUnit, column: string): string {
  const value = unit.attributes[column];
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
    throw new SamplingError(msg("sampling.noStratumValue", { unit: unit.id, column }));
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new SamplingError(msg("sampling.badStratumValue", { unit: unit.id, column }));
  }
  // Text, so that 7 from SQLite and "7" from PostgreSQL fall in the same stratum.
  return String(value);
}

/** Groups the frame into strata, both sorted in code-unit order of key and id — never row order. */
export function groupStrata(frame: readonly FrameUnit[], strataBy: readonly string[]): Stratum[] {
  if (frame.length === 0) throw new SamplingError(msg("sampling.frameEmpty"));
  if (new Set(strataBy).size !== strataBy.length) throw new SamplingError(msg("sampling.stratumColumnTwice"));
  const seen = new Set<string>();
  const strata = new Map<string, Stratum>();
  for (const unit of frame) {
    if (typeof unit.id !== "string" || unit.id === "") throw new SamplingError(msg("sampling.unitNeedsId"));
    if (seen.has(unit.id)) throw new SamplingError(msg("sampling.unitIdTwice", { unit: unit.id }));
    seen.add(unit.id);
    const values = strataBy.map((c) => stratumValue(unit, c));
    const key = JSON.stringify(values);
    let stratum = strata.get(key);
    if (!stratum) {
      stratum = { key, values: Object.fromEntries(strataBy.map((c, i) => [c, values[i]])), parts: values, ids: [] };
      strata.set(key, stratum);
    }
    stratum.ids.push(unit.id);
  }
  const sorted = [...strata.values()].sort((a, b) => compareIds(a.key, b.key));
  for (const s of sorted) s.ids.sort(compareIds);
  return sorted;
}

function reserveSize(rule: ReserveRule | undefined, n: number, N: number): number {
  let k: number;
  if (rule === undefined) k = 0;
  else if (typeof rule === "number") {
    if (!isWholeNumber(rule, 0)) throw new SamplingError(msg("sampling.badReserve", { reserve: String(rule) }));
    k = rule;
  } else {
    if (typeof rule.ratio !== "number" || !(rule.ratio >= 0) || !Number.isFinite(rule.ratio)) {
      throw new SamplingError(msg("sampling.badReserveRatio", { ratio: String(rule.ratio) }));
    }
    k = Math.ceil(rule.ratio * n - 1e-9);
  }
  return Math.min(k, N - n);
}

function planStrata(strata: Stratum[], design: StratifiedDesign): SamplePlan {
  const N = strata.reduce((sum, s) => sum + s.ids.length, 0);
  const n = computeSampleSize(N, design.size);
  const allocation = allocateSample(
    strata.map((s) => ({ key: s.key, size: s.ids.length })),
    n,
    design.allocation,
  );
  const warnings: Message[] = [];
  const plans = strata.map((s, i): StratumPlan => {
    const { size, n: nh } = allocation[i];
    const label = s.parts.length === 0 ? "all" : s.parts.join(" × ");
    if (nh === 0) {
      warnings.push(msg("sampling.strataNoSample", { label: s.parts.length === 0 ? msg("sampling.wholeFrame") : label, size }));
    }
    return {
      key: s.key,
      values: s.values,
      label,
      frameSize: size,
      sampleSize: nh,
      reserveSize: reserveSize(design.reserve, nh, size),
      inclusionProbability: nh / size,
      designWeight: nh === 0 ? null : size / nh,
    };
  });
  return {
    frameSize: N,
    sampleSize: n,
    reserveSize: plans.reduce((sum, p) => sum + p.reserveSize, 0),
    size: design.size,
    allocation: design.allocation,
    strata: plans,
    warnings,
  };
}

/** Stratum sizes, n_h, inclusion probabilities and weights: what staff see before drawing. */
export function planSample(frame: readonly FrameUnit[], design: StratifiedDesign): SamplePlan {
  return planStrata(groupStrata(frame, design.strataBy), design);
}

/**
 * Stratified simple random sampling without replacement. Within each stratum, the ids sorted in
 * code-unit order are permuted by the stream (seed, stratum key): the first n_h are the sample,
 * the next k the ordered reserve. Same frame (in any row order), design and seed → same sample.
 */
export function drawSample(frame: readonly FrameUnit[], design: StratifiedDesign, seed: number): DrawnSample {
  requireSeed(seed);
  const strata = groupStrata(frame, design.strataBy);
  const plan = planStrata(strata, design);
  const sample: SampledUnit[] = [];
  const reserve: ReserveUnit[] = [];
  strata.forEach((s, i) => {
    const p = plan.strata[i];
    if (p.sampleSize === 0) return;
    const drawn = permutePrefix(s.ids, p.sampleSize + p.reserveSize, createRng(seed, s.key));
    const weight = p.designWeight as number;
    drawn.forEach((id, j) => {
      if (j < p.sampleSize) {
        sample.push({ id, stratum: s.key, inclusionProbability: p.inclusionProbability, designWeight: weight, drawOrder: j + 1 });
      } else {
        reserve.push({ id, stratum: s.key, reserveOrder: j - p.sampleSize + 1, designWeight: weight });
      }
    });
  });
  return { algorithm: SAMPLING_ALGORITHM, seed, plan, sample, reserve };
}
