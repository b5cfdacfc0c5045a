import type { Kysely } from "kysely";

/**
 * responses.answer_codes: the compact copy of the answers read by the index engine and the CSV export
 * (docs/decisions/017-answer-codes.md). Rows written before it have NULL and are read from their JSON.
 * The (round_id, status, id) index lets PostgreSQL page a round by id without sorting it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("responses").addColumn("answer_codes", "text").execute();
  await db.schema.createIndex("responses_round_page").on("responses").columns(["round_id", "status", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("responses_round_page").execute();
  await db.schema.alterTable("responses").dropColumn("answer_codes").execute();
}
