import type { Locale } from "../../domain/definition/schema";
import { SIGNIFICANCE_MARK, significanceOfChange } from "../../domain/results/describe";
import { formatInterval, formatPercent, formatPoints } from "../../domain/results/format";
import type { ChangeRow } from "../../domain/results/compare-view";
import { ChartFrame } from "./chart-frame";
import { symmetricDomain } from "./geometry";
import { layoutIntervalRows, type ChartRow } from "./interval-rows";
import { changeChart } from "../../domain/messages/areas/charts";
import { chartTexts } from "../../domain/messages/areas/chart-texts";
import { fill } from "../../domain/messages/fill";

export const POINTS = changeChart.points;

const WORDS = changeChart;

/** A difference as printed in the charts and tables: "+1,23 điểm ▲". */
export function changeText(r: ChangeRow, locale: Locale): string {
  if (r.difference === null) return "—";
  const mark = SIGNIFICANCE_MARK[significanceOfChange(r)];
  return `${formatPoints(r.difference, locale)} ${POINTS[locale]}${mark ? ` ${mark}` : ""}`;
}

/**
 * (d) Year-over-year change per node of the satisfaction tree: bars from 0 (rise right, fall left) with the
 * difference's 95% interval; a row that is not the same measure in both rounds has no bar and says so.
 */
export function ChangeChart({
  rows,
  locale,
  subtitle,
  baselineName,
  currentName,
}: {
  rows: readonly ChangeRow[];
  locale: Locale;
  subtitle: string;
  baselineName: string;
  currentName: string;
}) {
  const nodes = rows.filter((r) => r.type === "node" && r.kind === "satisfaction");
  const chartRows: ChartRow[] = nodes.map((r) => ({
    key: r.code,
    label: r.label[locale],
    depth: r.depth,
    strong: r.depth === 0,
    value: r.difference,
    low: r.ciLow,
    high: r.ciHigh,
    valueText: changeText(r, locale),
    emptyText: r.comparable ? WORDS.noData[locale] : WORDS.notComparable[locale],
    significance: significanceOfChange(r),
  }));
  const domain = symmetricDomain(nodes.flatMap((r) => [r.ciLow, r.ciHigh, r.difference]).filter((v): v is number => v !== null));
  const { height, body } = layoutIntervalRows({
    rows: chartRows,
    domain,
    mark: "bar",
    baseline: 0,
    formatTick: (v) => (v === 0 ? "0" : formatPoints(v, locale, Number.isInteger(v) ? 0 : 1)),
    // "+12,37 điểm ▲" is wider than a percentage: shorter label lines.
    maxChars: 28,
  });
  const description =
    `${fill(chartTexts.changeDescription, { baseline: baselineName, current: currentName }, locale)} ` +
    nodes
      .map(
        (r) =>
          `${r.label[locale]} ${
            r.difference === null ? (r.comparable ? WORDS.noData[locale] : WORDS.notComparable[locale]) : formatPoints(r.difference, locale)
          }`
      )
      .join("; ") +
    ".";
  return (
    <ChartFrame
      title={WORDS.title[locale]}
      subtitle={subtitle}
      description={description}
      height={height}
      locale={locale}
      testId="chart-change"
      legend={chartTexts.changeLegend[locale]}
      table={
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{WORDS.index[locale]}</th>
              <th scope="col" className="num">
                {baselineName}
              </th>
              <th scope="col" className="num">
                {currentName}
              </th>
              <th scope="col" className="num">
                {WORDS.change[locale]}
              </th>
              <th scope="col" className="num">
                {WORDS.ci[locale]}
              </th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((r) => (
              <tr key={r.code}>
                <th scope="row">{r.label[locale]}</th>
                <td className="num">{formatPercent(r.estimateA, locale)}</td>
                <td className="num">{formatPercent(r.estimateB, locale)}</td>
                <td className="num">{r.difference === null ? (r.comparable ? "—" : WORDS.notComparable[locale]) : changeText(r, locale)}</td>
                <td className="num">{formatInterval(r.ciLow, r.ciHigh, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {body}
    </ChartFrame>
  );
}
