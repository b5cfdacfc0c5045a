import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { recordAudit } from "../platform/audit.server";
import { checkLogin, type StaffUser } from "./accounts.server";
import { endSession, startSession } from "./sessions.server";

export type SignInResult = { ok: true; user: StaffUser; token: string } | { ok: false; reason: "bad" | "inactive" };

/** Checks a username and password; a success starts a session. Both outcomes are recorded. */
export async function signIn(db: Kysely<Database>, username: string, password: string, client: { ip?: string } = {}): Promise<SignInResult> {
  const check = await checkLogin(db, username, password);
  if (!check.ok) {
    await recordAudit(db, {
      actor: check.userId ?? "-",
      action: "auth.sign_in_failed",
      target: username.trim().toLowerCase().slice(0, 64),
      details: { reason: check.reason, ip: client.ip ?? null },
    });
    return { ok: false, reason: check.reason };
  }
  const token = await startSession(db, check.user.id);
  await recordAudit(db, { actor: check.user.id, action: "auth.sign_in", target: check.user.username, details: { ip: client.ip ?? null } });
  return { ok: true, user: check.user, token };
}

/** Ends the session of this token everywhere; recorded when it was live. */
export async function signOut(db: Kysely<Database>, token: string | undefined): Promise<void> {
  if (!token) return;
  const userId = await endSession(db, token, "sign_out");
  if (userId) await recordAudit(db, { actor: userId, action: "auth.sign_out" });
}
