/**
 * The .xlsx bytes of a questionnaire workbook, read and written with exceljs (ADR 019). The layout and every
 * conversion are pure (app/domain/definition/sheets*.ts); this file only moves cells in and out of the file format.
 */
import ExcelJS from "exceljs";
import type { LocalizedText } from "../../domain/definition/schema";
import { localize, msg } from "../../domain/messages";
import { SHEETS, type Sheet, type SheetCell, type Workbook } from "../../domain/definition/sheets";

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
