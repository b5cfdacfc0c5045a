import type { Locale } from "../../domain/definition/schema";
import { definitionDiff } from "../../domain/messages/areas/questionnaires";
import { studioPages as w } from "../../domain/messages/areas/studio-pages";

const TYPES: Record<string, keyof typeof w> = {
  satisfaction5: "typeSatisfaction5",
  level3: "typeLevel3",
  single: "typeSingle",
  multiple: "typeMultiple",
  yesno: "typeYesno",
  number: "typeNumber",
  text: "typeText",
  demographic: "typeDemographic",
};
const KINDS: Record<string, keyof typeof w> = { satisfaction: "kindSatisfaction", assessment: "kindAssessment", expectation: "kindExpectation" };
const RULES: Record<string, keyof typeof definitionDiff> = { mean: "ruleMean", weighted: "ruleWeighted", item: "ruleItem", pooled: "rulePooled" };

export const typeWord = (type: string, locale: Locale) => (TYPES[type] ? w[TYPES[type]][locale] : type);
export const kindWord = (kind: string, locale: Locale) => (KINDS[kind] ? w[KINDS[kind]][locale] : kind);
export const ruleWord = (rule: string, locale: Locale) => (RULES[rule] ? definitionDiff[RULES[rule]][locale] : rule);

/** The studio's address of a version or draft: `/staff/questionnaires/sipas-2022@2` (the "@" kept readable). */
export const studioPath = (ref: string, rest = "") => `/staff/questionnaires/${encodeURIComponent(ref).replace(/%40/g, "@")}${rest}`;
