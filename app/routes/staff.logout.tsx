import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getDb } from "../db.server";
import { readForm } from "../services/platform/forms.server";
import { destroySession, getSession, verifyCsrf } from "../services/platform/session.server";
import { SESSION_TOKEN } from "../services/staff/guards.server";
import { signOut } from "../services/staff/sign-in.server";

/** Ends the server-side session (so a copy of the cookie stops working on every app server) and clears the cookie. */
export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  verifyCsrf(session, await readForm(request));
  const { db } = await getDb();
  await signOut(db, session.get(SESSION_TOKEN) as string | undefined);
  return redirect("/staff/login", { headers: { "Set-Cookie": await destroySession(session) } });
}

export async function loader() {
  return redirect("/staff");
}
