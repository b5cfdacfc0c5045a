/**
 * Table downloads as Excel workbooks (ADR 029): a data sheet with a bold, frozen and filterable header row in the
 * reader's language, numbers as numeric cells with formats (percent with two decimals, whole numbers grouped, times
 * in Vietnam time), and a second sheet explaining every column. Written with exceljs's streaming writer, row by row,
 * so a 40,000-row responses file never sits in memory as a workbook.
 */
import { createWriteStream, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { formatVietnamTime, kindWords, type TableCell, type TableColumn, type TableSheet } from "../../domain/downloads/table";
import type { Locale } from "../../domain/definition/schema";
import { msg, render } from "../../domain/messages";
import { contentDisposition, toReadableStream } from "./downloads.server";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface XlsxDownload {
  filename: string;
  asciiName: string;
  totalRows: number;
  sheet: TableSheet;
  locale: Locale;
  /** Rows in batches (a batch is written before the next is read). */
  rows: () => AsyncIterable<TableCell[][]>;
  /** When the file was made (a UTC instant), said on the explanation sheet in Vietnam time. */
  madeAt: string;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };

function numFmt(c: TableColumn): string {
  switch (c.kind) {
    case "integer":
      return "#,##0";
    case "decimal":
      return c.decimals === undefined ? "General" : `#,##0.${"0".repeat(c.decimals)}`;
    case "percent":
      return "0.00%";
    case "datetime":
      return "dd/mm/yyyy hh:mm:ss";
    default:
      return "@";
  }
}

function columnLetters(n: number): string {
  let s = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);

/**
 * Writes the workbook into `stream`, waiting for it to drain between batches (back-pressure); `aborted()` stops the
 * writing early when the reader went away.
 */
async function writeWorkbook(d: XlsxDownload, stream: PassThrough, aborted: () => boolean): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = "SIPAS";
  const { columns } = d.sheet;
  const ws = wb.addWorksheet(sheetName(d.sheet.sheetName), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width ?? Math.min(40, Math.max(10, c.header.length + 2)), style: { numFmt: numFmt(c) } }));
  ws.autoFilter = `A1:${columnLetters(columns.length)}1`;
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { vertical: "top", wrapText: true };
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.numFmt = "@";
  });
  head.commit();
  for await (const batch of d.rows()) {
    if (aborted()) return;
    // Strings stay strings: a cell starting with "=" is text in the file, never a formula.
    for (const cells of batch) ws.addRow(cells).commit();
    if (stream.writableNeedDrain) await once(stream, "drain");
  }
  ws.commit();

  const about = wb.addWorksheet(sheetName(render(msg("columns.aboutSheet"), d.locale)));
  about.columns = [{ width: 28 }, { width: 80 }, { width: 24 }, { width: 24 }];
  about.addRow([d.sheet.title]).font = { bold: true };
  about.addRow([render(msg("columns.madeAt", { time: formatVietnamTime(d.madeAt) }), d.locale)]);
  about.addRow([]);
  const aboutHead = about.addRow([
    render(msg("columns.aboutColumn"), d.locale),
    render(msg("columns.aboutMeaning"), d.locale),
    render(msg("columns.aboutKind"), d.locale),
    render(msg("columns.aboutMachineName"), d.locale),
  ]);
  aboutHead.font = { bold: true };
  aboutHead.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const c of columns) about.addRow([c.header, c.about, kindWords(c.kind, d.locale), c.machine]).alignment = { vertical: "top", wrapText: true };
  about.commit();
  await wb.commit();
}

/** The workbook's bytes as they are written. */
export function xlsxChunks(d: XlsxDownload): AsyncGenerator<Uint8Array, void, undefined> {
  const stream = new PassThrough();
  let stopped = false;
  writeWorkbook(d, stream, () => stopped).then(
    () => stream.end(),
    (e: unknown) => stream.destroy(e instanceof Error ? e : new Error(String(e))),
  );
  return (async function* () {
    try {
      for await (const chunk of stream) yield chunk as Uint8Array;
    } finally {
      stopped = true;
      stream.destroy();
    }
  })();
}

/** A streamed .xlsx download with the row count in X-Total-Rows (for a progress bar). */
export function xlsxResponse(d: XlsxDownload): Response {
  return new Response(toReadableStream(xlsxChunks(d)), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": contentDisposition(d.filename, d.asciiName),
      "X-Total-Rows": String(d.totalRows),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Writes the workbook to a file through a temporary name, so a failed export leaves no half file. */
export async function writeXlsxFile(d: XlsxDownload, path: string): Promise<void> {
  const part = `${path}.part`;
  const out = createWriteStream(part);
  try {
    for await (const chunk of xlsxChunks(d)) if (!out.write(chunk)) await once(out, "drain");
    out.end();
    await once(out, "finish");
    renameSync(part, path);
  } catch (e) {
    out.destroy();
    rmSync(part, { force: true });
    throw e;
  }
}
