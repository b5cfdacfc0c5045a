import { redirect } from "@remix-run/node";
import { getDb } from "../../db.server";
import { can, type Permission } from "../../domain/roles";
import { staffRequests } from "../../domain/messages/areas/requests";
import { orRefuse, refuse } from "../platform/route-errors.server";
import { getSession } from "../platform/session.server";
import { getRound } from "../rounds/rounds.server";
import { toStaffUser, type StaffRole, type StaffUser } from "./accounts.server";
import { sessionUser } from "./sessions.server";

/** The cookie session's key for the token of the server-side session (staff/sessions.server.ts). */
export const SESSION_TOKEN = "sid";

function toLogin(request: Request) {
  const url = new URL(request.url);
  return redirect(`/staff/login?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/**
 * The signed-in staff member, even one who must still replace a one-time password (only the password page asks
 * this way). A cookie whose server-side session has ended is not signed in, whatever its signature.
 */
export async function requireSignedIn(request: Request): Promise<StaffUser> {
  const session = await getSession(request);
  const token = session.get(SESSION_TOKEN) as string | undefined;
  const { db } = await getDb();
  const row = typeof token === "string" ? await sessionUser(db, token) : null;
  if (!row) throw toLogin(request);
  return toStaffUser(row);
}

/** The logged-in staff member, or a redirect to the login page (keeping where they wanted to go). */
export async function requireStaff(request: Request, roles?: readonly StaffRole[]): Promise<StaffUser> {
  const user = await requireSignedIn(request);
  if (user.mustChangePassword) throw redirect("/staff/password");
  if (roles && !roles.includes(user.role)) throw forbidden();
  return user;
}

/** The staff member if their role has the permission (pages outside a round: accounts, audit, new rounds). */
export async function requirePermission(request: Request, permission: Permission): Promise<StaffUser> {
  const user = await requireStaff(request);
  if (!can(user.role, permission)) throw forbidden();
  return user;
}

/**
 * The staff member and the round, if their role has the permission and the round is in their
 * province. A round of another province is reported as missing, not as forbidden.
 */
export async function requireRoundAccess(request: Request, roundId: string, permission: Permission) {
  const user = await requireStaff(request);
  if (!can(user.role, permission)) throw forbidden();
  const { db } = await getDb();
  const round = await orRefuse(() => getRound(db, roundId, { provinceCode: user.provinceCode }));
  return { user, db, ...round };
}

function forbidden() {
  return refuse(staffRequests.roleRefused, 403);
}
