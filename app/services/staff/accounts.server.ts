import type { Kysely } from "kysely";
import type { Database, StaffUserRow } from "../../../db/schema";
import { UserError } from "../../domain/errors";
import { hashPassword, verifyPassword } from "./passwords.server";
import { newId, nowIso } from "../platform/ids-and-time.server";

import type { StaffRole } from "../../domain/roles";
export type { StaffRole };
export const STAFF_ROLES: readonly StaffRole[] = ["admin", "manager", "clerk", "analyst"];

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  provinceCode: string | null;
}

function toStaffUser(row: StaffUserRow): StaffUser {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, provinceCode: row.province_code };
}

export interface CreateStaffInput {
  username: string;
  password: string;
  displayName?: string;
  role: StaffRole;
  provinceCode?: string | null;
}

export const MIN_PASSWORD_LENGTH = 10;

export async function createStaffUser(db: Kysely<Database>, input: CreateStaffInput): Promise<StaffUser> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(username)) throw new UserError("A username has 3–64 letters, digits, '.', '_' or '-'.");
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new UserError(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (!STAFF_ROLES.includes(input.role)) throw new UserError(`Unknown role "${input.role}" (roles: ${STAFF_ROLES.join(", ")}).`);
  const existing = await db.selectFrom("staff_users").select("id").where("username", "=", username).executeTakeFirst();
  if (existing) throw new UserError(`User "${username}" already exists.`, 409);
  const row: StaffUserRow = {
    id: newId(),
    username,
    display_name: input.displayName?.trim() || username,
    password_hash: await hashPassword(input.password),
    role: input.role,
    province_code: input.provinceCode ?? null,
    created_at: nowIso(),
  };
  await db.insertInto("staff_users").values(row).execute();
  return toStaffUser(row);
}

/** Null for an unknown user or a wrong password alike, so the answer does not reveal which usernames exist. */
export async function verifyLogin(db: Kysely<Database>, username: string, password: string): Promise<StaffUser | null> {
  const row = await db.selectFrom("staff_users").selectAll().where("username", "=", username.trim().toLowerCase()).executeTakeFirst();
  if (!row) {
    await hashPassword(password); // same time as a real check
    return null;
  }
  return (await verifyPassword(password, row.password_hash)) ? toStaffUser(row) : null;
}

export async function getStaffUser(db: Kysely<Database>, id: string): Promise<StaffUser | null> {
  const row = await db.selectFrom("staff_users").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toStaffUser(row) : null;
}

export async function countStaffUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("staff_users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}
