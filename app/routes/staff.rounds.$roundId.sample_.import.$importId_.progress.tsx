import type { LoaderFunctionArgs } from "@remix-run/node";
import { jobProgress } from "../services/fieldwork/frame-uploads.server";
import { getSession } from "../services/platform/session.server";

/**
 * Progress of a running frame import, as JSON, for the import page to poll. It reads the signed
 * session cookie and the import job of this process only: no database work, so it answers even
 * while a large import holds the SQLite database. Only the person who started the import sees it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const userId = session.get("userId") as string | undefined;
  if (!userId) return Response.json({ phase: "unknown" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const progress = jobProgress(params.importId!, userId);
  return Response.json(progress ?? { phase: "unknown" }, { headers: { "Cache-Control": "no-store" } });
}
