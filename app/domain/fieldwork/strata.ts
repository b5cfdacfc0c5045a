/**
 * A stratum in words. Strata are stored as keys (the JSON array of the stratum columns' values, or a unit code for
 * multi-stage designs); pages, prints and files show them as "cấp huyện × Huyện Minh Họa 1 (D01)".
 */
import type { Locale } from "../definition/schema";
import { msg, render, type Message } from "../messages";
import type { UnitLevel } from "./frame";

export interface StratumUnit {
  code: string;
  name: string;
}

export interface StratumDesign {
  kind: "stratified" | "multistage";
  strataBy?: readonly string[];
}

const LEVEL_WORDS: Record<UnitLevel, Message> = {
  province: msg("terms.levelProvince"),
  district: msg("terms.levelDistrict"),
  commune: msg("terms.levelCommune"),
  agency: msg("terms.levelAgency"),
};

/** A unit level in words ("cấp huyện"); an unknown level prints as it is. */
export function levelWord(level: string, locale: Locale): string {
  return level in LEVEL_WORDS ? render(LEVEL_WORDS[level as UnitLevel], locale) : level;
}

/** One stratum column's value in words: units by name and code, levels and sex in words, anything else as it is. */
export function stratumValueWords(column: string, value: string, units: ReadonlyMap<string, StratumUnit>, locale: Locale): string {
  const unit = units.get(value);
  if ((column === "unit" || column === "district") && unit) return render(msg("terms.unitWithCode", { name: unit.name, code: unit.code }), locale);
  if (column === "level") return levelWord(value, locale);
  if (column === "sex" && (value === "1" || value === "2")) return render(msg(value === "1" ? "terms.male" : "terms.female"), locale);
  return value;
}

/** A stored stratum key in words, for the design it was drawn with. */
export function describeStratum(key: string, design: StratumDesign | null, units: ReadonlyMap<string, StratumUnit>, locale: Locale): string {
  const unit = units.get(key);
  if (unit) return render(msg("terms.unitWithCode", { name: unit.name, code: unit.code }), locale);
  let values: unknown;
  try {
    values = JSON.parse(key);
  } catch {
    return key;
  }
  if (!Array.isArray(values)) return key;
  if (values.length === 0) return render(msg("terms.wholeFrame"), locale);
  const columns = design?.kind === "stratified" ? (design.strataBy ?? []) : [];
  return values.map((v, i) => stratumValueWords(columns[i] ?? "", String(v), units, locale)).join(" × ");
}
