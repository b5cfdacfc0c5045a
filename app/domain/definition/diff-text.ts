/**
 * A definition diff as lines of text (the CLI's `definitions diff`), in Vietnamese or English. Changed words are
 * marked [-removed-]{+added+}, as `git diff --word-diff` does.
 */
import { translateReason } from "../results/describe";
import { describeCondition } from "../paper/skip-text";
import type { DefinitionDiff, NodeChange, QuestionChange, SectionChange, TextChange } from "./diff";
import type { Condition, Definition, Locale, LocalizedText } from "./schema";
import { textIn } from "./text";
import type { WordPart } from "./word-diff";

const W = {
  vi: {
    none: "không có khác biệt",
    questionnaire: "Phiếu",
    sections: "Các phần",
    questions: "Câu hỏi",
    trees: "Cây chỉ số",
    comparability: "So sánh kết quả giữa các năm",
    comparable: "vẫn so sánh được",
    notComparable: "không so sánh được",
    added: "thêm",
    removed: "bỏ",
    changed: "sửa",
    moved: (from: string, to: string) => `chuyển chỗ: ${from} → ${to}`,
    movedShort: "chuyển chỗ",
    place: (section: string | undefined, n: number | undefined) => `phần ${section ?? "?"}, câu số ${n ?? "?"}`,
    field: {
      label: "nội dung",
      help: "hướng dẫn",
      title: "tiêu đề",
      description: "mô tả",
      basis: "căn cứ",
      type: "loại câu",
      required: "bắt buộc",
      options: "phương án",
      showIf: "điều kiện hiển thị",
      positive: "câu trả lời tích cực",
      min: "giá trị nhỏ nhất",
      max: "giá trị lớn nhất",
      integer: "số nguyên",
      maxLength: "độ dài tối đa",
      rule: "quy tắc",
      weights: "trọng số",
      item: "câu cho chỉ số",
      children: "nhánh con",
      parent: "nút cha",
      kind: "loại chỉ số",
    } as Record<string, string>,
    lang: { vi: "tiếng Việt", en: "tiếng Anh" },
    always: "luôn hiển thị",
    yes: "có",
    no: "không",
    noneValue: "(không có)",
    reordered: "đổi thứ tự",
    missingFlag: (code: string, on: boolean) => `phương án ${code} ${on ? "tính là thiếu" : "không còn tính là thiếu"}`,
    other: "Có khác biệt khác chưa được mô tả",
    warning: "Cảnh báo",
    reworded: (codes: string) => `Các câu giữ mã nhưng phương án được viết lại (hãy chắc rằng vẫn cùng nghĩa): ${codes}`,
  },
  en: {
    none: "no differences",
    questionnaire: "Questionnaire",
    sections: "Sections",
    questions: "Questions",
    trees: "Index trees",
    comparability: "Year-over-year comparability",
    comparable: "stay comparable",
    notComparable: "not comparable",
    added: "added",
    removed: "removed",
    changed: "changed",
    moved: (from: string, to: string) => `moved: ${from} → ${to}`,
    movedShort: "moved",
    place: (section: string | undefined, n: number | undefined) => `section ${section ?? "?"}, no. ${n ?? "?"}`,
    field: {
      label: "text",
      help: "help text",
      title: "title",
      description: "description",
      basis: "basis",
      type: "type",
      required: "required",
      options: "options",
      showIf: "display rule",
      positive: "positive answers",
      min: "minimum",
      max: "maximum",
      integer: "whole number",
      maxLength: "maximum length",
      rule: "rule",
      weights: "weights",
      item: "question giving the index",
      children: "children",
      parent: "parent node",
      kind: "kind of index",
    } as Record<string, string>,
    lang: { vi: "Vietnamese", en: "English" },
    always: "always shown",
    yes: "yes",
    no: "no",
    noneValue: "(none)",
    reordered: "reordered",
    missingFlag: (code: string, on: boolean) => `option ${code} ${on ? "now counts as missing" : "no longer counts as missing"}`,
    other: "Other differences that are not itemised",
    warning: "Warning",
    reworded: (codes: string) => `Questions that keep their code with reworded options (make sure they still mean the same): ${codes}`,
  },
} as const;

export function markWords(parts: WordPart[]): string {
  return parts.map((p) => (p.op === "same" ? p.text : p.op === "added" ? `{+${p.text}+}` : `[-${p.text}-]`)).join("");
}

function texts(changes: TextChange[], locale: Locale): string {
  return changes.map((t) => (t.lang ? `(${W[locale].lang[t.lang]}) ` : "") + markWords(t.words)).join(" · ");
}

function value(v: unknown, locale: Locale): string {
  if (v === undefined || v === null) return W[locale].noneValue;
  if (typeof v === "boolean") return v ? W[locale].yes : W[locale].no;
  if (Array.isArray(v)) return v.length ? v.join(", ") : W[locale].noneValue;
  return String(v);
}

function rule(def: Definition, cond: Condition | undefined, locale: Locale): string {
  if (!cond) return W[locale].always;
  const codes = new Map(def.sections.flatMap((s) => s.items).map((i) => [i.code, i.code]));
  return describeCondition(def, cond, locale, codes);
}

function questionChange(c: QuestionChange, a: Definition, b: Definition, locale: Locale): string {
  const w = W[locale];
  const name = w.field[c.field];
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
        ...c.missing.map((m) => w.missingFlag(m.code, m.after)),
        ...(c.reordered ? [w.reordered] : []),
      ];
      return `${name}: ${parts.join("; ")}`;
    }
    default:
      return `${name}: ${value(c.before, locale)} → ${value(c.after, locale)}`;
  }
}

function sectionChange(c: SectionChange, a: Definition, b: Definition, locale: Locale): string {
  const name = W[locale].field[c.field];
  if (c.field === "showIf") return `${name}: ${rule(a, c.before, locale)} → ${rule(b, c.after, locale)}`;
  return `${name}: ${texts(c.texts, locale)}`;
}

export const RULE_NAMES: Record<string, LocalizedText> = {
  mean: { vi: "trung bình", en: "mean" },
  weighted: { vi: "trung bình có trọng số", en: "weighted mean" },
  item: { vi: "theo một câu", en: "one question" },
  pooled: { vi: "gộp các câu trả lời", en: "pooled answers" },
};

function nodeChange(c: NodeChange, locale: Locale): string {
  const name = W[locale].field[c.field];
  if (c.field === "label") return `${name}: ${texts(c.texts, locale)}`;
  if (c.field === "rule") return `${name}: ${RULE_NAMES[c.before]?.[locale] ?? c.before} → ${RULE_NAMES[c.after]?.[locale] ?? c.after}`;
  return `${name}: ${value(c.before, locale)} → ${value(c.after, locale)}`;
}

/** The diff as lines; the definitions are needed to word skip rules. */
export function diffLines(diff: DefinitionDiff, a: Definition, b: Definition, locale: Locale): string[] {
  const w = W[locale];
  const out: string[] = [`${diff.a.key}@${diff.a.version} → ${diff.b.key}@${diff.b.version}`];
  if (diff.same) {
    out.push(w.none);
    return out;
  }
  const status = (s: "added" | "removed" | "kept") => (s === "added" ? "+" : s === "removed" ? "−" : "~");
  if (diff.meta.length) {
    out.push("", w.questionnaire);
    for (const m of diff.meta) out.push(`  ~ ${w.field[m.field]}: ${texts(m.texts, locale)}`);
  }
  if (diff.sections.length) {
    out.push("", w.sections);
    for (const s of diff.sections) {
      out.push(`  ${status(s.status)} ${s.code} «${textIn(s.title, locale)}»${s.moved ? ` (${w.movedShort})` : ""}`);
      for (const c of s.changes) out.push(`      ${sectionChange(c, a, b, locale)}`);
    }
  }
  if (diff.questions.length) {
    out.push("", w.questions);
    for (const q of diff.questions) {
      const where = q.status === "removed" ? w.place(q.sectionA, q.numberA) : w.place(q.sectionB, q.numberB);
      out.push(`  ${status(q.status)} ${q.code} «${textIn(q.label, locale)}» (${where})`);
      if (q.moved) out.push(`      ${w.moved(w.place(q.sectionA, q.numberA), w.place(q.sectionB, q.numberB))}`);
      for (const c of q.changes) out.push(`      ${questionChange(c, a, b, locale)}`);
    }
  }
  if (diff.nodes.length) {
    out.push("", w.trees);
    for (const n of diff.nodes) {
      out.push(`  ${status(n.status)} ${n.code} «${textIn(n.label, locale)}» (${n.tree})`);
      for (const c of n.changes) out.push(`      ${nodeChange(c, locale)}`);
    }
  }
  if (diff.other) out.push("", w.other);
  if (diff.warnings.length) {
    out.push("", w.warning);
    for (const x of diff.warnings.filter((x) => x.kind !== "relabelled")) out.push(`  ! ${x.message[locale]}`);
    const reworded = diff.warnings.filter((x) => x.kind === "relabelled").map((x) => x.code);
    if (reworded.length) out.push(`  ! ${w.reworded(reworded.join(", "))}`);
  }
  out.push("", w.comparability);
  const nodes = diff.comparability.rows.filter((r) => r.type === "node");
  const ok = nodes.filter((r) => r.comparable);
  const not = diff.comparability.rows.filter((r) => !r.comparable && (r.type === "node" || (r.inA && r.inB)));
  out.push(`  ${w.comparable}: ${ok.map((r) => r.code).join(", ") || w.noneValue}`);
  if (not.length) {
    out.push(`  ${w.notComparable}:`);
    for (const r of not) out.push(`    ${r.code} «${r.label[locale]}»: ${r.reasons.map((x) => translateReason(x, locale)).join("; ")}`);
  }
  return out;
}
