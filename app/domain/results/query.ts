/**
 * The options of a results page as they travel in its URL (a GET form that works without JavaScript):
 * ?by=district&weighted=true&multiUnit=pooled&interval=wald&group=D01
 */
import { z } from "zod";
import { UserError } from "../errors";

export const ResultsQuerySchema = z.object({
  by: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,64}$/, "by: a grouping code")
    .default("none"),
  weighted: z.enum(["true", "false"], "weighted: true or false").default("true"),
  multiUnit: z.enum(["pooled", "meanOfUnits"], "multiUnit: pooled or meanOfUnits").default("pooled"),
  interval: z.enum(["wald", "logit"], "interval: wald or logit").default("wald"),
  group: z.string().max(128).optional(),
});

export interface ResultsQuery {
  by: string;
  weighted: boolean;
  multiUnit: "pooled" | "meanOfUnits";
  interval: "wald" | "logit";
  /** The group whose tables are shown; undefined: the whole round. */
  group?: string;
}

/** Parses the page's query string; empty fields count as absent. Refuses malformed values with every problem. */
export function parseResultsQuery(params: URLSearchParams, choices: readonly string[]): ResultsQuery {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(ResultsQuerySchema.shape)) {
    const value = params.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  const parsed = ResultsQuerySchema.safeParse(raw);
  if (!parsed.success) {
    throw new UserError(
      "Tham số của trang kết quả không hợp lệ. / The results page was asked for options it does not know.",
      400,
      parsed.error.issues.map((i) => i.message)
    );
  }
  const q = parsed.data;
  if (!choices.includes(q.by)) {
    throw new UserError(`Không phân nhóm được theo "${q.by}". / Cannot group by "${q.by}".`, 400, [`by: ${choices.join(", ")}`]);
  }
  return { by: q.by, weighted: q.weighted === "true", multiUnit: q.multiUnit, interval: q.interval, group: q.group };
}

/** The query string of a results page (or its CSV, progress and comparison siblings) for these options. */
export function resultsSearch(q: Partial<ResultsQuery>, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (q.by !== undefined) params.set("by", q.by);
  if (q.weighted !== undefined) params.set("weighted", String(q.weighted));
  if (q.multiUnit !== undefined) params.set("multiUnit", q.multiUnit);
  if (q.interval !== undefined) params.set("interval", q.interval);
  if (q.group) params.set("group", q.group);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "") params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}
