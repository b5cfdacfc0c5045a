import type { Locale } from "../../domain/definition/schema";
import { SIGNIFICANCE_MARK, type Significance } from "../../domain/results/describe";
import { formatCount, formatInterval, formatNumber, formatPercent } from "../../domain/results/format";
import { rankGroups, type GroupSummary, type Interval } from "../../domain/results/view";
import { ChartFrame } from "./chart-frame";
import { niceDomain } from "./geometry";
import { layoutIntervalRows, type ChartRow } from "./interval-rows";
import { rankingChart, rankingSignificance } from "../../domain/messages/areas/charts";
import { chartTexts } from "../../domain/messages/areas/chart-texts";
import { fill } from "../../domain/messages/fill";

export const SIGNIFICANCE_WORDS = rankingSignificance;

const WORDS = rankingChart;

/**
 * (b) Groups (units, or profile groups) with their intervals as a dot plot, ranked by estimate when they are
 * units, with the whole-round figure as a dashed line. A filled dot (and ▲/▼) marks a group whose 95% interval
 * excludes the whole-round figure — the significance rule stated in the legend and in ADR 013.
 */
export function RankingChart(props: {
  groups: readonly GroupSummary[];
  overall: Interval;
  /** Name of the figure ranked ("SIPAS"). */
  indexLabel: string;
  /** The grouping ("Cấp huyện"). */
  byLabel: string;
  ranked: boolean;
  locale: Locale;
  subtitle: string;
}) {
  const { locale } = props;
  const ordered = props.ranked ? rankGroups(props.groups) : [...props.groups];
  let rank = 0;
  const rows: (ChartRow & { rank: number | null; g: GroupSummary })[] = ordered.map((g) => {
    const r = g.estimate === null ? null : ++rank;
    return {
      key: g.key,
      g,
      rank: r,
      label: props.ranked && r !== null ? `${r}. ${g.name[locale]}` : g.name[locale],
      value: g.estimate,
      low: g.ciLow,
      high: g.ciHigh,
      valueText: `${formatPercent(g.estimate, locale)}${SIGNIFICANCE_MARK[g.significance] ? ` ${SIGNIFICANCE_MARK[g.significance]}` : ""}`,
      emptyText: WORDS.noData[locale],
      significance: g.significance,
    };
  });
  const values = ordered.flatMap((g) => [g.ciLow, g.ciHigh, g.estimate]).filter((v): v is number => v !== null);
  if (props.overall.estimate !== null) values.push(props.overall.estimate);
  const domain = niceDomain(values, { minSpan: 10 });
  const { height, body } = layoutIntervalRows({
    rows,
    domain,
    mark: "dot",
    reference:
      props.overall.estimate === null
        ? undefined
        : { value: props.overall.estimate, label: `${WORDS.overall[locale]}: ${formatPercent(props.overall.estimate, locale)}` },
    formatTick: (v) => `${formatNumber(v, Number.isInteger(v) ? 0 : 1, locale)}%`,
    maxChars: 34,
  });
  const above = ordered.filter((g) => g.significance === "above").map((g) => g.name[locale]);
  const below = ordered.filter((g) => g.significance === "below").map((g) => g.name[locale]);
  const by = props.byLabel.toLocaleLowerCase(locale);
  const title = fill(props.ranked ? chartTexts.rankingTitle : chartTexts.comparisonTitle, { index: props.indexLabel, grouping: by }, locale);
  const none = chartTexts.noGroup[locale];
  const description = fill(
    chartTexts.rankingDescription,
    { groups: ordered.length, overall: formatPercent(props.overall.estimate, locale), above: above.join(", ") || none, below: below.join(", ") || none },
    locale,
  );
  return (
    <ChartFrame
      title={title}
      subtitle={props.subtitle}
      description={description}
      height={height}
      locale={locale}
      testId="chart-ranking"
      legend={
        <>
          <span aria-hidden="true">●</span> {chartTexts.rankingLegendFilled[locale]} <span aria-hidden="true">○</span> {chartTexts.rankingLegendOpen[locale]}
        </>
      }
      table={
        <table className="data-table compact">
          <thead>
            <tr>
              {props.ranked && (
                <th scope="col" className="num">
                  {WORDS.rank[locale]}
                </th>
              )}
              <th scope="col">{WORDS.group[locale]}</th>
              <th scope="col" className="num">
                {WORDS.share[locale]}
              </th>
              <th scope="col" className="num">
                {WORDS.ci[locale]}
              </th>
              <th scope="col" className="num">
                {WORDS.respondents[locale]}
              </th>
              <th scope="col">{WORDS.vsOverall[locale]}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                {props.ranked && <td className="num">{r.rank ?? "—"}</td>}
                <th scope="row">{r.g.name[locale]}</th>
                <td className="num">{formatPercent(r.g.estimate, locale)}</td>
                <td className="num">{formatInterval(r.g.ciLow, r.g.ciHigh, locale)}</td>
                <td className="num">{formatCount(r.g.respondents, locale)}</td>
                <td>{SIGNIFICANCE_WORDS[r.g.significance][locale]}</td>
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
