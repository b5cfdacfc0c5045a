import type { Locale } from "../../domain/definition/schema";
import { formatInterval, formatPercent } from "../../domain/results/format";
import type { TableRow } from "../../domain/results/view";
import { ChartFrame } from "./chart-frame";
import { layoutIntervalRows, type ChartRow } from "./interval-rows";
import { componentsChart } from "../../domain/messages/areas/charts";
import { chartTexts } from "../../domain/messages/areas/chart-texts";
import { fill } from "../../domain/messages/fill";

const WORDS = componentsChart;

/**
 * (a) Horizontal bars with confidence-interval whiskers for the nodes of the satisfaction tree (SIPAS, its domains
 * and components), on a 0–100% axis so bar lengths compare honestly.
 */
export function ComponentsChart({ rows, locale, subtitle, groupName }: { rows: readonly TableRow[]; locale: Locale; subtitle: string; groupName: string }) {
  const nodes = rows.filter((r) => r.type === "node");
  const chartRows: ChartRow[] = nodes.map((r) => ({
    key: r.code,
    label: r.label[locale],
    depth: r.depth,
    strong: r.depth === 0,
    value: r.estimate,
    low: r.ciLow,
    high: r.ciHigh,
    valueText: formatPercent(r.estimate, locale),
    emptyText: WORDS.noData[locale],
  }));
  const { height, body } = layoutIntervalRows({ rows: chartRows, domain: [0, 100], mark: "bar", baseline: 0, formatTick: (v) => `${v}%` });
  const withValue = nodes.filter((r) => r.estimate !== null && r.depth > 0);
  const hi = withValue.reduce<TableRow | null>((a, r) => (!a || r.estimate! > a.estimate! ? r : a), null);
  const lo = withValue.reduce<TableRow | null>((a, r) => (!a || r.estimate! < a.estimate! ? r : a), null);
  const description =
    `${fill(chartTexts.componentsDescription, { group: groupName }, locale)} ` +
    nodes.map((r) => `${r.label[locale]} ${formatPercent(r.estimate, locale)}`).join("; ") +
    (hi && lo ? `. ${fill(chartTexts.highestLowest, { highest: hi.label[locale], lowest: lo.label[locale] }, locale)}` : ".");
  return (
    <ChartFrame
      title={`${WORDS.title[locale]} – ${groupName}`}
      subtitle={subtitle}
      description={description}
      height={height}
      locale={locale}
      testId="chart-components"
      legend={WORDS.legend[locale]}
      table={
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{WORDS.index[locale]}</th>
              <th scope="col" className="num">
                {WORDS.share[locale]}
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
