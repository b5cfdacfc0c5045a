import type { LoaderFunctionArgs } from "@remix-run/node";
import { UserError } from "../domain/errors";
import { msg } from "../domain/messages";
import { optionsOf } from "../domain/results/query";
import { parseResultsQuery } from "../domain/results/query-parse";
import { resolveLocale } from "../services/platform/locale.server";
import { recordExport } from "../services/platform/audit.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { xlsxResponse } from "../services/platform/xlsx-download.server";
import { indicesXlsx } from "../services/data/xlsx-exports.server";
import { getRoundResults } from "../services/results/jobs.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/** How long a download waits for indices being computed before it asks to come back later. */
const MAX_WAIT_MS = 5 * 60_000;

/** GET …/data/indices.xlsx?by=…&weighted=…: the index table as a workbook, from the results pages' job and cache. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, user, round } = await requireRoundAccess(request, params.roundId!, "exportData");
    const { locale } = await resolveLocale(request);
    const wanted = { roundId: round.id, ...optionsOf(parseResultsQuery(new URL(request.url).searchParams)) };
    const results = await getRoundResults(db, wanted, { waitUpTo: Number.POSITIVE_INFINITY, maxWaitMs: MAX_WAIT_MS });
    if (results.state !== "ready") throw new UserError(msg("data.stillComputing"), 503);
    await recordExport(db, { actor: user.id, kind: "indices", roundId: round.id, details: { query: new URL(request.url).searchParams.toString().slice(0, 300), format: "xlsx" } });
    return xlsxResponse(indicesXlsx(round, wanted, results.indices, locale));
  });
}
