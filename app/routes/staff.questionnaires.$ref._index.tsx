import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DirtyGuard } from "../components/studio/dirty-guard";
import { useLiveCheck } from "../components/studio/use-live-check";
import { ItemForm, MetaForm, NodeForm, SectionForm, ToolForm, type FieldProblems, type RuleSource } from "../components/studio/edit-forms";
import { IndexTrees, OutlineView, type OutlineExtras } from "../components/studio/outline-view";
import { StatusBadge } from "../components/studio/status-badge";
import { studioPath } from "../components/studio/words";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { DefinitionText } from "../components/definition-text";
import { useLocale } from "../components/use-locale";
import { getDb } from "../db.server";
import { vietnamTime } from "../domain/audit";
import { formatCondition } from "../domain/definition/rule-syntax";
import type { Condition, LocalizedText } from "../domain/definition/schema";
import { fill } from "../domain/messages";
import { studioPages as w } from "../domain/messages/areas/studio-pages";
import { can } from "../domain/roles";
import { conditionToRows, proposeItemCode } from "../domain/studio/edit";
import { editFromForm, readOptionMove } from "../domain/studio/form-edit";
import { outlineOf, resolvedOptions } from "../domain/studio/outline";
import { placeProblem, problemsOfItem, type PlacedProblem } from "../domain/studio/places";
import { keptCodeWarnings } from "../domain/studio/warnings";
import { createDraft, deleteDraft, loadByRef } from "../services/definitions/drafts.server";
import { editDraft } from "../services/definitions/studio.server";
import { getVersionRaw, retireVersion } from "../services/definitions/versions.server";
import { readForm } from "../services/platform/forms.server";
import { attempt, orRefuse, refusalText } from "../services/platform/route-errors.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import { listRounds } from "../services/rounds/rounds.server";
import { requirePermission } from "../services/staff/guards.server";
import studioStyles from "../styles/studio.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: studioStyles }];
export const meta: MetaFunction = ({ params }) => [{ title: `SIPAS – ${params.ref ?? ""}` }];

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x && typeof x === "object" && !Array.isArray(x) ? (x as Obj) : {});
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? x.map(obj) : []);

/** The thing being edited, from `?edit=item:A_1` (also `meta`, `section:A`, `node:N1`). */
function editTarget(value: string | null): { kind: "meta" | "section" | "item" | "node"; code: string } | null {
  if (!value) return null;
  if (value === "meta") return { kind: "meta", code: "" };
  const m = /^(section|item|node):(.*)$/.exec(value);
  return m ? { kind: m[1] as "section" | "item" | "node", code: m[2] } : null;
}

function findNode(raw: Obj, code: string): { node: Obj; isTree: boolean } | null {
  const walk = (n: Obj, isTree: boolean): { node: Obj; isTree: boolean } | null => {
    if (n.code === code) return { node: n, isTree };
    for (const c of arr(n.children)) if ("children" in c) {
      const hit = walk(c, false);
      if (hit) return hit;
    }
    return null;
  };
  for (const t of arr(raw.indices)) {
    const hit = walk(t, true);
    if (hit) return hit;
  }
  return null;
}

/** The questions before a position (a skip rule may use only those), with their options. */
function earlierItems(raw: Obj, sectionIndex: number, itemIndex: number): RuleSource[] {
  const out: RuleSource[] = [];
  arr(raw.sections).forEach((s, si) => {
    arr(s.items).forEach((i, ii) => {
      if (si < sectionIndex || (si === sectionIndex && ii < itemIndex)) {
        out.push({
          code: String(i.code ?? ""),
          label: String(obj(i.label).vi ?? ""),
          options: resolvedOptions(raw, i).map((o) => ({ code: o.code, label: o.label.vi })),
        });
      }
    });
  });
  return out;
}

function editorData(raw: Obj, target: { kind: string; code: string } | null) {
  if (!target) return null;
  const ruleOf = (c: unknown) => {
    const cond = c && typeof c === "object" ? (c as Condition) : undefined;
    let text = "";
    try {
      text = cond ? formatCondition(cond) : "";
    } catch {
      text = "";
    }
    return { rule: conditionToRows(cond), ruleText: text };
  };
  if (target.kind === "meta") return { kind: "meta" as const, raw: { title: raw.title, description: raw.description, basis: raw.basis } };
  const sections = arr(raw.sections);
  if (target.kind === "section") {
    const si = sections.findIndex((s) => s.code === target.code);
    if (si < 0) return null;
    return { kind: "section" as const, section: sections[si], sources: earlierItems(raw, si, 0), ...ruleOf(sections[si].showIf) };
  }
  if (target.kind === "item") {
    for (const [si, s] of sections.entries()) {
      const ii = arr(s.items).findIndex((i) => i.code === target.code);
      if (ii < 0) continue;
      const item = arr(s.items)[ii];
      const scales = Object.entries(obj(raw.scales)).map(([name, options]) => ({
        name,
        options: arr(options).map((o) => ({ code: String(o.code ?? ""), label: String(obj(o.label).vi ?? "") })),
      }));
      return { kind: "item" as const, item, scales, sources: earlierItems(raw, si, ii), proposed: proposeItemCode(raw, String(s.code ?? "")), ...ruleOf(item.showIf) };
    }
    return null;
  }
  const found = findNode(raw, target.code);
  if (!found) return null;
  const items = sections.flatMap((s) => arr(s.items)).map((i) => ({ code: String(i.code ?? ""), label: String(obj(i.label).vi ?? "") }));
  return { kind: "node" as const, node: found.node, isTree: found.isTree, items };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "viewQuestionnaires");
  const { db } = await getDb();
  const scope = { provinceCode: user.provinceCode };
  const ref = params.ref ?? "";
  const loaded = await orRefuse(() => loadByRef(db, ref, scope));
  const raw = loaded.raw as Obj;
  const session = await getSession(request);
  const url = new URL(request.url);
  const common = {
    ref,
    outline: outlineOf(raw),
    csrf: csrfToken(session),
    canDesign: can(user.role, "designQuestionnaires"),
    canPublish: can(user.role, "publishQuestionnaires"),
  };
  const headers = { "Set-Cookie": await commitSession(session) };
  if (loaded.kind === "version") {
    const { row } = await getVersionRaw(db, loaded.id);
    const rounds = (await listRounds(db, scope)).filter((r) => r.definitionId === loaded.id).map((r) => ({ id: r.id, name: r.name, submitted: r.submitted }));
    return data(
      {
        ...common,
        kind: "version" as const,
        version: {
          status: row.status,
          publishedBy: row.published_by,
          publishedAt: row.published_at,
          retiredBy: row.retired_by,
          retiredAt: row.retired_at,
          hash: row.content_hash,
          basedOn: row.based_on,
        },
        rounds,
      },
      { headers },
    );
  }
  const draft = loaded.draft;
  const problems: PlacedProblem[] = draft.issues.map((i) => placeProblem(raw, i));
  let warnings: { code: string; message: LocalizedText }[] = [];
  if (draft.basedOn) {
    const base = await attempt(() => getVersionRaw(db, draft.basedOn!));
    if (base.ok) warnings = keptCodeWarnings(base.value.raw, raw);
  }
  const target = common.canDesign ? editTarget(url.searchParams.get("edit")) : null;
  const editor = editorData(raw, target);
  return data(
    {
      ...common,
      kind: "draft" as const,
      draft: { id: draft.id, revision: draft.revision, basedOn: draft.basedOn, updatedBy: draft.updatedBy, updatedAt: draft.updatedAt, createdBy: draft.createdBy },
      problems,
      warnings,
      target,
      editor,
      // The whole draft goes to the browser only while a form is open: the check as you type validates all of it.
      raw: editor ? raw : null,
    },
    { headers },
  );
}

type ActionResult = { refused: LocalizedText; status: number };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "viewQuestionnaires");
  const form = await readForm(request);
  verifyCsrf(await getSession(request), form);
  const { db } = await getDb();
  const scope = { actor: user.id, provinceCode: user.provinceCode };
  const ref = params.ref ?? "";
  const here = studioPath(ref);
  const intent = String(form.get("intent") ?? "");
  const need = intent === "retire" ? "publishQuestionnaires" : "designQuestionnaires";
  if (!can(user.role, need)) await requirePermission(request, need);
  const loaded = await orRefuse(() => loadByRef(db, ref, scope));
  if (intent === "newVersion") {
    const made = await orRefuse(() => createDraft(db, { from: loaded.id }, scope));
    return redirect(studioPath(`${made.key}@${made.version}`, "?made=1"));
  }
  if (intent === "retire") {
    await orRefuse(() => retireVersion(db, loaded.id, user.id));
    return redirect(`${here}?retired=1`);
  }
  if (loaded.kind !== "draft") return data({ refused: w.notEditable, status: 409 } satisfies ActionResult, { status: 409 });
  if (intent === "deleteDraft") {
    if (form.get("sure") !== "1") return data({ refused: w.confirmDelete, status: 400 } satisfies ActionResult, { status: 400 });
    await orRefuse(() => deleteDraft(db, loaded.draft.id, scope));
    return redirect(`/staff/questionnaires?deleted=${encodeURIComponent(ref)}`);
  }
  const read = editFromForm(form);
  if (!read) return data({ refused: w.unknownRequest, status: 400 } satisfies ActionResult, { status: 400 });
  if (read.ruleProblem) return data({ refused: read.ruleProblem, status: 400 } satisfies ActionResult, { status: 400 });
  const edit = read.edit;
  const revision = Number(form.get("revision"));
  const done = await attempt(() => editDraft(db, loaded.draft.id, { revision: Number.isInteger(revision) ? revision : -1, edit }, scope));
  if (!done.ok) return data({ refused: refusalText(done.refusal), status: done.refusal.status } satisfies ActionResult, { status: done.refusal.status });
  const focus = done.value.focus;
  const saved = `saved=${done.value.draft.revision}`;
  // A form stays open after saving (its problems are shown beside its fields); an added thing opens its form.
  const keepOpen = intent.startsWith("save") || intent.startsWith("add");
  if (focus && keepOpen) {
    // A moved option: back to its row in its new place, its button focused again (see ItemForm).
    const move = readOptionMove(form.get("option_move"));
    const moved = move ? `&moved=${move.index + move.by}:${move.by}` : "";
    const anchor = move ? `o-row-${move.index + move.by}` : focus.kind === "meta" ? "details" : `${focus.kind}-${focus.code}`;
    return redirect(`${here}?${saved}&edit=${encodeURIComponent(focus.kind === "meta" ? "meta" : `${focus.kind}:${focus.code}`)}${moved}#${anchor}`);
  }
  return redirect(`${here}?${saved}${focus ? `#${focus.kind}-${focus.code}` : ""}`);
}

export default function QuestionnaireVersion() {
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const { outline, ref } = loaded;
  const { live, check } = useLiveCheck(loaded.kind === "draft" ? (loaded.raw as Obj | null) : null, loaded.kind === "draft" ? `${loaded.draft.revision}|${params.get("edit") ?? ""}` : "");
  const when = (iso: string | null | undefined) => (iso ? fill(w.at, { time: vietnamTime(iso) }, locale) : "");
  return (
    <div className="panel wide">
      <p>
        <Link to="/staff/questionnaires">← {w.back[locale]}</Link>
      </p>
      <h1>
        <DefinitionText text={outline.title.vi ? outline.title : { vi: ref }} locale={locale} /> <span className="muted">({ref})</span>
      </h1>
      {params.get("made") && (
        <p className="notice" role="status">
          {fill(w.draftMade, { id: ref }, locale)}
        </p>
      )}
      {params.get("retired") && (
        <p className="notice" role="status">
          {fill(w.retired, { id: ref }, locale)}
        </p>
      )}
      {params.get("published") && (
        <p className="notice" role="status">
          {fill(w.published, { id: ref }, locale)}
        </p>
      )}
      {loaded.kind === "version" ? VersionHead() : DraftHead()}
      <p className="studio-actions">
        <Link className="button" to={studioPath(ref, "/preview")}>
          {w.preview[locale]}
        </Link>
        <Link className="button" to={studioPath(ref, "/compare")}>
          {loaded.kind === "draft" && loaded.canPublish ? w.publishAction[locale] : w.compare[locale]}
        </Link>
        <a className="button" href={studioPath(ref, "/download?format=xlsx")} download>
          {w.downloadXlsx[locale]}
        </a>
        <a className="button" href={studioPath(ref, "/download?format=json")} download>
          {w.downloadJson[locale]}
        </a>
      </p>
      {posted?.refused && (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{w.conflictTitle[locale]}</h2>
          <p>{posted.refused[locale]}</p>
        </div>
      )}
      {loaded.kind === "draft" ? DraftBody() : ReadOnlyBody()}
    </div>
  );

  function VersionHead() {
    if (loaded.kind !== "version") return null;
    const v = loaded.version;
    return (
      <>
        <dl className="studio-facts">
          <div>
            <dt>{w.status[locale]}</dt>
            <dd>
              <StatusBadge status={v.status} locale={locale} /> {v.retiredAt && `${v.retiredBy ?? ""} ${when(v.retiredAt)}`}
            </dd>
          </div>
          <div>
            <dt>{w.publishedBy[locale]}</dt>
            <dd>
              {v.publishedBy ?? "—"} {when(v.publishedAt)}
            </dd>
          </div>
          <div>
            <dt>{w.hash[locale]}</dt>
            <dd className="hash">{v.hash}</dd>
          </div>
          {v.basedOn && (
            <div>
              <dt>{w.basedOn[locale]}</dt>
              <dd>
                <Link to={studioPath(v.basedOn)}>{v.basedOn}</Link>
              </dd>
            </div>
          )}
          <div>
            <dt>{w.roundsUsing[locale]}</dt>
            <dd data-rounds-using="">
              {loaded.rounds.length === 0
                ? w.noRoundsUsing[locale]
                : loaded.rounds.map((r, i) => (
                    <span key={r.id}>
                      {i > 0 && ", "}
                      <Link to={`/staff/rounds/${r.id}`}>{r.name}</Link> ({fill(w.responses, { n: r.submitted }, locale)})
                    </span>
                  ))}
            </dd>
          </div>
        </dl>
        {loaded.canDesign && (
          <Form method="post" className="studio-actions">
            <input type="hidden" name="csrf" value={loaded.csrf} />
            <input type="hidden" name="intent" value="newVersion" />
            <button type="submit" className="button primary">
              {w.newVersion[locale]}
            </button>
            <span className="hint">{w.newVersionHelp[locale]}</span>
          </Form>
        )}
        {loaded.canPublish && v.status === "published" && (
          <Form method="post" className="studio-actions">
            <input type="hidden" name="csrf" value={loaded.csrf} />
            <input type="hidden" name="intent" value="retire" />
            <button type="submit" className="button">
              {w.retire[locale]}
            </button>
            <span className="hint">{w.retireHelp[locale]}</span>
          </Form>
        )}
      </>
    );
  }

  function DraftHead() {
    if (loaded.kind !== "draft") return null;
    const d = loaded.draft;
    return (
      <dl className="studio-facts">
        <div>
          <dt>{w.status[locale]}</dt>
          <dd>
            <StatusBadge status="draft" locale={locale} /> {fill(w.revision, { n: d.revision }, locale)}
          </dd>
        </div>
        <div>
          <dt>{w.editedBy[locale]}</dt>
          <dd>
            {d.updatedBy} {when(d.updatedAt)}
          </dd>
        </div>
        {d.basedOn && (
          <div>
            <dt>{w.basedOn[locale]}</dt>
            <dd>
              <Link to={studioPath(d.basedOn)}>{d.basedOn}</Link>
            </dd>
          </div>
        )}
      </dl>
    );
  }

  function ReadOnlyBody() {
    return (
      <>
        {outline.basis && (
          <section aria-labelledby="basis">
            <h2 id="basis">{w.basis[locale]}</h2>
            <p className="basis-text">{outline.basis}</p>
          </section>
        )}
        <section aria-labelledby="structure">
          <h2 id="structure">{w.structure[locale]}</h2>
          <OutlineView outline={outline} locale={locale} />
        </section>
        <section aria-labelledby="trees">
          <h2 id="trees">{w.tree[locale]}</h2>
          <IndexTrees outline={outline} locale={locale} />
        </section>
      </>
    );
  }

  function DraftBody() {
    if (loaded.kind !== "draft") return null;
    const { warnings, target, editor, csrf, draft, canDesign } = loaded;
    // Once the open form is checked, its answer replaces the problems found at the last save, here and in the list.
    const problems = live?.all ?? loaded.problems;
    const base = { csrf, revision: draft.revision };
    const saved = params.get("saved");
    const close = studioPath(ref);
    const of = (kind: PlacedProblem["kind"], code: string) => (kind === "item" ? problemsOfItem(problems, code) : problems.filter((p) => p.kind === kind && p.code === code));
    const byProp = (list: PlacedProblem[]): FieldProblems => {
      const out: FieldProblems = {};
      for (const p of list) (out[p.prop] ??= []).push(p.message);
      return out;
    };
    const formBase = (list: PlacedProblem[]) => ({ ...base, locale, problems: byProp(live?.here ?? list), closeHref: close, total: problems.length, check });
    const sectionCodes = outline.sections.map((s) => s.code);
    const what = (key: "theSection" | "theItem" | "theNode", code: string) => fill(w[key], { code }, locale);
    let editing: OutlineExtras["editing"] = null;
    if (target && editor) {
      if (editor.kind === "section") editing = { kind: "section", code: target.code, form: <SectionForm base={formBase(of("section", target.code))} section={editor.section} rule={editor.rule} ruleText={editor.ruleText} sources={editor.sources} /> };
      if (editor.kind === "item")
        editing = {
          kind: "item",
          code: target.code,
          form: <ItemForm key={target.code} base={formBase(of("item", target.code))} item={editor.item} scales={editor.scales} rule={editor.rule} ruleText={editor.ruleText} sources={editor.sources} proposed={editor.proposed} moved={params.get("moved")} />,
        };
      if (editor.kind === "node") editing = { kind: "node", code: target.code, form: <NodeForm base={formBase(of("node", target.code))} node={editor.node} isTree={editor.isTree} items={editor.items} /> };
    }
    const extras: OutlineExtras = {
      problems: {
        section: (code) => of("section", code).map((p) => p.message),
        item: (code) => of("item", code).map((p) => p.message),
        node: (code) => of("node", code).map((p) => p.message),
      },
      editing,
      tools: canDesign
        ? {
            section: (s, si) => (
              <div className="studio-tools">
                <Link className="button" to={`?edit=${encodeURIComponent(`section:${s.code}`)}#section-${s.code}`} aria-label={fill(w.editThing, { what: what("theSection", s.code) }, locale)}>
                  {w.edit[locale]}
                </Link>
                {si > 0 && (
                  <ToolForm base={base} intent="moveSection" target={s.code} label={fill(w.moveUpThing, { what: what("theSection", s.code) }, locale)} extra={<input type="hidden" name="by" value="-1" />}>
                    ↑ {w.moveUp[locale]}
                  </ToolForm>
                )}
                {si < sectionCodes.length - 1 && (
                  <ToolForm base={base} intent="moveSection" target={s.code} label={fill(w.moveDownThing, { what: what("theSection", s.code) }, locale)} extra={<input type="hidden" name="by" value="1" />}>
                    ↓ {w.moveDown[locale]}
                  </ToolForm>
                )}
                <ToolForm base={base} intent="addItem" target={s.code} label={fill(w.addItemTo, { code: s.code }, locale)}>
                  + {w.addItem[locale]}
                </ToolForm>
                <ToolForm base={base} intent="removeSection" target={s.code} label={fill(w.removeThing, { what: what("theSection", s.code) }, locale)}>
                  {w.remove[locale]}
                </ToolForm>
              </div>
            ),
            item: (item, s, ii) => (
              <div className="studio-tools">
                <Link className="button" to={`?edit=${encodeURIComponent(`item:${item.code}`)}#item-${item.code}`} aria-label={fill(w.editThing, { what: what("theItem", item.code) }, locale)}>
                  {w.edit[locale]}
                </Link>
                <ToolForm base={base} intent="duplicateItem" target={item.code} label={fill(w.duplicateThing, { what: what("theItem", item.code) }, locale)}>
                  {w.duplicate[locale]}
                </ToolForm>
                {(ii > 0 || sectionCodes.indexOf(s.code) > 0) && (
                  <ToolForm base={base} intent="moveItem" target={item.code} label={fill(w.moveUpThing, { what: what("theItem", item.code) }, locale)} extra={<input type="hidden" name="by" value="-1" />}>
                    ↑ {w.moveUp[locale]}
                  </ToolForm>
                )}
                {(ii < s.items.length - 1 || sectionCodes.indexOf(s.code) < sectionCodes.length - 1) && (
                  <ToolForm base={base} intent="moveItem" target={item.code} label={fill(w.moveDownThing, { what: what("theItem", item.code) }, locale)} extra={<input type="hidden" name="by" value="1" />}>
                    ↓ {w.moveDown[locale]}
                  </ToolForm>
                )}
                {sectionCodes.length > 1 && (
                  <Form method="post" className="studio-tools">
                    <input type="hidden" name="csrf" value={csrf} />
                    <input type="hidden" name="revision" value={draft.revision} />
                    <input type="hidden" name="intent" value="moveItemTo" />
                    <input type="hidden" name="target" value={item.code} />
                    <select name="section" aria-label={fill(w.moveToThing, { what: what("theItem", item.code) }, locale)} defaultValue={s.code}>
                      {sectionCodes.map((c) => (
                        <option key={c} value={c}>
                          {fill(w.theSection, { code: c }, locale)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button">
                      {w.move[locale]}
                    </button>
                  </Form>
                )}
                <ToolForm base={base} intent="removeItem" target={item.code} label={fill(w.removeThing, { what: what("theItem", item.code) }, locale)}>
                  {w.remove[locale]}
                </ToolForm>
              </div>
            ),
            node: (n) => (
              <div className="studio-tools">
                <Link className="button" to={`?edit=${encodeURIComponent(`node:${n.code}`)}#node-${n.code}`} aria-label={fill(w.editThing, { what: what("theNode", n.code) }, locale)}>
                  {w.edit[locale]}
                </Link>
                <ToolForm base={base} intent="addNode" target={n.code} label={fill(w.addNodeTo, { code: n.code }, locale)}>
                  + {w.addNode[locale]}
                </ToolForm>
                <ToolForm base={base} intent="removeNode" target={n.code} label={fill(w.removeThing, { what: what("theNode", n.code) }, locale)}>
                  {w.remove[locale]}
                </ToolForm>
              </div>
            ),
          }
        : undefined,
    };
    const metaProblems = problems.filter((p) => p.kind === "meta");
    return (
      <>
        <DirtyGuard message={w.unsaved[locale]} />
        {saved && (
          <p className="notice" role="status">
            {fill(w.saved, { n: Number(saved) }, locale)}
          </p>
        )}
        {problems.length > 0 ? (
          <details className="studio-warnings" open={problems.length <= 8}>
            <summary>{fill(w.problemsTitle, { n: problems.length }, locale)}</summary>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>
                  <a href={p.kind === "meta" ? "#details" : `#${p.kind}-${p.code}`}>{p.where[locale]}</a>: {p.message[locale]}
                </li>
              ))}
            </ul>
          </details>
        ) : (
          <p className="notice">{w.readyToPublish[locale]}</p>
        )}
        {warnings.length > 0 && (
          <div className="studio-warnings" role="note">
            <p>{fill(w.warnings, { base: draft.basedOn ?? "" }, locale)}</p>
            <ul>
              {warnings.map((x, i) => (
                <li key={i}>{x.message[locale]}</li>
              ))}
            </ul>
          </div>
        )}
        <section aria-labelledby="details-title" id="details">
          <h2 id="details-title">{w.details[locale]}</h2>
          {target?.kind === "meta" && editor?.kind === "meta" ? (
            <MetaForm base={formBase(metaProblems)} raw={editor.raw as Record<string, unknown>} />
          ) : (
            <>
              <dl className="studio-facts">
                <div>
                  <dt>{w.titleVi[locale]}</dt>
                  <dd>{outline.title.vi || "—"}</dd>
                </div>
                <div>
                  <dt>{w.basis[locale]}</dt>
                  <dd className="basis-text">{outline.basis || "—"}</dd>
                </div>
              </dl>
              {metaProblems.length > 0 && (
                <ul className="studio-problems">
                  {metaProblems.map((p, i) => (
                    <li key={i}>
                      {p.where[locale]}: {p.message[locale]}
                    </li>
                  ))}
                </ul>
              )}
              {canDesign && (
                <p className="studio-tools">
                  <Link className="button" to="?edit=meta#details">
                    {fill(w.editThing, { what: w.details[locale].toLocaleLowerCase(locale) }, locale)}
                  </Link>
                </p>
              )}
            </>
          )}
        </section>
        <section aria-labelledby="structure">
          <h2 id="structure">{w.structure[locale]}</h2>
          <OutlineView outline={outline} locale={locale} extras={extras} />
          {canDesign && (
            <div className="studio-tools">
              <ToolForm base={base} intent="addSection" label={w.addSection[locale]}>
                + {w.addSection[locale]}
              </ToolForm>
            </div>
          )}
        </section>
        <section aria-labelledby="trees">
          <h2 id="trees">{w.tree[locale]}</h2>
          <IndexTrees outline={outline} locale={locale} extras={extras} />
          {canDesign && (
            <div className="studio-tools">
              <ToolForm base={base} intent="addTree" label={w.addTree[locale]}>
                + {w.addTree[locale]}
              </ToolForm>
            </div>
          )}
        </section>
        {canDesign && (
          <section aria-labelledby="delete">
            <h2 id="delete">{w.deleteDraft[locale]}</h2>
            <Form method="post" className="studio-form">
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="intent" value="deleteDraft" />
              <label className="inline">
                <input type="checkbox" name="sure" value="1" required /> {w.confirmDelete[locale]}
              </label>
              <button type="submit" className="button">
                {w.deleteDraft[locale]}
              </button>
            </Form>
          </section>
        )}
      </>
    );
  }
}

export const ErrorBoundary = StaffErrorBoundary;
