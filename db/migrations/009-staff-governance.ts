import { sql, type Kysely } from "kysely";
import { isSqlite } from "../engine";

/**
 * Staff governance (issue 10): accounts that can be deactivated and must change a one-time password, server-side
 * sessions that can be ended on every app server, an append-only audit trail, the round's help contact, and the
 * frame import's decisions about the columns it did not match.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("staff_users").addColumn("active", "integer", (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable("staff_users").addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("staff_users").addColumn("password_changed_at", "text").execute();
  await db.schema.alterTable("staff_users").addColumn("deactivated_at", "text").execute();

  await db.schema
    .createTable("staff_sessions")
    .addColumn("id", "text", (c) => c.primaryKey()) // sha256 of the token the signed cookie carries
    .addColumn("user_id", "text", (c) => c.notNull().references("staff_users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .addColumn("ended_reason", "text")
    .execute();
  await db.schema.createIndex("staff_sessions_user").on("staff_sessions").columns(["user_id", "ended_at"]).execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("round_id", "text")
    .addColumn("target", "text")
    .addColumn("details", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_events_at").on("audit_events").columns(["at", "id"]).execute();
  await db.schema.createIndex("audit_events_round").on("audit_events").columns(["round_id", "at"]).execute();
  await db.schema.createIndex("audit_events_actor").on("audit_events").columns(["actor", "at"]).execute();

  // Append-only in the database itself: no statement of the app (or of anyone with its login) changes a record.
  if (isSqlite(db)) {
    await sql`create trigger audit_events_no_update before update on audit_events begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
    await sql`create trigger audit_events_no_delete before delete on audit_events begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
  } else {
    await sql`create function audit_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_events is append-only'; end $$`.execute(db);
    await sql`create trigger audit_events_no_change before update or delete on audit_events
      for each row execute function audit_events_append_only()`.execute(db);
    await sql`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()`.execute(db);
  }

  await db.schema.alterTable("rounds").addColumn("help_contact", "text").execute();
  await db.schema.alterTable("frame_imports").addColumn("column_choices", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("frame_imports").dropColumn("column_choices").execute();
  await db.schema.alterTable("rounds").dropColumn("help_contact").execute();
  await db.schema.dropTable("audit_events").execute();
  if (!isSqlite(db)) await sql`drop function audit_events_append_only()`.execute(db);
  await db.schema.dropTable("staff_sessions").execute();
  for (const c of ["deactivated_at", "password_changed_at", "must_change_password", "active"]) {
    await db.schema.alterTable("staff_users").dropColumn(c).execute();
  }
}
