import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { z } from "zod";
import { csvResponse } from "../services/csv-response.server";
import { exportIndices } from "../services/exports.server";
import type { ErrorPayload } from "../services/http.server";
import { orRespond } from "../services/http.server";
import { requireRoundAccess } from "../services/session.server";

/**
 * GET …/data/indices.csv?by=province&weighted=1&multiUnit=pooled&lang=vi: the index table with confidence
 * intervals (group,node,label,estimate,se,ci_low,ci_high,n,weight_sum), from the same cache as the results pages.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, round } = await requireRoundAccess(request, params.roundId!, "exportData");
  const Query = z.object({
    by: z.string().trim().min(1).max(64).default("none"),
    weighted: z.enum(["0", "1"]).default("1"),
    multiUnit: z.enum(["pooled", "meanOfUnits"]).default("pooled"),
    lang: z.enum(["vi", "en"]).default("vi"),
  });
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw data({ message: "Tham số không hợp lệ. / Invalid parameters.", details } satisfies ErrorPayload, { status: 400 });
  }
  const q = parsed.data;
  return orRespond(async () =>
    csvResponse(await exportIndices(db, { roundId: round.id, by: q.by, weighted: q.weighted === "1", multiUnit: q.multiUnit }, { locale: q.lang })),
  );
}
