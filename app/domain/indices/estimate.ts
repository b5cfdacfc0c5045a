/**
 * From the accumulated sums to the tables: point estimates, linearised variances, intervals and design
 * effects for every node and item in every group. See docs/decisions/010-index-engine.md.
 */
import type { LocalizedText } from "../definition/schema";
import { bothLanguages } from "../definition/text";
import type { AccumulatorState, CellState } from "./accumulator";
import type { IndexPlan } from "./plan";
import { addFirstMoments, dotFirst, quadForm, type Moments } from "./moments";
import { normalQuantile } from "./normal";
import { studentQuantile } from "./student-t";
import type { GroupEstimates, IndexResult, NodeEstimate } from "./types";
import { msg, type Message } from "../messages";

/** Point estimates and linearisation vectors of every item (0..K-1) and node (K..K+N-1) in one domain. */
interface DomainEstimates {
  /** Proportion, NaN when empty. */
  est: Float64Array;
  /** g_e: the estimator's gradient with respect to the domain totals (Y_1..Y_K, V_1..V_K). */
  grad: Float64Array[];
  /** 1 when every ratio entering the estimate is 0 or 1: every linearised value is then exactly 0. */
  exact: Uint8Array;
  missingChildren: (string[] | undefined)[];
}

/** Counts of one domain. */
interface DomainCounts {
  responses: number;
  itemCount: Float64Array;
  nodeCount: Float64Array;
  nodeWeight: Float64Array;
  totals: Float64Array; // Σ w u: Y_k = totals[k], V_k = totals[K + k]
}

interface Strata {
  /** Multiplier of the centred sum of squares: f_h · n_h / (n_h − 1), or f_h for a single PSU. */
  scale: Float64Array;
  psus: Int32Array;
}

export function finishIndices(state: AccumulatorState): IndexResult {
  const { plan, options } = state;
  const K = plan.items.length;
  const D = 2 * K;
  const E = K + plan.nodes.length;
  const strata = stratumScales(state);
  const z = normalQuantile(1 - (1 - options.level) / 2);
  const slotsOfCell: number[][] = state.cells.map(() => []);
  for (let slot = 0; slot < state.slotCount; slot++) slotsOfCell[state.slotCell[slot]].push(slot);
  const variance = createVarianceEngine(state, strata, slotsOfCell);
  const degreesOfFreedom = createDfCounter(state, slotsOfCell);
  /** The interval's quantile for a row with `df` design degrees of freedom (NaN: no interval). */
  const quantile = (df: number) => (options.df === "design" ? (df > 0 ? studentQuantile(1 - (1 - options.level) / 2, df) : NaN) : z);

  const cellsOfGroup = new Map<number, number[]>();
  const cellsOfUnit = new Map<number, number[]>();
  state.cells.forEach((cell, c) => {
    if (cell.group >= 0) push(cellsOfGroup, cell.group, c);
    if (cell.unit >= 0) push(cellsOfUnit, cell.unit, c);
  });
  const allCells = state.cells.map((_, c) => c);

  const groups: GroupEstimates[] = [];
  if (options.multiUnit === "meanOfUnits") {
    const unitCells = [...cellsOfUnit.values()].flat();
    groups.push({ key: null, responses: sumResponses(state, unitCells), nodes: meanOfUnits(unitCells) });
  } else {
    groups.push({ key: null, responses: state.responses, nodes: pooledDomain(allCells, true) });
  }
  for (const g of groupOrder(state)) {
    const cells = cellsOfGroup.get(g) ?? [];
    const key = state.groupKeys[g];
    const label = groupLabel(state, key);
    groups.push({ key, ...(label ? { label } : {}), responses: sumResponses(state, cells), nodes: pooledDomain(cells, false) });
  }

  return {
    definition: { key: state.definition.key, version: state.definition.version },
    options: {
      weighted: options.weighted,
      groupBy: options.groupByLabel,
      multiUnit: options.multiUnit,
      interval: options.interval,
      level: options.level,
      emptyChildren: options.emptyChildren,
      df: options.df,
    },
    design: {
      responses: state.responses,
      strata: state.strataKeys.length,
      psus: strata.psus.reduce((a, b) => a + b, 0),
      lonelyStrata: state.strataKeys.flatMap((key, h) => (strata.psus[h] === 1 ? [key ?? "(none)"] : [])),
      fpcStrata: state.strataFpc.filter((f) => !Number.isNaN(f)).length,
      clustered: state.clustered,
    },
    groups,
    notes: notesOf(state, strata),
  };

  /** The whole round (pooled) or one group: every row estimated over the respondents of the domain. */
  function pooledDomain(cells: number[], whole: boolean): NodeEstimate[] {
    const counts = domainCounts(state, cells);
    const de = estimateDomain(counts);
    return plan.rows.map((row) => {
      const e = row.type === "item" ? row.ref : K + row.ref;
      const g = de.grad[e];
      const { nz, nnz } = nonZero(g);
      const gs = cells.map(() => g);
      const empty = Number.isNaN(de.est[e]);
      const v = empty ? NaN : de.exact[e] ? 0 : variance.of(cells, gs, nz, nnz);
      const srs = empty ? NaN : de.exact[e] ? 0 : variance.srsSum(cells, gs, nz, nnz, whole);
      return makeRow(row, de.est[e], v, srs, counts, degreesOfFreedom(cells, row), de.missingChildren[e]);
    });
  }

  /**
   * Mean of unit indices: θ = (1/U) Σ_u θ_u over the U units with a value for the row. Its linearisation is
   * the sum of the units' linearised values divided by U, so the variance is computed from the same PSU
   * totals with each cell's gradient scaled by 1/U (covariances between units sharing strata or PSUs included).
   */
  function meanOfUnits(unitCells: number[]): NodeEstimate[] {
    const units = [...cellsOfUnit.entries()].map(([u, cells]) => ({ key: state.unitKeys[u], cells, de: estimateDomain(domainCounts(state, cells)) }));
    const counts = domainCounts(state, unitCells);
    return plan.rows.map((row) => {
      const e = row.type === "item" ? row.ref : K + row.ref;
      const withValue = units.filter((u) => !Number.isNaN(u.de.est[e]));
      const missingUnits = units.filter((u) => Number.isNaN(u.de.est[e])).map((u) => u.key);
      const df = degreesOfFreedom(unitCells, row);
      if (withValue.length === 0) return { ...makeRow(row, NaN, NaN, NaN, counts, df, undefined), missingUnits };
      const U = withValue.length;
      let est = 0;
      for (const u of withValue) est += u.de.est[e] / U;
      const cells: number[] = [];
      const gs: Float64Array[] = [];
      const union = new Float64Array(D);
      for (const u of withValue) {
        const g = new Float64Array(D);
        for (let i = 0; i < D; i++) {
          g[i] = u.de.grad[e][i] / U;
          if (g[i] !== 0) union[i] = 1;
        }
        for (const c of u.cells) (cells.push(c), gs.push(g));
      }
      const { nz, nnz } = nonZero(union);
      const exact = withValue.every((u) => u.de.exact[e]);
      const v = exact ? 0 : variance.of(cells, gs, nz, nnz);
      const srs = exact ? 0 : variance.srsSum(cells, gs, nz, nnz, true);
      const out = makeRow(row, est, v, srs, counts, df, undefined);
      if (missingUnits.length) out.missingUnits = missingUnits;
      return out;
    });
  }

  /**
   * Item index p_k = Y_k / V_k (a ratio estimator: weighted positive answers over weighted valid answers),
   * gradient (1/V_k on Y_k, −p_k/V_k on V_k). Pooled node: Σ_L Y / Σ_L V over the items L below it.
   * Rule item: the chosen item. Mean / weighted: Σ c_i θ_i with c_i the normalised weights of the children
   * that have a value, and the same combination of their gradients — a node that is a mean of ratios is
   * linearised as that linear combination, with the covariances between its children.
   */
  function estimateDomain(counts: DomainCounts): DomainEstimates {
    const est = new Float64Array(E).fill(NaN);
    const grad: Float64Array[] = [];
    const missingChildren: (string[] | undefined)[] = new Array(E).fill(undefined);
    const exact = new Uint8Array(E);
    const T = counts.totals;
    for (let k = 0; k < K; k++) {
      const g = new Float64Array(D);
      const V = T[K + k];
      if (V > 0) {
        const p = T[k] / V;
        est[k] = p;
        exact[k] = p === 0 || p === 1 ? 1 : 0;
        g[k] = 1 / V;
        g[K + k] = -p / V;
      }
      grad.push(g);
    }
    plan.nodes.forEach((node, j) => {
      const e = K + j;
      let g: Float64Array = new Float64Array(D);
      if (node.rule === "pooled") {
        let Y = 0;
        let V = 0;
        for (const k of node.leaves) (Y += T[k]), (V += T[K + k]);
        if (V > 0) {
          const p = Y / V;
          est[e] = p;
          exact[e] = p === 0 || p === 1 ? 1 : 0;
          for (const k of node.leaves) (g[k] = 1 / V), (g[K + k] = -p / V);
        }
      } else if (node.rule === "item") {
        est[e] = est[node.item!];
        exact[e] = exact[node.item!];
        g = grad[node.item!];
      } else {
        const refs = node.children.map((c) => ("item" in c ? c.item : K + c.node));
        const codes = node.children.map((c) => ("item" in c ? plan.items[c.item].code : plan.nodes[c.node].code));
        const missing = refs.flatMap((r, i) => (node.weights[i] > 0 && Number.isNaN(est[r]) ? [codes[i]] : []));
        let total = 0;
        refs.forEach((r, i) => {
          if (node.weights[i] > 0 && !Number.isNaN(est[r])) total += node.weights[i];
        });
        const empty = total === 0 || (missing.length > 0 && options.emptyChildren === "empty");
        if (!empty) {
          let p = 0;
          exact[e] = 1;
          refs.forEach((r, i) => {
            if (!(node.weights[i] > 0) || Number.isNaN(est[r])) return;
            const c = node.weights[i] / total;
            p += c * est[r];
            if (!exact[r]) exact[e] = 0;
            const gc = grad[r];
            for (let t = 0; t < D; t++) if (gc[t] !== 0) g[t] += c * gc[t];
          });
          est[e] = p;
        }
        if (missing.length) missingChildren[e] = missing;
      }
      grad.push(g);
    });
    return { est, grad, exact, missingChildren };
  }

  function makeRow(
    row: (typeof plan.rows)[number],
    p: number,
    v: number,
    srsSum: number,
    counts: DomainCounts,
    df: number,
    missingChildren: string[] | undefined,
  ): NodeEstimate {
    const leaves = row.type === "item" ? [row.ref] : plan.nodes[row.ref].estimateLeaves;
    let n = 0;
    for (const k of leaves) n += counts.itemCount[k];
    const respondents = row.type === "item" ? counts.itemCount[row.ref] : counts.nodeCount[row.ref];
    const weightSum = row.type === "item" ? counts.totals[K + row.ref] : counts.nodeWeight[row.ref];
    const out: NodeEstimate = {
      tree: row.tree,
      kind: row.kind,
      code: row.code,
      type: row.type,
      label: row.label,
      depth: row.depth,
      parent: row.parent,
      ...(row.rule ? { rule: row.rule } : {}),
      estimate: null,
      se: null,
      ciLow: null,
      ciHigh: null,
      n,
      respondents,
      weightSum,
      df,
      deff: null,
    };
    if (missingChildren) out.missingChildren = missingChildren;
    if (Number.isNaN(p)) return out;
    const se = Math.sqrt(Math.max(0, v));
    out.estimate = 100 * p;
    out.se = 100 * se;
    const q = quantile(df);
    if (!Number.isNaN(q)) {
      const [lo, hi] = options.interval === "logit" ? logitInterval(p, se, q) : waldInterval(p, se, q);
      out.ciLow = 100 * lo;
      out.ciHigh = 100 * hi;
    }
    out.deff = designEffect(v, srsSum, respondents, weightSum);
    return out;
  }

  function groupLabel(s: AccumulatorState, key: string): LocalizedText | undefined {
    if (!s.options.groupItem) return undefined;
    for (const section of s.definition.sections) {
      const item = section.items.find((i) => i.code === s.options.groupItem);
      if (!item) continue;
      const options = item.options ?? (item.scale ? s.definition.scales[item.scale] : undefined);
      const label = options?.find((o) => o.code === key)?.label;
      return label && bothLanguages(label);
    }
    return undefined;
  }
}

/** Wald interval p ± z·SE, clipped to [0, 1] (R's confint() does not clip; it only matters beyond the range). */
export function waldInterval(p: number, se: number, z: number): [number, number] {
  return [Math.max(0, p - z * se), Math.min(1, p + z * se)];
}

/**
 * Logit interval: expit(logit p ± z·SE / (p(1 − p))) — the delta method on the log-odds scale, as
 * svyciprop(method = "logit") gives it; it stays inside (0, 1). Degenerate ([p, p]) when p is 0 or 1.
 */
export function logitInterval(p: number, se: number, z: number): [number, number] {
  if (!(p > 0 && p < 1) || se === 0) return [p, p];
  const h = (z * se) / (p * (1 - p));
  const l = Math.log(p / (1 - p));
  return [1 / (1 + Math.exp(-(l - h))), 1 / (1 + Math.exp(-(l + h)))];
}

/**
 * Design effect: V_design / V_srs with V_srs = N/(n − 1) · Σ_j w_j d_j², d_j the linearised value of
 * respondent j, n the respondents and N their weight sum — the variance the same estimator would have under
 * simple random sampling with replacement of n respondents (R: svymean(deff = "replace") for an item).
 */
export function designEffect(v: number, srsSum: number, n: number, weightSum: number): number | null {
  if (!(n > 1) || !(srsSum > 0)) return null;
  const vsrs = (weightSum / (n - 1)) * srsSum;
  return vsrs > 0 ? v / vsrs : null;
}

/**
 * f_h = (N_h − n_h)/N_h with the FPC (1 without), n_h the PSUs of stratum h in the whole sample; the
 * multiplier of the centred sum of squares is f_h · n_h/(n_h − 1). A stratum with one PSU gets f_h and is
 * not centred (survey.lonely.psu = "adjust": its PSU total of the linearised variable, whose grand mean is
 * zero, deviates from the grand mean). A census stratum (f_h ≈ 0) contributes nothing, as in R.
 */
function stratumScales(state: AccumulatorState): Strata {
  const S = state.strataKeys.length;
  const scale = new Float64Array(S);
  const psus = Int32Array.from(state.strataPsus);
  for (let h = 0; h < S; h++) {
    const n = psus[h];
    const N = state.strataFpc[h];
    if (!Number.isNaN(N) && N < n) {
      throw new Error(`stratum "${state.strataKeys[h] ?? "(none)"}": population size ${N} is below the ${n} sampled PSUs`);
    }
    const f = Number.isNaN(N) ? 1 : (N - n) / N;
    scale[h] = f < 1e-7 ? 0 : n > 1 ? (f * n) / (n - 1) : f;
  }
  return { scale, psus };
}

/**
 * Taylor linearisation for a stratified design with clusters. For an estimator with gradient g, the PSU
 * value is ζ_hi = g·z_hi (z_hi: the PSU's totals Σ w u) and
 *
 *   V = Σ_h f_h · n_h/(n_h − 1) · Σ_i (ζ_hi − ζ̄_h)²   (n_h ≥ 2)      V_h = f_h · ζ_h1²   (n_h = 1, "adjust")
 *
 * with n_h counting all PSUs of the stratum: a domain's (group's) PSUs outside it count with ζ = 0, which is
 * domain estimation as R's svyby()/subset() does it. Σ_i ζ² and Σ_i ζ are read from the stratum blocks
 * (responses without PSU code: quadratic forms on Σ w² u uᵀ) and from the PSU slots (ζ summed over the
 * domain's cells in each PSU, then squared).
 */
function createVarianceEngine(state: AccumulatorState, strata: Strata, slotsOfCell: number[][]) {
  const scratch = new Float64Array(2 * state.plan.items.length);
  const overallCache = new Map<number, Moments>();
  /** First and second moments of every response of unit u (−1: no unit), for design effects of the whole round. */
  function overallMoments(u: number): Moments {
    let m = overallCache.get(u);
    if (!m) {
      const D2 = 2 * state.plan.items.length;
      m = { base: new Float64Array(4), vec: new Float64Array(4 * D2), sparse: state.overallSecond![u + 1] ?? new Float64Array(D2 * D2) };
      for (const cell of state.cells) {
        if (cell.unit !== u) continue;
        for (let b = 0; b < 4; b++) m.base[b] += cell.moments.base[b];
        for (let t = 0; t < m.vec.length; t++) m.vec[t] += cell.moments.vec[t];
      }
      overallCache.set(u, m);
    }
    return m;
  }

  const K = state.plan.items.length;
  const D = 2 * K;
  const S = state.strataKeys.length;
  const Q = new Float64Array(S);
  const L = new Float64Array(S);
  const stratumTouched = new Uint8Array(S);
  const touchedStrata: number[] = [];
  const zeta = new Float64Array(state.psuCount);
  const psuTouched = new Uint8Array(state.psuCount);
  const touchedPsus: number[] = [];

  function touchStratum(h: number) {
    if (!stratumTouched[h]) (stratumTouched[h] = 1), touchedStrata.push(h);
  }

  return {
    /** Design variance of the estimator whose gradient in cell cells[i] is gs[i]. */
    of(cells: number[], gs: Float64Array[], nz: Int32Array, nnz: number): number {
      if (nnz === 0) return 0;
      for (let i = 0; i < cells.length; i++) {
        const cell: CellState = state.cells[cells[i]];
        const g = gs[i];
        for (const block of cell.blocks) {
          const h = block.stratum;
          touchStratum(h);
          Q[h] += quadForm(block.second, g, nz, nnz, K);
          L[h] += dotFirst(block.first, g, nz, nnz, K);
        }
        const totals = state.slotTotals;
        for (const slot of slotsOfCell[cells[i]]) {
          const off = slot * D;
          let zz = 0;
          for (let t = 0; t < nnz; t++) zz += g[nz[t]] * totals[off + nz[t]];
          const p = state.slotPsu[slot];
          zeta[p] += zz;
          if (!psuTouched[p]) (psuTouched[p] = 1), touchedPsus.push(p);
        }
      }
      for (const p of touchedPsus) {
        const h = state.psuStratum[p];
        touchStratum(h);
        Q[h] += zeta[p] * zeta[p];
        L[h] += zeta[p];
        zeta[p] = 0;
        psuTouched[p] = 0;
      }
      touchedPsus.length = 0;
      let v = 0;
      for (const h of touchedStrata) {
        const n = strata.psus[h];
        v += strata.scale[h] * (n > 1 ? Q[h] - (L[h] * L[h]) / n : Q[h]);
        Q[h] = 0;
        L[h] = 0;
        stratumTouched[h] = 0;
      }
      touchedStrata.length = 0;
      return v;
    },
    /**
     * Σ_j w_j d_j² over the domain's respondents (d_j = g·u_j), for the design effect; NaN when the second
     * moments it needs were not kept (designEffects "overall": a node row of a group).
     */
    srsSum(cells: number[], gs: Float64Array[], nz: Int32Array, nnz: number, whole: boolean): number {
      let sum = 0;
      if (!state.overallSecond) {
        for (let i = 0; i < cells.length; i++) sum += quadForm(state.cells[cells[i]].moments, gs[i], nz, nnz, K);
        return sum;
      }
      // An item's block of Σ w u uᵀ is first moments (y_k² = y_k v_k = y_k, v_k² = v_k):
      // Σ w d² = g_y² Y + 2 g_y g_v Y + g_v² V.
      if (nnz <= 2 && (nnz === 1 || nz[1] === nz[0] + K)) {
        const k = nz[0] % K;
        for (let i = 0; i < cells.length; i++) {
          scratch.fill(0);
          addFirstMoments(state.cells[cells[i]].moments, K, scratch);
          const gy = gs[i][k];
          const gv = gs[i][K + k];
          sum += gy * gy * scratch[k] + 2 * gy * gv * scratch[k] + gv * gv * scratch[K + k];
        }
        return sum;
      }
      if (!whole) return NaN;
      // The whole round: second moments per unit; every cell of a unit has the same gradient.
      const seen = new Set<number>();
      for (let i = 0; i < cells.length; i++) {
        const u = state.cells[cells[i]].unit;
        if (seen.has(u)) continue;
        seen.add(u);
        sum += quadForm(overallMoments(u), gs[i], nz, nnz, K);
      }
      return sum;
    },
  };
}

/**
 * Design degrees of freedom of a row in a domain, as R's degf() counts them on the subset of respondents with a
 * valid answer to an item entering the row: the PSUs holding such a respondent minus the strata holding them.
 */
function createDfCounter(state: AccumulatorState, slotsOfCell: number[][]) {
  const K = state.plan.items.length;
  const D = 2 * K;
  const psuSeen = new Uint8Array(state.psuCount);
  const stratumSeen = new Uint8Array(state.strataKeys.length);
  const seenPsus: number[] = [];
  const seenStrata: number[] = [];
  const see = (h: number) => {
    if (!stratumSeen[h]) (stratumSeen[h] = 1), seenStrata.push(h);
  };
  return (cells: number[], row: IndexPlan["rows"][number]): number => {
    const leaves = row.type === "item" ? [row.ref] : state.plan.nodes[row.ref].estimateLeaves;
    let psus = 0;
    for (const c of cells) {
      for (const block of state.cells[c].blocks) {
        const count = row.type === "item" ? block.itemCount[row.ref] : block.nodeCount[row.ref];
        if (count > 0) (psus += count), see(block.stratum);
      }
      for (const slot of slotsOfCell[c]) {
        const p = state.slotPsu[slot];
        if (psuSeen[p] || !leaves.some((k) => state.slotTotals[slot * D + K + k] > 0)) continue;
        psuSeen[p] = 1;
        seenPsus.push(p);
        psus++;
        see(state.psuStratum[p]);
      }
    }
    const df = psus - seenStrata.length;
    for (const p of seenPsus) psuSeen[p] = 0;
    for (const h of seenStrata) stratumSeen[h] = 0;
    seenPsus.length = 0;
    seenStrata.length = 0;
    return df;
  };
}

function domainCounts(state: AccumulatorState, cells: number[]): DomainCounts {
  const K = state.plan.items.length;
  const N = state.plan.nodes.length;
  const out: DomainCounts = {
    responses: 0,
    itemCount: new Float64Array(K),
    nodeCount: new Float64Array(N),
    nodeWeight: new Float64Array(N),
    totals: new Float64Array(2 * K),
  };
  for (const c of cells) {
    const cell = state.cells[c];
    out.responses += cell.responses;
    for (let k = 0; k < K; k++) out.itemCount[k] += cell.itemCount[k];
    for (let j = 0; j < N; j++) (out.nodeCount[j] += cell.nodeCount[j]), (out.nodeWeight[j] += cell.nodeWeight[j]);
    addFirstMoments(cell.moments, K, out.totals);
  }
  return out;
}

function nonZero(g: Float64Array): { nz: Int32Array; nnz: number } {
  const nz = new Int32Array(g.length);
  let nnz = 0;
  for (let i = 0; i < g.length; i++) if (g[i] !== 0) nz[nnz++] = i;
  return { nz, nnz };
}

function groupOrder(state: AccumulatorState): number[] {
  const listed = state.options.groups.length;
  const rest = state.groupKeys
    .map((key, g) => ({ key, g }))
    .slice(listed)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.g);
  return [...state.groupKeys.slice(0, listed).map((_, g) => g), ...rest];
}

function sumResponses(state: AccumulatorState, cells: number[]): number {
  return cells.reduce((a, c) => a + state.cells[c].responses, 0);
}

function push(map: Map<number, number[]>, key: number, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The engine's notes on how these figures were made, as catalogue messages: the page prints them in its language. */
function notesOf(state: AccumulatorState, strata: Strata): Message[] {
  const notes: Message[] = [];
  const o = state.options;
  notes.push(msg(o.weighted ? "indexNotes.weighted" : "indexNotes.unweighted"));
  const lonely = state.strataKeys.flatMap((key, h) => (strata.psus[h] === 1 ? [key ?? msg("indexNotes.noStratum")] : []));
  if (lonely.length) notes.push(msg("indexNotes.lonelyPsu", { n: lonely.length, strata: lonely }));
  const fpc = state.strataFpc.filter((f) => !Number.isNaN(f)).length;
  if (fpc) notes.push(msg("indexNotes.fpc", { n: fpc, strata: state.strataKeys.length }));
  if (state.zeroWeight) notes.push(msg("indexNotes.zeroWeight", { n: state.zeroWeight }));
  if (o.groupByLabel !== "none" && state.noGroup) {
    notes.push(msg("indexNotes.noGroup", { n: state.noGroup, grouping: o.groupItem ?? msg("indexNotes.groupUnit") }));
  }
  if (o.multiUnit === "meanOfUnits") {
    notes.push(msg("indexNotes.meanOfUnits", { n: state.unitKeys.length }));
    if (state.noUnit) notes.push(msg("indexNotes.noUnit", { n: state.noUnit }));
  }
  const level = Math.round(o.level * 1000) / 10;
  notes.push(o.interval === "logit" ? msg("indexNotes.logit", { level }) : msg("indexNotes.wald", { level }));
  notes.push(msg("indexNotes.designEffect"));
  return notes;
}
