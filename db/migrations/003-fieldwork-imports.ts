import { PostgresAdapter, type Kysely } from "kysely";

/**
 * Fieldwork, second part: frame imports (upload, mapping, report, rejected rows), the columns a
 * sampled person needs beyond migration 002 (PSU, FPC, the group replacements come from) and the
 * record of a non-response adjustment.
 */
const FRAME_FOREIGN_KEYS = [
  ["frame_persons", "frame_persons_round_id_fkey"],
  ["frame_contacts", "frame_contacts_round_id_fkey"],
  ["frame_contacts", "frame_contacts_person_id_fkey"],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("frame_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("file_path", "text")
    .addColumn("file_size", "integer", (c) => c.notNull())
    .addColumn("headers", "text", (c) => c.notNull())
    .addColumn("mapping", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("rows_read", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rows_imported", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rows_rejected", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("report", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("frame_imports_round").on("frame_imports").columns(["round_id", "created_at"]).execute();

  await db.schema
    .createTable("frame_rejected_rows")
    .addColumn("import_id", "text", (c) => c.notNull().references("frame_imports.id"))
    .addColumn("round_id", "text", (c) => c.notNull().references("rounds.id"))
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("cells", "text", (c) => c.notNull())
    .addColumn("problems", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("frame_rejected_rows_pk", ["import_id", "line"])
    .execute();
  await db.schema.createIndex("frame_rejected_rows_round").on("frame_rejected_rows").column("round_id").execute();

  // Frame rows are keyed by their dossier id (ADR 014), which makes this index redundant; it cost
  // a tenth of the import time.
  await db.schema.dropIndex("frame_persons_dossier").execute();
  // PostgreSQL checks a foreign key with a query per inserted row: on the frame tables those checks
  // cost twice the inserts themselves (1M rows: ~150 s with them, under a minute without). Frame
  // rows are written only by the import, in one transaction that checks the round first and writes
  // a contact right after its person; rounds are never deleted; contacts are deleted before their
  // persons. So the checks are dropped on PostgreSQL. SQLite's are cheap (and cannot be dropped in
  // place): they stay. ADR 014.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const [table, constraint] of FRAME_FOREIGN_KEYS) await db.schema.alterTable(table).dropConstraint(constraint).execute();
  }
  await db.schema.alterTable("sample_units").addColumn("psu", "text").execute();
  await db.schema.alterTable("sample_units").addColumn("fpc", "double precision").execute();
  await db.schema.alterTable("sample_units").addColumn("replacement_group", "text").execute();
  // A person is replaced once (NULLs do not clash on either engine): two clicks cannot use two reserves.
  await db.schema.createIndex("sample_units_replaces_unique").on("sample_units").columns(["sample_id", "replaces_person_id"]).unique().execute();

  // One sample per round: a second draw (two clicks, two servers) is refused by the database.
  await db.schema.createIndex("samples_round_unique").on("samples").column("round_id").unique().execute();
  await db.schema.alterTable("samples").addColumn("adjustment", "text").execute();
  await db.schema.alterTable("samples").addColumn("adjusted_at", "text").execute();
  await db.schema.alterTable("samples").addColumn("adjusted_by", "text").execute();
  await db.schema.alterTable("samples").addColumn("adjusted_data_version", "integer").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ["adjusted_data_version", "adjusted_by", "adjusted_at", "adjustment"]) await db.schema.alterTable("samples").dropColumn(c).execute();
  await db.schema.dropIndex("samples_round_unique").execute();
  await db.schema.dropIndex("sample_units_replaces_unique").execute();
  for (const c of ["replacement_group", "fpc", "psu"]) await db.schema.alterTable("sample_units").dropColumn(c).execute();
  await db.schema.createIndex("frame_persons_dossier").on("frame_persons").columns(["round_id", "dossier_id"]).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema.alterTable("frame_persons").addForeignKeyConstraint("frame_persons_round_id_fkey", ["round_id"], "rounds", ["id"]).execute();
    await db.schema.alterTable("frame_contacts").addForeignKeyConstraint("frame_contacts_round_id_fkey", ["round_id"], "rounds", ["id"]).execute();
    await db.schema.alterTable("frame_contacts").addForeignKeyConstraint("frame_contacts_person_id_fkey", ["person_id"], "frame_persons", ["id"]).execute();
  }
  await db.schema.dropTable("frame_rejected_rows").execute();
  await db.schema.dropTable("frame_imports").execute();
}
