import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RoundSettingsFields, type SettingsValues } from "../components/staff/round-settings-fields";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale } from "../components/use-locale";
import { vietnamTime } from "../domain/audit";
import type { LocalizedText } from "../domain/definition/schema";
import { catalogue, fill, localize, msg, render, type MessageLike } from "../domain/messages";
import { parseRoundSettings, ROUND_SETTINGS_FIELDS, type RoundSettingsField } from "../domain/round-settings";
import { can } from "../domain/roles";
import { closeRoundAndPurge, countContacts } from "../services/fieldwork/fieldwork.server";
import { readForm } from "../services/platform/forms.server";
import { attempt, refusalText } from "../services/platform/route-errors.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import { settingsLock, settingsOf, updateRoundSettings } from "../services/rounds/rounds.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import styles from "../styles/fieldwork.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const w = catalogue.roundSetup;
const LOCKS = { closed: "roundSetup.lockedClosed", sampled: "roundSetup.lockedSampled", codes: "roundSetup.lockedCodes" } as const;

function asValues(s: ReturnType<typeof settingsOf>): SettingsValues {
  return Object.fromEntries(ROUND_SETTINGS_FIELDS.map((f) => [f, s[f] ?? ""])) as SettingsValues;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, round } = await requireRoundAccess(request, params.roundId!, "editRound");
  const [lock, contacts] = await Promise.all([settingsLock(db, round.id), countContacts(db, round.id)]);
  const session = await getSession(request);
  return data(
    {
      csrf: csrfToken(session),
      round: { id: round.id, status: round.status, createdAt: round.created_at, definitionId: round.definition_id },
      values: asValues(settingsOf(round)),
      lock: lock ? localize(msg(LOCKS[lock], { round: round.id })) : null,
      fixedProvince: user.provinceCode,
      canClose: can(user.role, "closeRound"),
      contacts,
    },
    { headers: { "Set-Cookie": await commitSession(session) } }
  );
}

type ActionResult =
  | { intent: "save"; ok: true; changed: string[]; values: SettingsValues }
  | { intent: "save"; ok: false; fields: Partial<Record<RoundSettingsField, MessageLike>>; refusal: LocalizedText | null; values: SettingsValues }
  | { intent: "close"; ok: boolean; message: LocalizedText };

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, round } = await requireRoundAccess(request, params.roundId!, "editRound");
  const form = await readForm(request);
  verifyCsrf(await getSession(request), form);
  const text = (k: string) => (typeof form.get(k) === "string" ? (form.get(k) as string) : "");
  if (text("intent") === "close") {
    if (!can(user.role, "closeRound")) return data<ActionResult>({ intent: "close", ok: false, message: localize(msg("fieldwork.noCloseRole")) }, { status: 403 });
    if (text("confirm") !== "yes") return data<ActionResult>({ intent: "close", ok: false, message: w.closeMustConfirm }, { status: 400 });
    const done = await attempt(() => closeRoundAndPurge(db, round.id, { id: user.id, role: user.role }));
    if (!done.ok) return data<ActionResult>({ intent: "close", ok: false, message: refusalText(done.refusal) }, { status: done.refusal.status });
    const message = localize(msg("roundSetup.closedDone", { count: done.value.rowsPurged, time: vietnamTime(done.value.purgedAt) }));
    return data<ActionResult>({ intent: "close", ok: true, message });
  }
  if (text("intent") !== "save") return data<ActionResult>({ intent: "close", ok: false, message: w.unknownAction }, { status: 400 });
  const values = Object.fromEntries(ROUND_SETTINGS_FIELDS.map((f) => [f, text(f)])) as SettingsValues;
  // A province-scoped manager cannot move a round out of their province.
  if (user.provinceCode) values.provinceCode = user.provinceCode;
  const parsed = parseRoundSettings(values);
  if (!parsed.ok) return data<ActionResult>({ intent: "save", ok: false, fields: parsed.errors, refusal: null, values }, { status: 400 });
  const done = await attempt(() => updateRoundSettings(db, round.id, values, user.id));
  if (!done.ok) return data<ActionResult>({ intent: "save", ok: false, fields: {}, refusal: refusalText(done.refusal), values }, { status: done.refusal.status });
  return data<ActionResult>({ intent: "save", ok: true, changed: Object.keys(done.value), values });
}

export default function RoundSettingsPage() {
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const save = result?.intent === "save" ? result : null;
  const close = result?.intent === "close" ? result : null;
  const errors = save && !save.ok ? (Object.fromEntries(Object.entries(save.fields).map(([k, m]) => [k, render(m, locale)])) as Partial<Record<RoundSettingsField, string>>) : {};
  const open = d.round.status === "open";
  const base = `/staff/rounds/${d.round.id}`;
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{w.settingsTitle[locale]}</h2>
      <p className="fw-meta">
        {fill(w.definitionOf, { definition: d.round.definitionId }, locale)} · {fill(w.createdAt, { time: vietnamTime(d.round.createdAt) }, locale)}
      </p>
      {d.lock ? <p className="fw-warning" data-settings-locked>{d.lock[locale]}</p> : <p className="hint">{w.editableUntil[locale]}</p>}
      {save?.ok && (
        <div className="notice" role="status" data-settings-saved>
          <p>{save.changed.length ? w.saved[locale] : w.unchanged[locale]}</p>
          {save.changed.some((f) => f === "periodStart" || f === "periodEnd") && d.contacts > 0 && (
            <p>
              {w.periodFrameNote[locale]} <Link to={`${base}/sample`}>{w.toFrame[locale]}</Link>
            </p>
          )}
        </div>
      )}
      {save && !save.ok && (
        <div className="fw-alert" role="alert">
          <p className="fw-error">{save.refusal ? save.refusal[locale] : w.fixErrorsSave[locale]}</p>
        </div>
      )}
      <Form method="post" className="fw-form" key={JSON.stringify(d.values)}>
        <input type="hidden" name="csrf" value={d.csrf} />
        <input type="hidden" name="intent" value="save" />
        <RoundSettingsFields values={save && !save.ok ? save.values : d.values} errors={errors} locale={locale} fixedProvince={d.fixedProvince} disabled={!!d.lock} />
        {!d.lock && (
          <div className="fw-actions">
            <button type="submit" className="button primary">
              {w.save[locale]}
            </button>
          </div>
        )}
      </Form>

      {d.canClose && (
        <section className="fw-section" aria-labelledby="close-title">
          <h3 id="close-title">{w.close[locale]}</h3>
          {close && (
            <p className={close.ok ? "notice" : "fw-error"} role={close.ok ? "status" : "alert"} data-close-result>
              {close.message[locale]}
            </p>
          )}
          {open ? (
            <Form method="post" className="fw-form">
              <input type="hidden" name="csrf" value={d.csrf} />
              <input type="hidden" name="intent" value="close" />
              <p data-close-explain>{fill(w.closeExplain, { count: d.contacts }, locale)}</p>
              <label>
                <input type="checkbox" name="confirm" value="yes" required /> {w.closeConfirm[locale]}
              </label>
              <div className="fw-actions">
                <button type="submit" className="button">
                  {w.closeButton[locale]}
                </button>
              </div>
            </Form>
          ) : (
            !close && <p>{w.closedAlready[locale]}</p>
          )}
        </section>
      )}
    </section>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
