import { createCookieSessionStorage, type Session, type SessionStorage } from "@remix-run/node";
import type { Kysely } from "kysely";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Database } from "../../../db/schema";
import { getDb } from "../../db.server";
import { formRequests } from "../../domain/messages/areas/requests";
import { refuse } from "./route-errors.server";

let storage: Promise<SessionStorage> | undefined;

/**
 * The cookie secret comes from SESSION_SECRET, or is made once and kept in the database so that
 * every app server behind a load balancer signs cookies alike.
 */
export async function sessionSecret(db: Kysely<Database>): Promise<string> {
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

export function csrfValid(session: Session, form: FormData): boolean {
  const expected = session.get("csrf") as string | undefined;
  const given = form.get("csrf");
  return (
    typeof expected === "string" &&
    typeof given === "string" &&
    expected.length === given.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(given))
  );
}

/** Refuses a staff form posted without this session's token (a forged cross-site form). */
export function verifyCsrf(session: Session, form: FormData): void {
  if (!csrfValid(session, form)) {
    throw refuse(formRequests.expired, 403);
  }
}
