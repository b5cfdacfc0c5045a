import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordExport } from "../services/platform/audit.server";
import { csvResponse } from "../services/platform/downloads.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { exportCodebook } from "../services/data/exports.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/** GET …/data/codebook.csv: one row per column of the responses export (codes, labels, options). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, round, user } = await requireRoundAccess(request, params.roundId!, "exportData");
    const download = await exportCodebook(db, round.id);
    await recordExport(db, { actor: user.id, kind: "codebook", roundId: round.id });
    return csvResponse(download);
  });
}
