/**
 * Types of the index engine: what it reads (one record per response), its options and what it returns.
 * See docs/decisions/010-index-engine.md.
 */
import type { Message } from "../messages";
import type { Answers } from "../definition/conditions";
import type { AggregationRule, IndexKind, LocalizedText } from "../definition/schema";

export interface ResponseRecord {
  answers: Answers; // from app/domain/definition/conditions (item code -> option code | string[] | number)
  /**
   * The same answers as answer codes (app/domain/answers/answer-codes.ts: one "|"-separated field per item of
   * the definition, in questionnaire order). When given, the engine scans this text instead of `answers`.
   */
  codes?: string;
  unit: string | null; // unit code (province/district/agency) of the respondent
  stratum: string | null; // null = one stratum
  psu: string | null; // null = each response is its own PSU
  weight: number | null; // null = 1
  fpc: number | null; // population size of the stratum (N_h), null = no FPC
}

/** Maps a response to the key of its group (province, district, age band...); null = in no group. */
export type GroupKeyOf = (record: ResponseRecord) => string | null;

export type GroupBy =
  | "none"
  | "unit"
  /** A profile item code (sex, age band): the group is the answer's option code. */
  | string
  | { item: string }
  | GroupKeyOf;

export interface IndexOptions {
  /** false: every weight is 1 (the design, strata and clusters, still counts). Default true. */
  weighted?: boolean;
  /** Default "none": only the whole round. */
  groupBy?: GroupBy;
  /** Groups reported even when no response falls in them (reported empty), in this order. */
  groups?: readonly string[];
  /**
   * The whole-round figure when responses come from several units: "pooled" (default) estimates over all
   * respondents; "meanOfUnits" is the plain mean of the unit indices (the way national figures appear to be made).
   */
  multiUnit?: "pooled" | "meanOfUnits";
  /** The unit of a response for "meanOfUnits" (e.g. its province); default `record.unit`. */
  unitOf?: GroupKeyOf;
  /** "wald" (default): estimate ± z·SE, clipped to 0–100. "logit": on the log-odds scale, for shares near 0 or 100%. */
  interval?: "wald" | "logit";
  /** Confidence level of the intervals; default 0.95. */
  level?: number;
  /**
   * A mean or weighted node whose child has no valid answer in a group: "renormalise" (default) averages the
   * children that have one (weights rescaled) and lists the others in `missingChildren`; "empty" reports the node empty.
   */
  emptyChildren?: "renormalise" | "empty";
  /**
   * Quantile of the intervals: "normal" (default, as R's confint()) or "design": Student's t with the row's design
   * degrees of freedom (as svyciprop()'s default) — wider when a group has few PSUs.
   */
  df?: "normal" | "design";
  /** Drop answers to items hidden by skip logic before counting (for imported data); default false. */
  applySkipLogic?: boolean;
  /**
   * Which rows get a design effect. "overall" (default): the whole round's rows and every item row; node
   * rows of groups get none (null). "all": every row — the second moments are then kept per group, which
   * costs several times more per response on a round with many groups.
   */
  designEffects?: "overall" | "all";
}

export type RowType = "node" | "item";

/** One row of a table: an index node or an item, in one group. Shares are in percent (0–100), unrounded. */
export interface NodeEstimate {
  tree: string;
  kind: IndexKind;
  code: string;
  type: RowType;
  label: LocalizedText;
  /** 0 for the tree's root. */
  depth: number;
  /** Code of the parent node; null for a root. */
  parent: string | null;
  /** The node's aggregation rule (nodes only). */
  rule?: AggregationRule;
  /** Percent; null when there is no valid answer (the group is empty for this row). */
  estimate: number | null;
  /** Standard error in percentage points (Taylor linearisation). */
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Valid answers to the items that enter the estimate (for an item: its valid answers). */
  n: number;
  /** Respondents with at least one such valid answer. */
  respondents: number;
  /** Sum of the weights of those respondents (their estimated population). */
  weightSum: number;
  /**
   * Design degrees of freedom: PSUs holding a respondent with a valid answer to an item entering the row, minus the
   * strata holding them (R: degf() of that subset).
   */
  df: number;
  /** Design effect against simple random sampling with replacement; null when it cannot be formed. */
  deff: number | null;
  /** Children left out of a mean because they have no valid answer in this group (rule renormalise). */
  missingChildren?: string[];
  /** Mean of unit indices: units left out of this row's mean because they have no valid answer for it. */
  missingUnits?: string[];
}

export interface GroupEstimates {
  /** null: the whole round. */
  key: string | null;
  /** The option label when grouping by a profile item. */
  label?: LocalizedText;
  /** Responses in the group (with or without valid answers). */
  responses: number;
  nodes: NodeEstimate[];
}

export interface DesignSummary {
  responses: number;
  strata: number;
  psus: number;
  /** Strata with a single PSU (variance by survey.lonely.psu = "adjust"). */
  lonelyStrata: string[];
  /** Strata with a finite population correction. */
  fpcStrata: number;
  /** Whether any response came with a PSU (cluster) code. */
  clustered: boolean;
}

export interface IndexResult {
  definition: { key: string; version: string };
  options: {
    weighted: boolean;
    groupBy: string;
    multiUnit: "pooled" | "meanOfUnits";
    interval: "wald" | "logit";
    level: number;
    emptyChildren: "renormalise" | "empty";
    df: "normal" | "design";
  };
  design: DesignSummary;
  /** The whole round first (key null), then the groups. */
  groups: GroupEstimates[];
  /** Notes on how the figures were made (weighting, lonely PSUs, FPC, exclusions), as catalogue messages. */
  notes: Message[];
}

/** How much state the accumulator holds: it grows with strata, groups and PSUs, never with responses alone. */
export interface AccumulatorFootprint {
  responses: number;
  strata: number;
  psus: number;
  cells: number;
  /** (cell, stratum) blocks for responses without a PSU code. */
  strataBlocks: number;
  /** (cell, PSU) slots of PSU totals. */
  psuSlots: number;
  /** Numbers held in typed arrays. */
  doubles: number;
}

export interface IndexAccumulator {
  add(record: ResponseRecord): void;
  addBatch(records: Iterable<ResponseRecord>): void;
  finish(): IndexResult;
  footprint(): AccumulatorFootprint;
  /**
   * The sums so far as plain data (typed arrays), to be absorbed by another accumulator of the same
   * definition and options: one pass can run in several workers, each over its own strata.
   */
  snapshot(): PartialAccumulation;
  /** Adds a snapshot of responses from strata this accumulator has not seen (PSUs never span two parts). */
  absorb(part: PartialAccumulation): void;
}

interface PartialMoments {
  base: Float64Array;
  vec: Float64Array;
  sparse: Float64Array | null;
}

export interface PartialAccumulation {
  responses: number;
  zeroWeight: number;
  noGroup: number;
  noUnit: number;
  clustered: boolean;
  strata: { key: string | null; fpc: number; psus: number }[];
  groupKeys: string[];
  unitKeys: string[];
  psuStratum: Int32Array;
  slotCell: Int32Array;
  slotPsu: Int32Array;
  slotTotals: Float64Array;
  cells: {
    group: number;
    unit: number;
    responses: number;
    itemCount: Float64Array;
    nodeCount: Float64Array;
    nodeWeight: Float64Array;
    moments: PartialMoments;
    blocks: { stratum: number; second: PartialMoments; first: PartialMoments; itemCount: Float64Array; nodeCount: Float64Array }[];
  }[];
  /** Second moments per unit index + 1 (designEffects "overall"), or null. */
  overallSecond: (Float64Array | null)[] | null;
}

/** Told how many responses of a round's `total` have been read so far (a progress bar's source). */
export type Progress = (done: number, total: number) => void;
