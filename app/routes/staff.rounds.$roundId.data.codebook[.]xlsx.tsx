import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "../services/platform/locale.server";
import { recordExport } from "../services/platform/audit.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { xlsxResponse } from "../services/platform/xlsx-download.server";
import { exportCodebookXlsx } from "../services/data/xlsx-exports.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/** GET …/data/codebook.xlsx: the codebook as a workbook (headers in the reader's language, a sheet about the columns). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, user, round } = await requireRoundAccess(request, params.roundId!, "exportData");
    const { locale } = await resolveLocale(request);
    await recordExport(db, { actor: user.id, kind: "codebook", roundId: round.id, details: { format: "xlsx" } });
    return xlsxResponse(await exportCodebookXlsx(db, round.id, locale));
  });
}
