import type { LoaderFunctionArgs } from "@remix-run/node";
import { CSV_BOM, csvLine } from "../domain/csv/write";
import { describeProblem } from "../domain/fieldwork/frame";
import { frameImportPage } from "../domain/messages/areas/frame-import-page";
import { streamRejectedRows } from "../services/fieldwork/frame-import.server";
import { getFrameImport } from "../services/fieldwork/frame-uploads.server";
import { recordExport } from "../services/platform/audit.server";
import { resolveLocale } from "../services/platform/locale.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";

/**
 * The rows a valid-only import left out, as read, with a last column saying why: to fix and
 * upload again. They hold names and contacts, so only roles that may see contacts get them.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const { db, round, user } = await requireRoundAccess(request, params.roundId!, "viewContacts");
    const { locale } = await resolveLocale(request);
    const record = await getFrameImport(db, round.id, params.importId!);
    const headers = record.headers;
    const encoder = new TextEncoder();
    await recordExport(db, { actor: user.id, kind: "rejected_rows", roundId: round.id, details: { import: record.id } });
    const rows = streamRejectedRows(db, record.id);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + csvLine([frameImportPage.rejectedLine[locale], ...headers, frameImportPage.rejectedProblems[locale]])));
      },
      async pull(controller) {
        const next = await rows.next();
        if (next.done) return controller.close();
        const r = next.value;
        controller.enqueue(
          encoder.encode(csvLine([r.line, ...headers.map((_h, i) => r.cells[i] ?? ""), r.problems.map((p) => describeProblem(p, headers, locale)).join("; ")]))
        );
      },
    });
    const name = `dong-bi-loai-${record.fileName.replace(/\.csv$/i, "").replace(/[^A-Za-z0-9._-]+/g, "_")}.csv`;
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
