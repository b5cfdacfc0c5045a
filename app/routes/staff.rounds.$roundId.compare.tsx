import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChangeChart, changeText } from "../components/charts/change-chart";
import { ComputingPanel } from "../components/results/computing-panel";
import { OptionsForm } from "../components/results/options-form";
import { CellLabel } from "../components/results/results-table";
import { resultsUi as w } from "../components/results/words";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { metaLocale, useLocale } from "../components/use-locale";
import type { IndexKind, Locale, LocalizedText } from "../domain/definition/schema";
import type { ChangeRow } from "../domain/results/compare-view";
import { describeComparison } from "../domain/results/describe";
import { formatInterval, formatPercent } from "../domain/results/format";
import { optionsOf, resultsSearch } from "../domain/results/query";
import { parseResultsQuery } from "../services/results/page.server";
import { orRefuse, refuse } from "../services/platform/route-errors.server";
import { compareRoundResults } from "../services/results/compare.server";
import { groupingOptions } from "../services/results/grouping.server";
import { getRound, listRounds } from "../services/rounds/rounds.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import resultsStyles from "../styles/results.css";
import { TableScroll } from "../components/table-scroll";
import { fill } from "../domain/messages/fill";
import { msg } from "../domain/messages/msg";
import { comparePage as t } from "../domain/messages/areas/compare-page";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resultsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: `SIPAS – ${data?.round.name ?? ""} – ${w.compare[metaLocale(matches)]}` }];

const levelsOf = (units: { level: string }[]) => [...new Set(units.map((u) => u.level))];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, round, units, definition } = await requireRoundAccess(request, params.roundId!, "viewResults");
  const url = new URL(request.url);
  // Baselines: the other rounds of the same province that this staff member may see, newest first.
  const candidates = (await listRounds(db, { provinceCode: user.provinceCode }))
    .filter((r) => r.id !== round.id && r.provinceCode === round.province_code)
    .map((r) => ({ id: r.id, name: r.name, definitionId: r.definitionId, submitted: r.submitted }));
  const roundInfo = { id: round.id, name: round.name, definitionId: round.definition_id };
  const baselineId = url.searchParams.get("baseline");
  if (!baselineId) {
    // Nothing is computed until the reader picks the baseline: a round may hold a million responses.
    const choices = groupingOptions(definition, levelsOf(units));
    const query = await orRefuse(async () =>
      parseResultsQuery(
        url.searchParams,
        choices.map((c) => c.value),
      ),
    );
    return { round: roundInfo, candidates, baseline: null, query, choices, accept: [], acceptAll: false, result: null };
  }
  if (!candidates.some((c) => c.id === baselineId)) {
    throw refuse(msg("staffPages.noBaseline", { round: baselineId }), 404);
  }
  const base = await orRefuse(() => getRound(db, baselineId, { provinceCode: user.provinceCode }));
  const baseChoices = groupingOptions(base.definition, levelsOf(base.units)).map((c) => c.value);
  const choices = groupingOptions(definition, levelsOf(units)).filter((c) => baseChoices.includes(c.value));
  const query = await orRefuse(async () =>
    parseResultsQuery(
      url.searchParams,
      choices.map((c) => c.value),
    ),
  );
  const acceptAll = url.searchParams.get("acceptAll") === "true";
  const accept = url.searchParams.getAll("accept").filter((c) => /^[A-Za-z0-9_]{1,64}$/.test(c));
  const result = await orRefuse(() =>
    compareRoundResults(db, {
      current: { round, definition },
      baseline: { round: base.round, definition: base.definition },
      options: optionsOf(query),
      acceptChanged: acceptAll ? true : accept,
      group: query.group,
    })
  );
  return {
    round: roundInfo,
    candidates,
    baseline: { id: base.round.id, name: base.round.name, definitionId: base.round.definition_id },
    query,
    choices,
    accept,
    acceptAll,
    result,
  };
}

const KIND_TITLES: Record<IndexKind, { vi: string; en: string }> = {
  satisfaction: w.satisfaction,
  assessment: w.assessment,
  expectation: w.expectation,
};

export default function CompareRounds() {
  const locale = useLocale();
  const { round, candidates, baseline, query, choices, accept, acceptAll, result } = useLoaderData<typeof loader>();
  const back = `/staff/rounds/${round.id}/results${query ? resultsSearch(optionsOf(query)) : ""}`;

  if (candidates.length === 0) {
    return (
      <section aria-labelledby="compare-heading" className="results-page">
        <h2 id="compare-heading">{w.compare[locale]}</h2>
        <p className="notice">
          {t.noOtherRound[locale]}
        </p>
        <p>
          <Link to={back}>← {w.results[locale]}</Link>
        </p>
      </section>
    );
  }

  const ready = result?.state === "ready" ? result : null;
  const baselineField = (
    <div className="option-group">
      <label htmlFor="compare-baseline" className="option-label">
        {t.baseline[locale]}
      </label>
      <select id="compare-baseline" name="baseline" defaultValue={baseline?.id ?? candidates[0].id}>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.definitionId})
          </option>
        ))}
      </select>
    </div>
  );
  const acceptField = (
    <fieldset className="option-group">
      <legend>{t.changedIndices[locale]}</legend>
      <label className="option-choice">
        <input type="checkbox" name="acceptAll" value="true" defaultChecked={acceptAll} />{" "}
        {t.acceptAll[locale]}
      </label>
    </fieldset>
  );

  return (
    <section aria-labelledby="compare-heading" className="results-page">
      <h2 id="compare-heading">{w.compare[locale]}</h2>
      {!baseline && <p className="notice">{t.chooseBaseline[locale]}</p>}
      {result?.state === "computing" && (
        <ComputingPanel
          jobs={result.jobs.map((j) => j.progress)}
          progressUrls={result.jobs.map((j) => `/staff/rounds/${j.roundId}/results/progress${resultsSearch(j.options)}`)}
          locale={locale}
        />
      )}
      <OptionsForm
        key={JSON.stringify([baseline?.id, query, accept, acceptAll])}
        id="compare-form"
        query={query}
        choices={choices}
        groups={ready?.view.groups ?? []}
        locale={locale}
        showInterval={false}
        before={baselineField}
        after={acceptField}
      />
      <p className="results-links">
        <Link to={back}>← {w.results[locale]}</Link>
      </p>

      {ready && baseline && (
        <CompareBody
          view={ready.view}
          responses={ready.responses}
          baselineName={baseline.name}
          currentName={round.name}
          query={query}
          byLabels={choices.find((c) => c.value === query.by)!.label}
          accept={accept}
          acceptAll={acceptAll}
          locale={locale}
        />
      )}
    </section>
  );
}

type Ready = Extract<NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["result"]>, { state: "ready" }>;

function CompareBody(props: {
  view: Ready["view"];
  responses: Ready["responses"];
  baselineName: string;
  currentName: string;
  query: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["query"]>;
  byLabels: { vi: string; en: string };
  accept: string[];
  acceptAll: boolean;
  locale: Locale;
}) {
  const { view, locale } = props;
  const sentence = describeComparison(
    { weighted: props.query.weighted, multiUnit: props.query.multiUnit, level: 0.95, by: props.query.by, byLabel: props.byLabels, groups: view.groups.length },
    props.responses,
    locale
  );
  const groupName = view.selected.name[locale];
  const notComparable = view.selected.rows.filter((r) => r.inA && r.inB && !r.comparable);
  const kinds = (["satisfaction", "assessment", "expectation"] as const).filter((k) => view.selected.rows.some((r) => r.kind === k));
  return (
    <>
      <p className="results-statement" data-testid="compare-statement">
        {sentence}
      </p>
      <p className="hint">
        {fill(
          t.method,
          {
            current: props.currentName,
            baseline: props.baselineName,
            from: `${view.baseline.key}@${view.baseline.version}`,
            to: `${view.current.key}@${view.current.version}`,
          },
          locale,
        )}
      </p>

      {(view.itemsOnlyInBaseline.length > 0 || view.itemsOnlyInCurrent.length > 0 || notComparable.length > 0) && (
        <div className="compare-flags" data-testid="compare-flags">
          {view.headlineBlocked && (
            <p data-testid="headline-blocked">
              <strong>
                {fill(t.headlineBlocked, { index: view.headlineBlocked.label }, locale)}
              </strong>{" "}
              {fill(t.headlineBlockedWhy, { parts: view.headlineBlocked.parts.map((p) => p[locale]).join("; ") }, locale)}
            </p>
          )}
          {notComparable.length > 0 && (
            <p>
              <strong>
                {fill(t.notComparable, { count: notComparable.length }, locale)}
              </strong>{" "}
              {t.notComparableWhy[locale]}
            </p>
          )}
          {view.itemsOnlyInBaseline.length > 0 && (
            <>
              <p>{fill(t.onlyInBaselineList, { round: props.baselineName }, locale)}</p>
              <ul>
                {view.itemsOnlyInBaseline.map((i) => (
                  <li key={i.code}>
                    {i.label[locale]} <span className="muted">({i.code})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {view.itemsOnlyInCurrent.length > 0 && (
            <>
              <p>{fill(t.onlyInCurrentList, { round: props.currentName }, locale)}</p>
              <ul>
                {view.itemsOnlyInCurrent.map((i) => (
                  <li key={i.code}>
                    {i.label[locale]} <span className="muted">({i.code})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      <section aria-labelledby="change-chart" className="results-section">
        <h3 id="change-chart">
          {t.change[locale]} – {groupName}
        </h3>
        <ChangeChart rows={view.selected.rows} locale={locale} subtitle={sentence} baselineName={props.baselineName} currentName={props.currentName} />
      </section>

      {kinds.map((kind) => (
        <section key={kind} aria-labelledby={`change-${kind}`} className="results-section">
          <h3 id={`change-${kind}`}>
            {KIND_TITLES[kind][locale]} – {groupName}
          </h3>
          <ChangeTable
            rows={view.selected.rows.filter((r) => r.kind === kind)}
            locale={locale}
            baselineName={props.baselineName}
            currentName={props.currentName}
            accepted={props.acceptAll ? true : props.accept}
            labels={view.itemLabels}
          />
        </section>
      ))}
    </>
  );
}

function ChangeTable({
  rows,
  locale,
  baselineName,
  currentName,
  accepted,
  labels,
}: {
  rows: ChangeRow[];
  locale: Locale;
  baselineName: string;
  currentName: string;
  accepted: true | string[];
  labels: Record<string, LocalizedText>;
}) {
  const change = t.change[locale];
  return (
    <TableScroll>
      <table className="data-table results-table stacking" data-testid="change-table" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {w.index[locale]}
            </th>
            <th scope="col" role="columnheader" className="num">
              {baselineName}
            </th>
            <th scope="col" role="columnheader" className="num">
              {currentName}
            </th>
            <th scope="col" role="columnheader" className="num">
              {change}
            </th>
            <th scope="col" role="columnheader" className="num ci-col">
              {w.ci[locale]}
            </th>
            <th scope="col" role="columnheader">
              {t.notes[locale]}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((r) => (
            <tr key={`${r.tree}/${r.type}/${r.code}`} role="row" data-code={r.code} className={`row-${r.type} depth-${Math.min(r.depth, 3)}`}>
              <th scope="row" role="rowheader" style={{ paddingLeft: `${0.6 + r.depth * 0.9}rem` }}>
                {r.label[locale]}
                <span className="row-code">{r.code}</span>
              </th>
              <td role="cell" className="num">
                <CellLabel text={baselineName} />
                {r.inA ? formatPercent(r.estimateA, locale) : ""}
              </td>
              <td role="cell" className="num">
                <CellLabel text={currentName} />
                {r.inB ? formatPercent(r.estimateB, locale) : ""}
              </td>
              <td role="cell" className="num change">
                <CellLabel text={change} />
                <span className="est">{changeText(r, locale)}</span>
                {r.difference !== null && <span className="ci-inline">{formatInterval(r.ciLow, r.ciHigh, locale)}</span>}
              </td>
              <td role="cell" className="num ci-col">
                {formatInterval(r.ciLow, r.ciHigh, locale)}
              </td>
              <td role="cell" className="notes">
                {!r.inA && <span className="flag only-one">{t.onlyInCurrent[locale]}</span>}
                {!r.inB && <span className="flag only-one">{t.onlyInBaseline[locale]}</span>}
                {r.inA && r.inB && !r.comparable && <span className="flag not-comparable">{t.notComparableFlag[locale]}</span>}
                {r.accepted && !r.byParts && <span className="flag accepted">{t.accepted[locale]}</span>}
                {r.byParts && (
                  <span className="flag accepted">{t.byParts[locale]}</span>
                )}
                {r.inA && r.inB && r.why && (
                  <>
                    <span className="reasons" title={r.whyInFull?.[locale]}>
                      {r.why[locale]}
                    </span>
                    {accepted !== true && (
                      <label className="accept-box">
                        <input type="checkbox" name="accept" value={r.code} form="compare-form" defaultChecked={accepted.includes(r.code)} />
                        {t.acceptOne[locale]}
                      </label>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
