import type { LoaderFunctionArgs } from "@remix-run/node";
import { fieldworkStatusXlsx } from "../services/fieldwork/xlsx-exports.server";
import { resolveLocale } from "../services/platform/locale.server";
import { recordExport } from "../services/platform/audit.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { xlsxResponse } from "../services/platform/xlsx-download.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/** GET …/fieldwork/export.xlsx: the fieldwork status per stratum as a workbook (no personal data). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, user, round } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
    const { locale } = await resolveLocale(request);
    await recordExport(db, { actor: user.id, kind: "fieldwork", roundId: round.id, details: { format: "xlsx" } });
    return xlsxResponse(await fieldworkStatusXlsx(db, round, locale));
  });
}
