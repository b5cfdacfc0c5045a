import { Form, NavLink } from "@remix-run/react";
import type { Locale } from "../../domain/definition/schema";
import { staff } from "../../domain/messages/areas/staff";
import { studioPages } from "../../domain/messages/areas/studio-pages";
import { can, type StaffRole } from "../../domain/roles";

export interface StaffBarUser {
  displayName: string;
  role: StaffRole;
  provinceCode: string | null;
}

export function roleName(role: StaffRole, locale: Locale): string {
  return staff[`role_${role}`][locale];
}

/** Who is signed in, the staff pages their role may open, and signing out (a POST with the form's token). */
export function StaffBar({ user, csrf, locale }: { user: StaffBarUser; csrf: string; locale: Locale }) {
  const links = [
    { to: "/staff", label: staff.rounds[locale], show: true },
    { to: "/staff/questionnaires", label: studioPages.menu[locale], show: true },
    { to: "/staff/accounts", label: staff.menuAccounts[locale], show: can(user.role, "manageAccounts") },
    { to: "/staff/audit", label: staff.menuAudit[locale], show: can(user.role, "viewAudit") },
    { to: "/staff/password", label: staff.menuPassword[locale], show: true },
  ].filter((l) => l.show);
  return (
    <div className="staff-bar">
      <span>
        {staff.signedInAs[locale]} <strong>{user.displayName}</strong> ({roleName(user.role, locale)}
        {user.provinceCode ? `, ${staff.province[locale]} ${user.provinceCode}` : ""})
      </span>
      <nav aria-label={staff.menu[locale]} className="staff-menu">
        <ul>
          {links.map((l) => (
            <li key={l.to}>
              <NavLink to={l.to} end>
                {l.label}
              </NavLink>
            </li>
          ))}
          <li>
            <Form method="post" action="/staff/logout">
              <input type="hidden" name="csrf" value={csrf} />
              <button type="submit" className="button link">
                {staff.signOut[locale]}
              </button>
            </Form>
          </li>
        </ul>
      </nav>
    </div>
  );
}
