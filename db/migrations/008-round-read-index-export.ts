import type { Kysely } from "kysely";
import { isSqlite } from "../engine";

/**
 * SQLite: the round-reading index of migration 007 widened with the columns the responses export adds (id,
 * submitted_at, entry_mode, locale), so that the export, like the index engine, reads the index alone: reading
 * 1M rows from the table itself (~1.6 kB each, JSON included) took ~10 s of SQLite time before any CSV was made,
 * against ~2.5 s from the index. The JSON is still fetched from the table for the few rows with free text.
 */
const COLUMNS = ["round_id", "status", "stratum", "psu", "unit_code", "weight", "fpc", "answer_codes"];

export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await db.schema.dropIndex("responses_round_read").ifExists().execute();
  await db.schema
    .createIndex("responses_round_read")
    .on("responses")
    .columns([...COLUMNS, "id", "submitted_at", "entry_mode", "locale"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await db.schema.dropIndex("responses_round_read").ifExists().execute();
  await db.schema.createIndex("responses_round_read").on("responses").columns(COLUMNS).execute();
}
