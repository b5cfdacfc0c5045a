/**
 * Words for the results pages: the sentence that says exactly what a table shows, the engine's design notes
 * and comparison reasons in Vietnamese, and the significance marks. See docs/decisions/013-results-pages-and-charts.md.
 */
import type { Locale, LocalizedText } from "../definition/schema";
import { formatCount, formatNumber } from "./format";
import { fill } from "../messages";
import { results } from "../messages/areas/results";
import { groupingWords as g, resultsStatement as t } from "../messages/areas/results-statement";

export const UNIT_LEVEL_WORDS: Record<string, { choice: LocalizedText; noun: LocalizedText }> = {
  province: { choice: g.province, noun: g.provinces },
  district: { choice: g.district, noun: g.districts },
  commune: { choice: g.commune, noun: g.communes },
  agency: { choice: g.agency, noun: g.agencies },
};

/** The label of a grouping choice (`none`, `unit`, a unit level, or a profile item with its label). */
export function groupingLabel(by: string, itemLabel?: LocalizedText): LocalizedText {
  if (by === "none") return g.none;
  if (by === "unit") return g.unit;
  return UNIT_LEVEL_WORDS[by]?.choice ?? itemLabel ?? { vi: by, en: by };
}

/** Whether a grouping is by units (whose ranking makes sense) rather than by a profile answer. */
export function isUnitGrouping(by: string): boolean {
  return by === "unit" || by in UNIT_LEVEL_WORDS;
}

export interface ShownOptions {
  weighted: boolean;
  multiUnit: "pooled" | "meanOfUnits";
  interval: "wald" | "logit";
  /** Confidence level, 0–1. */
  level: number;
  by: string;
  /** Label of the grouping (see groupingLabel). */
  byLabel: LocalizedText;
  /** Number of groups when grouped. */
  groups: number;
  /** Responses the figures are made from. */
  responses: number;
}

/**
 * One line that says what the figures are: "Có trọng số · gộp toàn bộ người trả lời · khoảng tin cậy 95% (Wald)
 * · n = 1 234 phiếu". Every results page and chart shows it.
 */
export function describeOptions(o: ShownOptions, locale: Locale): string {
  const parts: string[] = [];
  parts.push((o.weighted ? t.weighted : t.unweighted)[locale]);
  if (o.multiUnit === "pooled") parts.push(t.pooled[locale]);
  else parts.push(fill(t.meanOf, { units: UNIT_LEVEL_WORDS[o.by]?.noun ?? g.units }, locale));
  if (o.by !== "none") parts.push(fill(t.by, { grouping: lowerFirst(o.byLabel[locale]), groups: o.groups }, locale));
  const method = o.interval === "logit" ? "logit" : "Wald";
  parts.push(fill(t.intervals, { level: levelText(o.level, locale), method }, locale));
  parts.push(fill(o.responses === 1 ? t.nOne : t.nMany, { n: formatCount(o.responses, locale) }, locale));
  return parts.join(" · ");
}

/** A confidence level (0–1) as the reader writes a percentage: "95", "99,9". */
function levelText(level: number, locale: Locale): string {
  return formatNumber(level * 100, Number.isInteger(level * 100) ? 0 : 1, locale);
}

/**
 * The line over a comparison: the options both rounds were computed with, how the difference is made, and the n of
 * each round.
 */
export function describeComparison(o: Omit<ShownOptions, "responses" | "interval">, n: { baseline: number; current: number }, locale: Locale): string {
  const shown = describeOptions({ ...o, interval: "wald", responses: 0 }, locale).split(" · ");
  // Keep weighting, pooling and grouping; the interval and n parts are the comparison's own.
  const parts = shown.slice(0, shown.length - 2);
  parts.push(fill(t.differences, { level: levelText(o.level, locale) }, locale));
  parts.push(fill(t.nBoth, { baseline: formatCount(n.baseline, locale), current: formatCount(n.current, locale) }, locale));
  return parts.join(" · ");
}

function lowerFirst(s: string): string {
  // "Cấp huyện" → "cấp huyện", but keep acronyms ("PSU") as they are.
  return /^[A-ZÀ-Ỹ][a-zà-ỹ]/u.test(s) ? s[0].toLocaleLowerCase("vi") + s.slice(1) : s;
}

type Translation = [RegExp, (m: RegExpExecArray) => string];

const NOTE_TRANSLATIONS: Translation[] = [
  [
    /^Weighted by the response weights \(a missing weight counts 1\)\.$/,
    () => "Có trọng số: mỗi phiếu tính theo trọng số của phiếu (phiếu thiếu trọng số tính 1).",
  ],
  [
    /^Unweighted: every response counts 1 \(strata, clusters and FPC still enter the standard errors\)\.$/,
    () => "Không trọng số: mỗi phiếu tính 1 (tầng, cụm và hiệu chỉnh tổng thể hữu hạn vẫn được dùng khi tính sai số chuẩn).",
  ],
  [
    /^(\d+) (?:stratum|strata) had a single PSU \((.*)\); variance contribution centred at the grand mean \(survey\.lonely\.psu = 'adjust'\)\.$/,
    (m) =>
      `${m[1]} tầng chỉ có một cụm được chọn (${m[2]}): không đo được độ dao động bên trong các tầng này, nên sai số của chúng được ước lượng thận trọng so với trung bình chung.`,
  ],
  [/^Finite population correction in (\d+) of (\d+) (?:stratum|strata)\.$/, (m) => `Có hiệu chỉnh tổng thể hữu hạn (FPC) ở ${m[1]}/${m[2]} tầng.`],
  [/^(\d+) (?:response has|responses have) weight 0 and count in no estimate\.$/, (m) => `${m[1]} phiếu có trọng số 0, không được tính vào ước lượng nào.`],
  [
    /^(\d+) (?:response has|responses have) no value for the grouping \((.*)\): counted in the whole round only\.$/,
    (m) => `${m[1]} phiếu không có giá trị của tiêu chí phân nhóm (${m[2]}): chỉ được tính vào số liệu chung.`,
  ],
  [
    /^Whole-round figures are the mean of the (\d+) unit ind(?:ex|ices); a unit without a valid answer for a row is left out of that row's mean\.$/,
    (m) =>
      `Số liệu chung là trung bình cộng chỉ số của ${m[1]} đơn vị; đơn vị không có câu trả lời hợp lệ cho một chỉ tiêu không được tính vào trung bình của chỉ tiêu đó. Số liệu từng nhóm gộp người trả lời của nhóm.`,
  ],
  [
    /^(\d+) (?:response has|responses have) no unit and are not in the whole-round figures\.$/,
    (m) => `${m[1]} phiếu không có đơn vị nên không được tính vào số liệu chung.`,
  ],
  [/^([\d.]+)% intervals on the logit scale \(normal quantile\)\.$/, (m) => `Khoảng tin cậy ${m[1].replace(".", ",")}% tính trên thang logit (phân vị chuẩn).`],
  [
    /^([\d.]+)% Wald intervals \(estimate ± z·SE, normal quantile\)\.$/,
    (m) => `Khoảng tin cậy ${m[1].replace(".", ",")}% kiểu Wald: ước lượng ± z × sai số chuẩn (phân vị chuẩn).`,
  ],
  [
    /^Design effect: design variance ÷ variance under simple random sampling with replacement of the same respondents\.$/,
    () => "Hiệu ứng thiết kế (deff): phương sai theo thiết kế mẫu chia cho phương sai nếu chọn mẫu ngẫu nhiên đơn giản có hoàn lại cùng số người trả lời.",
  ],
];

function translate(table: Translation[], text: string): string | null {
  for (const [re, make] of table) {
    const m = re.exec(text);
    if (m) return make(m);
  }
  return null;
}

/** A design note of the engine (written in English) in the page's language; unknown notes stay in English. */
export function translateNote(note: string, locale: Locale): string {
  return locale === "en" ? note : translate(NOTE_TRANSLATIONS, note) ?? note;
}

const RULE_WORDS: Record<string, string> = { mean: "trung bình", weighted: "trung bình có trọng số", pooled: "gộp", item: "theo câu" };
const rule = (r: string) => r.replace(/^(mean|weighted|pooled|item)\b/, (w) => RULE_WORDS[w]);

const REASON_TRANSLATIONS: Translation[] = [
  [/^only in version (.+)$/, (m) => `chỉ có trong phiên bản ${m[1]}`],
  [/^kind changed \((.+) → (.+)\)$/, (m) => `loại chỉ số thay đổi (${m[1]} → ${m[2]})`],
  [/^items changed: (.+)$/, (m) => `câu hỏi thành phần thay đổi: ${m[1]}`],
  [/^rule changed \((.+) → (.+)\)$/, (m) => `cách tổng hợp thay đổi (${rule(m[1])} → ${rule(m[2])})`],
  [/^weights changed$/, () => "trọng số các thành phần thay đổi"],
  [/^positive answers of (\S+) changed \((.*) → (.*)\)$/, (m) => `phương án tính là tích cực của ${m[1]} thay đổi (${m[2]} → ${m[3]})`],
  [/^answer options of (\S+) changed$/, (m) => `các phương án trả lời của ${m[1]} thay đổi`],
];

/**
 * Why a row of a comparison is not the same measure in both rounds, in the page's language. With `labels`, questions
 * are named by their text ("thêm “…”; bỏ “…”"), not their codes. A long list keeps its first `maxCodes` questions and
 * says how many more there are.
 */
export function translateReason(reason: string, locale: Locale, maxCodes = Infinity, labels?: Readonly<Record<string, LocalizedText>>): string {
  const named = (code: string) => (labels?.[code] ? `“${labels[code][locale]}”` : code);
  const m = /^items changed: (.+)$/.exec(reason);
  if (m && labels) {
    const codes = m[1].split(" ");
    const shown = codes.slice(0, maxCodes).map((c) => {
      const added = c.startsWith("+");
      const code = c.replace(/^[+−-]/, "");
      return fill(added ? t.added : t.removed, { question: named(code) }, locale);
    });
    const more = codes.length - shown.length;
    return `${fill(t.questionsChanged, { changes: shown.join("; ") }, locale)}${more ? ` ${fill(results.andMore, { more }, locale)}` : ""}`;
  }
  const item = /^(positive answers of |answer options of )(\S+)( .*)?$/.exec(reason);
  if (item && labels?.[item[2]]) {
    const rest = item[3] ?? "";
    if (item[1].startsWith("positive")) return fill(t.positiveChanged, { question: named(item[2]), rest: rest.replace(/^ changed/, "") }, locale);
    return fill(t.optionsChanged, { question: named(item[2]) }, locale);
  }
  let text = reason;
  let more = 0;
  if (m) {
    const codes = m[1].split(" ");
    if (codes.length > maxCodes) {
      text = `items changed: ${codes.slice(0, maxCodes).join(" ")} …`;
      more = codes.length - maxCodes;
    }
  }
  const out = locale === "en" ? text : (translate(REASON_TRANSLATIONS, text) ?? text);
  return more ? `${out} ${fill(results.andMore, { more }, locale)}` : out;
}

export type Significance = "above" | "below" | "notSignificant" | "unknown";

/**
 * A group against the whole-round figure: "above"/"below" when the group's 95% interval excludes it.
 * The group is part of the whole round, so the true variance of the difference is smaller than the group's own
 * when groups are separate strata (ADR 013); the rule is then conservative.
 */
export function significanceVsOverall(row: { estimate: number | null; ciLow: number | null; ciHigh: number | null }, overall: number | null): Significance {
  if (row.estimate === null || row.ciLow === null || row.ciHigh === null || overall === null) return "unknown";
  if (row.ciLow > overall) return "above";
  if (row.ciHigh < overall) return "below";
  return "notSignificant";
}

/** A difference against zero: "above" (a significant rise) when its interval lies above 0, "below" for a fall. */
export function significanceOfChange(row: { difference: number | null; ciLow: number | null; ciHigh: number | null }): Significance {
  if (row.difference === null || row.ciLow === null || row.ciHigh === null) return "unknown";
  if (row.ciLow > 0) return "above";
  if (row.ciHigh < 0) return "below";
  return "notSignificant";
}

export const SIGNIFICANCE_MARK: Record<Significance, string> = { above: "▲", below: "▼", notSignificant: "", unknown: "" };
