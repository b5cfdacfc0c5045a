import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ComponentsChart } from "../components/charts/components-chart";
import { PrioritiesChart } from "../components/charts/priorities-chart";
import { RankingChart, SIGNIFICANCE_WORDS } from "../components/charts/ranking-chart";
import { ComputingPanel } from "../components/results/computing-panel";
import { OptionsForm } from "../components/results/options-form";
import { CellLabel, EstimateCell, ResultsTable } from "../components/results/results-table";
import { resultsUi as w } from "../components/results/words";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { metaLocale, useLocale } from "../components/use-locale";
import type { Locale } from "../domain/definition/schema";
import { describeOptions, isUnitGrouping, SIGNIFICANCE_MARK } from "../domain/results/describe";
import { cautionOf } from "../domain/results/caution";
import type { ExplainSection } from "../domain/results/explain";
import { explainComputation, parseResultsQuery, resultsPageView } from "../services/results/page.server";
import { fill } from "../domain/messages/fill";
import { rankingChart } from "../domain/messages/areas/charts";
import { explain as explainWords } from "../domain/messages/areas/explain";
import { roundWeighting } from "../services/results/weighting.server";
import { formatCount, formatInterval, formatPercent, formatTimestamp } from "../domain/results/format";
import { optionsOf, resultsSearch, type ResultsQuery } from "../domain/results/query";
import type { TableRow } from "../domain/results/view";
import { orRefuse } from "../services/platform/route-errors.server";
import { groupingOptions } from "../services/results/grouping.server";
import { getRoundResults } from "../services/results/jobs.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import resultsStyles from "../styles/results.css";
import { TableScroll } from "../components/table-scroll";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resultsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: `SIPAS – ${data?.round.name ?? ""} – ${w.results[metaLocale(matches)]}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, round, units, definition } = await requireRoundAccess(request, params.roundId!, "viewResults");
  const choices = groupingOptions(definition, [...new Set(units.map((u) => u.level))]);
  const query = await orRefuse(async () =>
    parseResultsQuery(
      new URL(request.url).searchParams,
      choices.map((c) => c.value),
    ),
  );
  const status = await orRefuse(() => getRoundResults(db, { roundId: round.id, ...optionsOf(query) }));
  const base = { round: { id: round.id, name: round.name }, query, choices };
  if (status.state !== "ready") return { ...base, progress: status, view: null, computed: null, explanation: null };
  const byLabel = choices.find((c) => c.value === query.by)!.label;
  const view = resultsPageView(status.indices.result, { by: query.by, byLabel, groupNames: status.indices.groupNames, group: query.group });
  const { options } = status.indices.result;
  const explainWith = { weighted: options.weighted, multiUnit: options.multiUnit, interval: options.interval, grouped: query.by !== "none", weighting: await roundWeighting(db, round.id) };
  return {
    ...base,
    explanation: { vi: explainComputation(definition, explainWith, "vi"), en: explainComputation(definition, explainWith, "en") },
    progress: null,
    view,
    computed: { at: status.indices.computedAt, cached: status.indices.cached, dataVersion: status.indices.dataVersion },
  };
}


export default function RoundResults() {
  const locale = useLocale();
  const { round, query, choices, progress, view, computed, explanation } = useLoaderData<typeof loader>();
  const base = `/staff/rounds/${round.id}`;
  // Every option of this page (resultsSearch writes them all): the same figures as the page, from the same cache.
  const csvHref = `${base}/data/indices.csv${resultsSearch(optionsOf(query), { lang: locale })}`;
  const form = <OptionsForm key={JSON.stringify(query)} id="results-options" query={query} choices={choices} groups={view?.groups ?? []} locale={locale} />;
  const links = (
    <p className="results-links">
      <Link to={`${base}/compare${resultsSearch(optionsOf(query))}`}>{w.compare[locale]} →</Link>
      {view && (
        <a href={csvHref} download>
          {w.download[locale]}
        </a>
      )}
    </p>
  );
  return (
    <section aria-labelledby="results-heading" className="results-page">
      <h2 id="results-heading">{w.results[locale]}</h2>
      {progress && (
        <>
          <ComputingPanel jobs={[progress]} progressUrls={[`${base}/results/progress${resultsSearch(optionsOf(query))}`]} locale={locale} />
          {form}
          {links}
        </>
      )}
      {view && computed && explanation && (
        <ResultsBody view={view} computed={computed} explanation={explanation[locale]} query={query} roundId={round.id} locale={locale} form={form} links={links} />
      )}
    </section>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function ResultsBody(props: {
  view: NonNullable<LoaderData["view"]>;
  computed: NonNullable<LoaderData["computed"]>;
  explanation: ExplainSection[];
  query: ResultsQuery;
  roundId: string;
  locale: Locale;
  form: ReactNode;
  links: ReactNode;
}) {
  const { view, computed, query, roundId, locale } = props;
  const sentence = describeOptions(view.options, locale);
  const groupName = view.selected.name[locale];
  // Charts of one group: its own n, and pooled over its respondents (a mean of units is only the whole round's).
  const chartSentence =
    view.selected.key === null
      ? describeOptions({ ...view.options, by: "none" }, locale)
      : describeOptions({ ...view.options, by: "none", multiUnit: "pooled", responses: view.selected.responses }, locale);
  const { satisfaction, assessment, expectation } = view.selected.tables;
  const headline = view.headline;
  if (view.design.responses === 0) {
    return (
      <>
        <p className="results-statement">{sentence}</p>
        <p className="notice">{w.noResponses[locale]}</p>
        {props.form}
        {props.links}
      </>
    );
  }
  const roots = (rows: TableRow[]) => rows.filter((r) => r.depth === 0);
  const vsOverall = rankingChart.vsOverall[locale];
  return (
    <>
      <p className="results-statement" data-testid="results-statement">
        {sentence}
      </p>
      <p className="hint">
        {w.computedAt[locale]} {formatTimestamp(computed.at, locale)} · {computed.cached ? w.fromCache[locale] : w.fresh[locale]} · {w.dataVersion[locale]}{" "}
        {computed.dataVersion} · {w.emptyMeaning[locale]}
      </p>

      {headline && (
        <dl className="headline" data-testid="headline">
          <div>
            <dt>{headline.label[locale]}</dt>
            <dd>
              <span className="headline-value">{formatPercent(headline.estimate, locale)}</span>
              <span className="headline-ci">
                {w.headlineCi[locale]}: {formatInterval(headline.ciLow, headline.ciHigh, locale)}
              </span>
            </dd>
          </div>
        </dl>
      )}
      {props.form}
      {props.links}

      {view.groups.length > 0 && headline && (
        <section aria-labelledby="by-group" className="results-section">
          <h3 id="by-group">
            {headline.label[locale]} – {view.options.byLabel[locale].toLocaleLowerCase(locale)}
          </h3>
          <RankingChart
            groups={view.groups}
            overall={headline}
            indexLabel={headline.code}
            byLabel={view.options.byLabel[locale]}
            ranked={isUnitGrouping(view.options.by)}
            locale={locale}
            subtitle={sentence}
          />
          <TableScroll>
            <table className="data-table results-table stacking groups" data-testid="groups-table" role="table">
              <caption>
                {headline.label[locale]} · {view.options.byLabel[locale]}
              </caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">
                    {view.options.byLabel[locale]}
                  </th>
                  <th scope="col" role="columnheader" className="num">
                    {headline.code}
                  </th>
                  <th scope="col" role="columnheader" className="num ci-col">
                    {w.ci[locale]}
                  </th>
                  <th scope="col" role="columnheader" className="num">
                    {w.responses[locale]}
                  </th>
                  <th scope="col" role="columnheader">
                    {vsOverall}
                  </th>
                  <th scope="col" role="columnheader">
                    <span className="visually-hidden">{w.seeTable[locale]}</span>
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {view.groups.map((g) => (
                  <tr key={g.key} role="row" data-group={g.key} className={g.key === view.selected.key ? "selected" : undefined}>
                    <th scope="row" role="rowheader">
                      {g.name[locale]}
                    </th>
                    <td role="cell" className="num estimate">
                      <CellLabel text={headline.code} />
                      <EstimateCell estimate={g.estimate} ciLow={g.ciLow} ciHigh={g.ciHigh} locale={locale} caution={cautionOf(g)} />
                    </td>
                    <td role="cell" className="num ci-col">
                      {formatInterval(g.ciLow, g.ciHigh, locale)}
                    </td>
                    <td role="cell" className="num">
                      <CellLabel text={w.responses[locale]} />
                      {formatCount(g.responses, locale)}
                    </td>
                    <td role="cell">
                      <CellLabel text={vsOverall} />
                      {SIGNIFICANCE_MARK[g.significance]} {SIGNIFICANCE_WORDS[g.significance][locale]}
                    </td>
                    <td role="cell" className="see-table">
                      <Link
                        to={`/staff/rounds/${roundId}/results${resultsSearch({ ...optionsOf(query), group: g.key })}`}
                        aria-label={`${w.seeTable[locale]}: ${g.name[locale]}`}
                      >
                        {w.seeTable[locale]}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}

      <section aria-labelledby="satisfaction" className="results-section">
        <h3 id="satisfaction">
          {w.satisfaction[locale]} – {groupName}
        </h3>
        {satisfaction.length > 0 && <ComponentsChart rows={satisfaction} locale={locale} subtitle={chartSentence} groupName={groupName} />}
        <ResultsTable
          rows={satisfaction}
          locale={locale}
          caption={`${w.satisfaction[locale]} – ${groupName} (${formatCount(view.selected.responses, locale)} ${w.responsesWord[locale]})`}
          valueHeader={w.satisfied[locale]}
          testId="satisfaction-table"
        />
      </section>

      {assessment.length > 0 && (
        <section aria-labelledby="assessment" className="results-section">
          <h3 id="assessment">
            {w.assessment[locale]} – {groupName}
          </h3>
          <p className="hint">
            {roots(assessment)
              .map((r) => r.label[locale])
              .join(" · ")}
          </p>
          <ResultsTable
            rows={assessment}
            locale={locale}
            caption={`${w.assessment[locale]} – ${groupName}`}
            valueHeader={w.share[locale]}
            testId="assessment-table"
          />
        </section>
      )}

      {expectation.length > 0 && (
        <section aria-labelledby="expectation" className="results-section">
          <h3 id="expectation">
            {w.expectation[locale]} – {groupName}
          </h3>
          {roots(expectation).map((root) => (
            <PrioritiesChart
              key={root.code}
              rows={expectation.filter((r) => r.tree === root.tree)}
              locale={locale}
              subtitle={chartSentence}
              treeLabel={root.label[locale]}
            />
          ))}
          <ResultsTable
            rows={expectation}
            locale={locale}
            caption={`${w.expectation[locale]} – ${groupName}`}
            valueHeader={w.share[locale]}
            testId="expectation-table"
          />
        </section>
      )}

      <section aria-labelledby="how" className="results-section results-notes" data-testid="how-computed">
        <h3 id="how">{explainWords.title[locale]}</h3>
        {props.explanation.map((part) => (
          <div key={part.title}>
            <h4>{part.title}</h4>
            <ul>
              {part.points.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ))}
        {view.notes.length > 0 && (
          <>
            <h4>{w.notes[locale]}</h4>
            <ul>
              {view.notes.map((n, i) => (
                <li key={i}>{n[locale]}</li>
              ))}
            </ul>
          </>
        )}
        <p className="hint">
          {w.questionnaire[locale]}: {view.definition.key}@{view.definition.version} ·{" "}
          {fill(w.designShape, { strata: String(view.design.strata), psus: formatCount(view.design.psus, locale) }, locale)}
        </p>
      </section>
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
