/**
 * Reading a responses CSV (paper batches keyed elsewhere, earlier years' data) against a definition:
 * one row per response, optional design columns, then one column per item code holding the option code.
 * Every problem is reported with its line, column letter and column name. See ADR 012.
 */
import { excerpt } from "./shape";
import { computeVisibility, type Answers } from "../definition/conditions";
import type { Definition, Item, Locale, LocalizedText } from "../definition/schema";
import { columnLetter } from "./read";
import { fill } from "../messages";
import { files } from "../messages/areas/files";

export const DESIGN_FIELDS = ["unit", "stratum", "psu", "weight", "fpc"] as const;
export type DesignField = (typeof DESIGN_FIELDS)[number];

/** Columns the export writes that an import reads past, so an exported file can be imported elsewhere. */
export const PASSED_COLUMNS = ["response_id", "submitted_at", "entry_mode", "locale", "stratum_label"] as const;

/**
 * Multiple-choice answers in one cell: option codes separated by '|' (what the export writes), ';', ',' or
 * spaces. Option codes never hold these characters (schema: letters, digits, '_', '.', '-').
 */
export const MULTIPLE_SEPARATOR = /[|;,\s]+/;

const DESIGN_TEXT_MAX = 100;

/** The export guards text that a spreadsheet would run as a formula with an apostrophe; reading it back drops it. */
export function unguardCell(cell: string): string {
  return /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? cell.slice(1) : cell;
}

export interface ImportProblem {
  line: number;
  /** Spreadsheet column letter (A, B, …) and the column's header. */
  column?: string;
  field?: string;
  message: LocalizedText;
}

export type ImportColumn =
  | { kind: "design"; field: DesignField }
  | { kind: "item"; item: Item }
  | { kind: "passed" }
  /** A column with an empty header: fine while its cells are empty too. */
  | { kind: "unnamed" }
  /** A column already reported at the header (unknown or repeated): its cells are not checked again. */
  | { kind: "rejected" };

export interface ImportLayout {
  columns: ImportColumn[];
  names: string[];
  /** Design fields present in the file. */
  design: Set<DesignField>;
}

export interface ImportedResponse {
  answers: Answers;
  unit: string | null;
  stratum: string | null;
  psu: string | null;
  weight: number | null;
  fpc: number | null;
  /** Items answered in the file but hidden by the definition's skip logic: left out, as online. */
  hidden: string[];
}

export interface ImportContext {
  /** Unit codes of the round; when given (the round has units) a row's unit must be one of them. */
  units?: ReadonlySet<string>;
}

const t = (vi: string, en: string): LocalizedText => ({ vi, en });
const list = (codes: readonly string[], max = 12) => codes.slice(0, max).join(", ") + (codes.length > max ? ", …" : "");

/** Maps the header line to design fields and items; reports unknown, duplicate and missing columns. */
export function mapImportHeader(def: Definition, header: readonly string[], line = 1): { layout: ImportLayout; problems: ImportProblem[] } {
  const items = def.sections.flatMap((s) => s.items);
  const exact = new Map(items.map((i) => [i.code, i]));
  const folded = new Map<string, Item | null>();
  for (const i of items) folded.set(i.code.toLowerCase(), folded.has(i.code.toLowerCase()) ? null : i);
  const problems: ImportProblem[] = [];
  const columns: ImportColumn[] = [];
  const names: string[] = [];
  const design = new Set<DesignField>();
  const seen = new Map<string, string>();
  header.forEach((raw, index) => {
    const name = raw.trim();
    const at = { line, column: columnLetter(index), field: name || undefined };
    names.push(name);
    if (name === "") {
      columns.push({ kind: "unnamed" });
      return;
    }
    const lower = name.toLowerCase();
    const field = DESIGN_FIELDS.find((f) => f === lower);
    const passed = (PASSED_COLUMNS as readonly string[]).includes(lower);
    const item = exact.get(name) ?? folded.get(lower) ?? undefined;
    const key = field ?? (item ? item.code : lower);
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({ ...at, message: t(`cột "${name}" lặp lại cột ${earlier}`, `column "${name}" repeats column ${earlier}`) });
      columns.push({ kind: "rejected" });
      return;
    }
    seen.set(key, at.column);
    if (field) {
      design.add(field);
      columns.push({ kind: "design", field });
    } else if (passed) {
      columns.push({ kind: "passed" });
    } else if (item) {
      columns.push({ kind: "item", item });
    } else {
      problems.push({
        ...at,
        message: t(
          `cột "${name}" không phải mã câu hỏi của bộ câu hỏi ${def.key}@${def.version}, cũng không phải ${DESIGN_FIELDS.join(", ")}`,
          `unknown column "${name}": not an item code of ${def.key}@${def.version} nor one of ${DESIGN_FIELDS.join(", ")}`,
        ),
      });
      columns.push({ kind: "rejected" });
    }
  });
  if (problems.length === 0 && !columns.some((c) => c.kind === "item")) {
    problems.push({ line, message: t("tệp không có cột câu hỏi nào (mỗi câu hỏi một cột, tiêu đề là mã câu hỏi)", "the file has no item column (one column per item, headed by the item code)") });
  }
  return { layout: { columns, names, design }, problems };
}

/** A number as people type it: spaces ignored, a decimal comma accepted (semicolon files). */
export function parseDecimal(text: string): number | null {
  const s = text.replace(/\s/g, "").replace(/^\+/, "");
  if (!/^-?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

function optionCodes(item: Item): string[] {
  return (item.options ?? []).map((o) => o.code);
}

/** The message for a value that is not an option code; names the code when the value is an option's label. */
function badOption(item: Item, value: string): LocalizedText {
  const norm = value.normalize("NFC").toLowerCase();
  const byLabel = item.options?.find((o) => o.label.vi.toLowerCase() === norm || o.label.en?.toLowerCase() === norm);
  if (byLabel) {
    return t(`"${excerpt(value)}" là nhãn; hãy ghi mã ${byLabel.code}`, `"${excerpt(value)}" is a label; write its code ${byLabel.code}`);
  }
  const codes = list(optionCodes(item));
  return t(`"${excerpt(value)}" không phải phương án của ${item.code} (các mã: ${codes})`, `"${excerpt(value)}" is not an option of ${item.code} (codes: ${codes})`);
}

/** One cell of an item column as the stored answer, or the reason it cannot be. */
export function parseItemCell(item: Item, cell: string): { value?: string | string[] | number; error?: LocalizedText } {
  const text = cell.trim();
  if (text === "") return {};
  switch (item.type) {
    case "multiple": {
      const codes = [...new Set(text.split(MULTIPLE_SEPARATOR).filter((c) => c !== ""))];
      const bad = codes.find((c) => !item.options?.some((o) => o.code === c));
      if (bad !== undefined) return { error: badOption(item, bad) };
      const order = new Map(optionCodes(item).map((c, i) => [c, i]));
      return { value: codes.sort((a, b) => order.get(a)! - order.get(b)!) };
    }
    case "number": {
      const n = parseDecimal(text);
      if (n === null) return { error: t(`"${excerpt(text)}" không phải là số`, `"${excerpt(text)}" is not a number`) };
      if (item.integer && !Number.isInteger(n)) return { error: t(`${item.code} cần số nguyên (giá trị "${excerpt(text)}")`, `${item.code} needs a whole number (got "${excerpt(text)}")`) };
      if (item.min !== undefined && n < item.min) return { error: t(`${item.code} nhỏ nhất là ${item.min} (giá trị ${n})`, `${item.code} is at least ${item.min} (got ${n})`) };
      if (item.max !== undefined && n > item.max) return { error: t(`${item.code} lớn nhất là ${item.max} (giá trị ${n})`, `${item.code} is at most ${item.max} (got ${n})`) };
      return { value: n };
    }
    case "text": {
      const value = text.normalize("NFC");
      const limit = item.maxLength ?? 2000;
      if (value.length > limit) return { error: t(`câu trả lời dài ${value.length} ký tự, tối đa ${limit}`, `the answer has ${value.length} characters, at most ${limit} allowed`) };
      return { value };
    }
    default: {
      if (!item.options?.some((o) => o.code === text)) return { error: badOption(item, text) };
      return { value: text };
    }
  }
}

function parseDesignCell(field: DesignField, cell: string, ctx: ImportContext): { value: string | number | null; error?: LocalizedText } {
  const text = cell.trim().normalize("NFC");
  if (field === "weight" || field === "fpc") {
    if (text === "") {
      return field === "weight"
        ? { value: null, error: t("thiếu trọng số (bỏ cả cột weight nếu dữ liệu không dùng trọng số)", "the weight is missing (leave out the whole weight column for unweighted data)") }
        : { value: null };
    }
    const n = parseDecimal(text);
    if (field === "weight") {
      if (n === null || !(n > 0)) return { value: null, error: t(`trọng số phải là số dương (giá trị "${excerpt(text)}")`, `the weight must be a number greater than 0 (got "${excerpt(text)}")`) };
      return { value: n };
    }
    if (n === null || !(n >= 1)) {
      return {
        value: null,
        error: t(
          `fpc là quy mô tổng thể của tầng (ví dụ 3366), một số không nhỏ hơn 1 (giá trị "${excerpt(text)}")`,
          `fpc is the stratum's population size (e.g. 3366), a number of at least 1, not a sampling fraction (got "${excerpt(text)}")`,
        ),
      };
    }
    return { value: n };
  }
  if (text === "") return { value: null };
  if (text.length > DESIGN_TEXT_MAX) return { value: null, error: t(`tối đa ${DESIGN_TEXT_MAX} ký tự`, `at most ${DESIGN_TEXT_MAX} characters`) };
  if (field === "unit" && ctx.units && ctx.units.size > 0 && !ctx.units.has(text)) {
    const codes = list([...ctx.units].sort());
    return { value: null, error: t(`"${excerpt(text)}" không phải đơn vị của đợt khảo sát (các mã: ${codes})`, `"${excerpt(text)}" is not a unit of this round (codes: ${codes})`) };
  }
  return { value: text };
}

/** Validates one data row and turns it into a response; problems carry the row's line and the cell's column. */
export function parseImportRow(
  def: Definition,
  layout: ImportLayout,
  cells: readonly string[],
  line: number,
  ctx: ImportContext = {},
): { response?: ImportedResponse; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const response: ImportedResponse = { answers: {}, unit: null, stratum: null, psu: null, weight: null, fpc: null, hidden: [] };
  const at = (index: number) => ({ line, column: columnLetter(index), field: layout.names[index] || undefined });
  for (let index = 0; index < cells.length; index++) {
    const column = layout.columns[index];
    const cell = unguardCell(cells[index]);
    if (!column) {
      if (cell.trim() !== "") {
        const width = layout.columns.length;
        problems.push({ ...at(index), message: t(`có giá trị sau cột cuối cùng (tiêu đề có ${width} cột)`, `a value beyond the last column (the header has ${width} columns)`) });
        break;
      }
      continue;
    }
    if (column.kind === "passed" || column.kind === "rejected") continue;
    if (column.kind === "unnamed") {
      if (cell.trim() !== "") problems.push({ ...at(index), message: t("có giá trị trong cột không có tiêu đề", "a value in a column without a valid header") });
      continue;
    }
    if (column.kind === "design") {
      const { value, error } = parseDesignCell(column.field, cell, ctx);
      if (error) problems.push({ ...at(index), message: error });
      else (response as unknown as Record<DesignField, string | number | null>)[column.field] = value;
      continue;
    }
    const { value, error } = parseItemCell(column.item, cell);
    if (error) problems.push({ ...at(index), message: error });
    else if (value !== undefined) response.answers[column.item.code] = value;
  }
  // A short row (trailing cells dropped by some tools) reads as blank cells; a missing weight is still missing.
  for (let index = cells.length; index < layout.columns.length; index++) {
    const column = layout.columns[index];
    if (column.kind === "design" && column.field === "weight") problems.push({ ...at(index), message: parseDesignCell("weight", "", ctx).error! });
  }
  if (problems.length) return { problems };
  if (Object.keys(response.answers).length === 0) {
    return { problems: [{ line, message: t("dòng không có câu trả lời nào", "the row holds no answer") }] };
  }
  const visible = computeVisibility(def, response.answers);
  for (const code of Object.keys(response.answers)) {
    if (!visible.items.has(code)) {
      response.hidden.push(code);
      delete response.answers[code];
    }
  }
  return { response, problems };
}

/**
 * Checks across rows, with memory that grows with strata, not rows: one population size (fpc) per
 * stratum, given on every row of it or on none, and never smaller than the stratum's responses in the file.
 */
export function createStratumCheck(layout: ImportLayout) {
  const fpcColumn = layout.columns.findIndex((c) => c.kind === "design" && c.field === "fpc");
  const where = fpcColumn >= 0 ? { column: columnLetter(fpcColumn), field: layout.names[fpcColumn] } : {};
  const psuColumn = layout.columns.findIndex((c) => c.kind === "design" && c.field === "psu");
  const psuWhere = psuColumn >= 0 ? { column: columnLetter(psuColumn), field: layout.names[psuColumn] } : {};
  const strata = new Map<string | null, { fpc: number | null; line: number; count: number; psuLine: number | null; blankPsuLine: number | null; psuReported: boolean }>();
  /**
   * A stratum whose rows name their PSU (cluster) must name it on every row: a blank one would silently become a
   * cluster of its own, and the variance would be wrong. Reported once per stratum, at its first blank row.
   */
  const psuProblem = (known: { psuLine: number | null; blankPsuLine: number | null; psuReported: boolean }, stratum: string | null): ImportProblem | null => {
    if (psuColumn < 0 || known.psuReported || known.psuLine === null || known.blankPsuLine === null) return null;
    known.psuReported = true;
    const name = stratum ?? "(—)";
    return {
      line: known.blankPsuLine,
      ...psuWhere,
      message: t(
        `PSU trống, trong khi các dòng khác của tầng "${name}" có PSU (ví dụ dòng ${known.psuLine}); mỗi dòng của tầng phải ghi PSU`,
        `the PSU is blank while other rows of stratum "${name}" have one (e.g. line ${known.psuLine}); every row of the stratum needs its PSU`,
      ),
    };
  };
  return {
    add(response: ImportedResponse, line: number): ImportProblem | null {
      let known = strata.get(response.stratum);
      if (!known) {
        known = { fpc: response.fpc, line, count: 0, psuLine: null, blankPsuLine: null, psuReported: false };
        strata.set(response.stratum, known);
      }
      known.count++;
      if (response.psu === null || response.psu.trim() === "") known.blankPsuLine ??= line;
      else known.psuLine ??= line;
      const psu = psuProblem(known, response.stratum);
      if (psu) return psu;
      if (known.fpc === response.fpc) return null;
      const name = response.stratum ?? "(—)";
      const show = (v: number | null) => (v === null ? "trống/blank" : String(v));
      return {
        line,
        ...where,
        message: t(
          `tầng "${name}" có quy mô tổng thể ${show(known.fpc)} ở dòng ${known.line} nhưng ${show(response.fpc)} ở đây; mỗi tầng chỉ một giá trị fpc`,
          `stratum "${name}" has population size ${show(known.fpc)} on line ${known.line} but ${show(response.fpc)} here; one fpc per stratum`,
        ),
      };
    },
    finish(): ImportProblem[] {
      const out: ImportProblem[] = [];
      for (const [stratum, s] of strata) {
        if (s.fpc !== null && s.fpc < s.count) {
          out.push({
            line: s.line,
            ...where,
            message: t(
              `tầng "${stratum ?? "(—)"}" có ${s.count} phiếu trong tệp, nhiều hơn quy mô tổng thể fpc = ${s.fpc}`,
              `stratum "${stratum ?? "(—)"}" has ${s.count} responses in the file, more than its population size fpc = ${s.fpc}`,
            ),
          });
        }
      }
      return out;
    },
  };
}

/** "line 12, column C (weight): the weight must be …" in the reader's language. */
export function formatImportProblem(p: ImportProblem, locale: Locale = "en"): string {
  const where = `${fill(files.lineAt, { line: String(p.line) }, locale)}${p.column ? `, ${fill(files.columnAt, { column: p.column }, locale)}` : ""}`;
  return `${where}${p.field ? ` (${p.field})` : ""}: ${p.message[locale]}`;
}
