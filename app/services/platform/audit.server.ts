import { userInfo } from "node:os";
import type { Kysely, SelectQueryBuilder } from "kysely";
import type { Database } from "../../../db/schema";
import { AUDIT_CSV_HEADER, auditCsvCells, nextDay, vietnamDayStartUtc, type AuditAction, type AuditDetails, type AuditRecord } from "../../domain/audit";
import { CSV_BOM, csvLine } from "../../domain/csv/write";
import type { Locale } from "../../domain/definition/schema";
import type { CsvDownload } from "./downloads.server";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { newId, nowIso } from "./ids-and-time.server";

/**
 * The append-only audit trail (issue 10). Every room records its staff actions here, in the same transaction as
 * the action where there is one, so an action that is undone leaves no record and one that is kept leaves exactly
 * one. Nothing here updates or deletes a record, and the database refuses it too (migration 009's triggers).
 */

/** Who acted: a staff user's id, or `cli:<user>` for the command line. */
export type AuditActor = string;

/** The command line's actor: the operating-system user who ran `sipas`. */
export function cliActor(): AuditActor {
  // USER is unset under cron and in many containers; the account the process runs as still says who it was.
  return `cli:${process.env.USER || process.env.USERNAME || accountName() || "unknown"}`;
}

function accountName(): string | null {
  try {
    return userInfo().username || null;
  } catch {
    return null; // an id with no passwd entry (some containers)
  }
}

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  roundId?: string | null;
  /** What the action was about when it is not the round: a username, a definition, a file, a code. */
  target?: string | null;
  details?: AuditDetails;
}

/** Adds one record. Pass the action's transaction so that the record and the action stand or fall together. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  let actor = entry.actor;
  let actorId: string | null = null;
  if (!actor.startsWith("cli:")) {
    const user = await db.selectFrom("staff_users").select(["id", "username"]).where("id", "=", actor).executeTakeFirst();
    if (user) {
      actor = user.username;
      actorId = user.id;
    }
  }
  await db
    .insertInto("audit_events")
    .values({
      id: newId(),
      at: nowIso(),
      actor,
      actor_id: actorId,
      action: entry.action,
      round_id: entry.roundId ?? null,
      target: entry.target == null ? null : entry.target.slice(0, 200),
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditFilter {
  roundId?: string;
  /** A username, or `cli:<user>`. */
  actor?: string;
  action?: string;
  /** Vietnam calendar days, inclusive. */
  from?: string;
  to?: string;
  /** Recorded on or after this UTC instant (the CLI's --since). */
  since?: string;
  /** Null: every record. Otherwise records of these rounds and records of no round (sign-ins, accounts). */
  visibleRounds?: readonly string[] | null;
}

function filtered<O>(query: SelectQueryBuilder<Database, "audit_events", O>, f: AuditFilter) {
  let q = query;
  if (f.roundId) q = q.where("round_id", "=", f.roundId);
  if (f.actor) q = q.where("actor", "=", f.actor);
  if (f.action) q = q.where("action", "=", f.action);
  if (f.since) q = q.where("at", ">=", f.since);
  if (f.from) {
    const start = vietnamDayStartUtc(f.from);
    if (!start) throw new UserError(msg("audit.badDate", { date: f.from }));
    q = q.where("at", ">=", start);
  }
  if (f.to) {
    const end = vietnamDayStartUtc(f.to) && vietnamDayStartUtc(nextDay(f.to));
    if (!end) throw new UserError(msg("audit.badDate", { date: f.to }));
    q = q.where("at", "<", end);
  }
  if (f.visibleRounds) {
    const rounds = [...f.visibleRounds];
    q = q.where((eb) => (rounds.length ? eb.or([eb("round_id", "is", null), eb("round_id", "in", rounds)]) : eb("round_id", "is", null)));
  }
  return q;
}

function toRecord(r: Database["audit_events"]): AuditRecord {
  return { id: r.id, at: r.at, actor: r.actor, action: r.action, roundId: r.round_id, target: r.target, details: JSON.parse(r.details) as AuditDetails };
}

/** One page of records, newest first, and how many match in all. */
export async function listAudit(db: Kysely<Database>, filter: AuditFilter, page: { offset: number; limit: number }) {
  const [rows, count] = await Promise.all([
    filtered(db.selectFrom("audit_events").selectAll(), filter).orderBy("at", "desc").orderBy("id", "desc").offset(page.offset).limit(page.limit).execute(),
    filtered(db.selectFrom("audit_events").select((eb) => eb.fn.countAll<number>().as("n")), filter).executeTakeFirstOrThrow(),
  ]);
  return { records: rows.map(toRecord), total: Number(count.n) };
}

/** Every matching record, oldest first, read in pages (for the CSV download and `sipas audit export`). */
export async function* streamAudit(db: Kysely<Database>, filter: AuditFilter): AsyncGenerator<AuditRecord> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    let q = filtered(db.selectFrom("audit_events").selectAll(), filter);
    if (after) {
      const a: { at: string; id: string } = after;
      q = q.where((eb) => eb.or([eb("at", ">", a.at), eb.and([eb("at", "=", a.at), eb("id", ">", a.id)])]));
    }
    const rows = await q.orderBy("at").orderBy("id").limit(1000).execute();
    if (rows.length === 0) return;
    for (const r of rows) yield toRecord(r);
    after = { at: rows[rows.length - 1].at, id: rows[rows.length - 1].id };
  }
}

/** The names that appear as actors, for the filter's choices. */
export async function listAuditActors(db: Kysely<Database>, filter: Pick<AuditFilter, "roundId" | "visibleRounds"> = {}): Promise<string[]> {
  const rows = await filtered(db.selectFrom("audit_events").select("actor").distinct(), filter).orderBy("actor").execute();
  return rows.map((r) => r.actor);
}

/** What left the app as a file: the kind of download, for the record's target. */
export type ExportKind = "responses" | "codebook" | "indices" | "fieldwork" | "rejected_rows" | "audit";

/** Records a download or a file written by the CLI (who took which data of which round), as it starts. */
export async function recordExport(
  db: Kysely<Database>,
  entry: { actor: AuditActor; kind: ExportKind; roundId?: string | null; details?: AuditDetails },
): Promise<void> {
  await recordAudit(db, { actor: entry.actor, action: "export", roundId: entry.roundId ?? null, target: entry.kind, details: entry.details });
}

/** The records as a CSV download (oldest first, Vietnam time and UTC, formula-safe cells), streamed in pages. */
export async function auditDownload(db: Kysely<Database>, filter: AuditFilter, locale: Locale): Promise<CsvDownload> {
  const { total } = await listAudit(db, filter, { offset: 0, limit: 1 });
  const name = `nhat-ky${filter.roundId ? `-${filter.roundId}` : ""}.csv`;
  return {
    filename: name,
    asciiName: name,
    totalRows: total,
    async *chunks() {
      yield CSV_BOM + csvLine(AUDIT_CSV_HEADER);
      let lines = "";
      let n = 0;
      for await (const record of streamAudit(db, filter)) {
        lines += csvLine(auditCsvCells(record, locale));
        if (++n % 500 === 0) {
          yield lines;
          lines = "";
        }
      }
      if (lines) yield lines;
    },
  };
}
