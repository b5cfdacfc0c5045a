import { NavLink } from "@remix-run/react";
import { can, type Permission, type StaffRole } from "../../domain/roles";
import type { Locale, LocalizedText } from "../../domain/definition/schema";
import { roundSetup } from "../../domain/messages/areas/round-setup";
import { audit } from "../../domain/messages/areas/staff";
import { roundNav } from "../../domain/messages/areas/staff-components";

/** The pages of a round, each shown only to roles allowed to use it. */
export const ROUND_PAGES: { path: string; label: LocalizedText; permission: Permission }[] = [
  { path: "", label: roundNav.overview, permission: "viewRound" },
  { path: "sample", label: roundNav.sample, permission: "manageFieldwork" },
  { path: "invitations", label: roundNav.invitations, permission: "manageFieldwork" },
  { path: "entry", label: roundNav.entry, permission: "keyPaperForms" },
  { path: "fieldwork", label: roundNav.fieldwork, permission: "manageFieldwork" },
  { path: "results", label: roundNav.results, permission: "viewResults" },
  { path: "compare", label: roundNav.compare, permission: "viewResults" },
  { path: "data", label: roundNav.data, permission: "exportData" },
  { path: "settings", label: roundSetup.settings, permission: "editRound" },
  { path: "history", label: audit.historyTab, permission: "viewRoundHistory" },
];

export function RoundNav({ roundId, role, locale }: { roundId: string; role: StaffRole; locale: Locale }) {
  return (
    <nav className="round-nav" aria-label={roundNav.label[locale]}>
      <ul>
        {ROUND_PAGES.filter((p) => can(role, p.permission)).map((p) => (
          <li key={p.path}>
            <NavLink to={`/staff/rounds/${roundId}${p.path ? `/${p.path}` : ""}`} end={p.path === ""} prefetch="intent">
              {p.label[locale]}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
