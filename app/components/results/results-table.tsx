import type { Locale } from "../../domain/definition/schema";
import { formatCount, formatInterval, formatPercent } from "../../domain/results/format";
import type { TableRow } from "../../domain/results/view";
import { cautionWords, cautionOf, type Caution } from "../../domain/results/caution";
import { resultsUi as w } from "./words";
import { TableScroll } from "../table-scroll";

/**
 * A table of indices as a tree: SIPAS, its domains, components and items indented by depth, each with its
 * estimate, 95% interval, valid answers and respondents. An empty row prints "—", never 0.
 */
export function ResultsTable({
  rows,
  locale,
  caption,
  valueHeader,
  testId,
}: {
  rows: readonly TableRow[];
  locale: Locale;
  caption: string;
  valueHeader: string;
  testId?: string;
}) {
  const missing = rows.filter((r) => r.missing.length > 0);
  return (
    <TableScroll>
      <table className="data-table results-table stacking" data-testid={testId} role="table">
        <caption>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {w.index[locale]}
            </th>
            <th scope="col" role="columnheader" className="num">
              {valueHeader}
            </th>
            <th scope="col" role="columnheader" className="num ci-col">
              {w.ci[locale]}
            </th>
            <th scope="col" role="columnheader" className="num">
              {w.n[locale]}
            </th>
            <th scope="col" role="columnheader" className="num">
              {w.respondents[locale]}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((r) => (
            <tr key={`${r.tree}/${r.type}/${r.code}`} role="row" data-code={r.code} className={`row-${r.type} depth-${Math.min(r.depth, 3)}`}>
              <th scope="row" role="rowheader" style={{ paddingLeft: `${0.6 + r.depth * 0.9}rem` }}>
                <span className="tree-label">
                  {r.label[locale]}
                  {r.missing.length > 0 && (
                    <sup className="missing-mark" title={r.missing.join(", ")}>
                      †
                    </sup>
                  )}
                </span>
                <span className="row-code">{r.code}</span>
              </th>
              <td role="cell" className="num estimate">
                <CellLabel text={valueHeader} />
                <EstimateCell estimate={r.estimate} ciLow={r.ciLow} ciHigh={r.ciHigh} locale={locale} caution={cautionOf(r)} />
              </td>
              <td role="cell" className="num ci-col">
                {formatInterval(r.ciLow, r.ciHigh, locale)}
              </td>
              <td role="cell" className="num">
                <CellLabel text={w.nShort[locale]} />
                {formatCount(r.n, locale)}
              </td>
              <td role="cell" className="num">
                <CellLabel text={w.respondents[locale]} />
                {formatCount(r.respondents, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p className="hint">
          {w.missingMark[locale]} {missing.map((r) => `${r.code}: ${r.missing.join(", ")}`).join("; ")}.
        </p>
      )}
    </TableScroll>
  );
}

/** The estimate, with its interval repeated under it for narrow screens (where the interval column is hidden). */
export function EstimateCell({
  estimate,
  ciLow,
  ciHigh,
  locale,
  caution = null,
}: {
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  locale: Locale;
  /** A mark when the figure rests on few answers or has a very wide interval (explained under the tables). */
  caution?: Caution;
}) {
  return (
    <>
      <span className="est">{formatPercent(estimate, locale)}</span>
      {caution && (
        <span className="caution" data-caution={caution} title={cautionWords(caution, locale)}>
          {" "}
          ⚠<span className="visually-hidden">{cautionWords(caution, locale)}</span>
        </span>
      )}
      {estimate !== null && <span className="ci-inline">{formatInterval(ciLow, ciHigh, locale)}</span>}
    </>
  );
}

/**
 * The column name repeated inside a cell, shown only where rows are stacked (phones). Hidden from assistive
 * technology, which already has the header. Text, not a data-* attribute: see ADR 013 on NUL bytes in streamed HTML.
 */
export function CellLabel({ text }: { text: string }) {
  return (
    <span className="cell-label" aria-hidden="true">
      {text}
    </span>
  );
}
