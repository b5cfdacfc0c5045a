import type { Kysely } from "kysely";
import type { Database, StaffUserRow } from "../../../db/schema";
import { passwordProblems, temporaryPasswordFrom } from "../../domain/password-policy";
import type { StaffRole } from "../../domain/roles";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { recordAudit, type AuditActor } from "../platform/audit.server";
import { newId, nowIso, secureRandomBytes } from "../platform/ids-and-time.server";
import { hashPassword, verifyPassword } from "./passwords.server";
import { endUserSessions } from "./sessions.server";

export type { StaffRole };
export const STAFF_ROLES: readonly StaffRole[] = ["admin", "manager", "clerk", "analyst"];
export { MIN_PASSWORD_LENGTH } from "../../domain/password-policy";

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  provinceCode: string | null;
  active: boolean;
  mustChangePassword: boolean;
}

export interface StaffAccount extends StaffUser {
  createdAt: string;
  passwordChangedAt: string | null;
  deactivatedAt: string | null;
}

export function toStaffUser(row: StaffUserRow): StaffUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    provinceCode: row.province_code,
    active: Number(row.active) === 1,
    mustChangePassword: Number(row.must_change_password) === 1,
  };
}

function toAccount(row: StaffUserRow): StaffAccount {
  return { ...toStaffUser(row), createdAt: row.created_at, passwordChangedAt: row.password_changed_at, deactivatedAt: row.deactivated_at };
}

const PROVINCE_CODE = /^[A-Za-z0-9]{1,10}$/;

function checkRoleAndProvince(role: string, provinceCode: string | null) {
  if (!STAFF_ROLES.includes(role as StaffRole)) {
    throw new UserError(msg("accounts.unknownRole", { role, roles: STAFF_ROLES.join(", ") }));
  }
  if (provinceCode !== null && !PROVINCE_CODE.test(provinceCode)) {
    throw new UserError(msg("accounts.badProvince", { province: provinceCode }));
  }
}

function checkPassword(password: string, username: string) {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new UserError(problems[0], 400, problems.slice(1));
}

/** A one-time password: shown once to the admin, to be changed at the first sign-in. */
function temporaryPassword(): string {
  return temporaryPasswordFrom(secureRandomBytes(12));
}

export interface CreateStaffInput {
  username: string;
  /** Given: the account's password (checked against the policy). Absent: a one-time password is made. */
  password?: string;
  displayName?: string;
  role: StaffRole;
  provinceCode?: string | null;
  actor: AuditActor;
}

/** Creates a login; returns it with the one-time password when none was given. Recorded. */
export async function createStaffUser(db: Kysely<Database>, input: CreateStaffInput): Promise<StaffUser & { temporaryPassword: string | null }> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(username)) {
    throw new UserError(msg("accounts.badUsername"));
  }
  const provinceCode = input.provinceCode?.trim() || null;
  checkRoleAndProvince(input.role, provinceCode);
  const temporary = input.password === undefined ? temporaryPassword() : null;
  if (input.password !== undefined) checkPassword(input.password, username);
  const row: StaffUserRow = {
    id: newId(),
    username,
    display_name: input.displayName?.trim().slice(0, 200) || username,
    password_hash: await hashPassword(input.password ?? temporary!),
    role: input.role,
    province_code: provinceCode,
    created_at: nowIso(),
    active: 1,
    must_change_password: temporary ? 1 : 0,
    password_changed_at: null,
    deactivated_at: null,
  };
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("staff_users").select("id").where("username", "=", username).executeTakeFirst();
    if (existing) throw new UserError(msg("accounts.usernameTaken", { username }), 409);
    await trx.insertInto("staff_users").values(row).execute();
    await recordAudit(trx, {
      actor: input.actor,
      action: "account.create",
      target: username,
      details: { role: row.role, province: provinceCode, one_time_password: temporary !== null },
    });
  });
  return { ...toStaffUser(row), temporaryPassword: temporary };
}

export type LoginCheck = { ok: true; user: StaffUser } | { ok: false; reason: "bad" | "inactive"; userId: string | null };

/** A wrong password and an unknown user answer alike ("bad"), so the answer does not reveal which usernames exist. */
export async function checkLogin(db: Kysely<Database>, username: string, password: string): Promise<LoginCheck> {
  const row = await db.selectFrom("staff_users").selectAll().where("username", "=", username.trim().toLowerCase()).executeTakeFirst();
  if (!row) {
    await hashPassword(password); // same time as a real check
    return { ok: false, reason: "bad", userId: null };
  }
  if (!(await verifyPassword(password, row.password_hash))) return { ok: false, reason: "bad", userId: row.id };
  // Told only to someone who knows the password.
  if (Number(row.active) !== 1) return { ok: false, reason: "inactive", userId: row.id };
  return { ok: true, user: toStaffUser(row) };
}

export async function getStaffUser(db: Kysely<Database>, id: string): Promise<StaffUser | null> {
  const row = await db.selectFrom("staff_users").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toStaffUser(row) : null;
}

export async function getStaffAccount(db: Kysely<Database>, id: string): Promise<StaffAccount> {
  const row = await db.selectFrom("staff_users").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new UserError(msg("accounts.noAccount"), 404);
  return toAccount(row);
}

export async function listStaffAccounts(db: Kysely<Database>): Promise<StaffAccount[]> {
  const rows = await db.selectFrom("staff_users").selectAll().orderBy("active", "desc").orderBy("username").execute();
  return rows.map(toAccount);
}

export async function countStaffUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("staff_users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Refuses to leave the app without an active national admin, who alone can create accounts everywhere. */
async function checkNotLastAdmin(db: Kysely<Database>, account: StaffAccount) {
  if (account.role !== "admin" || !account.active) return;
  const others = await db
    .selectFrom("staff_users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "admin")
    .where("active", "=", 1)
    .where("id", "!=", account.id)
    .executeTakeFirstOrThrow();
  if (Number(others.n) === 0) {
    throw new UserError(msg("accounts.lastAdmin"), 409);
  }
}

export interface UpdateStaffInput {
  displayName: string;
  role: StaffRole;
  provinceCode: string | null;
}

/** Name, role and province scope of an account. Recorded with what changed. */
export async function updateStaffUser(db: Kysely<Database>, id: string, input: UpdateStaffInput, actor: AuditActor): Promise<StaffAccount> {
  const account = await getStaffAccount(db, id);
  const provinceCode = input.provinceCode?.trim() || null;
  checkRoleAndProvince(input.role, provinceCode);
  if (account.role === "admin" && input.role !== "admin") await checkNotLastAdmin(db, account);
  const displayName = input.displayName.trim().slice(0, 200) || account.username;
  const changes: Record<string, string | null> = {};
  if (displayName !== account.displayName) changes.name = displayName;
  if (input.role !== account.role) changes.role = input.role;
  if (provinceCode !== account.provinceCode) changes.province = provinceCode;
  if (Object.keys(changes).length === 0) return account;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("staff_users").set({ display_name: displayName, role: input.role, province_code: provinceCode }).where("id", "=", id).execute();
    await recordAudit(trx, { actor, action: "account.update", target: account.username, details: changes });
  });
  return getStaffAccount(db, id);
}

/** A new one-time password for an account; every session of the account ends. Returns the password (shown once). */
export async function resetStaffPassword(db: Kysely<Database>, id: string, actor: AuditActor): Promise<string> {
  const account = await getStaffAccount(db, id);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("staff_users").set({ password_hash: hash, must_change_password: 1, password_changed_at: nowIso() }).where("id", "=", id).execute();
    await endUserSessions(trx, id, "password_reset");
    await recordAudit(trx, { actor, action: "account.password_reset", target: account.username });
  });
  return password;
}

/** Ends every session of the account and refuses its sign-ins from now on. */
export async function deactivateStaffUser(db: Kysely<Database>, id: string, actor: AuditActor): Promise<void> {
  const account = await getStaffAccount(db, id);
  if (account.id === actor) throw new UserError(msg("accounts.notYourself"), 409);
  if (!account.active) return;
  await checkNotLastAdmin(db, account);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("staff_users").set({ active: 0, deactivated_at: nowIso() }).where("id", "=", id).execute();
    await endUserSessions(trx, id, "deactivated");
    await recordAudit(trx, { actor, action: "account.deactivate", target: account.username });
  });
}

export async function reactivateStaffUser(db: Kysely<Database>, id: string, actor: AuditActor): Promise<void> {
  const account = await getStaffAccount(db, id);
  if (account.active) return;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("staff_users").set({ active: 1, deactivated_at: null }).where("id", "=", id).execute();
    await recordAudit(trx, { actor, action: "account.reactivate", target: account.username });
  });
}

/**
 * A user's own new password: the current one must be given, the new one must pass the policy and differ from it.
 * Every session of the user ends (a stolen cookie stops working); the caller starts a fresh one for this browser.
 */
export async function changeOwnPassword(db: Kysely<Database>, userId: string, current: string, next: string): Promise<void> {
  const row = await db.selectFrom("staff_users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!row || Number(row.active) !== 1) throw new UserError(msg("accounts.noAccount"), 404);
  if (!(await verifyPassword(current, row.password_hash))) {
    throw new UserError(msg("accounts.wrongCurrentPassword"), 400);
  }
  if (current === next) throw new UserError(msg("accounts.samePassword"));
  checkPassword(next, row.username);
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("staff_users").set({ password_hash: hash, must_change_password: 0, password_changed_at: nowIso() }).where("id", "=", userId).execute();
    await endUserSessions(trx, userId, "password_changed");
    await recordAudit(trx, { actor: userId, action: "account.password_change", target: row.username, details: { was_one_time: Number(row.must_change_password) === 1 } });
  });
}
