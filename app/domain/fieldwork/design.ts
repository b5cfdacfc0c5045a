/**
 * A round's sample design as staff enter it (web form or CLI) and as it is stored with the sample.
 * One zod schema for both front doors; the sampling module does the arithmetic.
 */
import { z } from "zod";
import type { LocalizedText } from "../definition/schema";
import { MAX_SEED, type AllocationRule, type SampleSizeRule, type StratifiedDesign } from "../sampling";

/** Frame attributes every frame has, usable as strata; unmapped file columns come on top, by header. */
export const BUILTIN_STRATA = ["level", "unit", "district", "field", "sex", "month"] as const;
export type BuiltinStratum = (typeof BUILTIN_STRATA)[number];

export const BUILTIN_STRATA_LABELS: Record<BuiltinStratum, LocalizedText> = {
  level: { vi: "Cấp đơn vị", en: "Unit level" },
  unit: { vi: "Đơn vị", en: "Unit" },
  district: { vi: "Huyện (của đơn vị)", en: "District (of the unit)" },
  field: { vi: "Lĩnh vực", en: "Service field" },
  sex: { vi: "Giới tính", en: "Sex" },
  month: { vi: "Tháng trả kết quả", en: "Month the result was returned" },
};

const SizeSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("fixed"), n: z.number().int().min(1).max(10_000_000) }),
  z.object({ method: z.literal("yamane"), e: z.number().gt(0).lt(1) }),
  z.object({ method: z.literal("margin"), e: z.number().gt(0).lt(1), p: z.number().gt(0).lt(1).optional() }),
]);

const AllocationSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("equal") }),
  z.object({ method: z.literal("proportional") }),
  z.object({ method: z.literal("proportional-min"), min: z.number().int().min(0).max(1_000_000) }),
]);

const ChannelSchema = z.enum(["paper", "link", "sms"]);

export const StratifiedDesignSchema = z.object({
  kind: z.literal("stratified"),
  strataBy: z.array(z.string().min(1).max(100)).max(4),
  size: SizeSchema,
  allocation: AllocationSchema,
  /** Ordered replacements per stratum. */
  reserve: z.number().int().min(0).max(100_000),
  channel: ChannelSchema.default("paper"),
});

const StageSchema = z.object({
  select: z.number().int().min(1).max(100_000),
  method: z.enum(["srs", "pps-systematic"]).default("srs"),
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
  villageColumn: z.string().min(1).max(100).nullable(),
  village: StageSchema.nullable(),
  person: z.object({ select: z.number().int().min(1).max(100_000), reserve: z.number().int().min(0).max(10_000) }),
  channel: ChannelSchema.default("paper"),
});

export const SampleDesignSchema = z.discriminatedUnion("kind", [StratifiedDesignSchema, MultiStageDesignSchema]);
export type SampleDesign = z.infer<typeof SampleDesignSchema>;
export type StratifiedDesignInput = z.infer<typeof StratifiedDesignSchema>;
export type MultiStageDesignInput = z.infer<typeof MultiStageDesignSchema>;

export const SeedSchema = z.coerce.number().int().min(0).max(MAX_SEED);

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
    const parts = [`${d.district.select} ${locale === "vi" ? "huyện" : "districts"}`, `${d.commune.select} ${locale === "vi" ? "xã/huyện" : "communes each"}`];
    if (d.village) parts.push(`${d.village.select} ${locale === "vi" ? "thôn/xã" : "villages each"}`);
    parts.push(`${d.person.select} ${locale === "vi" ? "người/đơn vị cuối" : "persons each"}`);
    return parts.join(" → ");
  }
  const size =
    d.size.method === "fixed" ? `n = ${d.size.n}` : d.size.method === "yamane" ? `n = N/(1+N·e²), e = ${d.size.e * 100}%` : `${locale === "vi" ? "sai số" : "margin"} ±${d.size.e * 100}% (95%)`;
  const alloc =
    d.allocation.method === "equal"
      ? locale === "vi" ? "chia đều" : "equal"
      : d.allocation.method === "proportional"
        ? locale === "vi" ? "tỷ lệ" : "proportional"
        : `${locale === "vi" ? "tỷ lệ, tối thiểu" : "proportional, at least"} ${d.allocation.min}`;
  return `${size}; ${alloc}; ${locale === "vi" ? "dự phòng" : "reserve"} ${d.reserve}`;
}
