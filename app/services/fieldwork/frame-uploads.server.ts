import type { Kysely } from "kysely";
import { createReadStream } from "node:fs";
import { stat, unlink } from "node:fs/promises";
import { basename } from "node:path";
import type { Database } from "../../../db/schema";
import { isBlankRow } from "../../domain/csv/read";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { checkMapping, describeColumns, guessMapping, missingFields, undecidedColumns, unmatchedColumns, type ColumnChoices, type FrameMapping } from "../../domain/fieldwork/frame";
import { readCsv } from "../platform/csv-stream.server";
import { MAX_UPLOAD_BYTES, receiveCsvFile, uploadMessages } from "../platform/uploads.server";
import { importRoundUnits, type UnitsImportResult } from "../rounds/units-import.server";
import type { LocalizedText } from "../../domain/definition/schema";
import { nowIso } from "../platform/ids-and-time.server";
import {
  checkRoundAcceptsFrame,
  createImportRecord,
  fileErrorOf,
  importFrameFile,
  parseStoredChoices,
  storedChoices,
  readCsvHeader,
  frameTargetOf,
  type FileError,
  type FrameTarget,
  type FrameImportReport,
  type ImportMode,
  type ImportProgress,
} from "./frame-import.server";

/**
 * Frame files uploaded from the web: a frame_imports row per uploaded file (kept on disk until imported or discarded),
 * the column-matching step, and a background job per import attempt whose progress the page polls.
 */

export interface FrameImportRecord {
  id: string;
  roundId: string;
  fileName: string;
  fileSize: number;
  fileKept: boolean;
  headers: string[];
  mapping: FrameMapping;
  missing: ReturnType<typeof missingFields>;
  /** Kept or ignored columns among those no field uses. */
  columns: ColumnChoices;
  /** Columns no field uses, and those of them not yet kept or ignored (the import waits for these). */
  unmatched: number[];
  undecided: number[];
  status: "uploaded" | "running" | "failed" | "imported" | "discarded";
  mode: ImportMode;
  report: FrameImportReport | null;
  createdAt: string;
  finishedAt: string | null;
  /** What the file does to the frame once imported. */
  target: FrameTarget;
  inFrame: boolean;
}

function toRecord(row: Database["frame_imports"]): FrameImportRecord {
  const mapping = JSON.parse(row.mapping) as FrameMapping;
  return {
    id: row.id,
    roundId: row.round_id,
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    fileKept: row.file_path !== null,
    headers: JSON.parse(row.headers) as string[],
    mapping,
    missing: missingFields(mapping),
    columns: parseStoredChoices(row.column_choices),
    unmatched: unmatchedColumns(JSON.parse(row.headers) as string[], mapping),
    undecided: undecidedColumns(JSON.parse(row.headers) as string[], mapping, parseStoredChoices(row.column_choices)),
    status: row.status,
    mode: row.mode,
    report: row.report ? (JSON.parse(row.report) as FrameImportReport) : null,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    target: frameTargetOf(row.frame_action, row.replaces_import_id),
    inFrame: Number(row.in_frame) === 1,
  };
}

/** Records an uploaded file (already on disk) with its columns and the recognised mapping. */
export async function registerUpload(
  db: Kysely<Database>,
  input: { roundId: string; path: string; fileName: string; userId: string; target?: FrameTarget }
): Promise<FrameImportRecord> {
  try {
    await checkRoundAcceptsFrame(db, input.roundId);
    if (input.target?.action === "replace") await checkInFrame(db, input.roundId, input.target.importId);
  } catch (e) {
    await unlink(input.path).catch(() => {});
    throw e;
  }
  let headers: string[];
  try {
    headers = await readCsvHeader(input.path, input.fileName);
  } catch (e) {
    await unlink(input.path).catch(() => {});
    throw e;
  }
  const size = (await stat(input.path)).size;
  const id = await createImportRecord(db, {
    roundId: input.roundId,
    fileName: input.fileName,
    path: input.path,
    headers,
    mapping: guessMapping(headers),
    mode: "all",
    userId: input.userId,
    size,
    // The web's form always says (add, or replace one file); without a word the whole frame is replaced, as before.
    target: input.target ?? { action: "replace_all" },
  });
  return getFrameImport(db, input.roundId, id);
}

/** A file named for replacement must be in the frame now (the import checks it again, in its transaction). */
async function checkInFrame(db: Kysely<Database>, roundId: string, importId: string) {
  const row = await db.selectFrom("frame_imports").select(["file_name", "in_frame"]).where("id", "=", importId).where("round_id", "=", roundId).executeTakeFirst();
  if (!row || Number(row.in_frame) !== 1) throw new UserError(msg("frame.replacedNotInFrame", { file: row ? basename(row.file_name) : importId }), 409);
}

export async function getFrameImport(db: Kysely<Database>, roundId: string, importId: string): Promise<FrameImportRecord> {
  const row = await db.selectFrom("frame_imports").selectAll().where("id", "=", importId).where("round_id", "=", roundId).executeTakeFirst();
  if (!row) throw new UserError(msg("frame.noSuchUpload"), 404);
  return toRecord(row);
}

/** The round's latest import attempts, newest first. */
export async function listFrameImports(db: Kysely<Database>, roundId: string, limit = 5): Promise<FrameImportRecord[]> {
  const rows = await db.selectFrom("frame_imports").selectAll().where("round_id", "=", roundId).orderBy("created_at", "desc").limit(limit).execute();
  return rows.map(toRecord);
}

/** Sets the columns by hand (the mapping step). */
export async function saveMapping(
  db: Kysely<Database>,
  roundId: string,
  importId: string,
  mapping: FrameMapping,
  columns?: ColumnChoices
): Promise<FrameImportRecord> {
  const record = await getFrameImport(db, roundId, importId);
  const problems = checkMapping(mapping, record.headers);
  if (problems.length) throw new UserError(msg("frame.mappingInvalid"), 400, problems);
  await db
    .updateTable("frame_imports")
    .set({ mapping: JSON.stringify(mapping), ...(columns ? { column_choices: storedChoices(columns) } : {}) })
    .where("id", "=", importId)
    .where("status", "!=", "running")
    .execute();
  return getFrameImport(db, roundId, importId);
}

interface Job {
  roundId: string;
  userId: string;
  progress: ImportProgress;
  done: Promise<void>;
  expiry?: ReturnType<typeof setTimeout>;
}

/** Imports running in this process. Read by the progress endpoint without touching the database. */
const jobs = new Map<string, Job>();

export function jobProgress(importId: string, userId: string): ImportProgress | null {
  const job = jobs.get(importId);
  return job && job.userId === userId ? job.progress : null;
}

/** For tests and the CLI: waits for a started import to finish. */
export async function waitForImport(importId: string): Promise<void> {
  await jobs.get(importId)?.done;
}

/**
 * Starts an import of an uploaded file in the background and returns at once; progress is read
 * with `jobProgress`, the outcome from the frame_imports row once the job is done.
 */
export async function startFrameImport(db: Kysely<Database>, input: { roundId: string; importId: string; mode: ImportMode; userId: string }): Promise<void> {
  const record = await getFrameImport(db, input.roundId, input.importId);
  if (!record.fileKept) throw new UserError(msg("frame.uploadGone"), 409);
  if (record.missing.length) throw new UserError(msg("frame.chooseColumnsFirst"), 400);
  if (record.undecided.length) {
    throw new UserError(msg("frame.undecidedColumns", { file: record.fileName, columns: describeColumns(record.undecided, record.headers) }), 400);
  }
  if (jobs.get(input.importId)?.progress.phase === "reading") return;
  await checkRoundAcceptsFrame(db, input.roundId);
  const running = await db
    .updateTable("frame_imports")
    .set({ status: "running", mode: input.mode })
    .where("id", "=", input.importId)
    // "running" without a job in this process: the server stopped during an import (its transaction was undone).
    .where("status", "in", jobs.has(input.importId) ? ["uploaded", "failed"] : ["uploaded", "failed", "running"])
    .executeTakeFirst();
  if (Number(running.numUpdatedRows) === 0) throw new UserError(msg("frame.importRunning"), 409);
  const row = await db.selectFrom("frame_imports").select("file_path").where("id", "=", input.importId).executeTakeFirstOrThrow();
  const progress: ImportProgress = { phase: "reading", bytesRead: 0, fileSize: record.fileSize, rowsRead: 0, rowsRejected: 0 };
  const previous = jobs.get(input.importId);
  if (previous) clearTimeout(previous.expiry);
  const job: Job = { roundId: input.roundId, userId: input.userId, progress, done: Promise.resolve() };
  jobs.set(input.importId, job);
  job.done = (async () => {
    let report: FrameImportReport | null = null;
    try {
      report = await importFrameFile(db, {
        roundId: input.roundId,
        path: row.file_path!,
        fileName: record.fileName,
        mapping: record.mapping,
        columns: record.columns,
        mode: input.mode,
        importId: input.importId,
        userId: input.userId,
        onProgress: (p) => Object.assign(progress, p),
      });
    } catch (e) {
      // Refused before reading (round closed meanwhile, a sample drawn) or an unexpected failure: keep the reason.
      await db
        .updateTable("frame_imports")
        .set({ status: "failed", report: JSON.stringify(emptyReport(input.importId, record, input.mode, fileErrorOf(e))), finished_at: nowIso() })
        .where("id", "=", input.importId)
        .execute();
    }
    if (report?.imported) {
      await db.updateTable("frame_imports").set({ file_path: null }).where("id", "=", input.importId).execute();
      // The upload holds personal data: once imported it is not kept. When it replaced the whole frame, other
      // uploads of the round go too; beside an added or replaced file, others may still be waiting to be added.
      await unlink(row.file_path!).catch(() => {});
      if (record.target.action === "replace_all") await discardOtherUploads(db, input.roundId, input.importId);
    }
    progress.phase = "done";
  })()
    .catch((e) => {
      // The report could not be written (database gone?): log it; the upload stays "running" until retried.
      progress.phase = "done";
      console.error(`frame import ${input.importId} failed:`, e);
    })
    .finally(() => {
      job.expiry = setTimeout(() => jobs.get(input.importId) === job && jobs.delete(input.importId), 60_000);
      job.expiry.unref();
    });
}

function emptyReport(importId: string, record: FrameImportRecord, mode: ImportMode, fileError: FileError): FrameImportReport {
  return {
    importId,
    fileName: record.fileName,
    headers: record.headers,
    mode,
    rowsRead: 0,
    rowsValid: 0,
    rowsRejected: 0,
    rowsImported: 0,
    problems: [],
    problemCount: 0,
    problemsByKind: {},
    fileError,
    imported: false,
    seconds: 0,
  };
}

/** Deletes the kept files of a round's other uploads (and marks them discarded). */
export async function discardOtherUploads(db: Kysely<Database>, roundId: string, keepId: string | null): Promise<number> {
  const rows = await db
    .selectFrom("frame_imports")
    .select(["id", "file_path"])
    .where("round_id", "=", roundId)
    .where("file_path", "is not", null)
    .where("status", "!=", "running")
    .execute();
  let n = 0;
  for (const r of rows) {
    if (r.id === keepId) continue;
    await unlink(r.file_path!).catch(() => {});
    await db
      .updateTable("frame_imports")
      .set({ file_path: null, status: "discarded" })
      .where("id", "=", r.id)
      .where("status", "in", ["uploaded", "failed"])
      .execute();
    await db.updateTable("frame_imports").set({ file_path: null }).where("id", "=", r.id).execute();
    n++;
  }
  return n;
}

/** The first data rows of an upload, for the mapping step (what is in each column). */
export async function previewRows(importPath: string, fileName: string, rows = 3): Promise<string[][]> {
  const stream = createReadStream(importPath, { end: 256 * 1024 - 1 });
  const out: string[][] = [];
  try {
    let first = true;
    for await (const { cells } of readCsv(stream, fileName)) {
      if (first) {
        first = false;
        continue;
      }
      if (isBlankRow(cells)) continue;
      out.push(cells.map((c) => (c.length > 60 ? `${c.slice(0, 60)}…` : c)));
      if (out.length >= rows) break;
    }
  } catch {
    // A preview cut in the middle of a character, or a broken file: the import will say where.
  } finally {
    stream.destroy();
  }
  return out;
}

/** Where an upload's file is kept (only for the preview and the import). */
export async function uploadPath(db: Kysely<Database>, importId: string): Promise<string | null> {
  const row = await db.selectFrom("frame_imports").select("file_path").where("id", "=", importId).executeTakeFirst();
  return row?.file_path ?? null;
}

export type UploadOutcome =
  | { ok: true; kind: "frame"; importId: string }
  | { ok: true; kind: "units"; result: UnitsImportResult }
  | { ok: false; status: number; message: string | LocalizedText; details: string[] };

/** Receives an upload of a frame or a unit list (receiveCsvFile), then registers the frame or imports the units. */
export async function receiveUpload(request: Request, db: Kysely<Database>, roundId: string, userId: string): Promise<UploadOutcome> {
  const received = await receiveCsvFile(request, { maxBytes: MAX_UPLOAD_BYTES, tooLarge: uploadMessages.tooLarge });
  if (!received.ok) return { ...received, details: [] };
  const { form, path, fileName } = received;
  try {
    if (form.get("kind") === "units") {
      try {
        return { ok: true, kind: "units", result: await importRoundUnits(db, roundId, { path }, fileName, userId) };
      } finally {
        await unlink(path).catch(() => {});
      }
    }
    const replaces = form.get("replaces");
    const target: FrameTarget = typeof replaces === "string" && replaces ? { action: "replace", importId: replaces } : { action: "add" };
    const upload = await registerUpload(db, { roundId, path, fileName, userId, target });
    return { ok: true, kind: "frame", importId: upload.id };
  } catch (e) {
    if (e instanceof UserError) {
      await unlink(path).catch(() => {});
      return { ok: false, status: e.status, message: e.message, details: e.details };
    }
    throw e;
  }
}
