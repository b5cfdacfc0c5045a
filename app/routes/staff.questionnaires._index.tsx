import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "../components/studio/status-badge";
import { studioPath } from "../components/studio/words";
import { TableScroll } from "../components/table-scroll";
import { useLocale, metaLocale } from "../components/use-locale";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { getDb } from "../db.server";
import { vietnamTime } from "../domain/audit";
import type { LocalizedText } from "../domain/definition/schema";
import { fill } from "../domain/messages";
import { staff as staffUi } from "../domain/messages/areas/staff";
import { studioPages as w } from "../domain/messages/areas/studio-pages";
import { can } from "../domain/roles";
import { blankDefinition, createDraft, listDrafts, nextVersion } from "../services/definitions/drafts.server";
import { definitionId, listDefinitions } from "../services/definitions/versions.server";
import { receiveWorkbook } from "../services/definitions/workbook-upload.server";
import { readForm } from "../services/platform/forms.server";
import { attempt, refusalText } from "../services/platform/route-errors.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import { listRounds } from "../services/rounds/rounds.server";
import { requirePermission } from "../services/staff/guards.server";
import studioStyles from "../styles/studio.css";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: studioStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.questionnaires[metaLocale(matches)]}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "viewQuestionnaires");
  const { db } = await getDb();
  const scope = { provinceCode: user.provinceCode };
  const [versions, drafts, rounds] = await Promise.all([listDefinitions(db), listDrafts(db, scope), listRounds(db, scope)]);
  const keys = [...new Set([...versions.map((v) => v.key), ...drafts.map((d) => d.key)])].sort();
  const questionnaires = keys.map((key) => {
    const mine = versions.filter((v) => v.key === key);
    const latest = mine[mine.length - 1];
    return {
      key,
      title: latest ? { vi: latest.title_vi, en: latest.title_en } : drafts.find((d) => d.key === key)!.title,
      versions: mine.map((v) => ({
        id: v.id,
        version: v.version,
        status: v.status,
        publishedBy: v.published_by,
        publishedAt: v.published_at,
        retiredBy: v.retired_by,
        retiredAt: v.retired_at,
        hash: v.content_hash,
        basedOn: v.based_on,
        rounds: rounds.filter((r) => r.definitionId === v.id).map((r) => ({ id: r.id, name: r.name, submitted: r.submitted })),
      })),
      drafts: drafts.filter((d) => d.key === key),
    };
  });
  const session = await getSession(request);
  return data(
    { questionnaires, canDesign: can(user.role, "designQuestionnaires"), csrf: csrfToken(session) },
    { headers: { "Set-Cookie": await commitSession(session) } },
  );
}

type ActionResult = { problems: { where: LocalizedText | null; message: LocalizedText }[]; message?: LocalizedText; intent: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "designQuestionnaires");
  const { db } = await getDb();
  const scope = { actor: user.id, provinceCode: user.provinceCode };
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await receiveWorkbook(request);
    if (!upload.ok) return data({ intent: "upload", problems: upload.problems, message: upload.message } satisfies ActionResult, { status: 400 });
    const key = String(upload.raw.key ?? "");
    const asked = String(upload.raw.version ?? "");
    const published = await listDefinitions(db);
    // A workbook downloaded from a version and edited comes back as the next version of it, based on it.
    const from = published.find((v) => v.id === definitionId(key, asked));
    const taken = from || (await listDrafts(db, scope)).some((d) => d.key === key && d.version === asked);
    const made = await attempt(async () =>
      createDraft(db, { raw: upload.raw, key, version: taken || !asked ? await nextVersion(db, key) : asked, basedOn: from?.id ?? null }, scope),
    );
    if (!made.ok) return data({ intent: "upload", problems: [], message: refusalText(made.refusal) } satisfies ActionResult, { status: made.refusal.status });
    return redirect(studioPath(definitionId(made.value.key, made.value.version), `?made=1`));
  }
  const form = await readForm(request);
  verifyCsrf(await getSession(request), form);
  const key = String(form.get("key") ?? "").trim();
  const title = String(form.get("title") ?? "").trim().normalize("NFC");
  const made = await attempt(async () => {
    const version = isKey(key) ? await nextVersion(db, key) : "1";
    const raw = { ...blankDefinition(key, version), title: { vi: title } };
    return createDraft(db, { raw, key, version }, scope);
  });
  if (!made.ok) return data({ intent: "new", problems: [], message: refusalText(made.refusal) } satisfies ActionResult, { status: made.refusal.status });
  return redirect(studioPath(definitionId(made.value.key, made.value.version), `?made=1`));
}

const isKey = (key: string) => /^[a-z0-9][a-z0-9-]*$/.test(key);

export default function Questionnaires() {
  const locale = useLocale();
  const { questionnaires, canDesign, csrf } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as ActionResult | undefined;
  const when = (iso: string | null) => (iso ? fill(w.at, { time: vietnamTime(iso) }, locale) : "");
  return (
    <div className="panel wide">
      <p>
        <Link to="/staff">← {staffUi.rounds[locale]}</Link>
      </p>
      <h1>{w.title[locale]}</h1>
      <p>{w.intro[locale]}</p>
      {!canDesign && <p className="notice">{w.readOnlyNote[locale]}</p>}
      {questionnaires.length === 0 && <p>{w.noQuestionnaires[locale]}</p>}
      {questionnaires.map((q) => (
        <section key={q.key} aria-labelledby={`q-${q.key}`}>
          <h2 id={`q-${q.key}`}>
            {locale === "en" ? (q.title.en ?? q.title.vi) : q.title.vi} <span className="muted">({q.key})</span>
          </h2>
          <TableScroll>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{w.version[locale]}</th>
                  <th scope="col">{w.status[locale]}</th>
                  <th scope="col">{w.publishedBy[locale]}</th>
                  <th scope="col">{w.hash[locale]}</th>
                  <th scope="col">{w.roundsUsing[locale]}</th>
                </tr>
              </thead>
              <tbody>
                {q.versions.map((v) => (
                  <tr key={v.id} data-version={v.id}>
                    <th scope="row">
                      <Link to={studioPath(v.id)}>{v.id}</Link>
                      {v.basedOn && (
                        <div className="muted">
                          {w.basedOn[locale]} {v.basedOn}
                        </div>
                      )}
                    </th>
                    <td>
                      <StatusBadge status={v.status} locale={locale} />
                      {v.retiredAt && (
                        <div className="muted">
                          {v.retiredBy} {when(v.retiredAt)}
                        </div>
                      )}
                    </td>
                    <td>
                      {v.publishedBy ?? "—"} <div className="muted">{when(v.publishedAt)}</div>
                    </td>
                    <td>
                      <span className="hash" title={v.hash}>
                        {v.hash.slice(0, 12)}
                      </span>
                    </td>
                    <td>
                      {v.rounds.length === 0 ? (
                        <span className="muted">{w.noRoundsUsing[locale]}</span>
                      ) : (
                        <ul className="plain-list">
                          {v.rounds.map((r) => (
                            <li key={r.id}>
                              <Link to={`/staff/rounds/${r.id}`}>{r.name}</Link> <span className="muted">({fill(w.responses, { n: r.submitted }, locale)})</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
                {q.drafts.map((d) => (
                  <tr key={d.id} data-version={`${d.key}@${d.version}`}>
                    <th scope="row">
                      <Link to={studioPath(`${d.key}@${d.version}`)}>{`${d.key}@${d.version}`}</Link>
                      {d.basedOn && (
                        <div className="muted">
                          {w.basedOn[locale]} {d.basedOn}
                        </div>
                      )}
                    </th>
                    <td>
                      <StatusBadge status="draft" locale={locale} />
                      <div className={d.problems ? "upload-problems" : "muted"}>{d.problems ? fill(w.problems, { n: d.problems }, locale) : w.noProblems[locale]}</div>
                    </td>
                    <td>
                      <span className="muted">
                        {w.editedBy[locale]} {d.updatedBy} {when(d.updatedAt)}
                      </span>
                    </td>
                    <td>—</td>
                    <td>—</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
      {canDesign && (
        <>
          <section aria-labelledby="new-q">
            <h2 id="new-q">{w.newQuestionnaire[locale]}</h2>
            <Form method="post" className="studio-form">
              <input type="hidden" name="csrf" value={csrf} />
              <label htmlFor="new-key">{w.key[locale]}</label>
              <p className="hint" id="new-key-hint">
                {w.newQuestionnaireHelp[locale]}
              </p>
              <input id="new-key" name="key" required pattern="[a-z0-9][a-z0-9\-]*" aria-describedby="new-key-hint" autoComplete="off" />
              <label htmlFor="new-title">{w.titleVi[locale]}</label>
              <input id="new-title" name="title" autoComplete="off" />
              {posted?.intent === "new" && posted.message && (
                <p className="field-problem" role="alert">
                  {posted.message[locale]}
                </p>
              )}
              <p>
                <button type="submit" className="button primary">
                  {w.create[locale]}
                </button>
              </p>
            </Form>
          </section>
          <section aria-labelledby="upload-q">
            <h2 id="upload-q">{w.upload[locale]}</h2>
            <p className="hint">{w.uploadHelp[locale]}</p>
            <Form method="post" encType="multipart/form-data" className="studio-form">
              <input type="hidden" name="csrf" value={csrf} />
              <label htmlFor="upload-file">{w.uploadFile[locale]}</label>
              <input id="upload-file" type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
              {posted?.intent === "upload" && (
                <div role="alert" className="upload-problems">
                  {posted.message && <p>{posted.message[locale]}</p>}
                  {posted.problems.length > 0 && (
                    <>
                      <p>{fill(w.uploadProblems, { n: posted.problems.length }, locale)}</p>
                      <ul>
                        {posted.problems.slice(0, 200).map((p, i) => (
                          <li key={i}>
                            {p.where ? `${p.where[locale]}: ` : ""}
                            {p.message[locale]}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              )}
              <p>
                <button type="submit" className="button">
                  {w.uploadButton[locale]}
                </button>
              </p>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
