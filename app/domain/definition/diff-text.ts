/**
 * A definition diff as lines of text (the CLI's `definitions diff`), in Vietnamese or English. Changed words are
 * marked [-removed-]{+added+}, as `git diff --word-diff` does.
 */
import { reasonText } from "../results/reason-text";
import { describeCondition } from "../paper/skip-text";
import type { DefinitionDiff, NodeChange, QuestionChange, SectionChange, TextChange } from "./diff";
import { render, type MessageKey, type Param } from "../messages";
import { definitionDiff } from "../messages/areas/questionnaires";
import type { Catalogue } from "../messages/catalogue";
import type { Condition, Definition, Locale, LocalizedText } from "./schema";
import { textIn } from "./text";
import type { WordPart } from "./word-diff";

export type DiffWord = keyof Catalogue["definitionDiff"];
export const word = (key: DiffWord, locale: Locale, params?: Record<string, Param>) => render({ key: `definitionDiff.${key}`, params }, locale);

/** The name of a changed field, in the words the validator uses for places. */
const FIELD_WORDS: Record<string, MessageKey> = {
  label: "definitionPlaces.label",
  help: "definitionPlaces.help",
  title: "definitionPlaces.title",
  description: "definitionPlaces.description",
  basis: "definitionPlaces.basis",
  type: "definitionPlaces.type",
  required: "definitionPlaces.required",
  options: "definitionPlaces.options",
  showIf: "definitionPlaces.rule",
  positive: "definitionPlaces.positive",
  min: "definitionPlaces.min",
  max: "definitionPlaces.max",
  integer: "definitionPlaces.integer",
  maxLength: "definitionPlaces.maxLength",
  rule: "definitionPlaces.aggregation",
  weights: "definitionPlaces.weights",
  item: "definitionPlaces.ruleItem",
  children: "definitionDiff.fieldChildren",
  parent: "definitionDiff.fieldParent",
  kind: "definitionPlaces.kind",
};
export const fieldName = (field: string, locale: Locale) => render({ key: FIELD_WORDS[field] ?? field }, locale);

export function markWords(parts: WordPart[]): string {
  return parts.map((p) => (p.op === "same" ? p.text : p.op === "added" ? `{+${p.text}+}` : `[-${p.text}-]`)).join("");
}

function texts(changes: TextChange[], locale: Locale): string {
  return changes.map((t) => (t.lang ? `(${render({ key: `definitionPlaces.${t.lang}` }, locale)}) ` : "") + markWords(t.words)).join(" · ");
}

export function value(v: unknown, locale: Locale): string {
  if (v === undefined || v === null) return word("none2", locale);
  if (typeof v === "boolean") return word(v ? "yes" : "no", locale);
  if (Array.isArray(v)) return v.length ? v.join(", ") : word("none2", locale);
  return String(v);
}

export function rule(def: Definition, cond: Condition | undefined, locale: Locale): string {
  if (!cond) return word("always", locale);
  const codes = new Map(def.sections.flatMap((s) => s.items).map((i) => [i.code, i.code]));
  return describeCondition(def, cond, locale, codes);
}

function questionChange(c: QuestionChange, a: Definition, b: Definition, locale: Locale): string {
  const name = fieldName(c.field, locale);
  switch (c.field) {
    case "label":
    case "help":
      return `${name}: ${texts(c.texts, locale)}`;
    case "showIf":
      return `${name}: ${rule(a, c.before, locale)} → ${rule(b, c.after, locale)}`;
    case "options": {
      const parts = [
        ...c.added.map((o) => `+${o.code} «${textIn(o.label, locale)}»`),
        ...c.removed.map((o) => `−${o.code} «${textIn(o.label, locale)}»`),
        ...c.relabelled.map((r) => `${r.code}: ${texts(r.texts, locale)}`),
        ...c.missing.map((m) => word(m.after ? "nowMissing" : "noLongerMissing", locale, { code: m.code })),
        ...(c.reordered ? [word("reordered", locale)] : []),
      ];
      return `${name}: ${parts.join("; ")}`;
    }
    default:
      return `${name}: ${value(c.before, locale)} → ${value(c.after, locale)}`;
  }
}

function sectionChange(c: SectionChange, a: Definition, b: Definition, locale: Locale): string {
  const name = fieldName(c.field, locale);
  if (c.field === "showIf") return `${name}: ${rule(a, c.before, locale)} → ${rule(b, c.after, locale)}`;
  return `${name}: ${texts(c.texts, locale)}`;
}

export const RULE_NAMES: Record<string, LocalizedText> = {
  mean: definitionDiff.ruleMean,
  weighted: definitionDiff.ruleWeighted,
  item: definitionDiff.ruleItem,
  pooled: definitionDiff.rulePooled,
};

function nodeChange(c: NodeChange, locale: Locale): string {
  const name = fieldName(c.field, locale);
  if (c.field === "label") return `${name}: ${texts(c.texts, locale)}`;
  if (c.field === "rule") return `${name}: ${RULE_NAMES[c.before]?.[locale] ?? c.before} → ${RULE_NAMES[c.after]?.[locale] ?? c.after}`;
  return `${name}: ${value(c.before, locale)} → ${value(c.after, locale)}`;
}

/** The diff as lines; the definitions are needed to word skip rules. */
export function diffLines(diff: DefinitionDiff, a: Definition, b: Definition, locale: Locale): string[] {
  const w = (key: DiffWord, params?: Record<string, Param>) => word(key, locale, params);
  const place = (section: string | undefined, n: number | undefined) => w("place", { section: section ?? "?", n: n ?? "?" });
  const out: string[] = [`${diff.a.key}@${diff.a.version} → ${diff.b.key}@${diff.b.version}`];
  if (diff.same) {
    out.push(w("none"));
    return out;
  }
  const status = (s: "added" | "removed" | "kept") => (s === "added" ? "+" : s === "removed" ? "−" : "~");
  if (diff.meta.length) {
    out.push("", w("questionnaire"));
    for (const m of diff.meta) out.push(`  ~ ${fieldName(m.field, locale)}: ${texts(m.texts, locale)}`);
  }
  if (diff.sections.length) {
    out.push("", w("sections"));
    for (const s of diff.sections) {
      out.push(`  ${status(s.status)} ${s.code} «${textIn(s.title, locale)}»${s.moved ? ` (${w("movedShort")})` : ""}`);
      for (const c of s.changes) out.push(`      ${sectionChange(c, a, b, locale)}`);
    }
  }
  if (diff.questions.length) {
    out.push("", w("questions"));
    for (const q of diff.questions) {
      const where = q.status === "removed" ? place(q.sectionA, q.numberA) : place(q.sectionB, q.numberB);
      out.push(`  ${status(q.status)} ${q.code} «${textIn(q.label, locale)}» (${where})`);
      if (q.moved) out.push(`      ${w("moved", { from: place(q.sectionA, q.numberA), to: place(q.sectionB, q.numberB) })}`);
      for (const c of q.changes) out.push(`      ${questionChange(c, a, b, locale)}`);
    }
  }
  if (diff.nodes.length) {
    out.push("", w("trees"));
    for (const n of diff.nodes) {
      out.push(`  ${status(n.status)} ${n.code} «${textIn(n.label, locale)}» (${n.tree})`);
      for (const c of n.changes) out.push(`      ${nodeChange(c, locale)}`);
    }
  }
  if (diff.other) out.push("", w("other"));
  if (diff.warnings.length) {
    out.push("", w("warning"));
    for (const x of diff.warnings.filter((x) => x.kind !== "relabelled")) out.push(`  ! ${x.message[locale]}`);
    const reworded = diff.warnings.filter((x) => x.kind === "relabelled").map((x) => x.code);
    if (reworded.length) out.push(`  ! ${w("reworded", { codes: reworded.join(", ") })}`);
  }
  out.push("", w("comparability"));
  const nodes = diff.comparability.rows.filter((r) => r.type === "node");
  const ok = nodes.filter((r) => r.comparable);
  const not = diff.comparability.rows.filter((r) => !r.comparable && (r.type === "node" || (r.inA && r.inB)));
  out.push(`  ${w("comparable")}: ${ok.map((r) => r.code).join(", ") || w("none2")}`);
  if (not.length) {
    out.push(`  ${w("notComparable")}:`);
    for (const r of not) out.push(`    ${r.code} «${r.label[locale]}»: ${r.reasons.map((x) => reasonText(x, locale)).join("; ")}`);
  }
  return out;
}
