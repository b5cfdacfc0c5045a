import type { LoaderFunctionArgs } from "@remix-run/node";
import { CSV_BOM, csvLine } from "../domain/csv/write";
import { MAIL_MERGE_HEADER, mailMergeRows } from "../services/fieldwork/fieldwork.server";
import { resolveLocale } from "../services/platform/locale.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";

/**
 * The mail-merge / SMS file: one row per invitation in the field, with name, contact, code and
 * link. Streamed (36,000 rows do not sit in memory); Excel-safe cells; contacts-permission only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, round, user } = await requireRoundAccess(request, params.roundId!, "viewContacts");
    const { locale } = await resolveLocale(request);
    const url = new URL(request.url);
    const baseUrl = process.env.PUBLIC_URL ?? url.origin;
    const rows = mailMergeRows(
      db,
      round.id,
      { id: user.id, role: user.role },
      { baseUrl, only: url.searchParams.get("only") === "pending" ? "pending" : "all", locale }
    );
    // Checks (sample exists, role) run before the first byte, so they can still answer with a status.
    const first = await rows.next();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(MAIL_MERGE_HEADER)));
        if (!first.done) controller.enqueue(encoder.encode(csvLine(first.value)));
        else controller.close();
      },
      async pull(controller) {
        if (first.done) return;
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(csvLine(next.value)));
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="thu-moi-${round.id}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
