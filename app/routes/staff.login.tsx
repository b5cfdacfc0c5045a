import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { useLocale, metaLocale } from "../components/use-locale";
import { safeRedirectPath } from "../domain/safe-redirect";
import { getDb } from "../db.server";
import { commitSession, csrfToken, csrfValid, getSession } from "../services/platform/session.server";
import { SESSION_TOKEN } from "../services/staff/guards.server";
import { signIn } from "../services/staff/sign-in.server";
import { takeSignInAttempt } from "../services/staff/sign-in-limits.server";
import { readForm } from "../services/platform/forms.server";
import { staffUi } from "../staff-i18n";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.login[metaLocale(matches)]}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const csrf = csrfToken(session);
  const next = safeRedirectPath(new URL(request.url).searchParams.get("next"));
  return data({ csrf, next }, { headers: { "Set-Cookie": await commitSession(session) } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const session = await getSession(request);
  if (!csrfValid(session, form)) return data({ error: "csrf" as const }, { status: 403 });
  // Inside the action so that zod stays out of the browser bundle.
  const LoginSchema = z.object({ username: z.string().check(z.trim(), z.minLength(1)), password: z.string().check(z.minLength(1)), next: z.optional(z.string()) });
  const parsed = LoginSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ error: "bad" as const }, { status: 400 });
  const { db } = await getDb();
  const attempt = await takeSignInAttempt(db, request, parsed.data.username, context.clientIp ?? "unknown");
  if (!attempt.allowed) return data({ error: "limited" as const }, { status: 429 });
  const result = await signIn(db, parsed.data.username, parsed.data.password, { ip: context.clientIp });
  if (!result.ok) return data({ error: result.reason }, { status: result.reason === "inactive" ? 403 : 401 });
  await attempt.giveBack();
  session.set(SESSION_TOKEN, result.token);
  // A fresh CSRF token after sign-in, so a token seen before cannot be reused.
  session.unset("csrf");
  const headers = new Headers([
    ["Set-Cookie", await commitSession(session)],
    ["Set-Cookie", await attempt.remember()],
  ]);
  return redirect(safeRedirectPath(parsed.data.next), { headers });
}

export default function Login() {
  const locale = useLocale();
  const { csrf, next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const message =
    result?.error === "limited"
      ? staffUi.tooManyLogins[locale]
      : result?.error === "inactive"
        ? staffUi.accountInactive[locale]
        : result?.error === "csrf" ? "Phiên làm việc đã hết hạn, vui lòng thử lại. / The form expired; please try again." : result ? staffUi.badLogin[locale] : null;
  return (
    <div className="panel narrow">
      <h1>{staffUi.loginTitle[locale]}</h1>
      <Form method="post" className="stack">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="next" value={next} />
        {message && (
          <p className="field-error" role="alert">
            {message}
          </p>
        )}
        <label htmlFor="username">{staffUi.username[locale]}</label>
        <input id="username" name="username" autoComplete="username" required />
        <label htmlFor="password">{staffUi.password[locale]}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className="button primary">
          {staffUi.signIn[locale]}
        </button>
      </Form>
    </div>
  );
}
