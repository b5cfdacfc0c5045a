import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseAuditQuery } from "../domain/audit";
import { getDb } from "../db.server";
import { recordExport } from "../services/platform/audit.server";
import { auditXlsx } from "../services/platform/audit-xlsx.server";
import { resolveLocale } from "../services/platform/locale.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { xlsxResponse } from "../services/platform/xlsx-download.server";
import { listRounds } from "../services/rounds/rounds.server";
import { requirePermission } from "../services/staff/guards.server";

/** GET /staff/audit.xlsx?round=&user=&action=&from=&to=: what audit.csv holds, as a workbook in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const user = await requirePermission(request, "viewAudit");
    const { db } = await getDb();
    const { locale } = await resolveLocale(request);
    const q = parseAuditQuery(new URL(request.url).searchParams);
    const visibleRounds = user.provinceCode ? (await listRounds(db, { provinceCode: user.provinceCode })).map((r) => r.id) : null;
    const filter = { roundId: q.round || undefined, actor: q.user || undefined, action: q.action || undefined, from: q.from || undefined, to: q.to || undefined, visibleRounds };
    const download = await auditXlsx(db, filter, locale);
    await recordExport(db, { actor: user.id, kind: "audit", roundId: q.round || null, details: { format: "xlsx", filter: new URL(request.url).search.slice(0, 300) } });
    return xlsxResponse(download);
  });
}
