import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "../services/platform/locale.server";
import { recordExport } from "../services/platform/audit.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { xlsxResponse } from "../services/platform/xlsx-download.server";
import { exportResponsesXlsx } from "../services/data/xlsx-exports.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/** GET …/data/responses.xlsx[?labels=1]: the submitted responses as a workbook, written row by row (no contact data). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, user, round } = await requireRoundAccess(request, params.roundId!, "exportData");
    const { locale } = await resolveLocale(request);
    const labels = new URL(request.url).searchParams.get("labels");
    await recordExport(db, { actor: user.id, kind: "responses", roundId: round.id, details: { labels: labels ? locale : null, format: "xlsx" } });
    return xlsxResponse(await exportResponsesXlsx(db, round.id, { locale, labels: labels !== null && labels !== "" && labels !== "0" }));
  });
}
