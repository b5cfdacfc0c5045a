import { SamplingError, compareIds } from "./errors";
import { msg, type Message } from "../messages";

/**
 * respondent: a valid questionnaire came back. nonrespondent: eligible, but refused, unreachable,
 * never returned or returned an invalid form. ineligible: outside the target population (e.g. not
 * the dossier holder, moved away): it leaves both sums.
 */
export type ResponseStatus = "respondent" | "nonrespondent" | "ineligible";

export interface FieldworkUnit {
  id: string;
  stratum: string;
  designWeight: number;
  status: ResponseStatus;
}

export interface AdjustedUnit extends FieldworkUnit {
  /** design weight × factor for respondents; 0 for everyone else. */
  adjustedWeight: number;
}

export interface StratumAdjustment {
  stratum: string;
  sampled: number;
  eligible: number;
  respondents: number;
  nonrespondents: number;
  ineligible: number;
  /** Σ design weights of eligible sampled units. */
  eligibleWeight: number;
  /** Σ design weights of respondents. */
  respondentWeight: number;
  /** eligibleWeight / respondentWeight; null when there is no respondent. */
  factor: number | null;
  /** respondents / eligible, unweighted; null when nobody is eligible. */
  responseRate: number | null;
  /** Set when the stratum cannot be adjusted; shown in the reader's language. */
  problem: Message | null;
}

export interface NonResponseAdjustment {
  units: AdjustedUnit[];
  strata: StratumAdjustment[];
  /** Strata with eligible units but no respondent: their population is not represented. */
  unrepresentedStrata: string[];
  /** Σ design weights of eligible units in those strata. */
  unrepresentedWeight: number;
  /** Σ design weights of all eligible units = Σ adjusted weights + unrepresentedWeight. */
  eligibleWeight: number;
}

/**
 * Weighting-class adjustment with the stratum as class: w*_i = w_i · Σ_eligible w / Σ_respondents w
 * for respondents, so the respondents of a stratum carry the weight of all its eligible sampled units.
 */
export function adjustForNonResponse(units: readonly FieldworkUnit[]): NonResponseAdjustment {
  const seen = new Set<string>();
  const byStratum = new Map<string, StratumAdjustment>();
  for (const u of units) {
    if (seen.has(u.id)) throw new SamplingError(msg("sampling.unitTwice", { unit: u.id }));
    seen.add(u.id);
    if (typeof u.designWeight !== "number" || !Number.isFinite(u.designWeight) || u.designWeight <= 0) {
      throw new SamplingError(msg("sampling.badDesignWeight", { unit: u.id, weight: String(u.designWeight) }));
    }
    if (u.status !== "respondent" && u.status !== "nonrespondent" && u.status !== "ineligible") {
      throw new SamplingError(msg("sampling.badResponseStatus", { unit: u.id, status: String(u.status) }));
    }
    let s = byStratum.get(u.stratum);
    if (!s) {
      s = { stratum: u.stratum, sampled: 0, eligible: 0, respondents: 0, nonrespondents: 0, ineligible: 0, eligibleWeight: 0, respondentWeight: 0, factor: null, responseRate: null, problem: null };
      byStratum.set(u.stratum, s);
    }
    s.sampled++;
    if (u.status === "ineligible") {
      s.ineligible++;
      continue;
    }
    s.eligible++;
    s.eligibleWeight += u.designWeight;
    if (u.status === "respondent") {
      s.respondents++;
      s.respondentWeight += u.designWeight;
    } else {
      s.nonrespondents++;
    }
  }

  const strata = [...byStratum.values()].sort((a, b) => compareIds(a.stratum, b.stratum));
  const unrepresentedStrata: string[] = [];
  let unrepresentedWeight = 0;
  let eligibleWeight = 0;
  for (const s of strata) {
    eligibleWeight += s.eligibleWeight;
    s.responseRate = s.eligible === 0 ? null : s.respondents / s.eligible;
    if (s.respondents > 0) {
      s.factor = s.eligibleWeight / s.respondentWeight;
    } else if (s.eligible > 0) {
      s.problem = msg("sampling.noRespondents", { eligible: s.eligible });
      unrepresentedStrata.push(s.stratum);
      unrepresentedWeight += s.eligibleWeight;
    } else {
      s.problem = msg("sampling.allIneligible", { ineligible: s.ineligible });
    }
  }

  return {
    units: units.map((u) => {
      const factor = byStratum.get(u.stratum)?.factor;
      return { ...u, adjustedWeight: u.status === "respondent" && factor != null ? u.designWeight * factor : 0 };
    }),
    strata,
    unrepresentedStrata,
    unrepresentedWeight,
    eligibleWeight,
  };
}
