/**
 * A definition diff as rows of a table (what, which change, before, after), for the studio's comparison page: the
 * same diff the CLI words as lines (diff-text.ts), cut so that each change reads across one row. Changed words are
 * marked as in the lines: [-removed-] in the "before" cell, {+added+} in the "after" cell.
 */
import { textIn } from "./text";
import { fieldName, RULE_NAMES, rule, value, word } from "./diff-text";
import type { DefinitionDiff, NodeChange, QuestionChange, SectionChange, TextChange } from "./diff";
import type { Definition, Item, Locale, Option } from "./schema";
import type { WordPart } from "./word-diff";

export interface DiffRow {
  group: "questionnaire" | "sections" | "questions" | "trees";
  status: "added" | "removed" | "kept";
  /** The section, question or node: code and words (empty for the questionnaire's own fields). */
  code: string;
  label: string;
  what: string;
  before: string;
  after: string;
}

const DASH = "—";

function side(words: WordPart[], keep: "removed" | "added"): string {
  const mark = (t: string) => (keep === "removed" ? `[-${t}-]` : `{+${t}+}`);
  return words
    .filter((p) => p.op === "same" || p.op === keep)
    .map((p) => (p.op === "same" ? p.text : mark(p.text)))
    .join("");
}

function textSides(changes: TextChange[], locale: Locale): { before: string; after: string } {
  const lang = (t: TextChange) => (t.lang && changes.length > 1 ? `(${t.lang === "vi" ? "VI" : "EN"}) ` : "");
  const before = changes.map((t) => (t.before === undefined ? "" : lang(t) + side(t.words, "removed"))).filter(Boolean);
  const after = changes.map((t) => (t.after === undefined ? "" : lang(t) + side(t.words, "added"))).filter(Boolean);
  return { before: before.join(" · ") || word("none2", locale), after: after.join(" · ") || word("none2", locale) };
}

const itemOf = (def: Definition, code: string): Item | undefined => def.sections.flatMap((s) => s.items).find((i) => i.code === code);

/** The options of a question on one side, those only on that side marked, a changed label marked word by word. */
function optionSide(def: Definition, code: string, c: Extract<QuestionChange, { field: "options" }>, keep: "removed" | "added", locale: Locale): string {
  const only = new Set((keep === "removed" ? c.removed : c.added).map((o) => o.code));
  const relabelled = new Map(c.relabelled.map((r) => [r.code, r.texts]));
  const flags = new Map(c.missing.map((m) => [m.code, keep === "removed" ? m.before : m.after]));
  const one = (o: Option) => {
    const texts = relabelled.get(o.code);
    const changed = texts?.find((t) => t.lang === locale) ?? texts?.find((t) => t.lang === "vi");
    const label = changed ? side(changed.words, keep) : textIn(o.label, locale);
    const flag = flags.get(o.code) ? ` (${word("countsMissing", locale)})` : "";
    const text = `${o.code} «${label}»${flag}`;
    return only.has(o.code) ? (keep === "removed" ? `[-${text}-]` : `{+${text}+}`) : text;
  };
  return (itemOf(def, code)?.options ?? []).map(one).join("; ") || word("none2", locale);
}

function questionRow(c: QuestionChange, code: string, a: Definition, b: Definition, locale: Locale): { what: string; before: string; after: string } {
  const what = fieldName(c.field, locale);
  switch (c.field) {
    case "label":
    case "help":
      return { what, ...textSides(c.texts, locale) };
    case "showIf":
      return { what, before: rule(a, c.before, locale), after: rule(b, c.after, locale) };
    case "options":
      return { what: c.reordered ? `${what} (${word("reordered", locale)})` : what, before: optionSide(a, code, c, "removed", locale), after: optionSide(b, code, c, "added", locale) };
    default:
      return { what, before: value(c.before, locale), after: value(c.after, locale) };
  }
}

function sectionRow(c: SectionChange, a: Definition, b: Definition, locale: Locale) {
  const what = fieldName(c.field, locale);
  if (c.field === "showIf") return { what, before: rule(a, c.before, locale), after: rule(b, c.after, locale) };
  return { what, ...textSides(c.texts, locale) };
}

function nodeRow(c: NodeChange, locale: Locale) {
  const what = fieldName(c.field, locale);
  if (c.field === "label") return { what, ...textSides(c.texts, locale) };
  if (c.field === "rule") return { what, before: RULE_NAMES[c.before]?.[locale] ?? c.before, after: RULE_NAMES[c.after]?.[locale] ?? c.after };
  return { what, before: value(c.before, locale), after: value(c.after, locale) };
}

/** Every change of the diff as a row; an added or removed thing is one row, a moved one says from where to where. */
export function diffRows(diff: DefinitionDiff, a: Definition, b: Definition, locale: Locale): DiffRow[] {
  const rows: DiffRow[] = [];
  const place = (section: string | undefined, n: number | undefined) => word("place", locale, { section: section ?? "?", n: n ?? "?" });
  const status = (s: DiffRow["status"]) => word(s === "added" ? "rowAdded" : "rowRemoved", locale);
  for (const m of diff.meta) rows.push({ group: "questionnaire", status: "kept", code: "", label: "", what: fieldName(m.field, locale), ...textSides(m.texts, locale) });
  for (const s of diff.sections) {
    const base = { group: "sections" as const, status: s.status, code: s.code, label: textIn(s.title, locale) };
    if (s.status !== "kept") rows.push({ ...base, what: status(s.status), before: s.status === "removed" ? base.label : DASH, after: s.status === "added" ? base.label : DASH });
    if (s.moved) rows.push({ ...base, what: word("movedShort", locale), before: DASH, after: DASH });
    for (const c of s.changes) rows.push({ ...base, ...sectionRow(c, a, b, locale) });
  }
  for (const q of diff.questions) {
    const base = { group: "questions" as const, status: q.status, code: q.code, label: textIn(q.label, locale) };
    if (q.status === "added") rows.push({ ...base, what: status("added"), before: DASH, after: place(q.sectionB, q.numberB) });
    if (q.status === "removed") rows.push({ ...base, what: status("removed"), before: place(q.sectionA, q.numberA), after: DASH });
    if (q.moved) rows.push({ ...base, what: word("movedShort", locale), before: place(q.sectionA, q.numberA), after: place(q.sectionB, q.numberB) });
    for (const c of q.changes) rows.push({ ...base, ...questionRow(c, q.code, a, b, locale) });
  }
  for (const n of diff.nodes) {
    const base = { group: "trees" as const, status: n.status, code: n.code, label: `${textIn(n.label, locale)} (${n.tree})` };
    if (n.status !== "kept") rows.push({ ...base, what: status(n.status), before: n.status === "removed" ? base.label : DASH, after: n.status === "added" ? base.label : DASH });
    for (const c of n.changes) rows.push({ ...base, ...nodeRow(c, locale) });
  }
  return rows;
}
