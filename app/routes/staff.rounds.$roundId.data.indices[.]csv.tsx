import type { LoaderFunctionArgs } from "@remix-run/node";
import * as z from "zod/mini";
import { UserError } from "../domain/errors";
import { optionsOf } from "../domain/results/query";
import { parseResultsQuery } from "../domain/results/query-parse";
import { recordExport } from "../services/platform/audit.server";
import { csvResponse } from "../services/platform/downloads.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { indicesDownload } from "../services/data/exports.server";
import { getRoundResults } from "../services/results/jobs.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { msg } from "../domain/messages";

/** How long a download waits for indices being computed before it asks to come back later. */
const MAX_WAIT_MS = 5 * 60_000;

/**
 * GET …/data/indices.csv?by=province&weighted=true&multiUnit=pooled&interval=logit&lang=vi: the index table with
 * confidence intervals (group,node,label,estimate,se,ci_low,ci_high,n,weight_sum) — the results page's options, read by
 * the same parser (parseResultsQuery), from the same cache.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, round, user } = await requireRoundAccess(request, params.roundId!, "exportData");
    const search = new URL(request.url).searchParams;
    const lang = z._default(z.enum(["vi", "en"]), "vi").safeParse(search.get("lang") || undefined);
    if (!lang.success) throw new UserError(msg("data.badParameters"), 400, ["lang: vi or en"]);
    const wanted = { roundId: round.id, ...optionsOf(parseResultsQuery(search)) };
    // Through the results pages' job: a computation already running is joined, and a long one shares the event loop.
    const results = await getRoundResults(db, wanted, { waitUpTo: Number.POSITIVE_INFINITY, maxWaitMs: MAX_WAIT_MS });
    if (results.state !== "ready") {
      throw new UserError(msg("data.stillComputing"), 503);
    }
    await recordExport(db, { actor: user.id, kind: "indices", roundId: round.id, details: { query: search.toString().slice(0, 300) } });
    return csvResponse(indicesDownload(round, wanted, results.indices, lang.data));
  });
}
