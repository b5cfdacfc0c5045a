import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordExport } from "../services/platform/audit.server";
import { csvResponse } from "../services/platform/downloads.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { exportResponses } from "../services/data/exports.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/** GET …/data/responses.csv[?labels=vi|en]: the submitted responses, streamed (no contact data). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, round, user } = await requireRoundAccess(request, params.roundId!, "exportData");
    const param = new URL(request.url).searchParams.get("labels");
    const labels = param === "vi" || param === "en" ? param : null;
    const download = await exportResponses(db, round.id, { labels });
    await recordExport(db, { actor: user.id, kind: "responses", roundId: round.id, details: { labels } });
    return csvResponse(download);
  });
}
