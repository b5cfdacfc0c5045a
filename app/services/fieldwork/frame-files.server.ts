import type { Kysely } from "kysely";
import { basename } from "node:path";
import type { Database } from "../../../db/schema";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { recordAudit, type AuditActor } from "../platform/audit.server";
import { nowIso } from "../platform/ids-and-time.server";
import { deleteFrameFile, type FrameImportReport } from "./frame-import.server";

/**
 * The files a round's frame is made of (ADR 028). A file enters the frame when its import succeeds (added, or in the
 * place of one file, or of the whole frame) and leaves it when replaced or removed; all of it only until the sample
 * is drawn, since every person's selection probability is computed on the frame as it then stands.
 */

export interface FrameFile {
  importId: string;
  fileName: string;
  position: number;
  rowsAccepted: number;
  rowsLeftOut: number;
  /** A username, or `cli:<user>`. */
  importedBy: string;
  importedAt: string | null;
  /**
   * The period this file's rows were checked against, when the round's period has changed since (ADR 028: a period
   * change does not reach files already in the frame; the file must be uploaded again to apply it). Null when the
   * period is unchanged or the file's report predates keeping it.
   */
  stalePeriod: { start: string | null; end: string | null; leftOut: number } | null;
}

/** The files of the round's frame, in their order, with who imported each and when. */
export async function listFrameFiles(db: Kysely<Database>, roundId: string): Promise<FrameFile[]> {
  const rows = await db
    .selectFrom("frame_imports as fi")
    .leftJoin("staff_users as u", "u.id", "fi.created_by")
    .select(["fi.id", "fi.file_name", "fi.frame_position", "fi.rows_imported", "fi.rows_rejected", "fi.created_by", "fi.finished_at", "fi.report", "u.username"])
    .where("fi.round_id", "=", roundId)
    .where("fi.in_frame", "=", 1)
    .orderBy("fi.frame_position")
    .execute();
  const round = await db.selectFrom("rounds").select(["period_start", "period_end"]).where("id", "=", roundId).executeTakeFirst();
  const now = { start: round?.period_start ?? null, end: round?.period_end ?? null };
  return rows.map((r) => ({
    importId: r.id,
    fileName: basename(r.file_name),
    position: Number(r.frame_position ?? 1),
    rowsAccepted: Number(r.rows_imported),
    rowsLeftOut: Number(r.rows_rejected),
    importedBy: r.username ?? r.created_by,
    importedAt: r.finished_at,
    stalePeriod: stalePeriodOf(r.report, now),
  }));
}

function stalePeriodOf(reportJson: string | null, now: { start: string | null; end: string | null }): FrameFile["stalePeriod"] {
  if (!reportJson) return null;
  const report = JSON.parse(reportJson) as Partial<FrameImportReport>;
  const then = report.period;
  if (!then || ((then.start ?? null) === now.start && (then.end ?? null) === now.end)) return null;
  return { start: then.start ?? null, end: then.end ?? null, leftOut: report.problemsByKind?.date_outside_period ?? 0 };
}

/** Refuses any change of the frame once the round is closed or its sample drawn, in words that say why. */
export async function checkFrameCanChange(db: Kysely<Database>, roundId: string): Promise<void> {
  const round = await db.selectFrom("rounds").select("status").where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new UserError(msg("rounds.unknown", { round: roundId }), 404);
  if (round.status !== "open") throw new UserError(msg("rounds.closedFrame", { round: roundId }), 409);
  const sample = await db.selectFrom("samples").select("id").where("round_id", "=", roundId).executeTakeFirst();
  if (sample) throw new UserError(msg("frame.alreadySampled", { round: roundId }), 409);
}

/** Takes one file's persons (and their contacts, and the rows its import left out) out of the frame. Recorded. */
export async function removeFrameFile(
  db: Kysely<Database>,
  input: { roundId: string; importId: string; actor: AuditActor },
): Promise<{ fileName: string; removed: number }> {
  return db.transaction().execute(async (trx) => {
    await checkFrameCanChange(trx, input.roundId);
    const file = await trx
      .selectFrom("frame_imports")
      .select(["file_name", "in_frame"])
      .where("id", "=", input.importId)
      .where("round_id", "=", input.roundId)
      .executeTakeFirst();
    if (!file || Number(file.in_frame) !== 1) throw new UserError(msg("frame.fileNotInFrame"), 404);
    const removed = await deleteFrameFile(trx, input.roundId, input.importId);
    // Conditional on still being in the frame: of two removals at once, one wins and only it is recorded.
    const taken = await trx
      .updateTable("frame_imports")
      .set({ in_frame: 0, removed_at: nowIso(), removed_by: input.actor })
      .where("id", "=", input.importId)
      .where("in_frame", "=", 1)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw new UserError(msg("frame.fileNotInFrame"), 404);
    const fileName = basename(file.file_name);
    await recordAudit(trx, { actor: input.actor, action: "frame.remove", roundId: input.roundId, target: fileName, details: { rows_removed: removed } });
    return { fileName, removed };
  });
}
