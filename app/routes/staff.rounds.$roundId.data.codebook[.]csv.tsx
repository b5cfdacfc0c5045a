import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "../services/csv-response.server";
import { exportCodebook } from "../services/exports.server";
import { orRespond } from "../services/http.server";
import { requireRoundAccess } from "../services/session.server";

/** GET …/data/codebook.csv: one row per column of the responses export (codes, labels, options). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, round } = await requireRoundAccess(request, params.roundId!, "exportData");
  return orRespond(async () => csvResponse(await exportCodebook(db, round.id)));
}
