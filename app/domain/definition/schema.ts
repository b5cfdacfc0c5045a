/**
 * The questionnaire definition format (survey-definitions/<key>/<version>.json).
 * See docs/decisions/002-definition-format.md for why it looks like this.
 */
import { z } from "zod";

// Messages are keys of the catalogue's definitionProblems area (problems.ts words them in both languages).
// No '.' or '-' in codes: they become form field names (react-hook-form reads dots as paths) and CSV headers.
const CODE = /^[A-Za-z][A-Za-z0-9_]*$/;
const OPTION_CODE = /^[A-Za-z0-9_.-]+$/;

/** Words of the app itself (pages, messages): always in both languages. */
export type LocalizedText = { vi: string; en: string };
export type Locale = keyof LocalizedText;

/**
 * A questionnaire's text: Vietnamese is required, English optional — a designer adapting a questionnaire need not
 * invent translations. Where English is missing, the English view shows the Vietnamese, marked (see text.ts).
 * A blank English text in a file is refused (leave the key out); the editor and the .xlsx reader drop blanks.
 */
export const DefinitionTextSchema = z
  .object({
    // The schema-level message also covers a missing key, which zod would report as a type error.
    vi: z.string({ error: "viMissing" }).trim().min(1, "viMissing"),
    en: z.string({ error: "notText" }).trim().min(1, "enBlank").optional(),
  })
  .strict();
export type DefinitionText = z.infer<typeof DefinitionTextSchema>;

export const CodeSchema = z.string().regex(CODE, "codeFormat");

export const OptionSchema = z
  .object({
    code: z.string().regex(OPTION_CODE, "optionFormat"),
    label: DefinitionTextSchema,
    /** An explicit "no opinion" answer: stored, but counted as missing by the indices. */
    missing: z.boolean().optional(),
  })
  .strict();
export type Option = z.infer<typeof OptionSchema>;

/** Skip logic: an item or section is shown only when its condition holds for earlier answers. */
export type Condition =
  | { item: string; in: string[] }
  | { item: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ item: CodeSchema, in: z.array(z.string()).min(1, "ruleNoOption") }).strict(),
    z.object({ item: CodeSchema, answered: z.boolean() }).strict(),
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
  ]),
);

export const ITEM_TYPES = [
  "satisfaction5", // 5-point satisfaction scale
  "level3", // 3-level interest or expectation
  "single",
  "multiple",
  "yesno",
  "number",
  "text",
  "demographic", // single choice describing the respondent: usable as a grouping field
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Item types answered by picking option codes. */
export const CHOICE_TYPES: readonly ItemType[] = ["satisfaction5", "level3", "single", "multiple", "yesno", "demographic"];

export const ItemSchema = z
  .object({
    code: CodeSchema,
    type: z.enum(ITEM_TYPES),
    label: DefinitionTextSchema,
    help: DefinitionTextSchema.optional(),
    required: z.boolean().default(true),
    /** Inline options, or `scale` naming one of the definition's shared option sets. */
    options: z.array(OptionSchema).optional(),
    scale: z.string().optional(),
    showIf: ConditionSchema.optional(),
    /** Option codes that count as "positive" when this item feeds an index. */
    positive: z.array(z.string()).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    maxLength: z.number().int().positive().optional(),
  })
  .strict();
export type Item = z.infer<typeof ItemSchema>;

export const SectionSchema = z
  .object({
    code: CodeSchema,
    title: DefinitionTextSchema,
    description: DefinitionTextSchema.optional(),
    showIf: ConditionSchema.optional(),
    items: z.array(ItemSchema).min(1, "sectionNoItems"),
  })
  .strict();
export type Section = z.infer<typeof SectionSchema>;

export const AGGREGATION_RULES = ["mean", "weighted", "item", "pooled"] as const;
export type AggregationRule = (typeof AGGREGATION_RULES)[number];

export type IndexLeaf = { item: string };
export type IndexNode = {
  code: string;
  label: DefinitionText;
  rule: AggregationRule;
  weights?: number[];
  /** For rule `item`: the child item whose index is the node's index ("in general" items). */
  item?: string;
  children: Array<IndexNode | IndexLeaf>;
};
export const INDEX_KINDS = ["satisfaction", "assessment", "expectation"] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];
export type IndexTree = IndexNode & { kind: IndexKind };

const IndexLeafSchema = z.object({ item: CodeSchema }).strict();
const indexNodeShape = {
  code: CodeSchema,
  label: DefinitionTextSchema,
  rule: z.enum(AGGREGATION_RULES).default("mean"),
  weights: z.array(z.number()).optional(),
  item: CodeSchema.optional(),
};
export const IndexNodeSchema: z.ZodType<IndexNode, any> = z.lazy(() =>
  z
    .object({
      ...indexNodeShape,
      children: z.array(z.union([IndexLeafSchema, IndexNodeSchema])).min(1, "nodeNoChildren"),
    })
    .strict(),
);
export const IndexTreeSchema = z
  .object({
    ...indexNodeShape,
    kind: z.enum(INDEX_KINDS),
    children: z.array(z.union([IndexLeafSchema, IndexNodeSchema])).min(1, "nodeNoChildren"),
  })
  .strict();

export const DefinitionSchema = z
  .object({
    $schema: z.string().optional(),
    key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "keyFormat"),
    version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, "versionFormat"),
    title: DefinitionTextSchema,
    description: DefinitionTextSchema.optional(),
    /** Where the content comes from (decision, plan), for the people who audit it. */
    basis: z.string().optional(),
    scales: z.record(CodeSchema, z.array(OptionSchema).min(2, "scaleTooSmall")).default({}),
    sections: z.array(SectionSchema).min(1, "noSections"),
    indices: z.array(IndexTreeSchema).default([]),
  })
  .strict();
export type Definition = z.infer<typeof DefinitionSchema>;

export function isLeaf(child: IndexNode | IndexLeaf): child is IndexLeaf {
  return !("children" in child);
}
