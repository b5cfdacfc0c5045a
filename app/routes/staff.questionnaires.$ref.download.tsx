import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "../db.server";
import { loadByRef } from "../services/definitions/drafts.server";
import { definitionToXlsx } from "../services/definitions/xlsx.server";
import { contentDisposition } from "../services/platform/downloads.server";
import { respondOrRefuse } from "../services/platform/route-errors.server";
import { requirePermission } from "../services/staff/guards.server";

/** A version or draft as .xlsx (to author in Excel and upload again) or as JSON (the stored format). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return respondOrRefuse(request, "text", async () => {
    const user = await requirePermission(request, "viewQuestionnaires");
    const { db } = await getDb();
    const ref = params.ref ?? "";
    const loaded = await loadByRef(db, ref, { provinceCode: user.provinceCode });
    const format = new URL(request.url).searchParams.get("format") === "json" ? "json" : "xlsx";
    const name = `${ref.replace("@", "-")}.${format}`;
    const headers = { "Content-Disposition": contentDisposition(name, name), "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
    if (format === "json") {
      const text = `${JSON.stringify(loaded.raw, null, 2)}\n`;
      return new Response(text, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
    }
    const bytes = await definitionToXlsx(loaded.raw);
    return new Response(new Uint8Array(bytes), { headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
  });
}
