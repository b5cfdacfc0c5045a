import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("rounds").addColumn("data_version", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("responses").addColumn("fpc", "double precision").execute();
  await db.schema.alterTable("invitations").addColumn("fpc", "double precision").execute();

  await db.schema
    .createTable("frame_persons")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id"))
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("dossier_id", "text")
    .addColumn("unit_code", "text", (c) => c.notNull())
    .addColumn("unit_level", "text", (c) => c.notNull())
    .addColumn("service_field", "text")
    .addColumn("returned_on", "text")
    .addColumn("sex", "text")
    .addColumn("birth_year", "integer")
    .addColumn("extra", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("frame_persons_round").on("frame_persons").columns(["round_id", "line"]).execute();
  await db.schema.createIndex("frame_persons_dossier").on("frame_persons").columns(["round_id", "dossier_id"]).execute();

  await db.schema
    .createTable("frame_contacts")
    .addColumn("person_id", "text", (c) => c.primaryKey().references("frame_persons.id"))
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("address", "text")
    .execute();
  await db.schema.createIndex("frame_contacts_round").on("frame_contacts").column("round_id").execute();

  await db.schema
    .createTable("contact_purges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id"))
    .addColumn("purged_at", "text", (c) => c.notNull())
    .addColumn("purged_by", "text", (c) => c.notNull())
    .addColumn("rows_purged", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("samples")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id"))
    .addColumn("design", "text", (c) => c.notNull())
    .addColumn("seed", "text", (c) => c.notNull())
    .addColumn("algorithm", "text", (c) => c.notNull())
    .addColumn("plan", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sample_units")
    .addColumn("sample_id", "text", (c) => c.notNull().references("samples.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("frame_persons.id"))
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id"))
    .addColumn("stratum", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("inclusion_probability", "double precision", (c) => c.notNull())
    .addColumn("design_weight", "double precision", (c) => c.notNull())
    .addColumn("adjusted_weight", "double precision")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("replaces_person_id", "text")
    .addColumn("invitation_code", "text", (c) => c.references("invitations.code"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("sample_units_pk", ["sample_id", "person_id"])
    .execute();
  await db.schema.createIndex("sample_units_round").on("sample_units").columns(["round_id", "stratum", "role"]).execute();
  await db.schema.createIndex("sample_units_code").on("sample_units").column("invitation_code").execute();

  await db.schema
    .createTable("paper_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id"))
    .addColumn("invitation_code", "text", (c) => c.notNull().references("invitations.code"))
    .addColumn("entry_no", "integer", (c) => c.notNull())
    .addColumn("clerk_id", "text", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("paper_entries_code_no", ["invitation_code", "entry_no"])
    .execute();

  await db.schema
    .createTable("index_cache")
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id"))
    .addColumn("options_key", "text", (c) => c.notNull())
    .addColumn("data_version", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("index_cache_pk", ["round_id", "options_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["index_cache", "paper_entries", "sample_units", "samples", "contact_purges", "frame_contacts", "frame_persons"]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable("responses").dropColumn("fpc").execute();
  await db.schema.alterTable("invitations").dropColumn("fpc").execute();
  await db.schema.alterTable("rounds").dropColumn("data_version").execute();
}
