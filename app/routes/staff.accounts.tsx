import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { roleName, StaffBar } from "../components/staff/staff-bar";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { TableScroll } from "../components/table-scroll";
import { useLocale, metaLocale } from "../components/use-locale";
import { vietnamTime } from "../domain/audit";
import type { Locale, LocalizedText } from "../domain/definition/schema";
import { fill, localize, msg } from "../domain/messages";
import { accounts, staff } from "../domain/messages/areas/staff";
import type { StaffRole } from "../domain/roles";
import { getDb } from "../db.server";
import { readForm } from "../services/platform/forms.server";
import { attempt, refusalText } from "../services/platform/route-errors.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import {
  STAFF_ROLES,
  createStaffUser,
  deactivateStaffUser,
  getStaffAccount,
  listStaffAccounts,
  reactivateStaffUser,
  resetStaffPassword,
  updateStaffUser,
} from "../services/staff/accounts.server";
import { requirePermission } from "../services/staff/guards.server";
import { liveSessionCounts } from "../services/staff/sessions.server";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.accounts[metaLocale(matches)]}` }];

/**
 * Admins: the accounts, a form to create one, (from `?confirm=reset|deactivate&user=<id>`) a confirmation step, and
 * (from `?edit=<id>`) a form to change an account's name, role and province scope.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manageAccounts");
  const { db } = await getDb();
  const [list, sessions] = await Promise.all([listStaffAccounts(db), liveSessionCounts(db)]);
  const url = new URL(request.url);
  const kind = url.searchParams.get("confirm");
  const target = list.find((a) => a.id === url.searchParams.get("user"));
  const confirm = target && (kind === "reset" || kind === "deactivate") ? { kind, id: target.id, username: target.username } : null;
  const editing = list.find((a) => a.id === url.searchParams.get("edit"));
  const edit = editing ? { id: editing.id, username: editing.username, displayName: editing.displayName, role: editing.role, provinceCode: editing.provinceCode } : null;
  const session = await getSession(request);
  const csrf = csrfToken(session);
  return data(
    {
      user,
      csrf,
      confirm,
      edit,
      roles: STAFF_ROLES,
      accounts: list.map((a) => ({ ...a, sessions: sessions.get(a.id) ?? 0 })),
    },
    { headers: { "Set-Cookie": await commitSession(session) } },
  );
}

type ActionResult =
  | { ok: true; message: LocalizedText; secret?: { username: string; password: string } }
  | { ok: false; message: LocalizedText; details: LocalizedText[]; values?: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manageAccounts");
  const form = await readForm(request);
  verifyCsrf(await getSession(request), form);
  const { db } = await getDb();
  const field = (name: string) => String(form.get(name) ?? "");
  const intent = field("intent");
  const done = await attempt(async (): Promise<ActionResult> => {
    if (intent === "create") {
      const created = await createStaffUser(db, {
        username: field("username"),
        displayName: field("displayName"),
        role: field("role") as StaffRole,
        provinceCode: field("province") || null,
        actor: admin.id,
      });
      return { ok: true, message: localize(msg("accounts.created", { username: created.username })), secret: { username: created.username, password: created.temporaryPassword! } };
    }
    if (intent === "update") {
      const before = await getStaffAccount(db, field("id"));
      const after = await updateStaffUser(
        db,
        before.id,
        { displayName: field("displayName"), role: field("role") as StaffRole, provinceCode: field("province") || null },
        admin.id
      );
      const changed = after.displayName !== before.displayName || after.role !== before.role || after.provinceCode !== before.provinceCode;
      return { ok: true, message: localize(msg(changed ? "accounts.wasUpdated" : "accounts.unchanged", { username: after.username })) };
    }
    if (intent !== "reset" && intent !== "deactivate" && intent !== "reactivate") {
      return { ok: false, message: accounts.unknownAction, details: [] };
    }
    const account = await getStaffAccount(db, field("id"));
    if (intent === "reset") {
      const password = await resetStaffPassword(db, account.id, admin.id);
      return { ok: true, message: localize(msg("accounts.wasReset", { username: account.username })), secret: { username: account.username, password } };
    }
    if (intent === "deactivate") {
      await deactivateStaffUser(db, account.id, admin.id);
      return { ok: true, message: localize(msg("accounts.wasDeactivated", { username: account.username })) };
    }
    await reactivateStaffUser(db, account.id, admin.id);
    return { ok: true, message: localize(msg("accounts.wasReactivated", { username: account.username })) };
  });
  if (done.ok) return data<ActionResult>(done.value, { status: done.value.ok ? 200 : 400, headers: { "Cache-Control": "no-store" } });
  const r = done.refusal;
  const values = intent === "create" || intent === "update" ? { username: field("username"), displayName: field("displayName"), role: field("role"), province: field("province") } : undefined;
  return data<ActionResult>(
    { ok: false, message: refusalText(r), details: r.detailsLocalized ?? r.details.map((d) => ({ vi: d, en: d })), values },
    { status: r.status },
  );
}

export default function AccountsPage() {
  const locale = useLocale();
  const { user, csrf, confirm, edit, roles, accounts: list } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = result && !result.ok ? result.values : undefined;
  return (
    <div className="panel wide">
      <StaffBar user={user} csrf={csrf} locale={locale} />
      <h1>{accounts.pageTitle[locale]}</h1>

      {result && (
        <div role={result.ok ? "status" : "alert"} className={result.ok ? "notice" : "field-error"}>
          <p>{result.message[locale]}</p>
          {!result.ok && result.details.length > 0 && (
            <ul>
              {result.details.map((d, i) => (
                <li key={i}>{d[locale]}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result?.ok && result.secret && (
        <section className="secret" aria-labelledby="secret-title">
          <h2 id="secret-title">{fill(accounts.oneTimeTitle, { username: result.secret.username }, locale)}</h2>
          <p className="code" data-testid="one-time-password">
            {result.secret.password}
          </p>
          <p className="hint">{accounts.oneTimeNote[locale]}</p>
        </section>
      )}

      {confirm && !result && (
        <section className="secret" aria-labelledby="confirm-title">
          <h2 id="confirm-title">{confirm.kind === "reset" ? accounts.resetPassword[locale] : accounts.deactivate[locale]}</h2>
          <p>{fill(confirm.kind === "reset" ? accounts.confirmReset : accounts.confirmDeactivate, { username: confirm.username }, locale)}</p>
          <Form method="post" action="/staff/accounts" className="row-actions">
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="intent" value={confirm.kind} />
            <input type="hidden" name="id" value={confirm.id} />
            <button type="submit" className="button primary" disabled={busy}>
              {confirm.kind === "reset" ? accounts.resetPassword[locale] : accounts.deactivate[locale]}
            </button>
            <Link to="/staff/accounts" className="button">
              {accounts.cancel[locale]}
            </Link>
          </Form>
        </section>
      )}

      {edit && !result?.ok && (
        <section className="secret" aria-labelledby="edit-title">
          <h2 id="edit-title">{fill(accounts.editTitle, { username: edit.username }, locale)}</h2>
          <p className="hint">{accounts.editHint[locale]}</p>
          <Form method="post" action={`/staff/accounts?edit=${edit.id}`} className="stack account-form">
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="id" value={edit.id} />
            <AccountFields
              idPrefix="edit-"
              locale={locale}
              roles={roles}
              values={{ displayName: values?.displayName ?? edit.displayName, role: values?.role ?? edit.role, province: values?.province ?? edit.provinceCode ?? "" }}
            />
            <div className="row-actions">
              <button type="submit" className="button primary" disabled={busy}>
                {accounts.save[locale]}
              </button>
              <Link to="/staff/accounts" className="button">
                {accounts.cancel[locale]}
              </Link>
            </div>
          </Form>
        </section>
      )}

      <h2>{accounts.listTitle[locale]}</h2>
      <TableScroll>
        <table className="data-table accounts-table">
          <thead>
            <tr>
              <th scope="col">{staff.username[locale]}</th>
              <th scope="col">{accounts.fullName[locale]}</th>
              <th scope="col">{staff.roleNames[locale]}</th>
              <th scope="col">{staff.province[locale]}</th>
              <th scope="col">{accounts.status[locale]}</th>
              <th scope="col" className="num">{accounts.sessions[locale]}</th>
              <th scope="col">{accounts.passwordChanged[locale]}</th>
              <th scope="col">{accounts.actions[locale]}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <tr key={a.id} data-username={a.username}>
                <th scope="row">
                  {a.username} {a.id === user.id && <span className="muted">{accounts.you[locale]}</span>}
                </th>
                <td>{a.displayName}</td>
                <td>{roleName(a.role, locale)}</td>
                <td>{a.provinceCode ?? staff.allProvinces[locale]}</td>
                <td>
                  {a.active ? accounts.active[locale] : accounts.inactive[locale]}
                  {a.active && a.mustChangePassword && <span className="muted"> ({accounts.mustChange[locale]})</span>}
                </td>
                <td className="num">{a.sessions}</td>
                <td>{a.passwordChangedAt ? vietnamTime(a.passwordChangedAt) : accounts.never[locale]}</td>
                <td>
                  <div className="row-actions">
                    <Link className="button" to={`?edit=${a.id}`} aria-label={`${accounts.edit[locale]}: ${a.username}`}>
                      {accounts.edit[locale]}
                    </Link>
                    {a.active && (
                      <Link className="button" to={`?confirm=reset&user=${a.id}`} aria-label={`${accounts.resetPassword[locale]}: ${a.username}`}>
                        {accounts.resetPassword[locale]}
                      </Link>
                    )}
                    {a.active && a.id !== user.id && (
                      <Link className="button" to={`?confirm=deactivate&user=${a.id}`} aria-label={`${accounts.deactivate[locale]}: ${a.username}`}>
                        {accounts.deactivate[locale]}
                      </Link>
                    )}
                    {!a.active && (
                      <Form method="post" action="/staff/accounts">
                        <input type="hidden" name="csrf" value={csrf} />
                        <input type="hidden" name="intent" value="reactivate" />
                        <input type="hidden" name="id" value={a.id} />
                        <button type="submit" className="button" aria-label={`${accounts.reactivate[locale]}: ${a.username}`}>
                          {accounts.reactivate[locale]}
                        </button>
                      </Form>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2 id="create-title">{accounts.createTitle[locale]}</h2>
      {/* Remounted after each success, so the next account starts from empty fields. */}
      <Form key={result?.ok && result.secret ? result.secret.username : "create"} method="post" action="/staff/accounts" className="stack account-form" aria-labelledby="create-title">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="intent" value="create" />
        <label htmlFor="username">{staff.username[locale]}</label>
        <p className="hint" id="username-hint">
          {accounts.usernameHint[locale]}
        </p>
        <input id="username" name="username" required autoComplete="off" aria-describedby="username-hint" defaultValue={values?.username} />
        <AccountFields locale={locale} roles={roles} values={{ displayName: values?.displayName, role: values?.role ?? "manager", province: values?.province }} />
        <button type="submit" className="button primary" disabled={busy}>
          {accounts.create[locale]}
        </button>
      </Form>
    </div>
  );
}

/** Full name, role and province scope: the same fields where an account is created and where it is edited. */
function AccountFields(props: {
  idPrefix?: string;
  locale: Locale;
  roles: readonly StaffRole[];
  values: { displayName?: string; role?: string; province?: string };
}) {
  const { locale, values } = props;
  const id = (name: string) => `${props.idPrefix ?? ""}${name}`;
  return (
    <>
      <label htmlFor={id("displayName")}>{accounts.fullName[locale]}</label>
      <input id={id("displayName")} name="displayName" required autoComplete="off" defaultValue={values.displayName} />
      <label htmlFor={id("role")}>{staff.roleNames[locale]}</label>
      <select id={id("role")} name="role" defaultValue={values.role}>
        {props.roles.map((r) => (
          <option key={r} value={r}>
            {roleName(r, locale)}
          </option>
        ))}
      </select>
      <label htmlFor={id("province")}>{accounts.provinceScope[locale]}</label>
      <p className="hint" id={id("province-hint")}>
        {accounts.provinceHint[locale]}
      </p>
      <input id={id("province")} name="province" autoComplete="off" aria-describedby={id("province-hint")} defaultValue={values.province} />
    </>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
