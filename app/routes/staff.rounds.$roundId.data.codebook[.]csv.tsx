import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, downloadOrRefusal } from "../services/csv-response.server";
import { exportCodebook } from "../services/exports.server";
import { requireRoundAccess } from "../services/session.server";

/** GET …/data/codebook.csv: one row per column of the responses export (codes, labels, options). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return downloadOrRefusal(async () => {
    const { db, round } = await requireRoundAccess(request, params.roundId!, "exportData");
    return csvResponse(await exportCodebook(db, round.id));
  });
}
