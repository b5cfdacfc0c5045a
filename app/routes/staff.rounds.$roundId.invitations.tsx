import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatNumber } from "../components/fieldwork/plan-table";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale, metaLocale } from "../components/use-locale";
import { formatCode } from "../domain/codes";
import type { Locale, LocalizedText } from "../domain/definition/schema";
import { attempt, refusalText } from "../services/platform/route-errors.server";
import { readForm } from "../services/platform/forms.server";
import { OUTCOMES, OUTCOME_LABELS, REPLACEABLE_OUTCOMES, SETTABLE_OUTCOMES, type Outcome } from "../domain/fieldwork/outcomes";
import { can } from "../domain/roles";
import { listFieldUnits, markAllSent, replaceFromReserve, setOutcome, type FieldUnitQuery } from "../services/fieldwork/fieldwork.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import styles from "../styles/fieldwork.css";
import { TableScroll } from "../components/table-scroll";
import { invitationsPage } from "../domain/messages/areas/invitations-page";
import { localize, msg } from "../domain/messages";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.invitations[metaLocale(matches)]}` }];

const t = invitationsPage;

const FILTERS = ["all", "replaceable", ...OUTCOMES] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, round, user } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
  const url = new URL(request.url);
  const outcomeParam = url.searchParams.get("outcome") ?? "all";
  const query: FieldUnitQuery = {
    outcome: (FILTERS as readonly string[]).includes(outcomeParam) ? (outcomeParam as FieldUnitQuery["outcome"]) : "all",
    search: url.searchParams.get("q") ?? undefined,
    page: Math.max(1, Number(url.searchParams.get("page")) || 1),
    pageSize: 50,
  };
  const sample = await db.selectFrom("samples").select("id").where("round_id", "=", round.id).executeTakeFirst();
  const list = sample ? await listFieldUnits(db, round.id, { id: user.id, role: user.role }, query) : null;
  const session = await getSession(request);
  return data(
    {
      round: { id: round.id, status: round.status },
      csrf: csrfToken(session),
      contacts: can(user.role, "viewContacts"),
      query: { outcome: query.outcome, q: query.search ?? "" },
      list,
    },
    { headers: { "Set-Cookie": await commitSession(session) } }
  );
}

type ActionResult = { ok: boolean; message: LocalizedText };

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, round, user } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
  const form = await readForm(request);
  verifyCsrf(await getSession(request), form);
  const intent = form.get("intent");
  const code = String(form.get("code") ?? "");
  const done = await attempt(async () => {
    if (intent === "mark-sent") {
      const n = await markAllSent(db, round.id, user.id);
      return data<ActionResult>({ ok: true, message: localize(msg("invitationsPage.marked", { n })) });
    }
    if (intent === "outcome") {
      await setOutcome(db, { roundId: round.id, code, outcome: String(form.get("outcome") ?? ""), actor: user.id });
      return data<ActionResult>({ ok: true, message: localize(msg("invitationsPage.saved", { code: formatCode(code) })) });
    }
    if (intent === "replace") {
      const r = await replaceFromReserve(db, { roundId: round.id, code, actor: user.id });
      const text = (l: Locale) => `${t.replaced[l]} ${formatCode(r.replacedCode)} ${t.by[l]} ${r.reserveOrder}, ${t.newCode[l]} ${formatCode(r.code)}.`;
      return data<ActionResult>({ ok: true, message: { vi: text("vi"), en: text("en") } });
    }
    return data<ActionResult>({ ok: false, message: localize(msg("staffPages.unknownAction")) }, { status: 400 });
  });
  return done.ok ? done.value : data<ActionResult>({ ok: false, message: refusalText(done.refusal) }, { status: done.refusal.status });
}

function OutcomeBadge({ outcome, locale }: { outcome: Outcome; locale: Locale }) {
  return <span className={`fw-badge ${outcome}`}>{OUTCOME_LABELS[outcome][locale]}</span>;
}

export default function InvitationsPage() {
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const base = `/staff/rounds/${d.round.id}`;
  const open = d.round.status === "open";
  const pageLink = (page: number) => {
    const p = new URLSearchParams({ outcome: d.query.outcome ?? "all", q: d.query.q, page: String(page) });
    return `?${p}`;
  };
  if (!d.list) {
    return (
      <section aria-labelledby="inv-title">
        <h2 id="inv-title">{t.title[locale]}</h2>
        <p>
          {t.noSample[locale]} <Link to={`${base}/sample`}>{t.samplePage[locale]}</Link>.
        </p>
      </section>
    );
  }
  const { list } = d;
  const busy = navigation.state === "submitting";
  return (
    <section aria-labelledby="inv-title">
      <h2 id="inv-title">{t.title[locale]}</h2>
      {result && (
        <p className={result.ok ? "notice" : "fw-error"} role={result.ok ? "status" : "alert"}>
          {result.message[locale]}
        </p>
      )}
      {!open && <p className="fw-warning">{t.closed[locale]}</p>}

      <section className="fw-section" aria-labelledby="dl-title">
        <h3 id="dl-title">{t.downloads[locale]}</h3>
        {d.contacts ? (
          <>
            <p className="fw-actions">
              <a className="button primary" href={`${base}/invitations/mail-merge`} download data-mail-merge>
                {t.mailMerge[locale]}
              </a>
              <a className="button" href={`${base}/invitations/mail-merge?only=pending`} download>
                {t.mailMergePending[locale]}
              </a>
              <Link className="button" to={`${base}/invitations/print`}>
                {t.print[locale]}
              </Link>
            </p>
            <p className="hint">{t.mailMergeHint[locale]}</p>
          </>
        ) : (
          <p className="fw-meta">{t.noContacts[locale]}</p>
        )}
        {open && (
          <Form method="post" className="fw-actions">
            <input type="hidden" name="csrf" value={d.csrf} />
            <input type="hidden" name="intent" value="mark-sent" />
            <button type="submit" className="button" disabled={busy}>
              {t.markSent[locale]}
            </button>
          </Form>
        )}
      </section>

      <section className="fw-section" aria-labelledby="list-title">
        <h3 id="list-title">
          {formatNumber(list.total, locale)} {t.count[locale]}
        </h3>
        <Form method="get" className="fw-inline" role="search">
          <label htmlFor="filter-outcome">{t.outcome[locale]}</label>
          <select id="filter-outcome" name="outcome" defaultValue={d.query.outcome}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {f === "all" ? t.all[locale] : f === "replaceable" ? t.replaceable[locale] : OUTCOME_LABELS[f][locale]}
              </option>
            ))}
          </select>
          <label>
            <span className="visually-hidden">{t.search[locale]}</span>
            <input type="search" name="q" defaultValue={d.query.q} placeholder={t.search[locale]} />
          </label>
          <button type="submit" className="button">
            {t.show[locale]}
          </button>
        </Form>
        <TableScroll>
          <table className="fw-table" data-field-units>
            <thead>
              <tr>
                <th scope="col" className="sticky">
                  {t.code[locale]}
                </th>
                {d.contacts && <th scope="col">{t.name[locale]}</th>}
                {d.contacts && <th scope="col">{t.contact[locale]}</th>}
                <th scope="col">{t.unit[locale]}</th>
                <th scope="col">{t.outcome[locale]}</th>
                {open && (
                  <th scope="col">
                    <span className="visually-hidden">{t.save[locale]}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.units.map((u) => (
                <tr key={u.code} data-code={u.code}>
                  <th scope="row" className="sticky code">
                    {formatCode(u.code)}
                    {u.replacesCode && (
                      <div className="fw-meta">
                        {t.replaces[locale]} {formatCode(u.replacesCode)}
                      </div>
                    )}
                  </th>
                  {d.contacts && <td>{u.contact?.name}</td>}
                  {d.contacts && <td>{[u.contact?.phone, u.contact?.address].filter(Boolean).join(" · ")}</td>}
                  <td>{u.unitCode}</td>
                  <td>
                    <OutcomeBadge outcome={u.outcome} locale={locale} />
                    {u.outcome === "returned" && u.entryMode && (
                      <span className="fw-meta">
                        {" "}
                        ({(u.entryMode === "paper" ? t.paperMode : t.onlineMode)[locale]})
                      </span>
                    )}
                    {u.replacedByCode && (
                      <div className="fw-meta">
                        {t.replacedBy[locale]} {formatCode(u.replacedByCode)}
                      </div>
                    )}
                  </td>
                  {open && (
                    <td>
                      {u.outcome !== "returned" && !u.replacedByCode && (
                        <div className="fw-row-form">
                          <Form method="post" className="fw-row-form">
                            <input type="hidden" name="csrf" value={d.csrf} />
                            <input type="hidden" name="intent" value="outcome" />
                            <input type="hidden" name="code" value={u.code} />
                            <label className="visually-hidden" htmlFor={`o-${u.code}`}>
                              {t.outcome[locale]} {formatCode(u.code)}
                            </label>
                            <select id={`o-${u.code}`} name="outcome" defaultValue={u.outcome}>
                              {SETTABLE_OUTCOMES.map((o) => (
                                <option key={o} value={o}>
                                  {OUTCOME_LABELS[o][locale]}
                                </option>
                              ))}
                            </select>
                            <button type="submit" className="button" disabled={busy}>
                              {t.save[locale]}
                            </button>
                          </Form>
                          {REPLACEABLE_OUTCOMES.includes(u.outcome) && (
                            <Form method="post">
                              <input type="hidden" name="csrf" value={d.csrf} />
                              <input type="hidden" name="intent" value="replace" />
                              <input type="hidden" name="code" value={u.code} />
                              <button type="submit" className="button" disabled={busy}>
                                {t.replace[locale]}
                              </button>
                            </Form>
                          )}
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {list.pages > 1 && (
          <nav className="fw-pager" aria-label={t.page[locale]}>
            {list.page > 1 && <Link to={pageLink(list.page - 1)}>{t.previous[locale]}</Link>}
            <span>
              {t.page[locale]} {list.page} {t.of[locale]} {list.pages}
            </span>
            {list.page < list.pages && <Link to={pageLink(list.page + 1)}>{t.next[locale]}</Link>}
          </nav>
        )}
      </section>
    </section>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
