import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseAuditQuery } from "../domain/audit";
import { auditDownload, recordExport } from "../services/platform/audit.server";
import { csvResponse } from "../services/platform/downloads.server";
import { resolveLocale } from "../services/platform/locale.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/** GET …/history.csv?user=&action=&from=&to=: the round's records the History tab's filters select, oldest first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, user, round } = await requireRoundAccess(request, params.roundId!, "viewRoundHistory");
    const { locale } = await resolveLocale(request);
    const q = parseAuditQuery(new URL(request.url).searchParams);
    const filter = { roundId: round.id, actor: q.user || undefined, action: q.action || undefined, from: q.from || undefined, to: q.to || undefined };
    const download = await auditDownload(db, filter, locale);
    await recordExport(db, { actor: user.id, kind: "audit", roundId: round.id, details: { format: "csv" } });
    return csvResponse(download);
  });
}
