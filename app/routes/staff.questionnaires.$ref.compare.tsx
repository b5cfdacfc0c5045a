import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { studioPath } from "../components/studio/words";
import { useLocale } from "../components/use-locale";
import { getDb } from "../db.server";
import { diffDefinitions } from "../domain/definition/diff";
import { diffRows, type DiffRow } from "../domain/definition/diff-table";
import { diffLines } from "../domain/definition/diff-text";
import { parseDefinition } from "../domain/definition/parse";
import type { LocalizedText } from "../domain/definition/schema";
import { fill } from "../domain/messages";
import { definitionDiff } from "../domain/messages/areas/questionnaires";
import { studioPages as w } from "../domain/messages/areas/studio-pages";
import { TableScroll } from "../components/table-scroll";
import { can } from "../domain/roles";
import { listDrafts, loadByRef, publishDraft } from "../services/definitions/drafts.server";
import { compareVersions, listDefinitions } from "../services/definitions/versions.server";
import { readForm } from "../services/platform/forms.server";
import { attempt, orRefuse, refusalText } from "../services/platform/route-errors.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import { requirePermission } from "../services/staff/guards.server";
import studioStyles from "../styles/studio.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: studioStyles }];
export const meta: MetaFunction = ({ params }) => [{ title: `SIPAS – ${params.ref ?? ""}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "viewQuestionnaires");
  const { db } = await getDb();
  const scope = { provinceCode: user.provinceCode };
  const ref = params.ref ?? "";
  const b = await orRefuse(() => loadByRef(db, ref, scope));
  const key = ref.slice(0, ref.lastIndexOf("@"));
  const version = ref.slice(ref.lastIndexOf("@") + 1);
  // Any version or draft of any questionnaire can be compared; by default the base a draft was made from, else the version before.
  const choices = [...(await listDefinitions(db)).map((v) => v.id), ...(await listDrafts(db, scope)).map((d) => `${d.key}@${d.version}`)].filter((id) => id !== ref);
  const basedOn = b.kind === "draft" ? b.draft.basedOn : (await listDefinitions(db)).find((v) => v.id === ref)?.based_on;
  const earlier = choices.filter((id) => id.startsWith(`${key}@`) && compareVersions(id.slice(key.length + 1), version) < 0).pop();
  const asked = new URL(request.url).searchParams.get("with");
  const withRef = asked && choices.includes(asked) ? asked : (basedOn ?? earlier ?? null);
  const session = await getSession(request);
  const headers = { "Set-Cookie": await commitSession(session) };
  const pb = parseDefinition(b.raw);
  const common = {
    ref,
    withRef,
    choices,
    csrf: csrfToken(session),
    draft: b.kind === "draft" ? { revision: b.draft.revision, problems: b.draft.issues.length } : null,
    canPublish: can(user.role, "publishQuestionnaires"),
  };
  if (!pb.ok) return data({ ...common, broken: { id: ref, n: pb.issues.length }, lines: null, rows: null }, { headers });
  if (!withRef) return data({ ...common, broken: null, lines: null, rows: null }, { headers });
  const a = await orRefuse(() => loadByRef(db, withRef, scope));
  const pa = parseDefinition(a.raw);
  if (!pa.ok) return data({ ...common, broken: { id: withRef, n: pa.issues.length }, lines: null, rows: null }, { headers });
  const diff = diffDefinitions(pa.definition, pb.definition);
  // The CLI's lines (one wording of a diff), shown with the changed words highlighted.
  const lines = { vi: diffLines(diff, pa.definition, pb.definition, "vi"), en: diffLines(diff, pa.definition, pb.definition, "en") };
  // The changes as a table (what, which change, before, after); the warnings and comparability stay as the lines say them.
  const rows = { vi: diffRows(diff, pa.definition, pb.definition, "vi"), en: diffRows(diff, pa.definition, pb.definition, "en") };
  return data({ ...common, broken: null, lines, rows }, { headers });
}

type ActionResult = { refused: LocalizedText };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "publishQuestionnaires");
  const form = await readForm(request);
  verifyCsrf(await getSession(request), form);
  const { db } = await getDb();
  const ref = params.ref ?? "";
  const scope = { actor: user.id, provinceCode: user.provinceCode };
  const loaded = await orRefuse(() => loadByRef(db, ref, scope));
  if (loaded.kind !== "draft") return data({ refused: w.notEditable } satisfies ActionResult, { status: 409 });
  if (form.get("confirm") !== "1") return data({ refused: w.publishNeedsConfirm } satisfies ActionResult, { status: 400 });
  const done = await attempt(() => publishDraft(db, loaded.draft.id, { revision: Number(form.get("revision")) }, scope));
  if (!done.ok) return data({ refused: refusalText(done.refusal) } satisfies ActionResult, { status: done.refusal.status });
  return redirect(studioPath(done.value.id, "?published=1"));
}

/** A line of the diff with `[-removed-]` and `{+added+}` shown as struck-through and highlighted words. */
function Marked({ line }: { line: string }) {
  const parts: React.ReactNode[] = [];
  const re = /\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g;
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    if (m.index > at) parts.push(line.slice(at, m.index));
    parts.push(m[1] !== undefined ? <del key={m.index} className="diff-del">{m[1]}</del> : <ins key={m.index} className="diff-ins">{m[2]}</ins>);
    at = m.index + m[0].length;
  }
  parts.push(line.slice(at));
  return <>{parts}</>;
}

const GROUPS = ["questionnaire", "sections", "questions", "trees"] as const;
const THING_WORDS = { questionnaire: w.colQuestionnaire, sections: w.colSection, questions: w.colQuestion, trees: w.colNode };

/** One group's changes as a table: the thing named once over its rows, then each change with before and after. */
function ChangeTable({ group, rows, a, b, locale }: { group: DiffRow["group"]; rows: DiffRow[]; a: string; b: string; locale: "vi" | "en" }) {
  const title = definitionDiff[group][locale];
  const heads = [THING_WORDS[group][locale], w.colChange[locale], fill(w.colBefore, { ref: a }, locale), fill(w.colAfter, { ref: b }, locale)];
  // On a phone each row is a block and each cell says its column (studio.css); the roles keep the table's meaning.
  const label = (n: number) => (
    <span className="diff-cell-label" aria-hidden="true">
      {heads[n]}
    </span>
  );
  return (
    <section className="diff-block">
      <h2>{title}</h2>
      <TableScroll label={title}>
        <table className="diff-table" role="table">
          <thead role="rowgroup">
            <tr role="row">
              {heads.map((h) => (
                <th key={h} scope="col" role="columnheader">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((r, i) => {
              const first = i === 0 || rows[i - 1].code !== r.code;
              let span = 1;
              while (first && i + span < rows.length && rows[i + span].code === r.code) span++;
              return (
                <tr key={i} role="row" className={first ? `${r.status} first` : r.status}>
                  {first && (
                    <th scope="rowgroup" role="rowheader" rowSpan={span}>
                      {r.code ? (
                        <>
                          <span className="diff-code">{r.code}</span> {r.label && `«${r.label}»`}
                        </>
                      ) : (
                        definitionDiff.questionnaire[locale]
                      )}
                    </th>
                  )}
                  <td role="cell" className="diff-what">
                    {r.what}
                  </td>
                  <td role="cell">
                    {label(2)}
                    <Marked line={r.before} />
                  </td>
                  <td role="cell">
                    {label(3)}
                    <Marked line={r.after} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** The lines' blocks other than the changes the tables show: warnings, comparability, "no differences". */
function DiffBlocks({ lines, skip }: { lines: string[]; skip: string[] }) {
  const blocks: string[][] = [[]];
  for (const line of lines.slice(1)) {
    if (line === "") blocks.push([]);
    else blocks[blocks.length - 1].push(line);
  }
  return (
    <>
      {blocks
        .filter((b) => b.length && !skip.includes(b[0]))
        .map((b, i) => (
          <section key={i} className="diff-block">
            <h2>{b[0]}</h2>
            <ul className="diff-lines">
              {b.slice(1).map((line, k) => {
                const depth = line.length - line.trimStart().length;
                const mark = line.trimStart()[0];
                const cls = mark === "+" ? "added" : mark === "−" ? "removed" : mark === "!" ? "warning" : "";
                return (
                  <li key={k} className={cls} style={{ marginLeft: `${Math.min(depth, 8) * 0.5}rem` }}>
                    <Marked line={line.trimStart()} />
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
    </>
  );
}

export default function Compare() {
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as ActionResult | undefined;
  const { ref, withRef, choices, draft, csrf } = loaded;
  return (
    <div className="panel wide">
      <p>
        <Link to={studioPath(ref)}>← {ref}</Link>
      </p>
      <h1>{withRef ? fill(w.compareTitle, { a: withRef, b: ref }, locale) : w.compare[locale]}</h1>
      <Form method="get" className="studio-form studio-actions">
        <label htmlFor="with">{w.compareWith[locale]}</label>
        <select id="with" name="with" defaultValue={withRef ?? ""}>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          {w.compareButton[locale]}
        </button>
      </Form>
      {loaded.broken && (
        <p className="error-summary" role="alert">
          {fill(w.compareBroken, { id: loaded.broken.id, n: loaded.broken.n }, locale)} <Link to={studioPath(loaded.broken.id)}>{loaded.broken.id}</Link>
        </p>
      )}
      {!withRef && !loaded.broken && <p>{w.compareNothing[locale]}</p>}
      {loaded.lines && (
        <div className="diff" data-testid="comparison">
          <p className="hint">{w.compareLegend[locale]}</p>
          {GROUPS.map((g) => {
            const rows = (loaded.rows?.[locale] ?? []).filter((r) => r.group === g);
            return rows.length > 0 && <ChangeTable key={g} group={g} rows={rows} a={withRef ?? ""} b={ref} locale={locale} />;
          })}
          <DiffBlocks lines={loaded.lines[locale]} skip={GROUPS.map((g) => definitionDiff[g][locale])} />
        </div>
      )}
      {draft && (
        <section aria-labelledby="publish" className="studio-section">
          <h2 id="publish">{fill(w.publishTitle, { id: ref }, locale)}</h2>
          {posted?.refused && (
            <p className="error-summary" role="alert">
              {posted.refused[locale]}
            </p>
          )}
          {!loaded.canPublish ? (
            <p>{w.publishNotAllowed[locale]}</p>
          ) : draft.problems > 0 ? (
            <p>
              {fill(w.publishBlocked, { n: draft.problems }, locale)} <Link to={studioPath(ref)}>{ref}</Link>
            </p>
          ) : (
            <Form method="post" className="studio-form">
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="revision" value={draft.revision} />
              <p className="hint">{w.publishHelp[locale]}</p>
              <label className="inline">
                <input type="checkbox" name="confirm" value="1" /> {w.publishConfirm[locale]}
              </label>
              <p>
                <button type="submit" className="button primary">
                  {w.publishButton[locale]}
                </button>
              </p>
            </Form>
          )}
        </section>
      )}
    </div>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
