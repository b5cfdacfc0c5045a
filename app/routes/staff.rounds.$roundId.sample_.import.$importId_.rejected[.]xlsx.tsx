import type { LoaderFunctionArgs } from "@remix-run/node";
import { getFrameImport } from "../services/fieldwork/frame-uploads.server";
import { rejectedRowsXlsx } from "../services/fieldwork/xlsx-exports.server";
import { resolveLocale } from "../services/platform/locale.server";
import { recordExport } from "../services/platform/audit.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { xlsxResponse } from "../services/platform/xlsx-download.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/** The rows a valid-only import left out, as a workbook with the reason per row; names and contacts, so contact roles only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, user, round } = await requireRoundAccess(request, params.roundId!, "viewContacts");
    const { locale } = await resolveLocale(request);
    const record = await getFrameImport(db, round.id, params.importId!);
    await recordExport(db, { actor: user.id, kind: "rejected_rows", roundId: round.id, details: { import: record.id, format: "xlsx" } });
    return xlsxResponse(rejectedRowsXlsx(db, record, locale));
  });
}
