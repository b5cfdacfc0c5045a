import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseAuditQuery } from "../domain/audit";
import { recordExport } from "../services/platform/audit.server";
import { auditXlsx } from "../services/platform/audit-xlsx.server";
import { xlsxResponse } from "../services/platform/xlsx-download.server";
import { resolveLocale } from "../services/platform/locale.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/** GET …/history.xlsx?user=&action=&from=&to=: the round's records the History tab's filters select, oldest first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, user, round } = await requireRoundAccess(request, params.roundId!, "viewRoundHistory");
    const { locale } = await resolveLocale(request);
    const q = parseAuditQuery(new URL(request.url).searchParams);
    const filter = { roundId: round.id, actor: q.user || undefined, action: q.action || undefined, from: q.from || undefined, to: q.to || undefined };
    const download = await auditXlsx(db, filter, locale);
    await recordExport(db, { actor: user.id, kind: "audit", roundId: round.id, details: { format: "xlsx" } });
    return xlsxResponse(download);
  });
}
