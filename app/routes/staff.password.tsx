import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { StaffBar } from "../components/staff/staff-bar";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale, metaLocale } from "../components/use-locale";
import { fill, localize, msg } from "../domain/messages";
import { accounts, staff } from "../domain/messages/areas/staff";
import { MIN_PASSWORD_LENGTH } from "../domain/password-policy";
import { getDb } from "../db.server";
import { readForm } from "../services/platform/forms.server";
import { attempt, refusalText } from "../services/platform/route-errors.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import { changeOwnPassword } from "../services/staff/accounts.server";
import { SESSION_TOKEN, requireSignedIn } from "../services/staff/guards.server";
import { startSession } from "../services/staff/sessions.server";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.password[metaLocale(matches)]}` }];

/** Every user's own password; the page a one-time password leads to (requireStaff sends them here until it is changed). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSignedIn(request);
  const session = await getSession(request);
  const csrf = csrfToken(session);
  const saved = new URL(request.url).searchParams.get("saved") === "1";
  return data({ user, csrf, saved }, { headers: { "Set-Cookie": await commitSession(session) } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireSignedIn(request);
  const form = await readForm(request);
  const session = await getSession(request);
  verifyCsrf(session, form);
  const current = String(form.get("current") ?? "");
  const next = String(form.get("next") ?? "");
  if (next !== String(form.get("repeat") ?? "")) {
    return data({ error: localize(msg("accounts.passwordsDiffer")), details: [] }, { status: 400 });
  }
  const { db } = await getDb();
  const changed = await attempt(() => changeOwnPassword(db, user.id, current, next));
  if (!changed.ok) {
    const r = changed.refusal;
    return data({ error: refusalText(r), details: r.detailsLocalized ?? r.details.map((d) => ({ vi: d, en: d })) }, { status: r.status });
  }
  // Every session of the user ended with the change (a stolen cookie stops working); this browser gets a fresh one.
  session.set(SESSION_TOKEN, await startSession(db, user.id));
  session.unset("csrf");
  const to = user.mustChangePassword ? "/staff" : "/staff/password?saved=1";
  return redirect(to, { headers: { "Set-Cookie": await commitSession(session) } });
}

export default function PasswordPage() {
  const locale = useLocale();
  const { user, csrf, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="panel narrow">
      {!user.mustChangePassword && <StaffBar user={user} csrf={csrf} locale={locale} />}
      <h1>{accounts.passwordTitle[locale]}</h1>
      {user.mustChangePassword && <p className="notice">{accounts.mustChangeNow[locale]}</p>}
      {saved && (
        <p className="notice" role="status">
          {accounts.passwordSaved[locale]} <Link to="/staff">{staff.rounds[locale]}</Link>
        </p>
      )}
      <Form method="post" className="stack">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="text" name="username" value={user.username} autoComplete="username" readOnly hidden />
        {result?.error && (
          <div className="field-error" role="alert">
            {result.error[locale]}
            {result.details.length > 0 && (
              <ul>
                {result.details.map((d, i) => (
                  <li key={i}>{d[locale]}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <label htmlFor="current">{accounts.currentPassword[locale]}</label>
        <input id="current" name="current" type="password" autoComplete="current-password" required />
        <label htmlFor="next">{accounts.newPassword[locale]}</label>
        <p className="hint" id="next-hint">
          {fill(accounts.passwordRules, { min: MIN_PASSWORD_LENGTH }, locale)}
        </p>
        <input id="next" name="next" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} aria-describedby="next-hint" required />
        <label htmlFor="repeat">{accounts.repeatPassword[locale]}</label>
        <input id="repeat" name="repeat" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
        <button type="submit" className="button primary">
          {accounts.savePassword[locale]}
        </button>
      </Form>
      {user.mustChangePassword && (
        <Form method="post" action="/staff/logout">
          <input type="hidden" name="csrf" value={csrf} />
          <button type="submit" className="button link">
            {staff.signOut[locale]}
          </button>
        </Form>
      )}
    </div>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
