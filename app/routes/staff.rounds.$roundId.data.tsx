import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createReadStream } from "node:fs";
import { unlink } from "node:fs/promises";
import type { FormEvent, MouseEvent } from "react";
import { DownloadProgress, useCsvDownload } from "../components/staff/csv-download";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { resultsUi as w } from "../components/results/words";
import { useLocale, metaLocale } from "../components/use-locale";
import { catalogue, localize, msg } from "../domain/messages";
import { formatImportProblem, type ImportProblem } from "../domain/csv/responses-import";
import type { LocalizedText } from "../domain/definition/schema";
import { attempt, refusalText } from "../services/platform/route-errors.server";
import { can } from "../domain/roles";
import { groupingChoices } from "../services/results/indices.server";
import { countSubmitted } from "../services/responses/read.server";
import { importResponsesCsv } from "../services/data/responses-import.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { commitSession, csrfToken, getSession } from "../services/platform/session.server";
import { receiveCsvFile } from "../services/platform/uploads.server";
import styles from "../styles/data.css";
import { dataPage, dataPageLevels } from "../domain/messages/areas/data-page";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.data[metaLocale(matches)]}` }];

/** Largest upload accepted through the page; bigger files go through `sipas responses import`. */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** Problems shown on the page (the total is always given). */
const SHOWN_PROBLEMS = 500;

const LEVEL_NAMES: Record<string, LocalizedText> = dataPageLevels;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, round, units, definition } = await requireRoundAccess(request, params.roundId!, "exportData");
  const items = new Map(definition.sections.flatMap((s) => s.items).map((i) => [i.code, i.label]));
  const groupings = groupingChoices(definition, [...new Set(units.map((u) => u.level))]).map((code) => ({
    code,
    label: LEVEL_NAMES[code] ?? items.get(code) ?? { vi: code, en: code },
  }));
  const session = await getSession(request);
  const csrf = csrfToken(session);
  return data(
    {
      round: { id: round.id, status: round.status },
      submitted: await countSubmitted(db, round.id),
      groupings,
      canImport: can(user.role, "importData"),
      csrf,
    },
    { headers: { "Set-Cookie": await commitSession(session) } },
  );
}

type ActionResult =
  | { kind: "imported"; imported: number; hiddenAnswers: number }
  | { kind: "problems"; file: string; rows: number; total: number; problems: ImportProblem[] }
  | { kind: "error"; message: LocalizedText };

const fail = (message: LocalizedText, status: number) => data<ActionResult>({ kind: "error", message }, { status });

/** Imports a responses CSV: every row is checked first, and a file with any problem imports nothing. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { db, round, user } = await requireRoundAccess(request, params.roundId!, "importData");
  // The file goes to a temporary file (read twice, never held in memory).
  const received = await receiveCsvFile(request, {
    maxBytes: MAX_UPLOAD_BYTES,
    tooLarge: localize(msg("staffPages.uploadTooLarge")),
  });
  if (!received.ok) return fail(received.message, received.status);
  const { path, fileName } = received;
  const imported = await attempt(() => importResponsesCsv(db, round.id, { name: fileName, open: () => createReadStream(path) }, { maxProblems: SHOWN_PROBLEMS, actor: user.id })).finally(
    () => unlink(path).catch(() => undefined),
  );
  if (!imported.ok) return fail(refusalText(imported.refusal), imported.refusal.status);
  const report = imported.value;
  if (!report.ok) {
    return data<ActionResult>({ kind: "problems", file: fileName, rows: report.rows, total: report.totalProblems, problems: report.problems }, { status: 422 });
  }
  return data<ActionResult>({ kind: "imported", imported: report.imported, hiddenAnswers: report.hiddenAnswers });
}

const t = dataPage;

const x = catalogue.columns;

export default function RoundData() {
  const locale = useLocale();
  const { round, submitted, groupings, canImport, csrf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const responses = useCsvDownload();
  const indices = useCsvDownload();
  const base = `/staff/rounds/${round.id}/data`;
  const follow = (download: ReturnType<typeof useCsvDownload>, name: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (download.start(e.currentTarget.href, name)) e.preventDefault();
  };
  const submitIndices = (e: FormEvent<HTMLFormElement>) => {
    // The Excel button posts to indices.xlsx: the browser downloads it as it is (no row count to follow).
    if ((e.nativeEvent as SubmitEvent).submitter?.getAttribute("formaction")?.endsWith(".xlsx")) return;
    const query = new URLSearchParams(new FormData(e.currentTarget) as unknown as Record<string, string>);
    if (indices.start(`${base}/indices.csv?${query}`, `${round.id}-indices.csv`)) e.preventDefault();
  };
  const importing = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  return (
    <section aria-labelledby="data-title" className="data-page">
      <h2 id="data-title">{t.title[locale]}</h2>
      <p>{t.intro[locale]}</p>
      <p>{x.filesIntro[locale]}</p>
      <p>
        <strong data-testid="submitted-count">{submitted.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB")}</strong> {t.submitted[locale]}
      </p>
      <div className="data-files">
        <section className="data-card" aria-labelledby="files-excel">
          <h3 id="files-excel">{x.forPeople[locale]}</h3>
          <ul>
          <li>
            <a href={`${base}/responses.xlsx`} download data-testid="xlsx-responses">
              {x.xlsxResponses[locale]}
            </a>
          </li>
          <li>
            <a href={`${base}/responses.xlsx?labels=1`} download>
              {x.xlsxResponsesLabels[locale]}
            </a>
          </li>
          <li>
            <a href={`${base}/codebook.xlsx`} download>
              {x.xlsxCodebook[locale]}
            </a>
          </li>
          </ul>
        </section>
        <section className="data-card" aria-labelledby="files-csv">
          <h3 id="files-csv">{x.forMachines[locale]}</h3>
          <ul>
          <li>
            <a href={`${base}/responses.csv`} download onClick={follow(responses, `${round.id}-responses.csv`)} aria-describedby="responses-progress">
              {t.responses[locale]}
            </a>
          </li>
          <li>
            <a href={`${base}/responses.csv?labels=${locale}`} download onClick={follow(responses, `${round.id}-responses-labels.csv`)} aria-describedby="responses-progress">
              {t.responsesLabels[locale]}
            </a>
          </li>
          <li>
            <a href={`${base}/codebook.csv`} download>
              {t.codebook[locale]}
            </a>
          </li>
          </ul>
        </section>
      </div>
      <DownloadProgress state={responses.state} locale={locale} id="responses-progress" />

      <h3>{t.indicesTitle[locale]}</h3>
      <Form method="get" action={`${base}/indices.csv`} reloadDocument className="stack data-form" onSubmit={submitIndices}>
        <input type="hidden" name="lang" value={locale} />
        <label htmlFor="by">{t.by[locale]}</label>
        <select id="by" name="by" defaultValue="none">
          {groupings.map((g) => (
            <option key={g.code} value={g.code}>
              {g.label[locale]}
            </option>
          ))}
        </select>
        <label htmlFor="weighted">{t.weighting[locale]}</label>
        <select id="weighted" name="weighted" defaultValue="true">
          <option value="true">{t.weighted[locale]}</option>
          <option value="false">{t.unweighted[locale]}</option>
        </select>
        <label htmlFor="multiUnit">{t.multiUnit[locale]}</label>
        <select id="multiUnit" name="multiUnit" defaultValue="pooled">
          <option value="pooled">{t.pooled[locale]}</option>
          <option value="meanOfUnits">{t.meanOfUnits[locale]}</option>
        </select>
        <label htmlFor="interval">{w.interval[locale]}</label>
        <select id="interval" name="interval" defaultValue="wald">
          <option value="wald">{w.wald[locale]}</option>
          <option value="logit">{w.logit[locale]}</option>
        </select>
        <button type="submit" className="button" disabled={indices.busy}>
          {t.downloadIndices[locale]}
        </button>
        <button type="submit" className="button" formAction={`${base}/indices.xlsx`}>
          {x.xlsxIndices[locale]}
        </button>
      </Form>
      <DownloadProgress state={indices.state} locale={locale} id="indices-progress" />

      {canImport && (
        <>
          <h3 id="import-title">{t.importTitle[locale]}</h3>
          <p>{t.importHelp[locale]}</p>
          {round.status !== "open" ? (
            <p className="notice">{t.closed[locale]}</p>
          ) : (
            <Form method="post" encType="multipart/form-data" className="stack data-form" aria-labelledby="import-title">
              <input type="hidden" name="csrf" value={csrf} />
              <label htmlFor="file">{t.file[locale]}</label>
              <input id="file" name="file" type="file" accept=".csv,text/csv" required />
              <button type="submit" className="button primary" disabled={importing}>
                {importing ? t.importing[locale] : t.importButton[locale]}
              </button>
            </Form>
          )}
          <ImportOutcome result={result} locale={locale} />
        </>
      )}
    </section>
  );
}

function ImportOutcome({ result, locale }: { result: ActionResult | undefined; locale: "vi" | "en" }) {
  if (!result) return null;
  if (result.kind === "imported") {
    return (
      <div className="notice" role="status">
        <p>
          {t.imported[locale]} <strong data-testid="imported-count">{result.imported}</strong> {t.responsesWord[locale]}.
        </p>
        {result.hiddenAnswers > 0 && (
          <p>
            {result.hiddenAnswers} {t.hidden[locale]}
          </p>
        )}
      </div>
    );
  }
  if (result.kind === "error") {
    return (
      <p className="field-error" role="alert">
        {result.message[locale]}
      </p>
    );
  }
  return (
    <div role="alert" aria-labelledby="import-problems">
      <p className="field-error" id="import-problems">
        {result.file}: {result.total} {t.problems[locale]}
        {result.total > result.problems.length ? ` (${t.shownFirst[locale]} ${result.problems.length})` : ""}
      </p>
      <ul className="error-details">
        {result.problems.map((p, i) => (
          <li key={i}>{formatImportProblem(p, locale)}</li>
        ))}
      </ul>
    </div>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
