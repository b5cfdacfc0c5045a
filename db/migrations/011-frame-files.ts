import { sql, type Kysely } from "kysely";

/**
 * A round's frame made of several files (ADR 028): each frame_imports row says what it does to the frame (adds a
 * file, replaces one file, or replaces the whole frame), whether it is in the frame now and at which position, and
 * who removed it; each frame person points at the file it came from. An existing frame becomes one file: the latest
 * successful import of its round.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("frame_imports").addColumn("frame_action", "text", (c) => c.notNull().defaultTo("replace_all")).execute();
  await db.schema.alterTable("frame_imports").addColumn("replaces_import_id", "text").execute();
  await db.schema.alterTable("frame_imports").addColumn("in_frame", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("frame_imports").addColumn("frame_position", "integer").execute();
  await db.schema.alterTable("frame_imports").addColumn("removed_at", "text").execute();
  await db.schema.alterTable("frame_imports").addColumn("removed_by", "text").execute();
  await db.schema.alterTable("frame_persons").addColumn("import_id", "text").execute();
  await db.schema.createIndex("frame_persons_import").on("frame_persons").column("import_id").execute();

  await sql`update frame_imports set in_frame = 1, frame_position = 1
    where exists (select 1 from frame_persons fp where fp.round_id = frame_imports.round_id)
      and id = (select fi.id from frame_imports fi where fi.round_id = frame_imports.round_id and fi.status = 'imported'
                order by fi.finished_at desc, fi.created_at desc limit 1)`.execute(db);
  await sql`update frame_persons set import_id = (select fi.id from frame_imports fi where fi.round_id = frame_persons.round_id and fi.in_frame = 1)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("frame_persons_import").execute();
  await db.schema.alterTable("frame_persons").dropColumn("import_id").execute();
  for (const c of ["removed_by", "removed_at", "frame_position", "in_frame", "replaces_import_id", "frame_action"]) {
    await db.schema.alterTable("frame_imports").dropColumn(c).execute();
  }
}
