import { NavLink } from "@remix-run/react";
import { can, type Permission, type StaffRole } from "../../domain/roles";
import type { Locale, LocalizedText } from "../../domain/definition/schema";
import { catalogue } from "../../domain/messages";

/** The pages of a round, each shown only to roles allowed to use it. */
export const ROUND_PAGES: { path: string; label: LocalizedText; permission: Permission }[] = [
  { path: "", label: { vi: "Tổng quan", en: "Overview" }, permission: "viewRound" },
  { path: "sample", label: { vi: "Khung mẫu và chọn mẫu", en: "Frame and sample" }, permission: "manageFieldwork" },
  { path: "invitations", label: { vi: "Thư mời, phiếu in", en: "Invitations, printing" }, permission: "manageFieldwork" },
  { path: "entry", label: { vi: "Nhập phiếu giấy", en: "Key paper forms" }, permission: "keyPaperForms" },
  { path: "fieldwork", label: { vi: "Theo dõi thực địa", en: "Fieldwork" }, permission: "manageFieldwork" },
  { path: "results", label: { vi: "Kết quả", en: "Results" }, permission: "viewResults" },
  { path: "compare", label: { vi: "So sánh", en: "Compare" }, permission: "viewResults" },
  { path: "data", label: { vi: "Dữ liệu CSV, Excel", en: "CSV, Excel data" }, permission: "exportData" },
  { path: "settings", label: catalogue.roundSetup.settings, permission: "editRound" },
  { path: "history", label: catalogue.audit.historyTab, permission: "viewRoundHistory" },
];

export function RoundNav({ roundId, role, locale }: { roundId: string; role: StaffRole; locale: Locale }) {
  return (
    <nav className="round-nav" aria-label={locale === "vi" ? "Các trang của đợt khảo sát" : "Pages of the round"}>
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
