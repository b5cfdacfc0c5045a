/**
 * The questionnaire definition format (survey-definitions/<key>/<version>.json).
 * See docs/decisions/002-definition-format.md for why it looks like this.
 */
// zod/mini (the same engine as "zod", functional API): no module in a browser bundle imports classic "zod", whose
// files the bundler would otherwise share with the citizen form's chunk (docs/BENCHMARKS.md, first load).
import * as z from "zod/mini";

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
export const DefinitionTextSchema = z.strictObject({
  // The schema-level message also covers a missing key, which zod would report as a type error.
  vi: z.string({ error: "viMissing" }).check(z.trim(), z.minLength(1, "viMissing")),
  en: z.optional(z.string({ error: "notText" }).check(z.trim(), z.minLength(1, "enBlank"))),
});
export type DefinitionText = z.infer<typeof DefinitionTextSchema>;

export const CodeSchema = z.string().check(z.regex(CODE, "codeFormat"));

export const OptionSchema = z.strictObject({
  code: z.string().check(z.regex(OPTION_CODE, "optionFormat")),
  label: DefinitionTextSchema,
  /** An explicit "no opinion" answer: stored, but counted as missing by the indices. */
  missing: z.optional(z.boolean()),
});
export type Option = z.infer<typeof OptionSchema>;

/** Skip logic: an item or section is shown only when its condition holds for earlier answers. */
export type Condition =
  | { item: string; in: string[] }
  | { item: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const ConditionSchema: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ item: CodeSchema, in: z.array(z.string()).check(z.minLength(1, "ruleNoOption")) }),
    z.strictObject({ item: CodeSchema, answered: z.boolean() }),
    z.strictObject({ all: z.array(ConditionSchema).check(z.minLength(1)) }),
    z.strictObject({ any: z.array(ConditionSchema).check(z.minLength(1)) }),
    z.strictObject({ not: ConditionSchema }),
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

export const ItemSchema = z.strictObject({
  code: CodeSchema,
  type: z.enum(ITEM_TYPES),
  label: DefinitionTextSchema,
  help: z.optional(DefinitionTextSchema),
  required: z._default(z.boolean(), true),
  /** Inline options, or `scale` naming one of the definition's shared option sets. */
  options: z.optional(z.array(OptionSchema)),
  scale: z.optional(z.string()),
  showIf: z.optional(ConditionSchema),
  /** Option codes that count as "positive" when this item feeds an index. */
  positive: z.optional(z.array(z.string())),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: z.optional(z.boolean()),
  maxLength: z.optional(z.int().check(z.positive())),
});
export type Item = z.infer<typeof ItemSchema>;

export const SectionSchema = z.strictObject({
  code: CodeSchema,
  title: DefinitionTextSchema,
  description: z.optional(DefinitionTextSchema),
  showIf: z.optional(ConditionSchema),
  items: z.array(ItemSchema).check(z.minLength(1, "sectionNoItems")),
});
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

const IndexLeafSchema = z.strictObject({ item: CodeSchema });
const indexNodeShape = {
  code: CodeSchema,
  label: DefinitionTextSchema,
  rule: z._default(z.enum(AGGREGATION_RULES), "mean"),
  weights: z.optional(z.array(z.number())),
  item: z.optional(CodeSchema),
};
export const IndexNodeSchema: z.ZodMiniType<IndexNode, any> = z.lazy(() =>
  z.strictObject({
    ...indexNodeShape,
    children: z.array(z.union([IndexLeafSchema, IndexNodeSchema])).check(z.minLength(1, "nodeNoChildren")),
  }),
);
export const IndexTreeSchema = z.strictObject({
  ...indexNodeShape,
  kind: z.enum(INDEX_KINDS),
  children: z.array(z.union([IndexLeafSchema, IndexNodeSchema])).check(z.minLength(1, "nodeNoChildren")),
});

export const DefinitionSchema = z.strictObject({
  $schema: z.optional(z.string()),
  key: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, "keyFormat")),
  version: z.string().check(z.regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, "versionFormat")),
  title: DefinitionTextSchema,
  description: z.optional(DefinitionTextSchema),
  /** Where the content comes from (decision, plan), for the people who audit it. */
  basis: z.optional(z.string()),
  scales: z._default(z.record(CodeSchema, z.array(OptionSchema).check(z.minLength(2, "scaleTooSmall"))), {}),
  sections: z.array(SectionSchema).check(z.minLength(1, "noSections")),
  indices: z._default(z.array(IndexTreeSchema), []),
});
export type Definition = z.infer<typeof DefinitionSchema>;

export function isLeaf(child: IndexNode | IndexLeaf): child is IndexLeaf {
  return !("children" in child);
}
