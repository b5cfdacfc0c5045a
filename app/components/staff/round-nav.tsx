import { NavLink } from "@remix-run/react";
import { can, type Permission, type StaffRole } from "../../domain/roles";
import type { Locale, LocalizedText } from "../../domain/definition/schema";
import { catalogue } from "../../domain/messages";

/** The pages of a round, each shown only to roles allowed to use it. */
export const ROUND_PAGES: { path: string; label: LocalizedText; permission: Permission }[] = [
  { path: "", label: catalogue.roundNav.overview, permission: "viewRound" },
  { path: "sample", label: catalogue.roundNav.sample, permission: "manageFieldwork" },
  { path: "invitations", label: catalogue.roundNav.invitations, permission: "manageFieldwork" },
  { path: "entry", label: catalogue.roundNav.entry, permission: "keyPaperForms" },
  { path: "fieldwork", label: catalogue.roundNav.fieldwork, permission: "manageFieldwork" },
  { path: "results", label: catalogue.roundNav.results, permission: "viewResults" },
  { path: "compare", label: catalogue.roundNav.compare, permission: "viewResults" },
  { path: "data", label: catalogue.roundNav.data, permission: "exportData" },
  { path: "settings", label: catalogue.roundSetup.settings, permission: "editRound" },
  { path: "history", label: catalogue.audit.historyTab, permission: "viewRoundHistory" },
];

export function RoundNav({ roundId, role, locale }: { roundId: string; role: StaffRole; locale: Locale }) {
  return (
    <nav className="round-nav" aria-label={catalogue.roundNav.label[locale]}>
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
