import { Form, Link } from "@remix-run/react";
import type { Locale } from "../../domain/definition/schema";
import { catalogue, fill } from "../../domain/messages";
import { formatTimestamp } from "../../domain/results/format";
import { formatPeriod } from "../../domain/round-settings";
import { formatNumber } from "./plan-table";
import { UploadForm } from "./upload-form";

const w = catalogue.frameFiles;

export interface FrameFileView {
  importId: string;
  fileName: string;
  rowsAccepted: number;
  rowsLeftOut: number;
  importedBy: string;
  importedAt: string | null;
  stalePeriod: { start: string | null; end: string | null; leftOut: number } | null;
}

/**
 * The files the round's frame is made of, each with its counts and who imported it, and — until the draw — a form to
 * replace it (an upload in its place) and one to remove it (after a confirmation that says how many persons leave).
 */
export function FrameFiles(props: {
  locale: Locale;
  base: string;
  csrf: string;
  files: FrameFileView[];
  /** The round's period now, to say it beside a file filtered by an older one. */
  period: { start: string | null; end: string | null };
  /** False once the sample is drawn or the round closed: the list only. */
  changeable: boolean;
}) {
  const { locale, base, files } = props;
  if (files.length === 0) return <p className="muted">{w.none[locale]}</p>;
  const total = files.reduce((n, f) => n + f.rowsAccepted, 0);
  const stale = files.filter((f) => f.stalePeriod).length;
  const now = formatPeriod(props.period.start, props.period.end);
  return (
    <section aria-labelledby="frame-files-title" data-frame-files={files.length}>
      <h3 id="frame-files-title">{w.title[locale]}</h3>
      {stale > 0 && props.changeable && (
        <p className="fw-warning" role="status" data-stale-files={stale}>
          {fill(w.staleCount, { count: stale }, locale)}
        </p>
      )}
      <ol className="frame-files">
        {files.map((f) => (
          <li key={f.importId} data-frame-file={f.fileName}>
            <p className="frame-file-name">
              <Link to={`${base}/sample/import/${f.importId}`}>{f.fileName}</Link>
            </p>
            <dl className="frame-file-facts">
              <div>
                <dt>{w.accepted[locale]}</dt>
                <dd data-rows-accepted>{formatNumber(f.rowsAccepted, locale)}</dd>
              </div>
              <div>
                <dt>{w.leftOut[locale]}</dt>
                <dd data-rows-left-out>{formatNumber(f.rowsLeftOut, locale)}</dd>
              </div>
              <div>
                <dt>{w.who[locale]}</dt>
                <dd>
                  {f.importedBy}
                  {f.importedAt ? `, ${formatTimestamp(f.importedAt, locale)}` : ""}
                </dd>
              </div>
            </dl>
            {f.stalePeriod && (
              <p className="fw-warning" data-stale-period>
                {fill(
                  w.stalePeriod,
                  { now, then: formatPeriod(f.stalePeriod.start, f.stalePeriod.end), count: f.stalePeriod.leftOut },
                  locale
                )}
              </p>
            )}
            {props.changeable && (
              <div className="frame-file-actions">
                <details className="fw-details">
                  <summary>{w.replace[locale]}</summary>
                  <UploadForm
                    action={`${base}/sample`}
                    jsonAction={`${base}/sample/upload`}
                    kind="frame"
                    replaces={f.importId}
                    csrf={props.csrf}
                    locale={locale}
                    label={fill(w.replaceLabel, { file: f.fileName }, locale)}
                    button={w.replaceButton[locale]}
                  />
                </details>
                <details className="fw-details">
                  <summary>{w.remove[locale]}</summary>
                  <Form method="post" className="fw-form">
                    <input type="hidden" name="csrf" value={props.csrf} />
                    <input type="hidden" name="intent" value="remove-file" />
                    <input type="hidden" name="importId" value={f.importId} />
                    <p className="fw-warning">{fill(w.removeConfirm, { file: f.fileName, count: f.rowsAccepted }, locale)}</p>
                    <button type="submit" className="button danger">
                      {w.removeButton[locale]}
                    </button>
                  </Form>
                </details>
              </div>
            )}
          </li>
        ))}
      </ol>
      <p data-frame-total={total}>
        <strong>{fill(w.frameNow, { count: total, files: files.length }, locale)}</strong>
      </p>
    </section>
  );
}
