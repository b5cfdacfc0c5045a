import type { Kysely } from "kysely";
import { isSqlite } from "../engine";

/**
 * SQLite: a covering index for reading a whole round's design and answer codes (the index engine's one pass)
 * without touching the table's ~1 kB rows. Stratum and PSU first: a round is read stratum by stratum and PSU by
 * PSU (what the engine's caches like), strata are counted without sorting, and a worker thread reads its strata
 * as ranges. PostgreSQL pages by (round_id, status, id) instead (migration 006).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await db.schema
    .createIndex("responses_round_read")
    .on("responses")
    .columns(["round_id", "status", "stratum", "psu", "unit_code", "weight", "fpc", "answer_codes"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) await db.schema.dropIndex("responses_round_read").execute();
}
