import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { FramePeriodNotice } from "../components/fieldwork/frame-period";
import { ProgressBar } from "../components/fieldwork/progress-bar";
import { formatNumber } from "../components/fieldwork/plan-table";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale, metaLocale } from "../components/use-locale";
import { columnLetter } from "../domain/csv/read";
import type { LocalizedText } from "../domain/definition/schema";
import { catalogue, fill, localize, render } from "../domain/messages";
import { parseRoundSettings } from "../domain/round-settings";
import { settingsLock, settingsOf, updateRoundSettings } from "../services/rounds/rounds.server";

import {
  FIELD_LABELS,
  FRAME_FIELDS,
  PROBLEM_KIND_LABELS,
  REQUIRED_FIELDS,
  describeProblem,
  describeColumns,
  emptyMapping,
  noColumnChoices,
  unmatchedColumns,
  type ColumnChoices,
  type FrameMapping,
  type ProblemKind,
} from "../domain/fieldwork/frame";
import { can } from "../domain/roles";
import { type ImportProgress } from "../services/fieldwork/frame-import.server";
import { getFrameImport, jobProgress, previewRows, saveMapping, startFrameImport, uploadPath } from "../services/fieldwork/frame-uploads.server";
import { listFrameFiles } from "../services/fieldwork/frame-files.server";
import { attempt, orRefuse, refusalText } from "../services/platform/route-errors.server";
import { readForm } from "../services/platform/forms.server";
import { resolveLocale } from "../services/platform/locale.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import styles from "../styles/fieldwork.css";
import { TableScroll } from "../components/table-scroll";
import { frameImportPage } from "../domain/messages/areas/frame-import-page";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.frameImport[metaLocale(matches)]}` }];

const t = frameImportPage;

const PROBLEMS_SHOWN = 200;
const frameWords = catalogue.frame;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, round, user } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
  const { locale } = await resolveLocale(request);
  const record = await orRefuse(() => getFrameImport(db, round.id, params.importId!));
  const path = record.fileKept && record.status !== "running" ? await uploadPath(db, record.id) : null;
  const preview = path ? await previewRows(path, record.fileName) : [];
  const report = record.report;
  const session = await getSession(request);
  const csrf = csrfToken(session);
  const lock = await settingsLock(db, round.id);
  const files = await listFrameFiles(db, round.id);
  const replaced = record.target.action === "replace" ? await orRefuse(() => getFrameImport(db, round.id, (record.target as { importId: string }).importId)) : null;
  return data(
    {
      roundId: round.id,
      csrf,
      period: { start: round.period_start, end: round.period_end },
      // The period can change here until the draw (or the first code), for those who may edit the round.
      canEditPeriod: !lock && can(user.role, "editRound"),
      sampled: lock === "sampled",
      canSeeContacts: can(user.role, "viewContacts"),
      upload: {
        id: record.id,
        fileName: record.fileName,
        fileSize: record.fileSize,
        fileKept: record.fileKept,
        status: record.status,
        mode: record.mode,
        headers: record.headers,
        mapping: record.mapping,
        missing: record.missing,
        unmatched: record.unmatched,
        undecided: record.undecided,
        columns: record.columns,
        finishedAt: record.finishedAt,
      },
      preview,
      report: report && {
        rowsRead: report.rowsRead,
        rowsValid: report.rowsValid,
        rowsRejected: report.rowsRejected,
        rowsImported: report.rowsImported,
        imported: report.imported,
        mode: report.mode,
        seconds: report.seconds,
        problemCount: report.problemCount,
        problemsByKind: report.problemsByKind,
        problems: report.problems.slice(0, PROBLEMS_SHOWN).map((p) => describeProblem(p, report.headers, locale)),
        fileError: report.fileError,
      },
      progress: jobProgress(record.id, user.id),
      // What the file does to the frame (said before the import), and the frame as it now stands (after it).
      frame: {
        action: record.target.action,
        replaces: replaced && replaced.fileName.split(/[\\/]/).pop()!,
        inFrame: record.inFrame,
        persons: files.reduce((n, f) => n + f.rowsAccepted, 0),
        files: files.length,
      },
    },
    { headers: { "Set-Cookie": await commitSession(session) } }
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, round, user } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
  const form = await readForm(request);
  verifyCsrf(await getSession(request), form);
  const record = await orRefuse(() => getFrameImport(db, round.id, params.importId!));
  if (form.get("intent") === "period") {
    if (!can(user.role, "editRound")) return data({ periodError: catalogue.roundSetup.noEditRole }, { status: 403 });
    const text = (k: string) => (typeof form.get(k) === "string" ? (form.get(k) as string) : "");
    const settings = { ...settingsOf(round), periodStart: text("periodStart"), periodEnd: text("periodEnd") };
    const parsed = parseRoundSettings(Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, v ?? ""])));
    if (!parsed.ok) return data({ periodError: localize(Object.values(parsed.errors)[0]!) }, { status: 400 });
    const saved = await attempt(() => updateRoundSettings(db, round.id, parsed.value, user.id));
    if (!saved.ok) return data({ periodError: refusalText(saved.refusal) }, { status: saved.refusal.status });
    // The same file is checked again with the new period while it is still on the server.
    if (record.fileKept && (record.status === "uploaded" || record.status === "failed") && record.missing.length === 0) {
      const started = await attempt(() => startFrameImport(db, { roundId: round.id, importId: record.id, mode: "all", userId: user.id }));
      if (!started.ok) return data({ periodError: refusalText(started.refusal) }, { status: started.refusal.status });
      return redirect(`/staff/rounds/${round.id}/sample/import/${record.id}`);
    }
    return data({ reupload: true });
  }
  if (form.has("map.name")) {
    const mapping = emptyMapping();
    for (const f of FRAME_FIELDS) {
      const v = form.get(`map.${f}`);
      mapping[f] = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null;
    }
    // Each column no field uses is kept or ignored as chosen; one left undecided stops the import (listed).
    const columns = noColumnChoices();
    for (const i of unmatchedColumns(record.headers, mapping)) {
      const choice = form.get(`col.${i}`);
      if (choice === "keep" || choice === "ignore") columns[choice].push(i);
    }
    await orRefuse(() => saveMapping(db, round.id, record.id, mapping, columns));
  }
  const mode = form.get("mode") === "valid-only" ? "valid-only" : "all";
  const started = await attempt(() => startFrameImport(db, { roundId: round.id, importId: record.id, mode, userId: user.id }));
  if (!started.ok) return data({ error: started.refusal.message }, { status: started.refusal.status });
  return redirect(`/staff/rounds/${round.id}/sample/import/${record.id}`);
}

function MappingForm(props: {
  fetcherKey: string;
  headers: string[];
  mapping: FrameMapping;
  unmatched: number[];
  columns: ColumnChoices;
  preview: string[][];
  missing: string[];
  csrf: string;
  locale: "vi" | "en";
  busy: boolean;
}) {
  const { headers, mapping, missing, csrf, locale, busy } = props;
  // The same fetcher as the page's other start button: the page knows an import is starting.
  const fetcher = useFetcher({ key: props.fetcherKey });
  return (
    <fetcher.Form method="post" className="fw-form" data-mapping-form>
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="mode" value="all" />
      <p className="hint">{t.mappingHint[locale]}</p>
      <TableScroll>
        <table className="fw-table fw-mapping">
          <thead>
            <tr>
              <th scope="col">{t.field[locale]}</th>
              <th scope="col">{t.column[locale]}</th>
            </tr>
          </thead>
          <tbody>
            {FRAME_FIELDS.map((f) => (
              <tr key={f} className={missing.includes(f) ? "missing" : undefined}>
                <th scope="row">
                  <label htmlFor={`map-${f}`}>
                    {FIELD_LABELS[f][locale]}
                    {REQUIRED_FIELDS.includes(f) ? " *" : ""}
                  </label>
                </th>
                <td>
                  <select id={`map-${f}`} name={`map.${f}`} defaultValue={mapping[f] === null ? "" : String(mapping[f])}>
                    <option value="">{t.none[locale]}</option>
                    {headers.map((h, i) => (
                      <option key={i} value={String(i)}>
                        {columnLetter(i)} · {h || "—"}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {props.unmatched.length > 0 && (
        <fieldset data-unmatched-columns>
          <legend>{frameWords.unmatchedTitle[locale]}</legend>
          <p className="hint">{frameWords.unmatchedHint[locale]}</p>
          {props.unmatched.map((i) => {
            const example = props.preview.find((row) => (row[i] ?? "").trim() !== "")?.[i];
            const chosen = props.columns.keep.includes(i) ? "keep" : props.columns.ignore.includes(i) ? "ignore" : "";
            return (
              <div className="field" key={i}>
                <label htmlFor={`col-${i}`}>
                  {columnLetter(i)} · {headers[i]}
                  {example ? <span className="muted"> ({fill(frameWords.example, { value: example }, locale)})</span> : null}
                </label>
                <select id={`col-${i}`} name={`col.${i}`} defaultValue={chosen}>
                  <option value="">{frameWords.choose[locale]}</option>
                  <option value="keep">{frameWords.keepColumn[locale]}</option>
                  <option value="ignore">{frameWords.ignoreColumn[locale]}</option>
                </select>
              </div>
            );
          })}
        </fieldset>
      )}
      <div className="fw-actions">
        <button type="submit" className="button primary" disabled={busy || fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? t.starting[locale] : t.start[locale]}
        </button>
      </div>
    </fetcher.Form>
  );
}

/** Polls the import's progress (no database work on the server) until it is done, then reloads the page data. */
function useImportProgress(importUrl: string, active: boolean, initial: ImportProgress | null) {
  const [progress, setProgress] = useState<ImportProgress | null>(initial);
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const res = await fetch(`${importUrl}/progress`, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" });
        const body = (await res.json()) as ImportProgress | { phase: "unknown" };
        if (stopped) return;
        if (body.phase === "done" || body.phase === "unknown") {
          if (revalidator.state === "idle") revalidator.revalidate();
          if (body.phase === "done") return;
        } else setProgress(body);
      } catch {
        // A missed poll is not a problem; the next one will tell.
      }
      if (!stopped) timer = setTimeout(tick, 700);
    };
    timer = setTimeout(tick, 300);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, importUrl]); // eslint-disable-line react-hooks/exhaustive-deps
  return progress;
}

export default function FrameImportPage() {
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const { upload, report } = d;
  const base = `/staff/rounds/${d.roundId}`;
  const importUrl = `${base}/sample/import/${upload.id}`;
  const starter = useFetcher<typeof action>({ key: `import-${upload.id}` });
  const running = upload.status === "running" || starter.state !== "idle";
  // Shown directly when columns are missing, otherwise folded under "change the mapping".
  const mappingForm = (
    <MappingForm
      fetcherKey={`import-${upload.id}`}
      headers={upload.headers}
      mapping={upload.mapping}
      unmatched={upload.unmatched}
      columns={upload.columns}
      preview={d.preview}
      missing={upload.missing}
      csrf={d.csrf}
      locale={locale}
      busy={running}
    />
  );
  const progress = useImportProgress(importUrl, running, d.progress);
  const canRetryValid = !!report && !report.imported && !report.fileError && report.rowsValid > 0 && upload.fileKept;
  const byKind = Object.entries(report?.problemsByKind ?? {}) as [ProblemKind, number][];
  const startError = starter.data && "error" in starter.data ? starter.data.error : null;
  const periodResult = useActionData<typeof action>();
  const periodError = periodResult && "periodError" in periodResult ? periodResult.periodError[locale] : null;
  const reupload = !!periodResult && "reupload" in periodResult;
  const dateColumn = upload.mapping.returned_on !== null;
  const periodNotice = (
    <FramePeriodNotice
      locale={locale}
      period={d.period}
      outside={report && report.rowsRead > 0 ? { count: report.problemsByKind.date_outside_period ?? 0, rows: report.rowsRead } : null}
      dateColumn={dateColumn}
      edit={d.canEditPeriod ? { csrf: d.csrf, recheck: upload.fileKept && upload.missing.length === 0, error: periodError } : null}
      locked={d.sampled}
    />
  );

  return (
    <section aria-labelledby="import-title" data-import-status={upload.status}>
      <p className="eyebrow">
        <Link to={`${base}/sample`}>{t.back[locale]}</Link>
      </p>
      <h2 id="import-title">{t.title[locale]}</h2>
      <p className="fw-meta">
        {t.file[locale]}: <strong>{upload.fileName}</strong> ({formatNumber(upload.fileSize / 1024, locale)} KB, {upload.headers.length}{" "}
        {t.columnsWord[locale]})
      </p>
      {startError && (
        <p className="fw-error" role="alert">
          {startError}
        </p>
      )}

      {running && (
        <div data-import-running>
          <p>{t.running[locale]}</p>
          <ProgressBar
            value={progress && progress.fileSize > 0 ? progress.bytesRead / progress.fileSize : null}
            label={
              progress?.phase === "finishing"
                ? t.finishing[locale]
                : `${t.importing[locale]}: ${formatNumber(progress?.rowsRead ?? 0, locale)} ${t.rows[locale]}${
                    progress?.rowsRejected ? `, ${formatNumber(progress.rowsRejected, locale)} ${t.rowsWithProblems[locale]}` : ""
                  }`
            }
          />
          <noscript>
            {/* Without JavaScript the page reloads itself until the import is done. */}
            <meta httpEquiv="refresh" content="2" />
            <p className="hint">{t.reloads[locale]}</p>
          </noscript>
        </div>
      )}

      {!running && upload.status === "discarded" && <p className="fw-warning">{t.discarded[locale]}</p>}
      {!running && !report?.imported && upload.fileKept && (d.frame.action === "replace" || (d.frame.action === "add" && d.frame.files > 0)) && (
        <p className="fw-meta" data-frame-target={d.frame.action}>
          {d.frame.action === "replace" && d.frame.replaces
            ? fill(catalogue.frameFiles.replaces, { file: d.frame.replaces }, locale)
            : fill(catalogue.frameFiles.adds, { count: d.frame.persons }, locale)}
        </p>
      )}
      {reupload && (
        <p className="fw-warning" role="status">
          {catalogue.framePeriod.reupload[locale]} <Link to={`${base}/sample`}>{t.back[locale]}</Link>
        </p>
      )}
      {!running && periodNotice}

      {!running && report?.imported && (
        <div className="notice" role="status" data-import-done>
          <p>
            <strong>
              {t.imported[locale]} {formatNumber(report.rowsImported, locale)} {t.persons[locale]}
            </strong>{" "}
            ({report.seconds.toFixed(1)} s)
            {report.rowsRejected > 0 && `; ${formatNumber(report.rowsRejected, locale)} ${t.left[locale]}`}.
          </p>
          {d.frame.inFrame && (
            <p data-frame-total={d.frame.persons}>{fill(catalogue.frameFiles.frameNow, { count: d.frame.persons, files: d.frame.files }, locale)}</p>
          )}
          <p className="fw-actions">
            {report.rowsRejected > 0 && d.canSeeContacts && (
              <a className="button" href={`${importUrl}/rejected`} download>
                {t.rejected[locale]}
              </a>
            )}
            {report.rowsRejected > 0 && d.canSeeContacts && (
              <a className="button" href={`${importUrl}/rejected.xlsx`} download>
                {catalogue.columns.xlsxRejected[locale]}
              </a>
            )}
            <Link className="button primary" to={`${base}/sample#sample`}>
              {t.design[locale]}
            </Link>
          </p>
        </div>
      )}

      {!running && report && !report.imported && (
        <div className="fw-alert" role="alert" data-import-refused>
          {report.fileError?.kind === "encoding" ? (
            <>
              <h3>
                {t.encoding[locale]} ({t.line[locale]} {report.fileError.line})
              </h3>
              <p>{t.encodingFix[locale]}</p>
            </>
          ) : report.fileError?.kind === "no_rows" ? (
            <h3>{t.noRows[locale]}</h3>
          ) : report.fileError ? (
            <h3>{report.fileError.what ? render(report.fileError.what, locale) : report.fileError.message}</h3>
          ) : (
            <h3>{t.refused[locale]}</h3>
          )}
          {report.rowsRead > 0 && (
            <p>
              {t.summary[locale]} {formatNumber(report.rowsRead, locale)} {t.rows[locale]}: {formatNumber(report.rowsValid, locale)} {t.valid[locale]},{" "}
              {formatNumber(report.rowsRejected, locale)} {t.rowsWithProblems[locale]} ({formatNumber(report.problemCount, locale)} {t.problems[locale]}).
            </p>
          )}
          {byKind.length > 0 && (
            <p>
              {t.byKind[locale]}: {byKind.map(([k, n]) => `${PROBLEM_KIND_LABELS[k][locale]} ${n}`).join(" · ")}
            </p>
          )}
        </div>
      )}

      {!running && report && report.problems.length > 0 && (
        <section aria-labelledby="problems-title">
          <h3 id="problems-title">{t.firstProblems[locale]}</h3>
          <ol className="error-details" data-problems>
            {report.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ol>
          {report.problemCount > report.problems.length && (
            <p className="fw-meta">
              … {t.moreProblems[locale]} {formatNumber(report.problemCount - report.problems.length, locale)} {t.more[locale]}
            </p>
          )}
        </section>
      )}

      {!running && canRetryValid && (
        <starter.Form method="post" className="fw-actions">
          <input type="hidden" name="csrf" value={d.csrf} />
          <input type="hidden" name="mode" value="valid-only" />
          <button type="submit" className="button primary">
            {t.validOnly[locale]} ({formatNumber(report!.rowsValid, locale)})
          </button>
          <Link to={`${base}/sample`} className="button">
            {t.another[locale]}
          </Link>
          <span className="hint">{t.validOnlyNote[locale]}</span>
        </starter.Form>
      )}

      {!running && upload.fileKept && (upload.status === "uploaded" || upload.status === "failed") && (
        <section aria-labelledby="mapping-title">
          <h3 id="mapping-title">{t.mapping[locale]}</h3>
          {upload.undecided.length > 0 && (
            <p className="fw-warning" data-unmatched-notice>
              {fill(frameWords.unmatchedNotice, { count: upload.undecided.length, columns: describeColumns(upload.undecided, upload.headers) }, locale)}
            </p>
          )}
          {upload.missing.length > 0 ? (
            <p className="fw-error" data-mapping-missing>
              {t.mappingMissing[locale]}{" "}
              {upload.missing
                .map((f) => (f === "phone" ? `${FIELD_LABELS.phone[locale]} / ${FIELD_LABELS.address[locale]}` : FIELD_LABELS[f][locale]))
                .join(", ")}
            </p>
          ) : (
            upload.status === "uploaded" && <p className="notice">{t.mappingOk[locale]}</p>
          )}
          {d.preview.length > 0 && (
            <details className="fw-details" open={upload.missing.length > 0}>
              <summary>{t.preview[locale]}</summary>
              <TableScroll>
                <table className="fw-table fw-preview">
                  <thead>
                    <tr>
                      {upload.headers.map((h, i) => (
                        <th key={i} scope="col">
                          {columnLetter(i)} · {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {d.preview.map((row, r) => (
                      <tr key={r}>
                        {upload.headers.map((_h, i) => (
                          <td key={i}>{row[i] ?? ""}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </details>
          )}
          {upload.missing.length > 0 || upload.undecided.length > 0 || upload.status === "failed" ? (
            mappingForm
          ) : (
            <>
              <starter.Form method="post" className="fw-actions">
                <input type="hidden" name="csrf" value={d.csrf} />
                <input type="hidden" name="mode" value="all" />
                <button type="submit" className="button primary">
                  {t.start[locale]}
                </button>
              </starter.Form>
              <details className="fw-details">
                <summary>{t.changeMapping[locale]}</summary>
                {mappingForm}
              </details>
            </>
          )}
        </section>
      )}
    </section>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
