import type { Kysely } from "kysely";

/**
 * The questionnaire studio (issue 9): who published a version and from which it was drafted, retiring a version
 * (hidden from new rounds, kept for the rounds that use it), and drafts stored with a revision number so that a
 * second, concurrent save of the same draft is refused instead of overwriting the first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("definitions").addColumn("published_by", "text").execute();
  await db.schema.alterTable("definitions").addColumn("based_on", "text").execute();
  await db.schema.alterTable("definitions").addColumn("retired_at", "text").execute();
  await db.schema.alterTable("definitions").addColumn("retired_by", "text").execute();

  await db.schema
    .createTable("definition_drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("version", "text", (c) => c.notNull())
    // The version it was made from (null: a new questionnaire or an upload); the default of its comparison.
    .addColumn("based_on", "text")
    // The raw definition as edited: JSON text, not necessarily valid yet.
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    // The province of the staff member who made it (null: national); province staff see their own.
    .addColumn("province_code", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("definition_drafts_key_version", ["key", "version"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("definition_drafts").execute();
  for (const column of ["retired_by", "retired_at", "based_on", "published_by"]) {
    await db.schema.alterTable("definitions").dropColumn(column).execute();
  }
}
