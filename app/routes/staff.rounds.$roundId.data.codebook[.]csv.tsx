import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "../services/platform/downloads.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { exportCodebook } from "../services/data/exports.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/** GET …/data/codebook.csv: one row per column of the responses export (codes, labels, options). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, round } = await requireRoundAccess(request, params.roundId!, "exportData");
    return csvResponse(await exportCodebook(db, round.id));
  });
}
