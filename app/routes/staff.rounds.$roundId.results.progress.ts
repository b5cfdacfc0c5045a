import type { LoaderFunctionArgs } from "@remix-run/node";
import { optionsOf } from "../domain/results/query";
import { parseResultsQuery } from "../domain/results/query-parse";
import { resolveLocale } from "../services/platform/locale.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { getResultsProgress } from "../services/results/jobs.server";
import { groupingOptions } from "../services/results/grouping.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/**
 * Progress of the computation behind a results page, as JSON, for the page to poll:
 * {"state":"computing","done":5000,"total":12000,"percent":41,...} | {"state":"ready"} | {"state":"failed","message":...}
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "json", async () => {
    const { db, round, units, definition } = await requireRoundAccess(request, params.roundId!, "viewResults");
    const choices = groupingOptions(definition, [...new Set(units.map((u) => u.level))]).map((c) => c.value);
    const query = parseResultsQuery(new URL(request.url).searchParams, choices);
    const progress = await getResultsProgress(db, { roundId: round.id, ...optionsOf(query) });
    // The panel shows a failure as it comes: in the reader's language.
    const { locale } = await resolveLocale(request);
    return Response.json(progress.state === "failed" ? { ...progress, message: progress.message[locale] } : progress, { headers: { "Cache-Control": "no-store" } });
  });
}
