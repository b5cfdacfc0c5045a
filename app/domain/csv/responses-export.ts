/**
 * Rows of the CSV downloads: responses (codes or labels), the codebook, and index tables. Pure: the
 * services feed rows and stream the lines. Cells go through csvLine (formula-safe, NFC). See ADR 012.
 */
import type { Answers, AnswerValue } from "../definition/conditions";
import type { Condition, Definition, Item, Locale } from "../definition/schema";
import { textIn } from "../definition/text";
import type { IndexResult } from "../indices/types";
import { CHOICE_SEPARATOR, splitAnswerCodes } from "../answers/answer-codes";
import { createAnswersScanner } from "../answers/stored-json";
import { csvLine, type CsvValue } from "./write";

/**
 * Columns before the items: the response and its design (what the index engine reads). No contact data. `stratum`
 * stays the stored key (software, the responses import and the fieldwork file match on it); `stratum_label` says it in
 * words for a person.
 */
export const EXPORT_DESIGN_COLUMNS = ["response_id", "submitted_at", "entry_mode", "locale", "unit", "stratum", "stratum_label", "psu", "weight", "fpc"] as const;

/** How a multiple-choice answer is joined in one cell (the import splits on it). */
export const MULTIPLE_JOIN = "|";

export interface ExportSource {
  id: string;
  submittedAt: string | null;
  entryMode: string;
  locale: string;
  unit: string | null;
  stratum: string | null;
  psu: string | null;
  weight: number | null;
  fpc: number | null;
  answers: Answers;
}

export interface ExportLayout {
  header: string[];
  items: Item[];
  /** Option label by item and code when exporting labels. */
  labels: Map<string, Map<string, string>> | null;
  /** A stored stratum key in words (units by name and code, levels in words); without it the key itself. */
  stratumWords: ((key: string) => string) | null;
}

/** Words for stratum keys from a list made beforehand (a worker thread gets the list, not the function). */
export function stratumWordsFrom(entries: Iterable<readonly [string, string]>): (key: string) => string {
  const words = new Map(entries);
  return (key) => words.get(key) ?? key;
}

/** The `stratum_label` cell of a stratum key as csvLine writes it, the last one kept (rows come stratum by stratum). */
export function createStratumCells(layout: ExportLayout): (key: string | null) => string {
  let lastKey: string | null = null;
  let lastCell = "";
  return (key) => {
    if (key === null || key === "") return "";
    if (key !== lastKey) {
      lastKey = key;
      lastCell = csvCell(stratumLabel(layout, key));
    }
    return lastCell;
  };
}

function stratumLabel(layout: ExportLayout, key: string): string {
  return layout.stratumWords ? layout.stratumWords(key) : key;
}

/**
 * The columns of a responses export: design columns, then every item in questionnaire order. With
 * `labels`, cells hold option labels and the header the question after its code ("SV_ACC_1 · …").
 */
export function exportLayout(def: Definition, labels: Locale | null = null, stratumWords: ((key: string) => string) | null = null): ExportLayout {
  const items = def.sections.flatMap((s) => s.items);
  return {
    items,
    header: [...EXPORT_DESIGN_COLUMNS, ...items.map((i) => (labels ? `${i.code} · ${textIn(i.label, labels)}` : i.code))],
    labels: labels ? new Map(items.map((i) => [i.code, new Map((i.options ?? []).map((o) => [o.code, textIn(o.label, labels)]))])) : null,
    stratumWords,
  };
}

function cell(item: Item, value: AnswerValue | undefined, labels: Map<string, string> | undefined): CsvValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") return value;
  if (Array.isArray(value)) return labels ? value.map((v) => labels.get(v) ?? v).join(` ${MULTIPLE_JOIN} `) : value.join(MULTIPLE_JOIN);
  // One line ending inside cells: every CRLF in the file then ends a row, which download progress counts.
  if (item.type === "text") return value.replace(/\r\n?/g, "\n");
  return labels?.get(value) ?? value;
}

export function exportRow(layout: ExportLayout, r: ExportSource): CsvValue[] {
  const label = r.stratum === null || r.stratum === "" ? null : stratumLabel(layout, r.stratum);
  const row: CsvValue[] = [r.id, r.submittedAt, r.entryMode, r.locale, r.unit, r.stratum, label, r.psu, r.weight, r.fpc];
  for (const item of layout.items) row.push(cell(item, r.answers[item.code], layout.labels?.get(item.code)));
  return row;
}

/**
 * A response as stored: its answer codes, and its JSON answers when the codes cannot stand in for them
 * (rows written before answer codes, and rows with free text). At least one of the two is present.
 */
export type StoredResponse = Omit<ExportSource, "answers"> & { answers: string | null; answerCodes: string | null };

/** One value as csvLine writes it, without the line ending. */
const csvCell = (v: CsvValue) => csvLine([v]).slice(0, -2);

/** Text that csvLine would write unchanged: starts with a letter or digit, ASCII, nothing to quote. */
const PLAIN = /^[0-9A-Za-z][0-9A-Za-z:._-]*$/;

/** A number as csvLine writes it. */
const number = (v: number | null) => (v !== null && Number.isFinite(v) ? String(v) : "");

/** Cache sizes per column: option codes and unit codes repeat; free text does not. */
const CACHE_LIMIT = 2000;

/**
 * The CSV line of a stored response, byte for byte `csvLine(exportRow(...))`, made fast for big exports:
 * answers are scanned, not parsed, and the cell text of each item's answer is computed once per distinct
 * answer (a satisfaction item has five). Falls back to JSON.parse for answers of another shape.
 */
export function createLineWriter(layout: ExportLayout): (r: StoredResponse) => string {
  const { items } = layout;
  const K = items.length;
  const D = EXPORT_DESIGN_COLUMNS.length;
  const scanner = createAnswersScanner(items.map((i) => i.code));
  const { start, end } = scanner;
  // Cell text of one-character answers ("1"…"5"), by item and character: no string is made for them.
  const charCells: (string | undefined)[] = new Array(K * 128).fill(undefined);
  const itemCaches = items.map(() => new Map<string, string>());
  const designCache = new Map<string, string>();
  const stratumCell = createStratumCells(layout);
  const cells: string[] = new Array(D + K).fill("");
  const design = (v: string | null) => {
    if (v === null) return "";
    let text = designCache.get(v);
    if (text === undefined) {
      text = csvCell(v);
      if (designCache.size < CACHE_LIMIT) designCache.set(v, text);
    }
    return text;
  };
  const render = (k: number, token: string) => {
    const item = items[k];
    return csvCell(cell(item, JSON.parse(token) as AnswerValue, layout.labels?.get(item.code)));
  };
  const itemCell = (k: number, json: string, from: number, to: number) => {
    const token = json.slice(from, to);
    const cache = itemCaches[k];
    let text = cache.get(token);
    if (text === undefined) {
      text = render(k, token);
      if (items[k].type !== "text" && cache.size < CACHE_LIMIT) cache.set(token, text);
    }
    return text;
  };
  // Cell text of an answer-code field, by item (multiple choice "1+3", numbers, long codes).
  const fieldCell = (k: number, f: string) => {
    const cache = itemCaches[k];
    let text = cache.get(f);
    if (text === undefined) {
      const item = items[k];
      const value: AnswerValue = item.type === "multiple" ? f.split(CHOICE_SEPARATOR) : item.type === "number" ? Number(f) : f;
      text = csvCell(cell(item, value, layout.labels?.get(item.code)));
      if (cache.size < CACHE_LIMIT) cache.set(f, text);
    }
    return text;
  };
  const designCells = (r: StoredResponse) => {
    // Ids and timestamps the app made need no quoting or guard; anything else goes through csvLine.
    cells[0] = PLAIN.test(r.id) ? r.id : csvCell(r.id);
    cells[1] = r.submittedAt === null ? "" : PLAIN.test(r.submittedAt) ? r.submittedAt : csvCell(r.submittedAt);
    cells[2] = design(r.entryMode);
    cells[3] = design(r.locale);
    cells[4] = design(r.unit);
    cells[5] = design(r.stratum);
    cells[6] = stratumCell(r.stratum);
    cells[7] = design(r.psu);
    cells[8] = number(r.weight);
    cells[9] = number(r.fpc);
  };
  return (r) => {
    if (r.answers === null) {
      // Answer codes only (no free text in this response): one field per item, no JSON at all.
      designCells(r);
      const fields = splitAnswerCodes(r.answerCodes ?? "");
      for (let k = 0; k < K; k++) {
        const f = fields[k] ?? "";
        if (f === "") cells[D + k] = "";
        else if (f.length === 1 && f.charCodeAt(0) < 128) {
          const c = f.charCodeAt(0);
          const text = charCells[k * 128 + c];
          cells[D + k] = text !== undefined ? text : (charCells[k * 128 + c] = render(k, JSON.stringify(f)));
        } else cells[D + k] = fieldCell(k, f);
      }
      return cells.join(",") + "\r\n";
    }
    const json = r.answers;
    if (!scanner.scan(json)) return csvLine(exportRow(layout, { ...r, answers: JSON.parse(json) as Answers }));
    designCells(r);
    for (let k = 0; k < K; k++) {
      const from = start[k];
      if (from < 0) {
        cells[D + k] = "";
        continue;
      }
      const to = end[k];
      // One-character answers ("1"…"5"): cell text by item and character, no string made.
      if (to - from === 3 && json.charCodeAt(from) === 34) {
        const c = json.charCodeAt(from + 1);
        if (c < 128 && c !== 92) {
          const text = charCells[k * 128 + c];
          cells[D + k] = text !== undefined ? text : (charCells[k * 128 + c] = render(k, json.slice(from, to)));
          continue;
        }
      }
      cells[D + k] = itemCell(k, json, from, to);
    }
    return cells.join(",") + "\r\n";
  };
}

export const CODEBOOK_HEADER = ["code", "section", "type", "label_vi", "label_en", "options", "positive", "required", "shown_if"];

const DESIGN_DOC: Record<(typeof EXPORT_DESIGN_COLUMNS)[number], [string, string]> = {
  response_id: ["Mã phiếu trả lời (không phải mã mời)", "Response id (not the invitation code)"],
  submitted_at: ["Thời điểm gửi (UTC, ISO 8601)", "Submitted at (UTC, ISO 8601)"],
  entry_mode: ["Cách nhập: online, paper (phiếu giấy), import (nhập từ tệp)", "Entry mode: online, paper, import (from a file)"],
  locale: ["Ngôn ngữ người trả lời dùng", "Language the respondent used"],
  unit: ["Mã đơn vị (tỉnh, huyện, cơ quan)", "Unit code (province, district, agency)"],
  stratum: ["Mã tầng chọn mẫu, như đã lưu (để phần mềm đối chiếu)", "Sampling stratum key as stored (for software to match on)"],
  stratum_label: ["Tầng chọn mẫu, bằng lời", "Sampling stratum in words"],
  psu: ["Đơn vị mẫu bậc một (cụm, ví dụ thôn)", "Primary sampling unit (cluster, e.g. village)"],
  weight: ["Trọng số (trống = 1)", "Weight (blank = 1)"],
  fpc: ["Quy mô tổng thể của tầng (hiệu chỉnh tổng thể hữu hạn)", "Stratum population size (finite-population correction)"],
};

function describeCondition(c: Condition): string {
  if ("all" in c) return c.all.map(describeCondition).join(" AND ");
  if ("any" in c) return `(${c.any.map(describeCondition).join(" OR ")})`;
  if ("not" in c) return `NOT (${describeCondition(c.not)})`;
  if ("answered" in c) return `${c.item} ${c.answered ? "answered" : "unanswered"}`;
  return `${c.item} in ${c.in.join(MULTIPLE_JOIN)}`;
}

/** The codebook: one row per column of the responses export — design columns, then items with their options. */
export function codebookRows(def: Definition): CsvValue[][] {
  const rows: CsvValue[][] = EXPORT_DESIGN_COLUMNS.map((c) => [c, "", "design", DESIGN_DOC[c][0], DESIGN_DOC[c][1], "", "", "", ""]);
  for (const section of def.sections) {
    for (const item of section.items) {
      const options = (item.options ?? []).map((o) => `${o.code} = ${o.label.vi}${o.label.en ? ` / ${o.label.en}` : ""}${o.missing ? " (missing)" : ""}`).join("; ");
      const shown = [section.showIf, item.showIf].filter((c): c is Condition => !!c).map(describeCondition).join(" AND ");
      rows.push([item.code, section.code, item.type, item.label.vi, item.label.en ?? "", options, (item.positive ?? []).join(MULTIPLE_JOIN), item.required, shown]);
    }
  }
  return rows;
}

export const INDICES_HEADER = ["group", "node", "label", "estimate", "se", "ci_low", "ci_high", "n", "weight_sum"];

/** One row per group and node (items included); `group` empty for the whole round; estimates in percent, unrounded. */
export function indicesRows(result: IndexResult, locale: Locale = "vi"): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const g of result.groups) {
    for (const n of g.nodes) rows.push([g.key ?? "", n.code, n.label[locale], n.estimate, n.se, n.ciLow, n.ciHigh, n.n, n.weightSum]);
  }
  return rows;
}

/**
 * Whether, in this export, the item cells of a response without free text are its answer codes with "|" → "," and
 * "+" → "|" (multiple choices joined by MULTIPLE_JOIN): a codes export (no labels) whose option codes csvLine writes
 * unchanged (none starting with "-", which would get a formula guard). The SQLite export then lets the database make
 * those cells (app/services/sqlite-export-reader.server.ts).
 */
export function codesExportIsVerbatim(layout: ExportLayout): boolean {
  if (layout.labels) return false;
  return layout.items.every((item) => item.type === "text" || item.type === "number" || (item.options ?? []).every((o) => PLAIN.test(o.code) && csvCell(o.code) === o.code));
}
