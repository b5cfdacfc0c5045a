import { Form } from "@remix-run/react";
import type { Locale } from "../../domain/definition/schema";
import { catalogue, fill } from "../../domain/messages";
import { formatPeriod } from "../../domain/round-settings";

const w = catalogue.framePeriod;

/**
 * What the round's period does to the frame, in plain words, beside the frame import: the rule, how many rows of the
 * last check it left out, and (until the draw) a form to change the period and check the same file again.
 */
export function FramePeriodNotice(props: {
  locale: Locale;
  period: { start: string | null; end: string | null };
  /** Rows of the last check left out for the period, and rows read; null before any check. */
  outside: { count: number; rows: number } | null;
  /** False when no column is matched to the return date: the period cannot filter this file. */
  dateColumn: boolean;
  /** The form to change the period, or null (sample drawn, round closed, role without the right). */
  edit: { csrf: string; recheck: boolean; error: string | null } | null;
  locked: boolean;
}) {
  const { locale, period, outside, edit } = props;
  const hasPeriod = !!(period.start || period.end);
  const text = formatPeriod(period.start, period.end);
  return (
    <section className="fw-section" aria-labelledby="period-title" data-frame-period>
      <h3 id="period-title">{w.title[locale]}</h3>
      <p>{hasPeriod ? fill(w.rule, { period: text }, locale) : w.none[locale]}</p>
      {hasPeriod && !props.dateColumn && <p className="fw-warning">{w.noDateColumn[locale]}</p>}
      {hasPeriod && outside && (
        <p className={outside.count > 0 ? "fw-warning" : undefined} data-outside-period={outside.count}>
          {outside.count > 0 ? fill(w.outside, { count: outside.count, rows: outside.rows, period: text }, locale) : w.outsideNone[locale]}
        </p>
      )}
      {props.locked && <p className="fw-meta">{w.locked[locale]}</p>}
      {edit && (
        <details className="fw-details" open={!!edit.error || (outside?.count ?? 0) > 0}>
          <summary>{w.edit[locale]}</summary>
          <Form method="post" className="fw-form">
            <input type="hidden" name="csrf" value={edit.csrf} />
            <input type="hidden" name="intent" value="period" />
            <div className="period-fields">
              <div className="field">
                <label htmlFor="frame-period-start">{catalogue.roundSetup.periodStart[locale]}</label>
                <input id="frame-period-start" name="periodStart" type="date" defaultValue={period.start ?? ""} />
              </div>
              <div className="field">
                <label htmlFor="frame-period-end">{catalogue.roundSetup.periodEnd[locale]}</label>
                <input id="frame-period-end" name="periodEnd" type="date" defaultValue={period.end ?? ""} />
              </div>
            </div>
            {edit.error && (
              <p className="fw-error" role="alert">
                {edit.error}
              </p>
            )}
            <div className="fw-actions">
              <button type="submit" className="button">
                {edit.recheck ? w.saveRecheck[locale] : w.save[locale]}
              </button>
            </div>
          </Form>
        </details>
      )}
    </section>
  );
}
