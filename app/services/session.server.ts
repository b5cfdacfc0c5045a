import { createCookieSessionStorage, redirect, type Session, type SessionStorage } from "@remix-run/node";
import type { Kysely } from "kysely";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Database } from "../../db/schema";
import { getDb } from "../db.server";
import { UserError } from "../domain/errors";
import { getStaffUser, type StaffRole, type StaffUser } from "./staff.server";

let storage: Promise<SessionStorage> | undefined;

/**
 * The cookie secret comes from SESSION_SECRET, or is made once and kept in the database so that
 * every app server behind a load balancer signs cookies alike.
 */
async function sessionSecret(db: Kysely<Database>): Promise<string> {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const candidate = randomBytes(32).toString("base64url");
  await db.insertInto("settings").values({ key: "session_secret", value: candidate }).onConflict((oc) => oc.column("key").doNothing()).execute();
  const row = await db.selectFrom("settings").select("value").where("key", "=", "session_secret").executeTakeFirstOrThrow();
  return row.value;
}

export function getSessionStorage(): Promise<SessionStorage> {
  storage ??= getDb().then(async ({ db }) =>
    createCookieSessionStorage({
      cookie: {
        name: "__sipas_staff",
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: process.env.COOKIE_SECURE === "1",
        secrets: [await sessionSecret(db)],
        maxAge: 60 * 60 * 8,
      },
    }),
  );
  return storage;
}

export async function getSession(request: Request): Promise<Session> {
  return (await getSessionStorage()).getSession(request.headers.get("Cookie"));
}

export async function commitSession(session: Session): Promise<string> {
  return (await getSessionStorage()).commitSession(session);
}

export async function destroySession(session: Session): Promise<string> {
  return (await getSessionStorage()).destroySession(session);
}

/** The CSRF token of the session, made on first use; every staff form posts it back. */
export function csrfToken(session: Session): string {
  let token = session.get("csrf") as string | undefined;
  if (!token) {
    token = randomBytes(24).toString("base64url");
    session.set("csrf", token);
  }
  return token;
}

export function verifyCsrf(session: Session, form: FormData): void {
  const expected = session.get("csrf") as string | undefined;
  const given = form.get("csrf");
  const ok =
    typeof expected === "string" &&
    typeof given === "string" &&
    expected.length === given.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  if (!ok) throw new UserError("This form has expired. Please reload the page and try again.", 403);
}

/** The logged-in staff member, or a redirect to the login page (keeping where they wanted to go). */
export async function requireStaff(request: Request, roles?: readonly StaffRole[]): Promise<StaffUser> {
  const session = await getSession(request);
  const userId = session.get("userId") as string | undefined;
  const { db } = await getDb();
  const user = userId ? await getStaffUser(db, userId) : null;
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/staff/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (roles && !roles.includes(user.role)) throw new UserError("Your role does not allow this page.", 403);
  return user;
}
