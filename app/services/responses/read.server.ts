import type { Kysely } from "kysely";
import { sqliteFileOf } from "../../../db/engine";
import type { Database } from "../../../db/schema";
import { createLineWriter, type ExportLayout } from "../../domain/csv/responses-export";
import type { Definition } from "../../domain/definition/schema";
import type { ResponseRecord } from "../../domain/indices/types";
import { submittedResponsePages } from "./pages.server";
import { sqliteExportChunks } from "./sqlite-export-reader.server";
import { RECORD_BATCH, recordDecoder, sqliteRecords } from "./sqlite-round-reader.server";

/**
 * Reading a round's submitted responses, whatever the engine: as index-engine records (the results) or as the lines
 * of the responses export. Memory stays flat whatever the size of the round. On SQLite one read-only statement over a
 * second connection walks the round in the covering index (a consistent snapshot, ~4× faster than pages through the
 * query builder, and the app's own connection stays free meanwhile; rows in stratum, PSU order); on PostgreSQL keyset
 * pages (rows in id order). Worker threads read parts of a large SQLite round with the readers of this room
 * (sqlite-round-reader, sqlite-export-reader) — the same code on the same index.
 */

export { RECORD_BATCH };

/** The round as index-engine records, in batches. */
export async function* readRoundRecords(
  db: Kysely<Database>,
  roundId: string,
  opts: { definition?: Definition; batchSize?: number } = {},
): AsyncGenerator<ResponseRecord[]> {
  const toRecord = recordDecoder(opts.definition);
  const batchSize = opts.batchSize ?? RECORD_BATCH;
  const file = sqliteFileOf(db);
  if (file) {
    yield* sqliteRecords(file, roundId, batchSize, toRecord);
    return;
  }
  const columns = ["answer_codes", "unit_code", "stratum", "psu", "weight", "fpc"] as const;
  for await (const rows of submittedResponsePages(db, roundId, columns, batchSize, "withoutCodes")) {
    yield rows.map((r) => toRecord(r.answer_codes, r.answers_json, r.unit_code, r.stratum, r.psu, r.weight, r.fpc));
  }
}

/** The round as the lines of its responses export (no header), in chunks of about `rowsPerChunk` lines. */
export async function* readRoundLines(db: Kysely<Database>, roundId: string, layout: ExportLayout, rowsPerChunk: number): AsyncGenerator<string> {
  const file = sqliteFileOf(db);
  if (file) {
    yield* sqliteExportChunks(file, roundId, layout, rowsPerChunk);
    return;
  }
  const columns = ["id", "submitted_at", "entry_mode", "locale", "unit_code", "stratum", "psu", "weight", "fpc", "answer_codes"] as const;
  const line = createLineWriter(layout);
  // The JSON is read only for rows with free text (or without answer codes): most rows are codes alone.
  for await (const rows of submittedResponsePages(db, roundId, columns, rowsPerChunk, "withoutCodesOrWithText")) {
    let chunk = "";
    for (const r of rows) {
      chunk += line({
        id: r.id,
        submittedAt: r.submitted_at,
        entryMode: r.entry_mode,
        locale: r.locale,
        unit: r.unit_code,
        stratum: r.stratum,
        psu: r.psu,
        weight: r.weight === null ? null : Number(r.weight),
        fpc: r.fpc === null ? null : Number(r.fpc),
        answers: r.answers_json,
        answerCodes: r.answer_codes,
      });
    }
    yield chunk;
  }
}

export async function countSubmitted(db: Kysely<Database>, roundId: string): Promise<number> {
  const row = await db
    .selectFrom("responses")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("round_id", "=", roundId)
    .where("status", "=", "submitted")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Submitted responses per stratum, in stratum order (on SQLite the covering index's order: NULL first). */
export async function countSubmittedByStratum(db: Kysely<Database>, roundId: string): Promise<{ stratum: string | null; n: number }[]> {
  const rows = await db
    .selectFrom("responses")
    .select((eb) => ["stratum", eb.fn.countAll<number>().as("n")])
    .where("round_id", "=", roundId)
    .where("status", "=", "submitted")
    .groupBy("stratum")
    .orderBy("stratum")
    .execute();
  return rows.map((r) => ({ stratum: r.stratum, n: Number(r.n) }));
}
