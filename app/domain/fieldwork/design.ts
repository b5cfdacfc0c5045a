/**
 * A round's sample design as staff enter it (web form or CLI) and as it is stored with the sample.
 * One zod schema for both front doors; the sampling module does the arithmetic.
 */
import * as z from "zod/mini";
import type { LocalizedText } from "../definition/schema";
import { MAX_SEED, type AllocationRule, type SampleSizeRule, type StratifiedDesign } from "../sampling";
import { fill } from "../messages";
import { plan } from "../messages/areas/plan";
import { builtinStrata, designForm } from "../messages/areas/sample-design";

/** Frame attributes every frame has, usable as strata; unmapped file columns come on top, by header. */
export const BUILTIN_STRATA = ["level", "unit", "district", "field", "sex", "month"] as const;
export type BuiltinStratum = (typeof BUILTIN_STRATA)[number];

export const BUILTIN_STRATA_LABELS: Record<BuiltinStratum, LocalizedText> = builtinStrata;

// Whole numbers between two bounds, and numbers strictly between two bounds (zod/mini's checks).
const intIn = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
const between = (low: number, high: number) => z.number().check(z.gt(low), z.lt(high));

const SizeSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("fixed"), n: intIn(1, 10_000_000) }),
  z.object({ method: z.literal("yamane"), e: between(0, 1) }),
  z.object({ method: z.literal("margin"), e: between(0, 1), p: z.optional(between(0, 1)) }),
]);

const AllocationSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("equal") }),
  z.object({ method: z.literal("proportional") }),
  z.object({ method: z.literal("proportional-min"), min: intIn(0, 1_000_000) }),
]);

const ChannelSchema = z.enum(["paper", "link", "sms"]);

export const StratifiedDesignSchema = z.object({
  kind: z.literal("stratified"),
  strataBy: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(4)),
  size: SizeSchema,
  allocation: AllocationSchema,
  /** Ordered replacements per stratum. */
  reserve: intIn(0, 100_000),
  channel: z._default(ChannelSchema, "paper"),
});

const StageSchema = z.object({
  select: intIn(1, 100_000),
  method: z._default(z.enum(["srs", "pps-systematic"]), "srs"),
});

/**
 * districts → communes → (villages) → persons. Districts and communes are the round's units
 * (communes under districts); villages are the values of a frame column within each commune.
 */
export const MultiStageDesignSchema = z.object({
  kind: z.literal("multistage"),
  district: StageSchema,
  commune: StageSchema,
  /** The frame column naming the village (e.g. "Thôn"); null for three stages. */
  villageColumn: z.nullable(z.string().check(z.minLength(1), z.maxLength(100))),
  village: z.nullable(StageSchema),
  person: z.object({ select: intIn(1, 100_000), reserve: intIn(0, 10_000) }),
  channel: z._default(ChannelSchema, "paper"),
});

export const SampleDesignSchema = z.discriminatedUnion("kind", [StratifiedDesignSchema, MultiStageDesignSchema]);
export type SampleDesign = z.infer<typeof SampleDesignSchema>;
export type StratifiedDesignInput = z.infer<typeof StratifiedDesignSchema>;
export type MultiStageDesignInput = z.infer<typeof MultiStageDesignSchema>;

export const SeedSchema = z.coerce.number().check(z.int(), z.gte(0), z.lte(MAX_SEED));

export function toStratifiedDesign(d: StratifiedDesignInput): StratifiedDesign {
  return { strataBy: d.strataBy, size: d.size as SampleSizeRule, allocation: d.allocation as AllocationRule, reserve: d.reserve };
}

/** "12", "5%" or "0.05" → 0.05 for margins; null when not a number in (0, 1). */
export function parseMargin(text: string): number | null {
  const t = text.trim().replace(",", ".");
  const pct = t.endsWith("%");
  const x = Number(pct ? t.slice(0, -1) : t);
  if (!Number.isFinite(x)) return null;
  const e = pct || x >= 1 ? x / 100 : x;
  return e > 0 && e < 1 ? e : null;
}

/** "equal", "proportional", "proportional-min:30" (or "min:30") as an allocation rule. */
export function parseAllocation(text: string): AllocationRule | null {
  const t = text.trim().toLowerCase();
  if (t === "equal" || t === "proportional") return { method: t };
  const m = /^(?:proportional-)?min[:=](\d+)$/.exec(t);
  return m ? { method: "proportional-min", min: Number(m[1]) } : null;
}

/** A short description of a design for pages and the CLI. */
export function describeDesign(d: SampleDesign, locale: "vi" | "en"): string {
  if (d.kind === "multistage") {
    const parts = [fill(plan.stagesDistricts, { n: d.district.select }, locale), fill(plan.stagesCommunes, { n: d.commune.select }, locale)];
    if (d.village) parts.push(fill(plan.stagesVillages, { n: d.village.select }, locale));
    parts.push(fill(plan.stagesPersons, { n: d.person.select }, locale));
    return parts.join(" → ");
  }
  const size =
    d.size.method === "fixed"
      ? `n = ${d.size.n}`
      : d.size.method === "yamane"
      ? `n = N/(1+N·e²), e = ${d.size.e * 100}%`
      : fill(plan.marginShort, { e: String(d.size.e * 100) }, locale);
  const alloc =
    d.allocation.method === "equal"
      ? plan.allocEqual[locale]
      : d.allocation.method === "proportional"
      ? plan.allocProportional[locale]
      : fill(plan.allocProportionalMin, { min: d.allocation.min }, locale);
  return `${size}; ${alloc}; ${fill(plan.reserveShort, { n: d.reserve }, locale)}`;
}

export type DesignFormErrors = Partial<Record<"kind" | "strata" | "size" | "n" | "e" | "min" | "reserve" | "stages" | "villageColumn", LocalizedText>>;

export interface DesignForm {
  get(name: string): string | null;
  getAll(name: string): string[];
}

const whole = (text: string | null): number | null => (text !== null && /^\s*\d+\s*$/.test(text) ? Number(text) : null);

/**
 * A design from the fields of the design form (GET, so the plan shows without JavaScript), with
 * a message per field for what cannot be read.
 */
export function designFromForm(form: DesignForm): { design: SampleDesign | null; errors: DesignFormErrors } {
  const errors: DesignFormErrors = {};
  const channel = (["paper", "link", "sms"] as const).find((c) => c === form.get("channel")) ?? "paper";
  const reserve = form.get("reserve")?.trim() ? whole(form.get("reserve")) : 0;
  if (reserve === null) errors.reserve = designForm.reserve;
  if (form.get("kind") === "multistage") {
    const count = (name: string) => whole(form.get(name));
    const [district, commune, village, person] = ["district", "commune", "village", "person"].map(count);
    const villageColumn = form.get("villageColumn")?.trim() || null;
    const pps = new Set(form.getAll("pps"));
    if (!district || !commune || !person || (villageColumn && !village)) {
      errors.stages = designForm.stages;
    }
    if (Object.keys(errors).length) return { design: null, errors };
    const stage = (name: string, select: number) => ({ select, method: pps.has(name) ? ("pps-systematic" as const) : ("srs" as const) });
    return {
      design: {
        kind: "multistage",
        district: stage("district", district!),
        commune: stage("commune", commune!),
        villageColumn,
        village: villageColumn ? stage("village", village!) : null,
        person: { select: person!, reserve: reserve ?? 0 },
        channel,
      },
      errors,
    };
  }
  const strataBy = form.getAll("strata").filter(Boolean);
  if (strataBy.length > 4) errors.strata = designForm.strata;
  let size: StratifiedDesignInput["size"] | null = null;
  const method = form.get("size") ?? "fixed";
  if (method === "fixed") {
    const n = whole(form.get("n"));
    if (!n) errors.n = designForm.n;
    else size = { method: "fixed", n };
  } else if (method === "yamane" || method === "margin") {
    const text = form.get("e") ?? "";
    const e = parseMargin(text.includes("%") || Number(text.replace(",", ".")) >= 1 ? text : `${text}%`);
    if (e === null)
      errors.e = designForm.e;
    else size = method === "yamane" ? { method: "yamane", e } : { method: "margin", e };
  } else errors.size = designForm.size;
  const allocText = form.get("alloc") ?? "proportional";
  let allocation: AllocationRule | null = null;
  if (allocText === "proportional-min") {
    const min = whole(form.get("min"));
    if (min === null) errors.min = designForm.min;
    else allocation = { method: "proportional-min", min };
  } else allocation = parseAllocation(allocText) ?? { method: "proportional" };
  if (Object.keys(errors).length || !size || !allocation) return { design: null, errors };
  return { design: { kind: "stratified", strataBy, size, allocation, reserve: reserve ?? 0, channel }, errors };
}

/** The design form's fields for a design (links back to a plan, the hidden fields of the draw form). */
export function designToForm(d: SampleDesign): [string, string][] {
  const out: [string, string][] = [
    ["kind", d.kind],
    ["channel", d.channel],
  ];
  if (d.kind === "multistage") {
    out.push(
      ["district", String(d.district.select)],
      ["commune", String(d.commune.select)],
      ["person", String(d.person.select)],
      ["reserve", String(d.person.reserve)]
    );
    if (d.villageColumn && d.village) out.push(["villageColumn", d.villageColumn], ["village", String(d.village.select)]);
    for (const [name, s] of [
      ["district", d.district],
      ["commune", d.commune],
      ["village", d.village],
    ] as const)
      if (s?.method === "pps-systematic") out.push(["pps", name]);
    return out;
  }
  for (const s of d.strataBy) out.push(["strata", s]);
  out.push(["size", d.size.method]);
  if (d.size.method === "fixed") out.push(["n", String(d.size.n)]);
  else out.push(["e", String(Math.round(d.size.e * 1e6) / 1e4)]);
  out.push(["alloc", d.allocation.method]);
  if (d.allocation.method === "proportional-min") out.push(["min", String(d.allocation.min)]);
  out.push(["reserve", String(d.reserve)]);
  return out;
}
