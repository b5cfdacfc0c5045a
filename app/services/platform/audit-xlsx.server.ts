/** The audit trail as an Excel workbook (ADR 029's table downloads): the records audit.csv holds, oldest first. */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { Locale } from "../../domain/definition/schema";
import { auditSheet, auditSheetCells } from "../../domain/downloads/audit-sheet";
import type { TableCell } from "../../domain/downloads/table";
import { listAudit, streamAudit, type AuditFilter } from "./audit.server";
import { nowIso } from "./ids-and-time.server";
import type { XlsxDownload } from "./xlsx-download.server";

export async function auditXlsx(db: Kysely<Database>, filter: AuditFilter, locale: Locale): Promise<XlsxDownload> {
  const { total } = await listAudit(db, filter, { offset: 0, limit: 1 });
  const name = `nhat-ky${filter.roundId ? `-${filter.roundId}` : ""}.xlsx`;
  return {
    filename: name,
    asciiName: name.replace(/[^A-Za-z0-9._-]+/g, "_"),
    totalRows: total,
    sheet: auditSheet(filter.roundId, locale),
    locale,
    madeAt: nowIso(),
    rows: async function* () {
      let batch: TableCell[][] = [];
      for await (const record of streamAudit(db, filter)) {
        batch.push(auditSheetCells(record, locale));
        if (batch.length >= 500) {
          yield batch;
          batch = [];
        }
      }
      yield batch;
    },
  };
}
