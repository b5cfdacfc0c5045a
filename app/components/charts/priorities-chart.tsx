import type { Locale } from "../../domain/definition/schema";
import { formatInterval, formatPercent } from "../../domain/results/format";
import { rankGroups, type TableRow } from "../../domain/results/view";
import { ChartFrame } from "./chart-frame";
import { layoutIntervalRows, type ChartRow } from "./interval-rows";
import { prioritiesChart } from "../../domain/messages/areas/charts";
import { chartTexts } from "../../domain/messages/areas/chart-texts";
import { fill } from "../../domain/messages/fill";

const WORDS = prioritiesChart;

/**
 * (c) The expectation items sorted by the share of respondents choosing the top answer (the definition's
 * positive set), highest first: what people most want the state to prioritise.
 */
export function PrioritiesChart({ rows, locale, subtitle, treeLabel }: { rows: readonly TableRow[]; locale: Locale; subtitle: string; treeLabel: string }) {
  const items = rankGroups(rows.filter((r) => r.type === "item"));
  const chartRows: ChartRow[] = items.map((r, i) => ({
    key: r.code,
    label: r.estimate === null ? r.label[locale] : `${i + 1}. ${r.label[locale]}`,
    value: r.estimate,
    low: r.ciLow,
    high: r.ciHigh,
    valueText: formatPercent(r.estimate, locale),
    emptyText: WORDS.noData[locale],
  }));
  const { height, body } = layoutIntervalRows({ rows: chartRows, domain: [0, 100], mark: "bar", baseline: 0, formatTick: (v) => `${v}%`, maxChars: 34 });
  const description =
    `${fill(chartTexts.prioritiesDescription, { tree: treeLabel }, locale)} ` +
    items.map((r) => `${r.label[locale]} ${formatPercent(r.estimate, locale)}`).join("; ") +
    ".";
  return (
    <ChartFrame
      title={WORDS.title[locale]}
      subtitle={`${treeLabel} · ${subtitle}`}
      description={description}
      height={height}
      locale={locale}
      testId="chart-priorities"
      legend={chartTexts.prioritiesLegend[locale]}
      table={
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{WORDS.area[locale]}</th>
              <th scope="col" className="num">
                {WORDS.share[locale]}
              </th>
              <th scope="col" className="num">
                {WORDS.ci[locale]}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.code}>
                <th scope="row">{r.label[locale]}</th>
                <td className="num">{formatPercent(r.estimate, locale)}</td>
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
