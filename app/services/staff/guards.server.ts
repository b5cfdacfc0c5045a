import { data, redirect } from "@remix-run/node";
import { getDb } from "../../db.server";
import { can, type Permission } from "../../domain/roles";
import { orRespond, type ErrorPayload } from "../platform/route-errors.server";
import { getSession } from "../platform/session.server";
import { getRound } from "../rounds/rounds.server";
import { getStaffUser, type StaffRole, type StaffUser } from "./accounts.server";

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
  if (roles && !roles.includes(user.role)) throw forbidden();
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
  const round = await orRespond(() => getRound(db, roundId, { provinceCode: user.provinceCode }));
  return { user, db, ...round };
}

function forbidden() {
  return data({ message: "Vai trò của bạn không được dùng chức năng này. / Your role does not allow this.", details: [] } satisfies ErrorPayload, { status: 403 });
}
