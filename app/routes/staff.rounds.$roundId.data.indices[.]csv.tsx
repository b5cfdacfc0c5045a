import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { UserError } from "../domain/errors";
import { csvResponse, downloadOrRefusal } from "../services/platform/downloads.server";
import { indicesDownload } from "../services/data/exports.server";
import { getRoundResults } from "../services/results/jobs.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/** How long a download waits for indices being computed before it asks to come back later. */
const MAX_WAIT_MS = 5 * 60_000;

/**
 * GET …/data/indices.csv?by=province&weighted=1&multiUnit=pooled&lang=vi: the index table with confidence
 * intervals (group,node,label,estimate,se,ci_low,ci_high,n,weight_sum), from the same cache as the results pages.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return downloadOrRefusal(async () => {
    const { db, round } = await requireRoundAccess(request, params.roundId!, "exportData");
    const Query = z.object({
      by: z.string().trim().min(1).max(64).default("none"),
      weighted: z.enum(["0", "1"]).default("1"),
      multiUnit: z.enum(["pooled", "meanOfUnits"]).default("pooled"),
      lang: z.enum(["vi", "en"]).default("vi"),
    });
    const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) {
      throw new UserError("Tham số không hợp lệ. / Invalid parameters.", 400, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
    }
    const q = parsed.data;
    const wanted = { roundId: round.id, by: q.by, weighted: q.weighted === "1", multiUnit: q.multiUnit };
    // Through the results pages' job: a computation already running is joined, and a long one shares the event loop.
    const results = await getRoundResults(db, wanted, { waitUpTo: Number.POSITIVE_INFINITY, maxWaitMs: MAX_WAIT_MS });
    if (results.state !== "ready") {
      throw new UserError("Chỉ số đang được tính, vui lòng thử lại sau ít phút. / The indices are still being computed; please try again in a few minutes.", 503);
    }
    return csvResponse(indicesDownload(round, wanted, results.indices, q.lang));
  });
}
