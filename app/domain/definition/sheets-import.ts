/**
 * A workbook (sheets.ts) read back into a definition, with every problem named by sheet, row and column — the
 * workbook's own problems (a missing sheet, an unknown column, a formula without a value, a rule that cannot be read)
 * and then the validator's, placed by the row and column each definition field came from. Text is taken in NFC, so a
 * sheet typed with combining accents reads the same as one typed with composed letters.
 */
import { localize, msg, type Message } from "../messages";
import { parseDefinition, type DefinitionIssue } from "./parse";
import { parseCondition } from "./rule-syntax";
import { AGGREGATION_RULES, INDEX_KINDS, ITEM_TYPES, type Definition, type LocalizedText } from "./schema";
import {
  END_GROUP_TYPES,
  findSheet,
  fold,
  readBoolean,
  SECTION_TYPE_ALIASES,
  SHEETS,
  type Sheet,
  type SheetCell,
  type SheetKind,
  type SheetPlace,
  type SheetProblem,
  type Workbook,
} from "./sheets";

type Segment = string | number;
type Raw = Record<string, unknown>;

export type WorkbookRead = { ok: true; raw: Raw; definition: Definition } | { ok: false; problems: SheetProblem[] };

const say = (m: Message): LocalizedText => localize(m);

const RULE_ALIASES: Record<string, string> = {
  "trung binh": "mean",
  "co trong so": "weighted",
  "trung binh co trong so": "weighted",
  "theo mot cau": "item",
  "theo cau": "item",
  gop: "pooled",
};
const KIND_ALIASES: Record<string, string> = { "hai long": "satisfaction", "danh gia": "assessment", "mong doi": "expectation" };

/** A data row with its Excel row number and its cells by column key. */
interface Row {
  row: number;
  cells: Record<string, SheetCell>;
}

/** Where each part of the built definition came from, so the validator's problems can be placed. */
interface Origin {
  path: Segment[];
  sheet: string;
  row: number;
  /** Definition property → column key. */
  columns: Record<string, string>;
  kind: SheetKind;
}

export interface ReadOptions {
  /** Replaces the settings sheet's key and version ("import as a new version"). */
  key?: string;
  version?: string;
}

export function workbookToDefinition(book: Workbook, options: ReadOptions = {}): WorkbookRead {
  const problems: SheetProblem[] = [];
  const origins: Origin[] = [];
  const problem = (place: SheetPlace, message: LocalizedText) => problems.push({ ...place, message });

  const sheets: Partial<Record<SheetKind, { sheet: Sheet; rows: Row[] }>> = {};
  for (const kind of ["questions", "options", "tree", "settings"] as const) {
    const sheet = findSheet(book, kind);
    if (!sheet) {
      if (kind === "questions" || kind === "settings") {
        const found = book.sheets.map((s) => `«${s.name}»`).join(", ") || "—";
        problem({ sheet: SHEETS[kind].name }, say(msg("workbook.missingSheet", { sheet: SHEETS[kind].name, found })));
      }
      continue;
    }
    const rows = readRows(sheet, kind, problem);
    if (rows) sheets[kind] = { sheet, rows };
  }
  if (problems.length) return { ok: false, problems };

  const text = (kind: SheetKind, r: Row, key: string): string | undefined => {
    const value = cellText(r.cells[key], { sheet: sheets[kind]!.sheet.name, row: r.row, column: header(kind, key) }, problem);
    return value === "" ? undefined : value;
  };
  const localized = (kind: SheetKind, r: Row, vi: string, en: string) => {
    const v = text(kind, r, vi);
    const e = text(kind, r, en);
    if (v === undefined && e === undefined) return undefined;
    // A missing Vietnamese text stays missing: the validator names it at its cell.
    return e === undefined ? { vi: v ?? "" } : { vi: v ?? "", en: e };
  };
  const number = (kind: SheetKind, r: Row, key: string): number | undefined => {
    const place = { sheet: sheets[kind]!.sheet.name, row: r.row, column: header(kind, key) };
    const raw = r.cells[key];
    const value = cellValue(raw, place, problem);
    if (value === null || value === "") return undefined;
    if (typeof value === "number") return value;
    const n = Number(String(value).replace(",", "."));
    if (typeof value === "string" && Number.isFinite(n) && /^-?[\d.,]+$/.test(value.trim())) return n;
    problem(place, say(msg("workbook.notNumber", { value: String(value) })));
    return undefined;
  };
  const boolean = (kind: SheetKind, r: Row, key: string): boolean | undefined => {
    const value = text(kind, r, key);
    if (value === undefined) return undefined;
    const b = readBoolean(value);
    if (b === null) problem({ sheet: sheets[kind]!.sheet.name, row: r.row, column: header(kind, key) }, say(msg("workbook.notYesNo", { value })));
    return b ?? undefined;
  };
  const rule = (kind: SheetKind, r: Row, key: string) => {
    const value = text(kind, r, key);
    if (value === undefined) return undefined;
    const parsed = parseCondition(value);
    if (!parsed.ok) {
      problem({ sheet: sheets[kind]!.sheet.name, row: r.row, column: header(kind, key) }, parsed.message);
      return undefined;
    }
    return parsed.condition;
  };

  // Settings: the first data row.
  const raw: Raw = {};
  const settings = sheets.settings!;
  const s0 = settings.rows[0];
  if (!s0) {
    problem({ sheet: settings.sheet.name, row: 2 }, say(msg("workbook.noSettingsRow")));
  } else {
    raw.key = options.key ?? text("settings", s0, "key");
    raw.version = options.version ?? text("settings", s0, "version");
    raw.title = localized("settings", s0, "titleVi", "titleEn");
    const description = localized("settings", s0, "descriptionVi", "descriptionEn");
    if (description) raw.description = description;
    const basis = text("settings", s0, "basis");
    if (basis !== undefined) raw.basis = basis;
    origins.push({ path: [], sheet: settings.sheet.name, row: s0.row, kind: "settings", columns: { key: "key", version: "version", title: "titleVi", description: "descriptionVi", basis: "basis" } });
  }

  // Option lists, in the order they appear.
  const lists = new Map<string, { options: Raw[]; rows: Row[] }>();
  const optionSheet = sheets.options;
  for (const r of optionSheet?.rows ?? []) {
    const list = text("options", r, "list");
    if (list === undefined) {
      problem({ sheet: optionSheet!.sheet.name, row: r.row, column: header("options", "list") }, say(msg("workbook.noListName")));
      continue;
    }
    const option: Raw = { code: text("options", r, "code"), label: localized("options", r, "labelVi", "labelEn") ?? { vi: "" } };
    if (boolean("options", r, "missing")) option.missing = true;
    const entry = lists.get(list) ?? { options: [], rows: [] };
    entry.options.push(option);
    entry.rows.push(r);
    lists.set(list, entry);
  }

  // Questions: a section row opens a section; each question row belongs to the last one opened.
  const sections: Raw[] = [];
  const usedAsScale = new Set<string>();
  const inlineFor = new Map<string, string>();
  const questionSheet = sheets.questions!;
  for (const r of questionSheet.rows) {
    const type = text("questions", r, "type");
    const place = (key: string): SheetPlace => ({ sheet: questionSheet.sheet.name, row: r.row, column: header("questions", key) });
    if (type === undefined) {
      problem(place("type"), say(msg("workbook.noType", { types: ITEM_TYPES.join(", ") })));
      continue;
    }
    if (END_GROUP_TYPES.includes(fold(type))) continue;
    if (SECTION_TYPE_ALIASES.map(fold).includes(fold(type))) {
      const section: Raw = { code: text("questions", r, "code"), title: localized("questions", r, "labelVi", "labelEn") ?? { vi: "" }, items: [] };
      const description = localized("questions", r, "helpVi", "helpEn");
      if (description) section.description = description;
      const showIf = rule("questions", r, "showIf");
      if (showIf) section.showIf = showIf;
      origins.push({
        path: ["sections", sections.length],
        sheet: questionSheet.sheet.name,
        row: r.row,
        kind: "questions",
        columns: { code: "code", title: "labelVi", description: "helpVi", showIf: "showIf", items: "type" },
      });
      sections.push(section);
      continue;
    }
    const section = sections[sections.length - 1];
    if (!section) {
      problem(place("type"), say(msg("workbook.questionBeforeSection")));
      continue;
    }
    const typeCode = ITEM_TYPES.find((t) => fold(t) === fold(type)) ?? type;
    const code = text("questions", r, "code");
    const item: Raw = { code, type: typeCode, label: localized("questions", r, "labelVi", "labelEn") ?? { vi: "" } };
    const help = localized("questions", r, "helpVi", "helpEn");
    if (help) item.help = help;
    const required = boolean("questions", r, "required");
    if (required !== undefined) item.required = required;
    const list = text("questions", r, "list");
    if (list !== undefined) {
      if (!lists.has(list)) {
        const known = [...lists.keys()].join(", ") || "—";
        problem(place("list"), say(msg("workbook.unknownList", { list, sheet: SHEETS.options.name, known })));
      } else if (list === code) {
        item.options = lists.get(list)!.options.map((o) => structuredClone(o));
        inlineFor.set(list, code);
      } else {
        item.scale = list;
        usedAsScale.add(list);
      }
    }
    const showIf = rule("questions", r, "showIf");
    if (showIf) item.showIf = showIf;
    const positive = text("questions", r, "positive");
    if (positive !== undefined) item.positive = positive.split(/[,;\s]+/).filter(Boolean);
    for (const key of ["min", "max", "maxLength"] as const) {
      const n = number("questions", r, key);
      if (n !== undefined) item[key] = n;
    }
    const integer = boolean("questions", r, "integer");
    if (integer !== undefined) item.integer = integer;
    const items = section.items as Raw[];
    origins.push({
      path: ["sections", sections.length - 1, "items", items.length],
      sheet: questionSheet.sheet.name,
      row: r.row,
      kind: "questions",
      columns: {
        code: "code",
        type: "type",
        label: "labelVi",
        help: "helpVi",
        required: "required",
        options: "list",
        scale: "list",
        showIf: "showIf",
        positive: "positive",
        min: "min",
        max: "max",
        integer: "integer",
        maxLength: "maxLength",
      },
    });
    items.push(item);
  }
  raw.sections = sections;

  // A list is a shared scale when a question names it by another code, or when no question uses it.
  const scales: Raw = {};
  for (const [name, list] of lists) {
    if (usedAsScale.has(name) || !inlineFor.has(name)) {
      scales[name] = list.options;
      origins.push({ path: ["scales", name], sheet: optionSheet!.sheet.name, row: list.rows[0].row, kind: "options", columns: {} });
      list.rows.forEach((r, k) =>
        origins.push({ path: ["scales", name, k], sheet: optionSheet!.sheet.name, row: r.row, kind: "options", columns: { code: "code", label: "labelVi", missing: "missing" } }),
      );
    }
    if (inlineFor.has(name)) {
      const at = findItemPath(sections, inlineFor.get(name)!);
      if (at) {
        list.rows.forEach((r, k) =>
          origins.push({ path: [...at, "options", k], sheet: optionSheet!.sheet.name, row: r.row, kind: "options", columns: { code: "code", label: "labelVi", missing: "missing" } }),
        );
      }
    }
  }
  raw.scales = scales;

  // Index trees: each row a node (code) or a question (item) under its parent, in order.
  const indices: Raw[] = [];
  const treeSheet = sheets.tree;
  const nodes = new Map<string, { node: Raw; path: Segment[]; weights: (number | undefined)[]; weightRows: Row[]; row: Row }>();
  for (const r of treeSheet?.rows ?? []) {
    const place = (key: string): SheetPlace => ({ sheet: treeSheet!.sheet.name, row: r.row, column: header("tree", key) });
    const code = text("tree", r, "code");
    const leaf = text("tree", r, "item");
    const parentCode = text("tree", r, "parent");
    const weight = number("tree", r, "weight");
    if (code !== undefined && leaf !== undefined) {
      problem(place("item"), say(msg("workbook.nodeAndQuestion")));
      continue;
    }
    if (code === undefined && leaf === undefined) {
      problem(place("code"), say(msg("workbook.nodeOrQuestionMissing")));
      continue;
    }
    const parent = parentCode === undefined ? undefined : nodes.get(parentCode);
    if (parentCode !== undefined && !parent) {
      problem(place("parent"), say(msg("workbook.unknownParent", { parent: parentCode })));
      continue;
    }
    if (leaf !== undefined) {
      if (!parent) {
        problem(place("parent"), say(msg("workbook.leafNeedsParent")));
        continue;
      }
      const children = parent.node.children as Raw[];
      origins.push({ path: [...parent.path, "children", children.length], sheet: treeSheet!.sheet.name, row: r.row, kind: "tree", columns: { item: "item" } });
      children.push({ item: leaf });
      parent.weights.push(weight);
      parent.weightRows.push(r);
      continue;
    }
    const ruleText = text("tree", r, "rule");
    const node: Raw = { code, label: localized("tree", r, "labelVi", "labelEn") ?? { vi: "" } };
    if (ruleText !== undefined) node.rule = AGGREGATION_RULES.find((x) => x === fold(ruleText)) ?? RULE_ALIASES[fold(ruleText)] ?? ruleText;
    const ruleItem = text("tree", r, "ruleItem");
    if (ruleItem !== undefined) node.item = ruleItem;
    node.children = [];
    let path: Segment[];
    if (!parent) {
      const kind = text("tree", r, "kind");
      node.kind = kind === undefined ? undefined : (INDEX_KINDS.find((k) => k === fold(kind)) ?? KIND_ALIASES[fold(kind)] ?? kind);
      if (weight !== undefined) problem(place("weight"), say(msg("workbook.rootWeight")));
      path = ["indices", indices.length];
      indices.push(node);
    } else {
      const children = parent.node.children as Raw[];
      path = [...parent.path, "children", children.length];
      children.push(node);
      parent.weights.push(weight);
      parent.weightRows.push(r);
    }
    if (code !== undefined && nodes.has(code)) {
      problem(place("code"), say(msg("workbook.duplicateNode", { code })));
    } else if (code !== undefined) nodes.set(code, { node, path, weights: [], weightRows: [], row: r });
    origins.push({ path, sheet: treeSheet!.sheet.name, row: r.row, kind: "tree", columns: { code: "code", label: "labelVi", rule: "rule", item: "ruleItem", kind: "kind", children: "code" } });
  }
  for (const { node, weights, weightRows } of nodes.values()) {
    if (weights.every((w) => w === undefined)) continue;
    if (node.rule !== "weighted") {
      const k = weights.findIndex((w) => w !== undefined);
      problem(
        { sheet: treeSheet!.sheet.name, row: weightRows[k].row, column: header("tree", "weight") },
        say(msg("workbook.weightUnused", { parent: String(node.code) })),
      );
      continue;
    }
    weights.forEach((w, k) => {
      if (w === undefined) {
        problem({ sheet: treeSheet!.sheet.name, row: weightRows[k].row, column: header("tree", "weight") }, say(msg("workbook.weightMissing")));
      }
    });
    node.weights = weights.map((w) => w ?? 0);
  }
  raw.indices = indices;

  if (problems.length) return { ok: false, problems };
  const parsed = parseDefinition(raw);
  if (!parsed.ok) return { ok: false, problems: parsed.issues.map((issue) => placeIssue(issue, origins, weightRowsOf(nodes))) };
  return { ok: true, raw, definition: parsed.definition };
}

function weightRowsOf(nodes: Map<string, { path: Segment[]; weightRows: Row[] }>) {
  const out = new Map<string, Row[]>();
  for (const { path, weightRows } of nodes.values()) out.set(JSON.stringify(path), weightRows);
  return out;
}

function findItemPath(sections: Raw[], code: string): Segment[] | undefined {
  for (let s = 0; s < sections.length; s++) {
    const i = (sections[s].items as Raw[]).findIndex((x) => x.code === code);
    if (i >= 0) return ["sections", s, "items", i];
  }
  return undefined;
}

const startsWith = (path: Segment[], prefix: Segment[]) => prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);

/** The validator's problem at the sheet, row and column its field came from. */
function placeIssue(issue: DefinitionIssue, origins: Origin[], weightRows: Map<string, Row[]>): SheetProblem {
  let best: Origin | undefined;
  for (const o of origins) if (startsWith(issue.at, o.path) && (!best || o.path.length > best.path.length)) best = o;
  if (!best) return { sheet: SHEETS.settings.name, message: issue.message };
  const rest = issue.at.slice(best.path.length);
  const property = rest[0];
  // A node's weights live on its children's rows.
  if (property === "weights" && typeof rest[1] === "number") {
    const rows = weightRows.get(JSON.stringify(best.path));
    const r = rows?.[rest[1]];
    if (r) return { sheet: best.sheet, row: r.row, column: header("tree", "weight"), message: issue.message };
  }
  let key = typeof property === "string" ? best.columns[property] : undefined;
  if (key && rest[1] === "en") key = key.replace(/Vi$/, "En");
  if (property === "weights") key = "rule";
  return { sheet: best.sheet, row: best.row, column: key ? header(best.kind, key) : undefined, message: issue.message };
}

function header(kind: SheetKind, key: string): string {
  return SHEETS[kind].columns.find((c) => c.key === key)?.header ?? key;
}

/** Matches the header row to the known columns; unknown or repeated headers and missing needed columns are problems. */
function readRows(sheet: Sheet, kind: SheetKind, problem: (p: SheetPlace, m: LocalizedText) => void): Row[] | null {
  const spec = SHEETS[kind];
  const keyAt: (string | null)[] = [];
  let ok = true;
  sheet.header.forEach((cell, i) => {
    const name = typeof cell === "string" ? cell.normalize("NFC").trim() : cell === null || cell === undefined ? "" : String(cell);
    if (!name) return keyAt.push(null);
    const f = fold(name);
    const column = spec.columns.find((c) => fold(c.header) === f || c.aliases.some((a) => fold(a) === f));
    if (!column) {
      problem(
        { sheet: sheet.name, row: 1, column: name },
        say(msg("workbook.unknownColumn", { name, columns: spec.columns.map((c) => c.header).join(", ") })),
      );
      ok = false;
      return keyAt.push(null);
    }
    if (keyAt.includes(column.key)) {
      problem({ sheet: sheet.name, row: 1, column: name }, say(msg("workbook.repeatedColumn", { column: column.header })));
      ok = false;
    }
    keyAt.push(column.key);
  });
  const needed: Record<SheetKind, string[]> = { questions: ["type", "code", "labelVi"], options: ["list", "code", "labelVi"], tree: ["parent"], settings: ["key", "version", "titleVi"] };
  for (const key of needed[kind]) {
    if (!keyAt.includes(key)) {
      const h = spec.columns.find((c) => c.key === key)!.header;
      problem({ sheet: sheet.name, row: 1, column: h }, say(msg("workbook.missingColumn", { column: h })));
      ok = false;
    }
  }
  if (!ok) return null;
  const rows: Row[] = [];
  sheet.rows.forEach((cells, i) => {
    const byKey: Record<string, SheetCell> = {};
    let empty = true;
    cells.forEach((cell, c) => {
      const key = keyAt[c];
      if (!key) return;
      byKey[key] = cell;
      if (!(cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === ""))) empty = false;
    });
    if (!empty) rows.push({ row: i + 2, cells: byKey });
  });
  return rows;
}

/** A cell's value: a formula gives its computed result; an error or a date is a problem. */
function cellValue(cell: SheetCell | undefined, place: SheetPlace, problem: (p: SheetPlace, m: LocalizedText) => void): string | number | boolean | null {
  if (cell === undefined || cell === null) return null;
  if (typeof cell !== "object") return cell;
  if ("formula" in cell) {
    if (cell.result === undefined || cell.result === null) {
      problem(
        place,
        say(msg("workbook.formulaWithoutValue", { formula: cell.formula })),
      );
      return null;
    }
    if (typeof cell.result === "object") return null;
    return cell.result;
  }
  if ("error" in cell) {
    problem(place, say(msg("workbook.cellError", { error: cell.error })));
    return null;
  }
  problem(place, say(msg("workbook.cellDate")));
  return null;
}

function cellText(cell: SheetCell | undefined, place: SheetPlace, problem: (p: SheetPlace, m: LocalizedText) => void): string {
  const value = cellValue(cell, place, problem);
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "có" : "không";
  return String(value).normalize("NFC").replace(/\u00a0/g, " ").trim();
}
