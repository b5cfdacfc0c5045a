import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { formatNumber } from "../components/fieldwork/plan-table";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale, metaLocale } from "../components/use-locale";
import type { Locale, LocalizedText } from "../domain/definition/schema";
import { attempt, refusalText } from "../services/platform/route-errors.server";
import { readForm } from "../services/platform/forms.server";
import { can } from "../domain/roles";
import { DASHBOARD_COLUMNS, type DashboardRow } from "../domain/fieldwork/dashboard";
import {
  applyAdjustment,
  closeRoundAndPurge,
  fieldworkDashboard,
  listContactPurges,
  previewAdjustment,
  type AdjustmentView,
} from "../services/fieldwork/fieldwork.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import styles from "../styles/fieldwork.css";
import { TableScroll } from "../components/table-scroll";
import { catalogue, fill, localize, msg } from "../domain/messages";
import { formatTimestamp } from "../domain/results/format";
import { fieldworkPage } from "../domain/messages/areas/fieldwork-page";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.fieldwork[metaLocale(matches)]}` }];

const REFRESH_SECONDS = 15;

const t = fieldworkPage;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, round, user } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
  const dashboard = await fieldworkDashboard(db, round.id);
  let adjustment: AdjustmentView | null = null;
  if (dashboard.sample) adjustment = await previewAdjustment(db, round.id);
  const purges = await listContactPurges(db, round.id);
  const session = await getSession(request);
  return data(
    {
      round: { id: round.id, status: round.status },
      csrf: csrfToken(session),
      canClose: can(user.role, "closeRound"),
      dashboard,
      adjustment,
      purges,
    },
    { headers: { "Set-Cookie": await commitSession(session) } }
  );
}

type ActionResult = { ok: boolean; message: LocalizedText };

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, round, user } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
  const form = await readForm(request);
  verifyCsrf(await getSession(request), form);
  const done = await attempt(async () => {
    if (form.get("intent") === "adjust") {
      await applyAdjustment(db, round.id, user.id);
      return data<ActionResult>({ ok: true, message: t.appliedNow });
    }
    if (form.get("intent") === "close") {
      if (form.get("confirm") !== "yes") return data<ActionResult>({ ok: false, message: t.mustConfirm }, { status: 400 });
      const purge = await closeRoundAndPurge(db, round.id, { id: user.id, role: user.role });
      const text = (l: Locale) => `${t.purged[l]} ${purge.rowsPurged} ${t.purgedRows[l]} ${formatTimestamp(purge.purgedAt, l)}.`;
      return data<ActionResult>({ ok: true, message: { vi: text("vi"), en: text("en") } });
    }
    return data<ActionResult>({ ok: false, message: localize(msg("staffPages.unknownAction")) }, { status: 400 });
  });
  return done.ok ? done.value : data<ActionResult>({ ok: false, message: refusalText(done.refusal) }, { status: done.refusal.status });
}

const percent = (x: number | null, locale: Locale) => (x === null ? "—" : `${formatNumber(x * 100, locale, 1)}%`);

/** Times on the staff's clock, with the zone said. */
const time = (iso: string, locale: Locale) => formatTimestamp(iso, locale);

function Cell({ row, k, locale }: { row: DashboardRow; k: keyof DashboardRow; locale: Locale }) {
  if (k === "responseRate") {
    return (
      <td className="num">
        <span className="fw-rate">
          {percent(row.responseRate, locale)}
          <span className="fw-bar" aria-hidden="true">
            <span style={{ display: "block", height: "100%", background: "var(--ok)", width: `${Math.round((row.responseRate ?? 0) * 100)}%` }} />
          </span>
        </span>
      </td>
    );
  }
  const v = row[k];
  return <td className="num">{typeof v === "number" ? formatNumber(v, locale) : "—"}</td>;
}

export default function FieldworkPage() {
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const { dashboard: db, adjustment } = d;
  const base = `/staff/rounds/${d.round.id}`;
  const open = d.round.status === "open";

  // Live: the figures are read again every few seconds while the page is visible.
  useEffect(() => {
    const id = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle" && navigation.state === "idle") revalidator.revalidate();
    }, REFRESH_SECONDS * 1000);
    return () => clearInterval(id);
  }, [revalidator, navigation.state]);

  const tot = db.total;
  const columns = DASHBOARD_COLUMNS.filter((c) => c.key !== "label");
  return (
    <section aria-labelledby="fw-title">
      <h2 id="fw-title">{t.title[locale]}</h2>
      {result && (
        <p className={result.ok ? "notice" : "fw-error"} role={result.ok ? "status" : "alert"}>
          {result.message[locale]}
        </p>
      )}
      {!open && <p className="fw-warning">{t.closedNote[locale]}</p>}
      <p className="fw-meta" data-updated>
        {t.updated[locale]} {time(db.generatedAt, locale)} ({fill(t.auto, { seconds: REFRESH_SECONDS }, locale)}) · <Link to=".">{t.refresh[locale]}</Link>
      </p>
      {!db.sample ? (
        <p>{t.noSample[locale]}</p>
      ) : (
        <>
          <dl className="fw-kpis" data-kpis>
            <div>
              <dt>{t.sampled[locale]}</dt>
              <dd>{formatNumber(tot.sampled, locale)}</dd>
            </div>
            <div>
              <dt>{t.sent[locale]}</dt>
              <dd>{formatNumber(tot.sent, locale)}</dd>
            </div>
            <div>
              <dt>{t.returned[locale]}</dt>
              <dd data-returned={tot.returned}>
                {formatNumber(tot.returned, locale)}{" "}
                <small>
                  ({tot.returnedOnline} {t.online[locale]}, {tot.returnedPaper} {t.paper[locale]})
                </small>
              </dd>
            </div>
            <div>
              <dt>{t.rate[locale]}</dt>
              <dd>{percent(tot.responseRate, locale)}</dd>
            </div>
            <div>
              <dt>{t.replacements[locale]}</dt>
              <dd>{formatNumber(tot.replacements, locale)}</dd>
            </div>
            <div>
              <dt>{t.keyed[locale]}</dt>
              <dd>
                {formatNumber(tot.keyed, locale)} / {formatNumber(tot.verified, locale)}
              </dd>
            </div>
          </dl>

          <div className="fw-actions">
            <a className="button" href={`${base}/fieldwork/export`} download>
              {t.export[locale]}
            </a>
            <a className="button" href={`${base}/fieldwork/export.xlsx`} download>
              {catalogue.columns.xlsxFieldwork[locale]}
            </a>
          </div>
          <h3>{t.perStratum[locale]}</h3>
          {/* On a phone: one card per stratum, the rate first; the full table from 720 px. */}
          <ul className="fw-cards" aria-label={t.perStratum[locale]}>
            {[...db.rows, tot].map((r) => (
              <li key={r.stratum || "total"} className={r.stratum ? undefined : "total"}>
                <p className="fw-card-title">{r.stratum ? r.label : t.total[locale]}</p>
                <p className="fw-card-rate">
                  <strong>{percent(r.responseRate, locale)}</strong> {t.returned[locale].toLowerCase()}: {formatNumber(r.returned, locale)} /{" "}
                  {formatNumber(r.sampled + r.replacements, locale)}
                </p>
                <span className="fw-bar" aria-hidden="true">
                  <span style={{ display: "block", height: "100%", background: "var(--ok)", width: `${Math.round((r.responseRate ?? 0) * 100)}%` }} />
                </span>
                <dl>
                  {columns
                    .filter((c) => !["responseRate", "returned"].includes(c.key))
                    .map((c) => (
                      <div key={c.key}>
                        <dt>{c.label[locale]}</dt>
                        <dd>{typeof r[c.key] === "number" ? formatNumber(r[c.key] as number, locale) : "—"}</dd>
                      </div>
                    ))}
                </dl>
              </li>
            ))}
          </ul>
          <TableScroll className="fw-wide-only">
            <table className="fw-table" data-dashboard>
              <thead>
                <tr>
                  <th scope="col" className="sticky">
                    {t.stratum[locale]}
                  </th>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className="num">
                      {c.label[locale]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {db.rows.map((r) => (
                  <tr key={r.stratum}>
                    <th scope="row" className="sticky">
                      {r.label}
                    </th>
                    {columns.map((c) => (
                      <Cell key={c.key} row={r} k={c.key} locale={locale} />
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className="sticky">
                    {t.total[locale]}
                  </th>
                  {columns.map((c) => (
                    <Cell key={c.key} row={tot} k={c.key} locale={locale} />
                  ))}
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </>
      )}

      {adjustment && (
        <section className="fw-section" aria-labelledby="adj-title" data-adjustment>
          <h3 id="adj-title">{t.adjustment[locale]}</h3>
          <p className="hint">{t.adjustmentHint[locale]}</p>
          {adjustment.applied && (
            <p className={adjustment.applied.stale ? "fw-warning" : "fw-purge"}>
              {t.applied[locale]} {time(adjustment.applied.at, locale)} {t.by[locale]} {adjustment.applied.by}.
              {adjustment.applied.stale ? ` ${t.stale[locale]}` : ""}
            </p>
          )}
          {adjustment.unrepresentedStrata.length > 0 && (
            <p className="fw-warning">
              {t.unrepresented[locale]} {adjustment.unrepresentedStrata.join("; ")}
            </p>
          )}
          <TableScroll>
            <table className="fw-table">
              <thead>
                <tr>
                  <th scope="col" className="sticky">
                    {t.stratum[locale]}
                  </th>
                  <th scope="col" className="num">
                    {t.invited[locale]}
                  </th>
                  <th scope="col" className="num">
                    {t.respondents[locale]}
                  </th>
                  <th scope="col" className="num">
                    {catalogue.explain.rateBySlot[locale]}
                  </th>
                  <th scope="col" className="num">
                    {t.factor[locale]}
                  </th>
                  <th scope="col" className="num">
                    {t.designWeight[locale]}
                  </th>
                  <th scope="col" className="num">
                    {t.adjustedWeight[locale]}
                  </th>
                </tr>
              </thead>
              <tbody>
                {adjustment.strata.map((s) => (
                  <tr key={s.stratum}>
                    <th scope="row" className="sticky">
                      {s.label}
                    </th>
                    <td className="num">{s.eligible}</td>
                    <td className="num">{s.respondents}</td>
                    <td className="num">{percent(s.responseRate, locale)}</td>
                    <td className="num">{s.factor === null ? "—" : formatNumber(s.factor, locale, 3)}</td>
                    <td className="num">{s.designWeight === null ? "—" : formatNumber(s.designWeight, locale, 2)}</td>
                    <td className="num">{s.adjustedWeight === null ? "—" : formatNumber(s.adjustedWeight, locale, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="hint" data-two-rates>
            {catalogue.explain.twoRates[locale]}
          </p>
          {open && (
            <Form method="post" className="fw-actions">
              <input type="hidden" name="csrf" value={d.csrf} />
              <input type="hidden" name="intent" value="adjust" />
              <button type="submit" className="button primary" disabled={adjustment.respondents === 0 || navigation.state !== "idle"}>
                {t.apply[locale]}
              </button>
            </Form>
          )}
        </section>
      )}

      {(d.canClose || d.purges.length > 0) && (
        <section className="fw-section" aria-labelledby="close-title">
          <h3 id="close-title">{t.close[locale]}</h3>
          {d.purges.map((p) => (
            <p key={p.id} className="fw-purge" data-purge>
              {t.purged[locale]} {formatNumber(p.rowsPurged, locale)} {t.purgedRows[locale]} {time(p.purgedAt, locale)} {t.by[locale]} {p.purgedBy}.
            </p>
          ))}
          {open && d.canClose && (
            <Form method="post" className="fw-form fw-danger">
              <p>{t.closeHint[locale]}</p>
              <input type="hidden" name="csrf" value={d.csrf} />
              <input type="hidden" name="intent" value="close" />
              <label>
                <input type="checkbox" name="confirm" value="yes" required /> {t.confirm[locale]}
              </label>
              <div className="fw-actions">
                <button type="submit" className="button danger primary">
                  {t.closeButton[locale]}
                </button>
              </div>
            </Form>
          )}
        </section>
      )}
    </section>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
