/**
 * The fieldwork downloads as Excel workbooks (ADR 029): the status per stratum (no personal data) and the frame rows
 * a valid-only import left out (names and contacts: the route lets only roles that may see contacts have them).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { Locale } from "../../domain/definition/schema";
import { fieldworkCells, fieldworkSheet, rejectedSheet } from "../../domain/downloads/sheets";
import type { TableCell } from "../../domain/downloads/table";
import { describeProblem } from "../../domain/fieldwork/frame";
import { msg, render } from "../../domain/messages";
import { nowIso } from "../platform/ids-and-time.server";
import type { XlsxDownload } from "../platform/xlsx-download.server";
import { fieldworkDashboard } from "./fieldwork.server";
import { streamRejectedRows } from "./frame-import.server";
import type { FrameImportRecord } from "./frame-uploads.server";
import { stratumDescriber } from "./sampling.server";

/** The fieldwork status, one row per stratum (in words) and a total. */
export async function fieldworkStatusXlsx(db: Kysely<Database>, round: { id: string; name: string }, locale: Locale): Promise<XlsxDownload> {
  const d = await fieldworkDashboard(db, round.id);
  const words = await stratumDescriber(db, round.id, locale);
  const rows = [...d.rows.map((r) => ({ ...r, label: words(r.stratum) })), { ...d.total, label: render(msg("columns.fwTotal"), locale) }].map(fieldworkCells);
  return {
    filename: `${round.name} - thuc-dia.xlsx`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").normalize("NFC"),
    asciiName: `thuc-dia-${round.id}.xlsx`,
    totalRows: rows.length,
    sheet: fieldworkSheet(round.name, locale),
    locale,
    madeAt: d.generatedAt,
    rows: async function* () {
      yield rows;
    },
  };
}

/** The rows an import left out, as read, with the reason in the reader's language. */
export function rejectedRowsXlsx(db: Kysely<Database>, record: FrameImportRecord, locale: Locale): XlsxDownload {
  const { headers } = record;
  const base = record.fileName.replace(/\.csv$/i, "");
  return {
    filename: `dong-bi-loai-${base}.xlsx`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").normalize("NFC"),
    asciiName: `dong-bi-loai-${base.replace(/[^A-Za-z0-9._-]+/g, "_")}.xlsx`,
    totalRows: record.report?.rowsRejected ?? 0,
    sheet: rejectedSheet(record.fileName, headers, locale),
    locale,
    madeAt: nowIso(),
    rows: async function* () {
      let batch: TableCell[][] = [];
      for await (const r of streamRejectedRows(db, record.id)) {
        batch.push([r.line, ...headers.map((_h, i) => r.cells[i] || null), r.problems.map((p) => describeProblem(p, headers, locale)).join("; ")]);
        if (batch.length >= 2000) {
          yield batch;
          batch = [];
        }
      }
      yield batch;
    },
  };
}
