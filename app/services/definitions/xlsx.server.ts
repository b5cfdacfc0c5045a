/**
 * The .xlsx bytes of a questionnaire workbook, read and written with exceljs (ADR 019). The layout and every
 * conversion are pure (app/domain/definition/sheets*.ts); this file only moves cells in and out of the file format.
 */
import ExcelJS from "exceljs";
import { DefinitionSchema, type Definition, type LocalizedText } from "../../domain/definition/schema";
import { definitionToWorkbook } from "../../domain/definition/sheets-export";
import { workbookToDefinition, type ReadOptions } from "../../domain/definition/sheets-import";
import { localize, msg } from "../../domain/messages";
import { SHEETS, type Sheet, type SheetCell, type SheetProblem, type Workbook } from "../../domain/definition/sheets";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };

export async function workbookToXlsx(book: Workbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SIPAS";
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    const widths = Object.values(SHEETS).find((s) => s.name === sheet.name)?.columns.map((c) => c.width) ?? sheet.header.map(() => 60);
    ws.columns = sheet.header.map((h, i) => ({ header: h, width: widths[i] ?? 20 }));
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.fill = HEADER_FILL;
    for (const cells of sheet.rows) {
      // Strings stay strings (a text starting with "=" is not a formula in the file), so nothing runs when opened.
      const row = ws.addRow(cells.map((c) => (c === null || typeof c !== "object" ? c : null)));
      row.alignment = { vertical: "top", wrapText: true };
    }
    // Codes such as "01" must stay text when someone types in the column.
    ws.getColumn(2).numFmt = "@";
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type XlsxRead = { ok: true; book: Workbook } | { ok: false; message: LocalizedText };

/** Reads every worksheet's cells; a file that is not an .xlsx workbook is refused with a plain message. */
export async function xlsxToWorkbook(bytes: Buffer | Uint8Array): Promise<XlsxRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as never);
  } catch {
    return { ok: false, message: localize(msg("workbook.notXlsx")) };
  }
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const rows: SheetCell[][] = [];
    let header: string[] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: SheetCell[] = [];
      for (let c = 1; c <= width; c++) cells.push(toCell(row.getCell(c).value));
      if (r === 1) header = cells.map((x) => (x === null ? "" : typeof x === "object" ? "" : String(x)));
      else rows.push(cells);
    }
    sheets.push({ name: ws.name, header, rows });
  });
  return { ok: true, book: { sheets } };
}

function toCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return { date: value.toISOString() };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const f = value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
      const formula = "formula" in f ? f.formula : f.sharedFormula;
      const result = f.result;
      if (result instanceof Date) return { date: result.toISOString() };
      if (result !== null && typeof result === "object") return { error: "error" in result ? String(result.error) : "?" };
      return { formula: formula ?? "", result: result ?? null };
    }
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("error" in value) return { error: String(value.error) };
    if ("text" in value && typeof value.text === "string") return value.text; // hyperlink
  }
  return String(value);
}

/** A definition as written (a version's stored content or a draft, valid or not) as .xlsx bytes. */
export async function definitionToXlsx(raw: Record<string, unknown>): Promise<Buffer> {
  return workbookToXlsx(definitionToWorkbook(lenientShape(raw)));
}

/** The fields the workbook reads, with empty lists where a draft has none yet (a draft may be incomplete). */
function lenientShape(raw: Record<string, unknown>): Definition {
  const parsed = DefinitionSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const def = structuredClone(raw) as Record<string, unknown>;
  def.scales ??= {};
  def.indices ??= [];
  def.sections = ((def.sections as Record<string, unknown>[] | undefined) ?? []).map((s) => ({ ...s, items: s.items ?? [] }));
  def.title ??= { vi: "" };
  return def as unknown as Definition;
}

export type UploadRead = { ok: true; raw: Record<string, unknown>; definition: Definition } | { ok: false; problems: SheetProblem[] };

/** An uploaded .xlsx as a definition, or every problem with its sheet, row and column. */
export async function readDefinitionXlsx(bytes: Buffer | Uint8Array, options: ReadOptions = {}): Promise<UploadRead> {
  const read = await xlsxToWorkbook(bytes);
  if (!read.ok) return { ok: false, problems: [{ sheet: "", message: read.message }] };
  return workbookToDefinition(read.book, options);
}
