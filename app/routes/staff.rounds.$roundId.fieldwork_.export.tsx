import type { LoaderFunctionArgs } from "@remix-run/node";
import { CSV_BOM, csvLine } from "../domain/csv/write";
import { catalogue } from "../domain/messages";
import { DASHBOARD_COLUMNS, fieldworkDashboard } from "../services/fieldwork/fieldwork.server";
import { recordExport } from "../services/platform/audit.server";
import { resolveLocale } from "../services/platform/locale.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";

/** The fieldwork dashboard as CSV (no personal data): one row per stratum and a total. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, round, user } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
    const { locale } = await resolveLocale(request);
    const d = await fieldworkDashboard(db, round.id);
    let csv = CSV_BOM + csvLine([...DASHBOARD_COLUMNS.map((c) => c.label[locale]), catalogue.fieldworkPage.stratumKey[locale]]);
    for (const r of [...d.rows, d.total]) {
      csv += csvLine([
        ...DASHBOARD_COLUMNS.map((c) => (c.key === "responseRate" ? (r.responseRate === null ? null : Math.round(r.responseRate * 10000) / 10000) : r[c.key])),
        r.stratum,
      ]);
    }
    await recordExport(db, { actor: user.id, kind: "fieldwork", roundId: round.id });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="thuc-dia-${round.id}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
