import type { Kysely } from "kysely";
import type { Database, StaffUserRow } from "../../../db/schema";
import type { StaffSessionsTable } from "../../../db/schema-staff";
import { nowIso, secureRandomBytes, sha256 } from "../platform/ids-and-time.server";

/**
 * Server-side staff sessions. The signed cookie carries a random token; a request is signed in only while the
 * session row of that token is live (not ended, not expired) and its user active. Sign-out, a password change, a
 * reset and a deactivation end rows, and since every app server reads the same table, a copied cookie stops
 * working everywhere at once.
 */

export const SESSION_HOURS = 8;
/** last_seen_at is written at most this often per session, so reading a page does not write every time. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

type EndReason = NonNullable<StaffSessionsTable["ended_reason"]>;

const keyOf = (token: string) => sha256(token);

/** A new session for a user who has just proved who they are; the token goes into the signed cookie. */
export async function startSession(db: Kysely<Database>, userId: string): Promise<string> {
  const token = Buffer.from(secureRandomBytes(32)).toString("base64url");
  const now = new Date();
  await db
    .insertInto("staff_sessions")
    .values({
      id: keyOf(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
      last_seen_at: now.toISOString(),
      ended_at: null,
      ended_reason: null,
    })
    .execute();
  return token;
}

/** The user of a live session, or null (unknown token, ended, expired, or the account deactivated). */
export async function sessionUser(db: Kysely<Database>, token: string): Promise<StaffUserRow | null> {
  const now = nowIso();
  const row = await db
    .selectFrom("staff_sessions as s")
    .innerJoin("staff_users as u", "u.id", "s.user_id")
    .selectAll("u")
    .select(["s.id as session_id", "s.last_seen_at"])
    .where("s.id", "=", keyOf(token))
    .where("s.ended_at", "is", null)
    .where("s.expires_at", ">", now)
    .where("u.active", "=", 1)
    .executeTakeFirst();
  if (!row) return null;
  if (Date.parse(now) - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable("staff_sessions").set({ last_seen_at: now }).where("id", "=", row.session_id).execute();
  }
  const { session_id: _id, last_seen_at: _seen, ...user } = row;
  return user;
}

/** Ends one session (sign-out); returns its user, or null when it was not live. */
export async function endSession(db: Kysely<Database>, token: string, reason: EndReason): Promise<string | null> {
  const row = await db.selectFrom("staff_sessions").select(["user_id", "ended_at"]).where("id", "=", keyOf(token)).executeTakeFirst();
  if (!row || row.ended_at) return null;
  await db.updateTable("staff_sessions").set({ ended_at: nowIso(), ended_reason: reason }).where("id", "=", keyOf(token)).where("ended_at", "is", null).execute();
  return row.user_id;
}

/** Ends every live session of a user (password changed or reset, account deactivated). */
export async function endUserSessions(db: Kysely<Database>, userId: string, reason: EndReason): Promise<number> {
  const result = await db
    .updateTable("staff_sessions")
    .set({ ended_at: nowIso(), ended_reason: reason })
    .where("user_id", "=", userId)
    .where("ended_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Live sessions per user, for the accounts page. */
export async function liveSessionCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("staff_sessions")
    .select(["user_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("ended_at", "is", null)
    .where("expires_at", ">", nowIso())
    .groupBy("user_id")
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}
