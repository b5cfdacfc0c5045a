/**
 * One pass over the responses. The accumulator keeps, per cell (group × unit) and stratum, weighted sums and
 * cross-products of the answer indicators, and per PSU the PSU totals: its memory grows with strata, groups
 * and PSUs, never with the number of responses alone. See docs/decisions/010-index-engine.md.
 */
import { unpackAnswerCodes } from "../answers/answer-codes";
import { computeVisibility, type Answers, type AnswerValue } from "../definition/conditions";
import type { Definition } from "../definition/schema";
import { finishIndices } from "./estimate";
import { addMoments, createMoments, momentsSize, type Moments } from "./moments";
import { compilePlan, MISSING, POSITIVE, type IndexPlan } from "./plan";
import type { AccumulatorFootprint, GroupKeyOf, IndexAccumulator, IndexOptions, PartialAccumulation, ResponseRecord } from "./types";

/** Responses without a PSU code in one cell and stratum: each is its own PSU. */
export interface StratumBlock {
  stratum: number;
  /** Σ w² u uᵀ (variance) — the PSU totals are w·u. */
  second: Moments;
  /** Σ w u (first moments of the PSU totals). */
  first: Moments;
  /** Respondents (each a PSU) with a valid answer, per item and per node (design degrees of freedom). */
  itemCount: Float64Array;
  nodeCount: Float64Array;
}

export interface CellState {
  group: number;
  unit: number;
  responses: number;
  /** Valid answers per item (responses with weight > 0). */
  itemCount: Float64Array;
  /** Per node: respondents with a valid answer to an item entering it, and their weight sum. */
  nodeCount: Float64Array;
  nodeWeight: Float64Array;
  /** Σ w u uᵀ and Σ w u over the cell (design effect; item and pooled totals). */
  moments: Moments;
  blocks: StratumBlock[];
  blockOfStratum: Map<number, number>;
}

/** Everything finish() needs: plain data, read by estimate.ts. */
export interface AccumulatorState {
  definition: Definition;
  plan: IndexPlan;
  options: Required<Pick<IndexOptions, "weighted" | "multiUnit" | "interval" | "level" | "emptyChildren" | "df">> & {
    groups: readonly string[];
    groupByLabel: string;
    groupItem: string | null;
  };
  responses: number;
  zeroWeight: number;
  noGroup: number;
  noUnit: number;
  strataKeys: (string | null)[];
  strataFpc: number[]; // NaN: none
  strataPsus: number[]; // PSUs (clusters and single responses) in the stratum
  psuStratum: Int32Array;
  psuCount: number;
  slotCell: Int32Array;
  slotPsu: Int32Array;
  /** PSU totals Σ w u per (cell, PSU) slot, D per slot. */
  slotTotals: Float64Array;
  slotCount: number;
  cells: CellState[];
  groupKeys: string[];
  unitKeys: string[];
  clustered: boolean;
  /**
   * designEffects "overall": Σ w s sᵀ (the sparse second moments, for design effects) per unit (index u + 1;
   * 0 = no unit) instead of per cell; the cells then keep first moments only.
   */
  overallSecond: (Float64Array | undefined)[] | null;
}

const NONE = -1;

/**
 * Creates the streaming accumulator: `add()` each response (or `addBatch()`), then `finish()`.
 * Per response the work is a lookup per item and sums over the few entries of the sparse indicator part;
 * no object is allocated in the hot loop (unless applySkipLogic is on).
 */
export function createIndexAccumulator(definition: Definition, options: IndexOptions = {}): IndexAccumulator {
  const plan = compilePlan(definition);
  const K = plan.items.length;
  const D = 2 * K;
  const nodeCount = plan.nodes.length;
  const itemCodes = plan.items.map((i) => i.code);
  // Which index item (or -1) each field of the answer codes holds.
  const allCodes = definition.sections.flatMap((sec) => sec.items.map((i) => i.code));
  const fieldItem = Int32Array.from(allCodes, (code) => itemCodes.indexOf(code));
  const itemStatus = plan.items.map((i) => i.status);
  // Single-character option codes ("1".."5") are classified through a 128-entry table per item, the rest by map.
  const charStatus = new Uint8Array(128 * K);
  plan.items.forEach((item, k) => {
    for (const [code, st] of item.status) if (code.length === 1 && code.charCodeAt(0) < 128) charStatus[128 * k + code.charCodeAt(0)] = st;
  });
  // Estimate leaves of every node, flattened.
  const leafOffset = new Int32Array(nodeCount + 1);
  for (let j = 0; j < nodeCount; j++) leafOffset[j + 1] = leafOffset[j] + plan.nodes[j].estimateLeaves.length;
  const leafList = new Int32Array(leafOffset[nodeCount]);
  plan.nodes.forEach((node, j) => leafList.set(node.estimateLeaves, leafOffset[j]));

  const weighted = options.weighted ?? true;
  const multiUnit = options.multiUnit ?? "pooled";
  const { groupOf, label: groupByLabel, item: groupItem } = resolveGroupBy(options.groupBy ?? "none", definition);
  const unitOf: GroupKeyOf | null =
    multiUnit === "meanOfUnits" ? (options.unitOf ?? ((r) => r.unit)) : null;
  const unitsAreGroups = unitOf !== null && options.groupBy === "unit" && !options.unitOf;

  const state: AccumulatorState = {
    definition,
    plan,
    options: {
      weighted,
      multiUnit,
      interval: options.interval ?? "wald",
      level: options.level ?? 0.95,
      emptyChildren: options.emptyChildren ?? "renormalise",
      df: options.df ?? "normal",
      groups: options.groups ?? [],
      groupByLabel,
      groupItem,
    },
    responses: 0,
    zeroWeight: 0,
    noGroup: 0,
    noUnit: 0,
    strataKeys: [],
    strataFpc: [],
    strataPsus: [],
    psuStratum: new Int32Array(64),
    psuCount: 0,
    slotCell: new Int32Array(64),
    slotPsu: new Int32Array(64),
    slotTotals: new Float64Array(64 * D),
    slotCount: 0,
    cells: [],
    groupKeys: [],
    unitKeys: [],
    clustered: false,
    overallSecond: (options.designEffects ?? "overall") === "overall" ? [] : null,
  };
  if (!(state.options.level > 0 && state.options.level < 1)) throw new Error(`confidence level ${state.options.level} is not between 0 and 1`);

  const strataIndex = new Map<string, number>();
  let nullStratum = NONE;
  const psuIndex: Map<string, number>[] = [];
  const groupIndex = new Map<string, number>();
  const unitIndex = new Map<string, number>();
  const cellIndex = new Map<number, number>();
  // Cells with more than one slot in a PSU (a PSU shared by groups): psu -> (cell -> slot).
  const psuFirstCell: number[] = [];
  const psuFirstSlot: number[] = [];
  const extraSlots = new Map<number, Map<number, number>>();
  let finished = false;
  // Strata that came in through absorb(): a part's PSUs are new, so a stratum may come from one part only.
  const absorbedStrata = new Set<number>();

  // Scratch for one response.
  const status = new Uint8Array(K);
  const sparseIdx = new Int32Array(D);
  const sparseSign = new Float64Array(D);
  // End (exclusive) of the block of items sharing a tree with entry a: second moments are only ever read
  // between items of one tree (a row's gradient stays inside its tree), so only those products are summed.
  const blockEnd = new Int32Array(D);
  const components = treeComponents(plan);
  // Last-seen caches: consecutive responses usually share stratum, PSU and group.
  let lastStratumKey: string | null | undefined = undefined;
  let lastStratum = NONE;
  let lastPsuKey: string | undefined = undefined;
  let lastPsuStratum = NONE;
  let lastPsu = NONE;

  for (const key of state.options.groups) keyIndex(groupIndex, state.groupKeys, key);

  function keyIndex(map: Map<string, number>, keys: string[], key: string): number {
    let i = map.get(key);
    if (i === undefined) {
      i = keys.length;
      keys.push(key);
      map.set(key, i);
    }
    return i;
  }

  function stratumOf(key: string | null, fpc: number | null): number {
    let s: number;
    if (key === lastStratumKey) s = lastStratum;
    else {
      const found = key === null ? (nullStratum === NONE ? undefined : nullStratum) : strataIndex.get(key);
      if (found === undefined) {
        s = state.strataKeys.length;
        state.strataKeys.push(key);
        state.strataFpc.push(NaN);
        state.strataPsus.push(0);
        psuIndex.push(new Map());
        if (key === null) nullStratum = s;
        else strataIndex.set(key, s);
      } else s = found;
      lastStratumKey = key;
      lastStratum = s;
    }
    if (fpc !== null && fpc !== undefined) {
      const known = state.strataFpc[s];
      if (Number.isNaN(known)) {
        if (!(fpc > 0) || !Number.isFinite(fpc)) throw new Error(`stratum ${label(key)}: population size ${fpc} is not a positive number`);
        state.strataFpc[s] = fpc;
      } else if (known !== fpc) {
        throw new Error(`stratum ${label(key)} has two population sizes (${known} and ${fpc}); the FPC must be one number per stratum`);
      }
    }
    return s;
  }

  function psuOf(s: number, key: string): number {
    if (key === lastPsuKey && s === lastPsuStratum) return lastPsu;
    const map = psuIndex[s];
    let p = map.get(key);
    if (p === undefined) {
      p = state.psuCount++;
      if (p >= state.psuStratum.length) state.psuStratum = grow(state.psuStratum, p + 1);
      state.psuStratum[p] = s;
      psuFirstCell.push(NONE);
      psuFirstSlot.push(NONE);
      map.set(key, p);
      state.strataPsus[s]++;
    }
    lastPsuKey = key;
    lastPsuStratum = s;
    lastPsu = p;
    return p;
  }

  function cellOf(g: number, u: number): number {
    const key = (g + 1) * 4294967296 + (u + 1);
    let c = cellIndex.get(key);
    if (c === undefined) {
      c = state.cells.length;
      state.cells.push({
        group: g,
        unit: u,
        responses: 0,
        itemCount: new Float64Array(K),
        nodeCount: new Float64Array(nodeCount),
        nodeWeight: new Float64Array(nodeCount),
        moments: createMoments(D, state.overallSecond === null),
        blocks: [],
        blockOfStratum: new Map(),
      });
      cellIndex.set(key, c);
    }
    return c;
  }

  function slotOf(c: number, p: number): number {
    if (psuFirstCell[p] === c) return psuFirstSlot[p];
    if (psuFirstCell[p] !== NONE) {
      let extra = extraSlots.get(p);
      const known = extra?.get(c);
      if (known !== undefined) return known;
      const slot = newSlot(c, p);
      if (!extra) extraSlots.set(p, (extra = new Map()));
      extra.set(c, slot);
      return slot;
    }
    const slot = newSlot(c, p);
    psuFirstCell[p] = c;
    psuFirstSlot[p] = slot;
    return slot;
  }

  function newSlot(c: number, p: number): number {
    const slot = state.slotCount++;
    if (slot >= state.slotCell.length) {
      state.slotCell = grow(state.slotCell, slot + 1);
      state.slotPsu = grow(state.slotPsu, slot + 1);
      const totals = new Float64Array(state.slotCell.length * D);
      totals.set(state.slotTotals);
      state.slotTotals = totals;
    }
    state.slotCell[slot] = c;
    state.slotPsu[slot] = p;
    return slot;
  }

  function blockOf(cell: CellState, s: number): StratumBlock {
    const b = cell.blockOfStratum.get(s);
    if (b !== undefined) return cell.blocks[b];
    const block: StratumBlock = {
      stratum: s,
      second: createMoments(D, true),
      first: createMoments(D, false),
      itemCount: new Float64Array(K),
      nodeCount: new Float64Array(nodeCount),
    };
    cell.blockOfStratum.set(s, cell.blocks.length);
    cell.blocks.push(block);
    return block;
  }

  /** Status of every index item from answer codes, scanning the text once (no array, no substring for 1-char codes). */
  function scanCodes(text: string): void {
    status.fill(MISSING);
    let f = 0;
    let start = 0;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      if (i < n && text.charCodeAt(i) !== 124) continue; // "|"
      const k = f < fieldItem.length ? fieldItem[f] : -1;
      if (k >= 0 && i > start) {
        const c = text.charCodeAt(start);
        status[k] = i - start === 1 && c < 128 ? charStatus[128 * k + c] : classifyField(itemStatus[k], text.slice(start, i));
      }
      f++;
      start = i + 1;
    }
  }

  function overallSecondOf(u: number): Float64Array {
    const list = state.overallSecond!;
    return (list[u + 1] ??= new Float64Array(D * D));
  }

  function add(record: ResponseRecord): void {
    if (finished) throw new Error("the accumulator is finished; create a new one");
    let answers: Answers = record.answers ?? {};
    let codes = record.codes;
    if (options.applySkipLogic) {
      answers = computeVisibility(definition, codes !== undefined ? unpackAnswerCodes(definition, codes) : answers).effective;
      codes = undefined;
    }
    const w = weighted ? (record.weight ?? 1) : 1;
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`weight ${record.weight} is not a non-negative number`);
    state.responses++;
    if (w === 0) state.zeroWeight++;

    const s = stratumOf(record.stratum ?? null, record.fpc ?? null);
    const groupKey = groupOf(record);
    const g = groupKey === null ? NONE : keyIndex(groupIndex, state.groupKeys, groupKey);
    if (g === NONE) state.noGroup++;
    let u = NONE;
    if (unitOf) {
      const unitKey = unitsAreGroups ? groupKey : unitOf(record);
      if (unitKey === null) state.noUnit++;
      else u = keyIndex(unitIndex, state.unitKeys, unitKey);
    }
    const c = cellOf(g, u);
    const cell = state.cells[c];
    cell.responses++;

    // Classify every item's answer; count positives and valid answers.
    let nPos = 0;
    let nValid = 0;
    if (codes !== undefined) scanCodes(codes);
    else {
      for (let k = 0; k < K; k++) {
        const value = answers[itemCodes[k]];
        status[k] =
          typeof value === "string" && value.length === 1 && value.charCodeAt(0) < 128
            ? charStatus[128 * k + value.charCodeAt(0)]
            : classify(itemStatus[k], value);
      }
    }
    for (let k = 0; k < K; k++) {
      const st = status[k];
      if (st !== MISSING) {
        nValid++;
        if (st === POSITIVE) nPos++;
      }
    }

    const psuKey = record.psu;
    const clusteredResponse = psuKey !== null && psuKey !== undefined;
    if (clusteredResponse) {
      state.clustered = true;
      const p = psuOf(s, psuKey);
      const slot = slotOf(c, p);
      if (w > 0) {
        const off = slot * D;
        const totals = state.slotTotals;
        for (let k = 0; k < K; k++) {
          const st = status[k];
          if (st === MISSING) continue;
          totals[off + K + k] += w;
          if (st === POSITIVE) totals[off + k] += w;
        }
      }
    } else {
      state.strataPsus[s]++;
    }
    if (w === 0) return;
    const block = clusteredResponse ? null : blockOf(cell, s);

    for (let k = 0; k < K; k++) {
      if (status[k] === MISSING) continue;
      cell.itemCount[k]++;
      if (block) block.itemCount[k]++;
    }
    for (let j = 0; j < nodeCount; j++) {
      for (let t = leafOffset[j]; t < leafOffset[j + 1]; t++) {
        if (status[leafList[t]] !== MISSING) {
          cell.nodeCount[j]++;
          cell.nodeWeight[j] += w;
          if (block) block.nodeCount[j]++;
          break;
        }
      }
    }

    // u = b + s: pick for each half the base (all 0 or all 1) that leaves the fewer sparse entries.
    // Entries grouped by tree component, ascending within each (upper triangle: row index < column index).
    const yOnes = 2 * nPos > K;
    const vOnes = 2 * nValid > K;
    const beta = (yOnes ? 1 : 0) | (vOnes ? 2 : 0);
    let m = 0;
    for (const items of components) {
      const from = m;
      for (let t = 0; t < items.length; t++) {
        const k = items[t];
        if ((status[k] === POSITIVE) !== yOnes) ((sparseIdx[m] = k), (sparseSign[m++] = yOnes ? -1 : 1));
      }
      for (let t = 0; t < items.length; t++) {
        const k = items[t];
        if ((status[k] !== MISSING) !== vOnes) ((sparseIdx[m] = K + k), (sparseSign[m++] = vOnes ? -1 : 1));
      }
      for (let a = from; a < m; a++) blockEnd[a] = m;
    }

    const cm = cell.moments;
    cm.base[beta] += w;
    const vOff = beta * D;
    // Σ w s sᵀ: per cell, or (designEffects "overall") once per unit, which stays in the processor's cache.
    const sp = state.overallSecond ? overallSecondOf(u) : cm.sparse!;
    if (!block) {
      for (let a = 0; a < m; a++) cm.vec[vOff + sparseIdx[a]] += w * sparseSign[a];
      for (let a = 0; a < m; a++) {
        const row = sparseIdx[a] * D;
        const wa = w * sparseSign[a];
        const end = blockEnd[a];
        for (let b = a; b < end; b++) sp[row + sparseIdx[b]] += wa * sparseSign[b];
      }
    } else {
      // Its own PSU: the PSU total is w·u, so the variance needs Σ w² u uᵀ and Σ w u in this stratum.
      const w2 = w * w;
      block.second.base[beta] += w2;
      block.first.base[beta] += w;
      const v2 = block.second.vec;
      const v1 = block.first.vec;
      for (let a = 0; a < m; a++) {
        const i = vOff + sparseIdx[a];
        const sg = sparseSign[a];
        cm.vec[i] += w * sg;
        v1[i] += w * sg;
        v2[i] += w2 * sg;
      }
      const sp2 = block.second.sparse!;
      for (let a = 0; a < m; a++) {
        const row = sparseIdx[a] * D;
        const sa = sparseSign[a];
        const end = blockEnd[a];
        for (let b = a; b < end; b++) {
          const at = row + sparseIdx[b];
          const sab = sa * sparseSign[b];
          sp[at] += w * sab;
          sp2[at] += w2 * sab;
        }
      }
    }
  }

  return {
    add,
    addBatch(records) {
      for (const record of records) add(record);
    },
    finish() {
      if (finished) throw new Error("finish() was already called");
      finished = true;
      return finishIndices(state);
    },
    snapshot(): PartialAccumulation {
      return {
        responses: state.responses,
        zeroWeight: state.zeroWeight,
        noGroup: state.noGroup,
        noUnit: state.noUnit,
        clustered: state.clustered,
        strata: state.strataKeys.map((key, h) => ({ key, fpc: state.strataFpc[h], psus: state.strataPsus[h] })),
        groupKeys: [...state.groupKeys],
        unitKeys: [...state.unitKeys],
        psuStratum: state.psuStratum.slice(0, state.psuCount),
        slotCell: state.slotCell.slice(0, state.slotCount),
        slotPsu: state.slotPsu.slice(0, state.slotCount),
        slotTotals: state.slotTotals.slice(0, state.slotCount * D),
        cells: state.cells.map((c) => ({
          group: c.group,
          unit: c.unit,
          responses: c.responses,
          itemCount: c.itemCount,
          nodeCount: c.nodeCount,
          nodeWeight: c.nodeWeight,
          moments: c.moments,
          blocks: c.blocks.map((b) => ({ stratum: b.stratum, second: b.second, first: b.first, itemCount: b.itemCount, nodeCount: b.nodeCount })),
        })),
        overallSecond: state.overallSecond ? state.overallSecond.map((m) => m ?? null) : null,
      };
    },
    absorb(part: PartialAccumulation) {
      if (finished) throw new Error("the accumulator is finished; create a new one");
      state.responses += part.responses;
      state.zeroWeight += part.zeroWeight;
      state.noGroup += part.noGroup;
      state.noUnit += part.noUnit;
      state.clustered ||= part.clustered;
      const stratumMap = part.strata.map(({ key, fpc, psus }) => {
        const s = stratumOf(key, Number.isNaN(fpc) ? null : fpc);
        if (absorbedStrata.has(s) || (state.strataPsus[s] > 0 && !absorbedStrata.has(s))) {
          throw new Error(`stratum ${label(key)} is in two parts: parts must hold disjoint strata`);
        }
        absorbedStrata.add(s);
        state.strataPsus[s] += psus;
        return s;
      });
      const groupMap = part.groupKeys.map((key) => keyIndex(groupIndex, state.groupKeys, key));
      const unitMap = part.unitKeys.map((key) => keyIndex(unitIndex, state.unitKeys, key));
      const psuMap = Array.from(part.psuStratum, (h) => {
        const p = state.psuCount++;
        if (p >= state.psuStratum.length) state.psuStratum = grow(state.psuStratum, p + 1);
        state.psuStratum[p] = stratumMap[h];
        return p;
      });
      const cellMap = part.cells.map((pc) => {
        const c = cellOf(pc.group === NONE ? NONE : groupMap[pc.group], pc.unit === NONE ? NONE : unitMap[pc.unit]);
        const cell = state.cells[c];
        cell.responses += pc.responses;
        addInto(cell.itemCount, pc.itemCount);
        addInto(cell.nodeCount, pc.nodeCount);
        addInto(cell.nodeWeight, pc.nodeWeight);
        addMoments(cell.moments, pc.moments);
        for (const pb of pc.blocks) {
          const block = blockOf(cell, stratumMap[pb.stratum]);
          addMoments(block.second, pb.second);
          addMoments(block.first, pb.first);
          addInto(block.itemCount, pb.itemCount);
          addInto(block.nodeCount, pb.nodeCount);
        }
        return c;
      });
      for (let slot = 0; slot < part.slotCell.length; slot++) {
        const target = newSlot(cellMap[part.slotCell[slot]], psuMap[part.slotPsu[slot]]);
        state.slotTotals.set(part.slotTotals.subarray(slot * D, (slot + 1) * D), target * D);
      }
      part.overallSecond?.forEach((m, i) => {
        if (m) addInto(overallSecondOf(i === 0 ? NONE : unitMap[i - 1]), m);
      });
    },
    footprint(): AccumulatorFootprint {
      let doubles = state.psuStratum.length + state.slotCell.length + state.slotPsu.length + state.slotTotals.length;
      for (const m of state.overallSecond ?? []) doubles += m?.length ?? 0;
      let blocks = 0;
      for (const cell of state.cells) {
        doubles += cell.itemCount.length + cell.nodeCount.length + cell.nodeWeight.length + momentsSize(cell.moments);
        for (const b of cell.blocks) doubles += momentsSize(b.second) + momentsSize(b.first) + b.itemCount.length + b.nodeCount.length;
        blocks += cell.blocks.length;
      }
      return {
        responses: state.responses,
        strata: state.strataKeys.length,
        psus: state.psuCount,
        cells: state.cells.length,
        strataBlocks: blocks,
        psuSlots: state.slotCount,
        doubles,
      };
    },
  };
}

/**
 * An item answer is valid when it is one of the item's option codes not marked `missing`; it is positive when
 * the code is in the item's positive set. A list (multiple choice) counts as positive when it holds a positive
 * code, as valid when it holds a valid one. Blank, absent and unknown answers are missing.
 */
function classify(status: Map<string, number>, value: AnswerValue | undefined): number {
  if (typeof value === "string") return status.get(value) ?? MISSING;
  if (value === undefined || value === null) return MISSING;
  if (typeof value === "number") return status.get(String(value)) ?? MISSING;
  if (Array.isArray(value)) {
    let best = MISSING;
    for (const code of value) {
      const st = status.get(code) ?? MISSING;
      if (st > best) best = st;
    }
    return best;
  }
  return MISSING;
}

/** The same for an answer-code field: "" is unanswered, "+" joins the codes of a multiple choice. */
function classifyField(status: Map<string, number>, field: string | undefined): number {
  if (field === undefined || field === "") return MISSING;
  if (!field.includes("+")) return status.get(field) ?? MISSING;
  return classify(status, field.split("+"));
}

function resolveGroupBy(groupBy: NonNullable<IndexOptions["groupBy"]>, def: Definition): { groupOf: GroupKeyOf; label: string; item: string | null } {
  if (typeof groupBy === "function") return { groupOf: groupBy, label: "custom", item: null };
  if (groupBy === "none") return { groupOf: () => null, label: "none", item: null };
  if (groupBy === "unit") return { groupOf: (r) => r.unit, label: "unit", item: null };
  const code = typeof groupBy === "string" ? groupBy : groupBy.item;
  if (!def.sections.some((s) => s.items.some((i) => i.code === code))) throw new Error(`cannot group by "${code}": no such item`);
  const position = def.sections.flatMap((s) => s.items.map((i) => i.code)).indexOf(code);
  return {
    groupOf: (r) => {
      const field = r.codes !== undefined ? fieldAt(r.codes, position) : undefined;
      const value = r.codes !== undefined ? (field && !field.includes("+") ? field : undefined) : r.answers?.[code];
      if (value === undefined || value === null || Array.isArray(value)) return null;
      const key = String(value);
      return key.trim() === "" ? null : key;
    },
    label: `item ${code}`,
    item: code,
  };
}

/**
 * The index items split into groups that share a tree (an item in two trees joins them), each sorted:
 * second moments are needed only inside a group.
 */
function treeComponents(plan: IndexPlan): Int32Array[] {
  const parent = plan.items.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  const firstOfTree = new Map<string, number>();
  for (const row of plan.rows) {
    if (row.type !== "item") continue;
    const first = firstOfTree.get(row.tree);
    if (first === undefined) firstOfTree.set(row.tree, row.ref);
    else parent[find(row.ref)] = find(first);
  }
  const groups = new Map<number, number[]>();
  plan.items.forEach((_, k) => {
    const root = find(k);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(k);
  });
  return [...groups.values()].map((list) => Int32Array.from(list.sort((a, b) => a - b)));
}

/** Field number `position` of answer codes ("" when absent). */
function fieldAt(codes: string, position: number): string {
  let start = 0;
  for (let f = 0; f < position; f++) {
    const bar = codes.indexOf("|", start);
    if (bar === -1) return "";
    start = bar + 1;
  }
  const end = codes.indexOf("|", start);
  return codes.slice(start, end === -1 ? codes.length : end);
}

function addInto(into: Float64Array, from: Float64Array): void {
  for (let i = 0; i < from.length; i++) into[i] += from[i];
}

function grow(a: Int32Array, min: number): Int32Array {
  const next = new Int32Array(Math.max(min, a.length * 2));
  next.set(a);
  return next;
}

function label(key: string | null): string {
  return key === null ? "(none)" : `"${key}"`;
}
