/**
 * The editor's changes to a draft, as pure functions on the content as written (a draft may be broken while it is
 * edited; the validator says what is wrong). Every function returns a new object and leaves its input alone. Codes
 * are the identity of questions across versions, so new items get proposed codes that are not taken anywhere in the
 * questionnaire (sections, questions, index nodes).
 */
import { parseCondition } from "../definition/rule-syntax";
import { studioDefaults } from "../messages/areas/studio-defaults";
import { CHOICE_TYPES, ITEM_TYPES, type Condition, type ItemType } from "../definition/schema";

export type Raw = Record<string, unknown>;
type Obj = Record<string, unknown>;

const obj = (x: unknown): Obj => (x && typeof x === "object" && !Array.isArray(x) ? (x as Obj) : {});
const list = (x: unknown): Obj[] => (Array.isArray(x) ? x.map(obj) : []);
const clone = (raw: Raw): Raw => structuredClone(raw);
const sectionsOf = (raw: Raw): Obj[] => {
  if (!Array.isArray(raw.sections)) raw.sections = [];
  return raw.sections as Obj[];
};
const itemsOf = (section: Obj): Obj[] => {
  if (!Array.isArray(section.items)) section.items = [];
  return section.items as Obj[];
};
const treesOf = (raw: Raw): Obj[] => {
  if (!Array.isArray(raw.indices)) raw.indices = [];
  return raw.indices as Obj[];
};

/** Every code in use: sections, questions and index nodes share one name space for the proposal. */
export function codesInUse(raw: Raw): Set<string> {
  const out = new Set<string>();
  for (const s of list(raw.sections)) {
    if (typeof s.code === "string") out.add(s.code);
    for (const i of list(s.items)) if (typeof i.code === "string") out.add(i.code);
  }
  const walk = (n: Obj) => {
    if (typeof n.code === "string") out.add(n.code);
    for (const c of list(n.children)) if ("children" in c) walk(c);
  };
  list(raw.indices).forEach(walk);
  return out;
}

/** `A_7` for the next question of section A (one past the highest number used with that prefix, never a taken code). */
export function proposeItemCode(raw: Raw, sectionCode: string): string {
  const used = codesInUse(raw);
  const prefix = `${sectionCode || "Q"}_`;
  let n = 0;
  for (const code of used) {
    if (code.startsWith(prefix)) {
      const k = Number.parseInt(code.slice(prefix.length), 10);
      if (Number.isFinite(k)) n = Math.max(n, k);
    }
  }
  while (used.has(`${prefix}${n + 1}`)) n++;
  return `${prefix}${n + 1}`;
}

export function proposeSectionCode(raw: Raw): string {
  const used = codesInUse(raw);
  for (let i = 0; i < 26; i++) {
    const c = String.fromCharCode(65 + i);
    if (!used.has(c)) return c;
  }
  let n = 1;
  while (used.has(`S${n}`)) n++;
  return `S${n}`;
}

export function proposeNodeCode(raw: Raw, prefix = "N"): string {
  const used = codesInUse(raw);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function findItem(raw: Raw, code: string): { section: Obj; items: Obj[]; index: number } | null {
  for (const section of sectionsOf(raw)) {
    const items = itemsOf(section);
    const index = items.findIndex((i) => i.code === code);
    if (index >= 0) return { section, items, index };
  }
  return null;
}
function findSection(raw: Raw, code: string): { sections: Obj[]; index: number } | null {
  const sections = sectionsOf(raw);
  const index = sections.findIndex((s) => s.code === code);
  return index >= 0 ? { sections, index } : null;
}
/** A node anywhere in the trees, with the list it sits in (null parent: a tree's root). */
function findNode(raw: Raw, code: string): { node: Obj; siblings: Obj[]; index: number; parent: Obj | null } | null {
  const trees = treesOf(raw);
  const search = (siblings: Obj[], parent: Obj | null): ReturnType<typeof findNode> => {
    for (let index = 0; index < siblings.length; index++) {
      const n = siblings[index];
      if (!("children" in n)) continue;
      if (n.code === code) return { node: n, siblings, index, parent };
      const inner = search(Array.isArray(n.children) ? (n.children as Obj[]) : [], n);
      if (inner) return inner;
    }
    return null;
  };
  return search(trees, null);
}

function move<T>(arr: T[], from: number, to: number): void {
  if (to < 0 || to >= arr.length || from === to) return;
  const [x] = arr.splice(from, 1);
  arr.splice(to, 0, x);
}

const blankItem = (code: string): Obj => ({
  code,
  type: "yesno",
  label: { vi: "" },
  options: [
    { code: "1", label: { ...studioDefaults.yes } },
    { code: "2", label: { ...studioDefaults.no } },
  ],
});

export type Edit =
  | { op: "addSection" }
  | { op: "moveSection"; code: string; by: -1 | 1 }
  | { op: "removeSection"; code: string }
  | { op: "saveSection"; code: string; fields: SectionFields }
  | { op: "addItem"; section: string }
  | { op: "duplicateItem"; code: string }
  | { op: "moveItem"; code: string; by: -1 | 1 }
  | { op: "moveItemTo"; code: string; section: string }
  | { op: "removeItem"; code: string }
  | { op: "saveItem"; code: string; fields: ItemFields }
  | { op: "addTree" }
  | { op: "addNode"; parent: string }
  | { op: "addLeaf"; parent: string; item: string }
  | { op: "removeNode"; code: string }
  | { op: "saveNode"; code: string; fields: NodeFields }
  | { op: "saveMeta"; fields: MetaFields };

/** Applies one change; returns the new content and the code the change concerns (to show it next). */
export function applyEdit(input: Raw, edit: Edit): { raw: Raw; focus?: { kind: "section" | "item" | "node" | "meta"; code: string } } {
  const raw = clone(input);
  switch (edit.op) {
    case "addSection": {
      const code = proposeSectionCode(raw);
      const section: Obj = { code, title: { vi: "" }, items: [] };
      sectionsOf(raw).push(section);
      section.items = [blankItem(proposeItemCode(raw, code))];
      return { raw, focus: { kind: "section", code } };
    }
    case "moveSection": {
      const at = findSection(raw, edit.code);
      if (at) move(at.sections, at.index, at.index + edit.by);
      return { raw, focus: { kind: "section", code: edit.code } };
    }
    case "removeSection": {
      const at = findSection(raw, edit.code);
      if (at) at.sections.splice(at.index, 1);
      return { raw };
    }
    case "saveSection": {
      const at = findSection(raw, edit.code);
      if (!at) return { raw };
      const s = at.sections[at.index];
      const f = edit.fields;
      s.code = f.code;
      s.title = text(f.titleVi, f.titleEn) ?? { vi: "" };
      setOrDelete(s, "description", text(f.descriptionVi, f.descriptionEn));
      setOrDelete(s, "showIf", f.showIf);
      return { raw, focus: { kind: "section", code: f.code } };
    }
    case "addItem": {
      const at = findSection(raw, edit.section);
      if (!at) return { raw };
      const code = proposeItemCode(raw, edit.section);
      itemsOf(at.sections[at.index]).push(blankItem(code));
      return { raw, focus: { kind: "item", code } };
    }
    case "duplicateItem": {
      const at = findItem(raw, edit.code);
      if (!at) return { raw };
      const copy = structuredClone(at.items[at.index]);
      copy.code = proposeItemCode(raw, String(at.section.code ?? ""));
      at.items.splice(at.index + 1, 0, copy);
      return { raw, focus: { kind: "item", code: String(copy.code) } };
    }
    case "moveItem": {
      const at = findItem(raw, edit.code);
      if (!at) return { raw };
      const to = at.index + edit.by;
      if (to >= 0 && to < at.items.length) move(at.items, at.index, to);
      else {
        // Past the end of its section: into the neighbouring section.
        const sections = sectionsOf(raw);
        const s = sections.indexOf(at.section);
        const next = sections[s + edit.by];
        if (next) {
          const [x] = at.items.splice(at.index, 1);
          if (edit.by > 0) itemsOf(next).unshift(x);
          else itemsOf(next).push(x);
        }
      }
      return { raw, focus: { kind: "item", code: edit.code } };
    }
    case "moveItemTo": {
      const at = findItem(raw, edit.code);
      const to = findSection(raw, edit.section);
      if (!at || !to || at.section === to.sections[to.index]) return { raw, focus: { kind: "item", code: edit.code } };
      const [x] = at.items.splice(at.index, 1);
      itemsOf(to.sections[to.index]).push(x);
      return { raw, focus: { kind: "item", code: edit.code } };
    }
    case "removeItem": {
      const at = findItem(raw, edit.code);
      if (at) at.items.splice(at.index, 1);
      return { raw };
    }
    case "saveItem": {
      const at = findItem(raw, edit.code);
      if (!at) return { raw };
      at.items[at.index] = itemFromFields(edit.fields);
      return { raw, focus: { kind: "item", code: edit.fields.code } };
    }
    case "addTree": {
      const code = proposeNodeCode(raw, "IDX");
      treesOf(raw).push({ code, kind: "satisfaction", label: { vi: "" }, rule: "mean", children: [] });
      return { raw, focus: { kind: "node", code } };
    }
    case "addNode": {
      const at = findNode(raw, edit.parent);
      if (!at) return { raw };
      const code = proposeNodeCode(raw);
      if (!Array.isArray(at.node.children)) at.node.children = [];
      (at.node.children as Obj[]).push({ code, label: { vi: "" }, rule: "mean", children: [] });
      dropWeights(at.node);
      return { raw, focus: { kind: "node", code } };
    }
    case "addLeaf": {
      const at = findNode(raw, edit.parent);
      if (!at || !edit.item) return { raw };
      if (!Array.isArray(at.node.children)) at.node.children = [];
      (at.node.children as Obj[]).push({ item: edit.item });
      dropWeights(at.node);
      return { raw, focus: { kind: "node", code: edit.parent } };
    }
    case "removeNode": {
      const at = findNode(raw, edit.code);
      if (at) {
        at.siblings.splice(at.index, 1);
        if (at.parent) dropWeights(at.parent);
      }
      return { raw };
    }
    case "saveNode": {
      const at = findNode(raw, edit.code);
      if (!at) return { raw };
      const f = edit.fields;
      const old = new Map(list(at.node.children).filter((c) => "children" in c).map((c) => [String(c.code), c]));
      const node: Obj = { code: f.code };
      if (at.parent === null) node.kind = f.kind ?? at.node.kind ?? "satisfaction";
      node.label = text(f.labelVi, f.labelEn) ?? { vi: "" };
      node.rule = f.rule;
      const children = f.children.filter((c) => c.code);
      if (f.rule === "weighted") node.weights = children.map((c) => c.weight ?? Number.NaN);
      if (f.rule === "item" && f.item) node.item = f.item;
      // A child that is a node keeps its own branch; any other code is a question.
      node.children = children.map((c) => old.get(c.code) ?? { item: c.code });
      at.siblings[at.index] = node;
      return { raw, focus: { kind: "node", code: f.code } };
    }
    case "saveMeta": {
      const f = edit.fields;
      raw.title = text(f.titleVi, f.titleEn) ?? { vi: "" };
      setOrDelete(raw, "description", text(f.descriptionVi, f.descriptionEn));
      setOrDelete(raw, "basis", f.basis.trim() ? f.basis.trim() : undefined);
      return { raw, focus: { kind: "meta", code: "" } };
    }
  }
}

function dropWeights(node: Obj) {
  // A new or removed branch makes the old weights wrong; the validator asks for them again under "weighted".
  if (Array.isArray(node.weights)) node.weights = (node.weights as unknown[]).slice(0, list(node.children).length);
}

function setOrDelete(target: Obj, key: string, value: unknown) {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** `{vi, en}` with blanks left out (English optional); undefined when both are blank. */
function text(vi: string, en: string): { vi: string; en?: string } | undefined {
  const v = vi.trim().normalize("NFC");
  const e = en.trim().normalize("NFC");
  if (!v && !e) return undefined;
  return e ? { vi: v, en: e } : { vi: v };
}

export interface MetaFields {
  titleVi: string;
  titleEn: string;
  descriptionVi: string;
  descriptionEn: string;
  basis: string;
}
export interface SectionFields {
  code: string;
  titleVi: string;
  titleEn: string;
  descriptionVi: string;
  descriptionEn: string;
  showIf?: Condition;
}
export interface OptionRow {
  code: string;
  vi: string;
  en: string;
  missing: boolean;
}
export interface ItemFields {
  code: string;
  type: string;
  labelVi: string;
  labelEn: string;
  helpVi: string;
  helpEn: string;
  required: boolean;
  /** A shared scale's name, or empty for the question's own options. */
  scale: string;
  options: OptionRow[];
  positive: string[];
  showIf?: Condition;
  min?: number;
  max?: number;
  integer: boolean;
  maxLength?: number;
}
export interface NodeFields {
  code: string;
  labelVi: string;
  labelEn: string;
  rule: string;
  kind?: string;
  item?: string;
  children: { code: string; weight?: number }[];
}

function itemFromFields(f: ItemFields): Obj {
  const item: Obj = { code: f.code, type: f.type, label: text(f.labelVi, f.labelEn) ?? { vi: "" } };
  const help = text(f.helpVi, f.helpEn);
  if (help) item.help = help;
  item.required = f.required;
  const choice = CHOICE_TYPES.includes(f.type as ItemType);
  if (choice) {
    if (f.scale) item.scale = f.scale;
    else
      item.options = f.options
        .filter((o) => o.code.trim() || o.vi.trim())
        .map((o) => ({ code: o.code.trim(), label: text(o.vi, o.en) ?? { vi: "" }, ...(o.missing ? { missing: true } : {}) }));
    if (f.positive.length) item.positive = f.positive;
  }
  if (f.showIf) item.showIf = f.showIf;
  if (f.type === "number") {
    if (f.min !== undefined) item.min = f.min;
    if (f.max !== undefined) item.max = f.max;
    if (f.integer) item.integer = true;
  }
  if (f.type === "text" && f.maxLength !== undefined) item.maxLength = f.maxLength;
  return item;
}

// ---- Skip rules: the builder's rows ↔ a condition --------------------------------------------------------------

export type RuleOp = "is" | "isNot" | "in" | "answered" | "blank";
export interface RuleRow {
  item: string;
  op: RuleOp;
  values: string[];
}
export interface RuleForm {
  join: "all" | "any";
  rows: RuleRow[];
}

const rowCondition = (r: RuleRow): Condition => {
  if (r.op === "answered" || r.op === "blank") return { item: r.item, answered: r.op === "answered" };
  const cond: Condition = { item: r.item, in: r.values };
  return r.op === "isNot" ? { not: cond } : cond;
};

/** The builder's rows as a condition (undefined when no row names a question). */
export function rowsToCondition(form: RuleForm): Condition | undefined {
  const rows = form.rows.filter((r) => r.item);
  if (!rows.length) return undefined;
  if (rows.length === 1) return rowCondition(rows[0]);
  return form.join === "any" ? { any: rows.map(rowCondition) } : { all: rows.map(rowCondition) };
}

function conditionRow(c: Condition): RuleRow | null {
  if ("in" in c) return { item: c.item, op: c.in.length > 1 ? "in" : "is", values: c.in };
  if ("answered" in c) return { item: c.item, op: c.answered ? "answered" : "blank", values: [] };
  if ("not" in c && "in" in c.not) return { item: c.not.item, op: "isNot", values: c.not.in };
  return null;
}

/** A condition as the builder's rows, or null when it is too nested for them (then it is edited as text). */
export function conditionToRows(cond: Condition | undefined): RuleForm | null {
  if (!cond) return { join: "all", rows: [] };
  const single = conditionRow(cond);
  if (single) return { join: "all", rows: [single] };
  const parts = "all" in cond ? cond.all : "any" in cond ? cond.any : null;
  if (!parts) return null;
  const rows = parts.map(conditionRow);
  if (rows.some((r) => r === null)) return null;
  return { join: "any" in cond ? "any" : "all", rows: rows as RuleRow[] };
}

// ---- Reading the editor's forms ------------------------------------------------------------------------------

/** What the editor reads a form from: a browser's or the server's `FormData`. */
export type FormLike = { get(name: string): unknown; getAll(name: string): unknown[] };
type Form = FormLike;
const field = (form: Form, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const all = (form: Form, name: string) => form.getAll(name).map((v) => (typeof v === "string" ? v : ""));
const num = (s: string): number | undefined => {
  const t = s.trim().replace(",", ".");
  if (!t) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
};

export type RuleRead = { ok: true; showIf?: Condition } | { ok: false; message: { vi: string; en: string } };

/** The skip rule of an edit form: the builder's rows, or the rule as text when the form offers that instead. */
export function readRule(form: Form): RuleRead {
  if (form.get("rule_mode") === "text") {
    const source = field(form, "rule_text").trim();
    if (!source) return { ok: true };
    const parsed = parseCondition(source);
    return parsed.ok ? { ok: true, showIf: parsed.condition } : { ok: false, message: parsed.message };
  }
  const items = all(form, "rule_item");
  const ops = all(form, "rule_op");
  const values = all(form, "rule_values");
  const rows: RuleRow[] = items.map((item, i) => ({
    item: item.trim(),
    op: (["is", "isNot", "in", "answered", "blank"].includes(ops[i]) ? ops[i] : "is") as RuleOp,
    values: (values[i] ?? "")
      .split(/[,;\s]+/)
      .map((v) => v.trim())
      .filter(Boolean),
  }));
  const join = field(form, "rule_join") === "any" ? "any" : "all";
  return { ok: true, showIf: rowsToCondition({ join, rows }) };
}

export function readMetaFields(form: Form): MetaFields {
  return {
    titleVi: field(form, "title_vi"),
    titleEn: field(form, "title_en"),
    descriptionVi: field(form, "description_vi"),
    descriptionEn: field(form, "description_en"),
    basis: field(form, "basis").normalize("NFC"),
  };
}

export function readSectionFields(form: Form, showIf: Condition | undefined): SectionFields {
  return {
    code: field(form, "code").trim(),
    titleVi: field(form, "title_vi"),
    titleEn: field(form, "title_en"),
    descriptionVi: field(form, "description_vi"),
    descriptionEn: field(form, "description_en"),
    showIf,
  };
}

export function readItemFields(form: Form, showIf: Condition | undefined): ItemFields {
  const codes = all(form, "opt_code");
  const vis = all(form, "opt_vi");
  const ens = all(form, "opt_en");
  const missing = new Set(all(form, "opt_missing"));
  const type = field(form, "type");
  return {
    code: field(form, "code").trim(),
    type: (ITEM_TYPES as readonly string[]).includes(type) ? type : "single",
    labelVi: field(form, "label_vi"),
    labelEn: field(form, "label_en"),
    helpVi: field(form, "help_vi"),
    helpEn: field(form, "help_en"),
    required: form.get("required") === "1",
    scale: field(form, "scale"),
    options: codes.map((code, i) => ({ code, vi: vis[i] ?? "", en: ens[i] ?? "", missing: missing.has(String(i)) })),
    positive: all(form, "positive").filter(Boolean),
    showIf,
    min: num(field(form, "min")),
    max: num(field(form, "max")),
    integer: form.get("integer") === "1",
    maxLength: num(field(form, "maxLength")),
  };
}

export function readNodeFields(form: Form): NodeFields {
  const codes = all(form, "child");
  const weights = all(form, "weight");
  const kind = field(form, "kind");
  const item = field(form, "item");
  return {
    code: field(form, "code").trim(),
    labelVi: field(form, "label_vi"),
    labelEn: field(form, "label_en"),
    rule: ["mean", "weighted", "item", "pooled"].includes(field(form, "rule")) ? field(form, "rule") : "mean",
    kind: kind || undefined,
    item: item || undefined,
    children: codes.map((code, i) => ({ code: code.trim(), weight: num(weights[i] ?? "") })),
  };
}
