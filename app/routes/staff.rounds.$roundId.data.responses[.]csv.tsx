import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "../services/platform/downloads.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { exportResponses } from "../services/data/exports.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/** GET …/data/responses.csv[?labels=vi|en]: the submitted responses, streamed (no contact data). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, round } = await requireRoundAccess(request, params.roundId!, "exportData");
    const labels = new URL(request.url).searchParams.get("labels");
    return csvResponse(await exportResponses(db, round.id, { labels: labels === "vi" || labels === "en" ? labels : null }));
  });
}
