import type { LoaderFunctionArgs } from "@remix-run/node";
import { jobProgress } from "../services/fieldwork/frame-uploads.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { requireRoundAccess } from "../services/staff/guards.server";

/**
 * Progress of a running frame import, as JSON, for the import page to poll: the import job of this process only, and
 * only for the person who started it. The guard's reads are small and SQLite's WAL lets them run beside a large
 * import's open transaction. (It used to read a user id from the cookie, which since server-side sessions holds only
 * the session's token, so every poll was answered 401.)
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "json", async () => {
    const { user } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
    const progress = jobProgress(params.importId!, user.id);
    return Response.json(progress ?? { phase: "unknown" }, { headers: { "Cache-Control": "no-store" } });
  });
}
