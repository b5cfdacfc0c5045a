import type { Kysely } from "kysely";

/** Paper data entry: per-round double-entry switch, supervisors' resolutions, an index for the entry queue. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("round_entry_settings")
    .addColumn("round_id", "text", (c) => c.primaryKey().references("rounds.id"))
    .addColumn("double_entry", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("paper_reviews")
    .addColumn("invitation_code", "text", (c) => c.primaryKey().references("invitations.code"))
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id"))
    .addColumn("reviewer_id", "text", (c) => c.notNull())
    .addColumn("mismatches", "integer", (c) => c.notNull())
    .addColumn("resolution", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema.createIndex("paper_entries_round").on("paper_entries").columns(["round_id", "invitation_code"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("paper_entries_round").execute();
  await db.schema.dropTable("paper_reviews").execute();
  await db.schema.dropTable("round_entry_settings").execute();
}
