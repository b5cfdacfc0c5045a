import { SamplingError, compareIds, isWholeNumber } from "./errors";
import { msg } from "../messages";
import { createRng, requireSeed, type Rng } from "./prng";
import { permutePrefix } from "./srswor";

export const MULTISTAGE_ALGORITHM =
  "xoshiro128**/splitmix64/fnv1a64-stream per [stage, parent]; srs: partial-fisher-yates; pps: certainty units, then systematic on a random order; v1";

interface Chain {
  psu: string | null;
  path: string[];
  probs: number[];
}

/** A unit of one stage: a district, commune, village or person. */
export interface StageUnit {
  id: string;
  /** The unit of the previous stage it belongs to; for the first stage, the stratum (e.g. the province). */
  parentId: string;
  /** Measure of size (population, households) for PPS; ignored by SRS. */
  size?: number;
}

export interface StageDesign {
  /** "district", "commune", "village", "person"; names the stage's random streams. */
  name: string;
  units: readonly StageUnit[];
  /**
   * srs: simple random sampling without replacement, π = k/N_p.
   * pps-systematic: probability proportional to size, π = k·size/Σsize; units with k·size ≥ Σsize
   * are taken with certainty and k is shared again among the others; the others are selected
   * systematically from a random order (randomised systematic PPS, Hartley–Rao).
   */
  method: "srs" | "pps-systematic";
  /** Units to select in each selected parent: one number, or a number per parent id. */
  select: number | Readonly<Record<string, number>>;
  /** SRS only: ordered replacements per parent. Their own children are not drawn. */
  reserve?: number;
}

export interface MultiStageDesign {
  stages: readonly StageDesign[];
}

export interface PlannedStageUnit {
  id: string;
  parentId: string;
  /** The first-stage parent: the stratum for the index engine. */
  stratum: string;
  /** Probability of selection given that the parent is selected. */
  conditionalProbability: number;
  /** Product of the conditional probabilities down to this stage. */
  inclusionProbability: number;
  certainty: boolean;
}

export interface StageParentPlan {
  parentId: string;
  available: number;
  /** The number asked for; fewer are taken when the parent has fewer units. */
  requested: number;
  selected: number;
  takeAll: boolean;
}

export interface StagePlan {
  name: string;
  method: StageDesign["method"];
  parents: StageParentPlan[];
  units: PlannedStageUnit[];
}

export interface MultiStagePlan {
  stages: StagePlan[];
  /** Σ π over the units of the last stage: the expected final sample size. */
  expectedSampleSize: number;
}

export interface StageSelection {
  stage: string;
  id: string;
  parentId: string;
  stratum: string;
  /** The first-stage unit (PSU) this unit belongs to, for clustered variance estimation. */
  psu: string;
  conditionalProbability: number;
  inclusionProbability: number;
  designWeight: number;
  /** 1-based order within the parent. */
  drawOrder: number;
  certainty: boolean;
}

export interface StageReserve {
  stage: string;
  id: string;
  parentId: string;
  stratum: string;
  psu: string;
  reserveOrder: number;
  /** What a replacement takes over: the same probability and weight as the units of its parent. */
  inclusionProbability: number;
  designWeight: number;
}

export interface FinalUnit {
  id: string;
  stratum: string;
  psu: string;
  /** Ids from the first stage down to this unit. */
  path: string[];
  stageProbabilities: number[];
  inclusionProbability: number;
  /** 1/∏π */
  designWeight: number;
}

export interface MultiStageSample {
  algorithm: string;
  seed: number;
  plan: MultiStagePlan;
  stages: { name: string; selected: StageSelection[]; reserve: StageReserve[] }[];
  units: FinalUnit[];
}

interface ParentGroup {
  parentId: string;
  children: StageUnit[];
  k: number;
  /** Conditional probability by child id. */
  pi: Map<string, number>;
  certain: Set<string>;
}

function selectFor(stage: StageDesign, parentId: string): number {
  const k = typeof stage.select === "number" ? stage.select : stage.select[parentId];
  if (k === undefined) throw new SamplingError(msg("sampling.stageNoNumber", { stage: stage.name, parent: parentId }));
  if (!isWholeNumber(k, 0)) {
    throw new SamplingError(msg("sampling.stageBadNumber", { stage: stage.name, parent: parentId, k: String(k) }));
  }
  return k;
}

function ppsProbabilities(stage: StageDesign, children: StageUnit[], k: number): { pi: Map<string, number>; certain: Set<string> } {
  const pi = new Map<string, number>();
  const certain = new Set<string>();
  let rest = children;
  let kRest = k;
  for (;;) {
    const M = rest.reduce((sum, u) => sum + (u.size as number), 0);
    const big = rest.filter((u) => kRest * (u.size as number) >= M);
    if (big.length === 0 || kRest === 0) {
      for (const u of rest) pi.set(u.id, kRest === 0 ? 0 : (kRest * (u.size as number)) / M);
      return { pi, certain };
    }
    for (const u of big) {
      pi.set(u.id, 1);
      certain.add(u.id);
    }
    kRest -= big.length;
    rest = rest.filter((u) => !certain.has(u.id));
  }
}

function validateStage(stage: StageDesign, previous: Set<string> | null): void {
  const label = msg("sampling.stageLabel", { stage: stage.name });
  if (stage.method !== "srs" && stage.method !== "pps-systematic") {
    throw new SamplingError(msg("sampling.stageUnknownMethod", { stage: label, method: String(stage.method) }));
  }
  if (stage.units.length === 0) throw new SamplingError(msg("sampling.stageNoUnits", { stage: label }));
  if (stage.reserve !== undefined) {
    if (stage.method !== "srs") throw new SamplingError(msg("sampling.stageReserveSrsOnly", { stage: label }));
    if (!isWholeNumber(stage.reserve, 0)) throw new SamplingError(msg("sampling.stageBadReserve", { stage: label, reserve: String(stage.reserve) }));
  }
  const seen = new Set<string>();
  for (const u of stage.units) {
    if (typeof u.id !== "string" || u.id === "") throw new SamplingError(msg("sampling.stageUnitNeedsId", { stage: label }));
    if (seen.has(u.id)) throw new SamplingError(msg("sampling.stageUnitTwice", { stage: label, unit: u.id }));
    seen.add(u.id);
    if (typeof u.parentId !== "string" || u.parentId === "") throw new SamplingError(msg("sampling.stageNoParent", { stage: label, unit: u.id }));
    if (previous && !previous.has(u.parentId)) {
      throw new SamplingError(msg("sampling.stageParentUnknown", { stage: label, parent: u.parentId, unit: u.id }));
    }
    if (stage.method === "pps-systematic" && (typeof u.size !== "number" || !Number.isFinite(u.size) || u.size <= 0)) {
      throw new SamplingError(msg("sampling.stageNeedsSize", { stage: label, unit: u.id, size: String(u.size) }));
    }
  }
}

function groupStage(stage: StageDesign): ParentGroup[] {
  const byParent = new Map<string, StageUnit[]>();
  for (const u of stage.units) {
    const list = byParent.get(u.parentId);
    if (list) list.push(u);
    else byParent.set(u.parentId, [u]);
  }
  return [...byParent.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([parentId, children]) => {
      children.sort((a, b) => compareIds(a.id, b.id));
      const k = Math.min(selectFor(stage, parentId), children.length);
      if (stage.method === "srs") {
        const p = k / children.length;
        return { parentId, children, k, pi: new Map(children.map((c) => [c.id, p])), certain: new Set(k === children.length ? children.map((c) => c.id) : []) };
      }
      return { parentId, children, k, ...ppsProbabilities(stage, children, k) };
    });
}

function prepare(design: MultiStageDesign): { plan: MultiStagePlan; groups: ParentGroup[][] } {
  if (!design.stages || design.stages.length === 0) throw new SamplingError(msg("sampling.noStages"));
  const names = new Set<string>();
  for (const s of design.stages) {
    if (typeof s.name !== "string" || s.name === "") throw new SamplingError(msg("sampling.stageNeedsName"));
    if (names.has(s.name)) throw new SamplingError(msg("sampling.stageTwice", { stage: s.name }));
    names.add(s.name);
  }
  let previous: Map<string, PlannedStageUnit> | null = null;
  const stages: StagePlan[] = [];
  const groups: ParentGroup[][] = [];
  design.stages.forEach((stage) => {
    validateStage(stage, previous ? new Set(previous.keys()) : null);
    const stageGroups = groupStage(stage);
    const units: PlannedStageUnit[] = [];
    const parents: StageParentPlan[] = [];
    for (const g of stageGroups) {
      const parent = previous?.get(g.parentId);
      const requested = selectFor(stage, g.parentId);
      parents.push({ parentId: g.parentId, available: g.children.length, requested, selected: g.k, takeAll: requested >= g.children.length });
      for (const c of g.children) {
        const conditional = g.pi.get(c.id) as number;
        units.push({
          id: c.id,
          parentId: g.parentId,
          stratum: parent ? parent.stratum : g.parentId,
          conditionalProbability: conditional,
          inclusionProbability: conditional * (parent ? parent.inclusionProbability : 1),
          certainty: g.certain.has(c.id),
        });
      }
    }
    stages.push({ name: stage.name, method: stage.method, parents, units });
    groups.push(stageGroups);
    previous = new Map(units.map((u) => [u.id, u]));
  });
  const last = stages[stages.length - 1];
  return { plan: { stages, expectedSampleSize: last.units.reduce((sum, u) => sum + u.inclusionProbability, 0) }, groups };
}

/** Every unit's conditional and overall inclusion probability, before any draw. */
export function planMultiStage(design: MultiStageDesign): MultiStagePlan {
  return prepare(design).plan;
}

function systematicPps(children: StageUnit[], k: number, rng: Rng): StageUnit[] {
  if (k === 0) return [];
  const order = permutePrefix(children, children.length, rng);
  const M = order.reduce((sum, u) => sum + (u.size as number), 0);
  const u0 = rng.nextFloat();
  const chosen: StageUnit[] = [];
  let i = 0;
  let cumulative = order[0].size as number;
  for (let j = 0; j < k; j++) {
    // point (u0 + j)·M/k falls in unit i when k·C_{i−1} ≤ (u0 + j)·M < k·C_i
    const point = (u0 + j) * M;
    while (i < order.length - 1 && point >= k * cumulative) {
      i++;
      cumulative += order[i].size as number;
    }
    if (chosen.length > 0 && chosen[chosen.length - 1] === order[i]) {
      throw new SamplingError(msg("sampling.internal", { detail: `systematic PPS hit unit ${order[i].id} twice` }));
    }
    chosen.push(order[i]);
  }
  return chosen;
}

/**
 * Draws a multi-stage sample (e.g. districts → communes → villages → persons). Each parent's
 * children are drawn from the stream (seed, [stage name, parent id]) over the children sorted by
 * id, so the draw is reproducible and one parent's list does not affect another's draw.
 */
export function drawMultiStage(design: MultiStageDesign, seed: number): MultiStageSample {
  requireSeed(seed);
  const { plan, groups } = prepare(design);
  const stages: MultiStageSample["stages"] = [];
  const root: Chain = { psu: null, path: [], probs: [] };
  // Selected units of the previous stage; null before the first stage, whose parents are strata.
  let parents: Map<string, Chain> | null = null;

  design.stages.forEach((stage, s) => {
    const planned = new Map(plan.stages[s].units.map((u) => [u.id, u]));
    const selected: StageSelection[] = [];
    const reserve: StageReserve[] = [];
    const chains = new Map<string, Chain>();
    for (const g of groups[s]) {
      const parent: Chain | undefined = parents ? parents.get(g.parentId) : root;
      if (!parent) continue;
      const rng = createRng(seed, JSON.stringify([stage.name, g.parentId]));
      let picks: StageUnit[];
      let reserves: StageUnit[] = [];
      if (stage.method === "srs") {
        const r = Math.min(stage.reserve ?? 0, g.children.length - g.k);
        const drawn = permutePrefix(g.children, g.k + r, rng);
        picks = drawn.slice(0, g.k);
        reserves = drawn.slice(g.k);
      } else {
        const certain = g.children.filter((c) => g.certain.has(c.id));
        const others = g.children.filter((c) => !g.certain.has(c.id));
        picks = [...certain, ...systematicPps(others, g.k - certain.length, rng)];
      }
      picks.forEach((c, j) => {
        const p = planned.get(c.id) as PlannedStageUnit;
        const psu = parent.psu ?? c.id;
        selected.push({
          stage: stage.name,
          id: c.id,
          parentId: g.parentId,
          stratum: p.stratum,
          psu,
          conditionalProbability: p.conditionalProbability,
          inclusionProbability: p.inclusionProbability,
          designWeight: 1 / p.inclusionProbability,
          drawOrder: j + 1,
          certainty: p.certainty,
        });
        chains.set(c.id, { psu, path: [...parent.path, c.id], probs: [...parent.probs, p.conditionalProbability] });
      });
      reserves.forEach((c, j) => {
        // SRS: every child of the parent has the same probability, which a replacement takes over.
        const p = planned.get(c.id) as PlannedStageUnit;
        reserve.push({
          stage: stage.name,
          id: c.id,
          parentId: g.parentId,
          stratum: p.stratum,
          psu: parent.psu ?? c.id,
          reserveOrder: j + 1,
          inclusionProbability: p.inclusionProbability,
          designWeight: 1 / p.inclusionProbability,
        });
      });
    }
    stages.push({ name: stage.name, selected, reserve });
    parents = chains;
  });

  const last = parents as unknown as Map<string, Chain>;
  const units = stages[stages.length - 1].selected.map((sel): FinalUnit => {
    const chain = last.get(sel.id) as Chain;
    return {
      id: sel.id,
      stratum: sel.stratum,
      psu: sel.psu,
      path: chain.path,
      stageProbabilities: chain.probs,
      inclusionProbability: sel.inclusionProbability,
      designWeight: sel.designWeight,
    };
  });
  return { algorithm: MULTISTAGE_ALGORITHM, seed, plan, stages, units };
}
