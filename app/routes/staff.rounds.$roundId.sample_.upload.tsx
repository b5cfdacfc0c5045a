import type { ActionFunctionArgs } from "@remix-run/node";
import { requireRoundAccess } from "../services/staff/guards.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { receiveUpload } from "../services/fieldwork/frame-uploads.server";

/**
 * The upload endpoint the page's script posts to (XMLHttpRequest, for the progress bar): the same
 * work as the page's own form, answered as JSON so the page can show problems in place.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  return respondOrRefuse(request, "json", async () => {
    const { db, round, user } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
    const outcome = await receiveUpload(request, db, round.id, user.id);
    if (outcome.ok && outcome.kind === "frame") return Response.json({ ok: true, redirect: `/staff/rounds/${round.id}/sample/import/${outcome.importId}` });
    if (outcome.ok) return Response.json({ ok: true, result: outcome.result });
    return Response.json({ ok: false, message: outcome.message, details: outcome.details }, { status: outcome.status });
  });
}
