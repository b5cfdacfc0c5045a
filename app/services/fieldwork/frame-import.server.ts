import { CompiledQuery, PostgresAdapter, type Kysely, type Transaction } from "kysely";
import Papa from "papaparse";
import { createReadStream, type ReadStream } from "node:fs";
import { open, stat, unlink } from "node:fs/promises";
import type { Database } from "../../../db/schema";
import type { FrameAction } from "../../../db/schema-fieldwork";
import { detectDelimiter, isBlankRow, normalizeHeader } from "../../domain/csv/read";
import { UserError, isUserError } from "../../domain/errors";
import { msg, render, type MessageLike } from "../../domain/messages";
import {
  checkMapping,
  createRowValidator,
  guessMapping,
  missingFields,
  describeColumns,
  undecidedColumns,
  type ColumnChoices,
  type FrameMapping,
  type FrameProblem,
  type FrameRecord,
  type ProblemKind,
  type UnitLevel,
  FIELD_LABELS,
} from "../../domain/fieldwork/frame";
import { readCsv } from "../platform/csv-stream.server";
import { newId, nowIso } from "../platform/ids-and-time.server";
import { cliActor, recordAudit } from "../platform/audit.server";
import { basename } from "node:path";

/** Rows per INSERT on SQLite: 12 columns × 1000 stays below its 32,766 bound parameters. */
const BATCH = 1000;
/** PostgreSQL takes a batch as arrays, so batches can be larger. */
const PG_BATCH = 5000;

const PERSON_COLUMNS = [
  "id",
  "round_id",
  "line",
  "dossier_id",
  "unit_code",
  "unit_level",
  "service_field",
  "returned_on",
  "sex",
  "birth_year",
  "extra",
  "created_at",
  "import_id",
] as const;
const CONTACT_COLUMNS = ["person_id", "round_id", "name", "phone", "address"] as const;

/**
 * PostgreSQL takes a whole batch as one array per column (`unnest`): a short statement to parse
 * instead of 12,000 placeholders, about three times faster. The one engine-specific statement
 * of the import; SQLite gets the portable multi-row VALUES below.
 */
const PG_PERSONS = `insert into frame_persons (${PERSON_COLUMNS.join(", ")})
  select u.id, $2, u.line, u.dossier_id, u.unit_code, u.unit_level, u.service_field, u.returned_on, u.sex, u.birth_year, u.extra, $3, $13
  from unnest($1::text[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::integer[], $12::text[])
    as u(id, line, dossier_id, unit_code, unit_level, service_field, returned_on, sex, birth_year, extra)
  on conflict do nothing`;
const PG_CONTACTS = `insert into frame_contacts (${CONTACT_COLUMNS.join(", ")})
  select u.person_id, $2, u.name, u.phone, u.address from unnest($1::text[], $3::text[], $4::text[], $5::text[]) as u(person_id, name, phone, address)`;

function transpose(rows: unknown[][], width: number): unknown[][] {
  const columns: unknown[][] = Array.from({ length: width }, () => new Array(rows.length));
  for (let r = 0; r < rows.length; r++) for (let c = 0; c < width; c++) columns[c][r] = rows[r][c];
  return columns;
}

/**
 * A multi-row INSERT as SQL text for SQLite. The import's hot path skips Kysely's query builder,
 * which costs more per row than SQLite itself.
 */
const insertTexts = new Map<string, string>();
function insertText(table: string, columns: readonly string[], rows: number, suffix: string): string {
  const key = `${table}|${rows}|${suffix}`;
  let text = insertTexts.get(key);
  if (!text) {
    const tuple = `(${columns.map(() => "?").join(",")})`;
    const tuples: string[] = new Array(rows).fill(tuple);
    text = `insert into ${table} (${columns.join(", ")}) values ${tuples.join(",")}${suffix}`;
    if (rows === BATCH) insertTexts.set(key, text); // only full batches repeat
  }
  return text;
}
/** Problems kept in full for the report; beyond that they are only counted by kind. */
export const MAX_PROBLEMS_KEPT = 1000;

export type ImportMode = "all" | "valid-only";

export interface FileError {
  kind: "encoding" | "no_rows" | "no_header" | "unreadable" | "unexpected";
  line?: number;
  /** Vietnamese; `what` is the catalogue message to show in the reader's language (older stored reports have only this). */
  message: string;
  what?: MessageLike;
}

export interface FrameImportReport {
  importId: string;
  fileName: string;
  headers: string[];
  mode: ImportMode;
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  /** Rows stored (0 when a file with problems was refused in mode "all"). */
  rowsImported: number;
  /** The first MAX_PROBLEMS_KEPT problems, in file order. */
  problems: FrameProblem[];
  problemCount: number;
  problemsByKind: Partial<Record<ProblemKind, number>>;
  fileError: FileError | null;
  imported: boolean;
  seconds: number;
  /** The round's period the rows were checked against (absent in reports written before it was kept). */
  period?: { start: string | null; end: string | null };
}

export interface ImportProgress {
  phase: "reading" | "finishing" | "done";
  bytesRead: number;
  fileSize: number;
  rowsRead: number;
  rowsRejected: number;
}

export interface FrameImportInput {
  roundId: string;
  path: string;
  /** As the user knows the file (messages, the report). */
  fileName: string;
  /** Default: columns recognised by their header. */
  mapping?: FrameMapping;
  /**
   * What to do with the columns no field uses; every such column must be kept or ignored, or the import is refused
   * with their list. Absent: every such column is kept (test fixtures only; the web and the CLI always decide).
   */
  columns?: ColumnChoices;
  mode: ImportMode;
  /** The frame_imports row of an upload; without one (the CLI) a record is made. */
  importId?: string;
  /** Who imports: a staff id, or "cli". */
  userId?: string;
  /** What the file does to the frame; default: what its upload says (the web), else the whole frame is replaced. */
  target?: FrameTarget;
  onProgress?: (p: ImportProgress) => void;
}

/** Adds a file to the frame, takes the place of one file (its import id), or replaces the whole frame. */
export type FrameTarget = { action: "add" } | { action: "replace"; importId: string } | { action: "replace_all" };

export function frameTargetOf(action: FrameAction, replaces: string | null): FrameTarget {
  return action === "replace" && replaces ? { action, importId: replaces } : action === "add" ? { action } : { action: "replace_all" };
}

/** Thrown inside the transaction to undo a refused import; never leaves this module. */
class Refused extends Error {}

/** The header cells of a CSV file (first line, quoted newlines allowed), strict UTF-8, BOM removed. */
export async function readCsvHeader(path: string, fileName = path): Promise<string[]> {
  const handle = await open(path, "r");
  try {
    const chunks: Buffer[] = [];
    let quoted = false;
    let end = -1;
    let total = 0;
    const buf = Buffer.alloc(65536);
    while (end < 0 && total < 4 * 1024 * 1024) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, total);
      if (bytesRead === 0) break;
      const chunk = Buffer.from(buf.subarray(0, bytesRead));
      for (let i = 0; i < chunk.length; i++) {
        if (chunk[i] === 0x22) quoted = !quoted;
        else if (chunk[i] === 0x0a && !quoted) {
          end = total + i;
          break;
        }
      }
      chunks.push(chunk);
      total += bytesRead;
    }
    const bytes = Buffer.concat(chunks).subarray(0, end < 0 ? total : end);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new UserError(msg("files.notUtf8", { file: fileName, line: 1 }));
    }
    text = text.replace(/\r$/, "");
    if (text.replace(/^\uFEFF/, "").trim() === "") throw new UserError(msg("files.emptyNeedsHeader", { file: fileName }));
    const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text) });
    return (parsed.data[0] ?? []).map(normalizeHeader);
  } finally {
    await handle.close();
  }
}

/** The columns of a file, which frame fields they were recognised as, and what is still missing. */
export async function inspectFrameFile(path: string, fileName = path) {
  const headers = await readCsvHeader(path, fileName);
  const mapping = guessMapping(headers);
  return { headers, mapping, missing: missingFields(mapping) };
}

interface RoundForImport {
  units: { code: string; name: string; level: UnitLevel }[];
  period: { start: string | null; end: string | null };
}

/** The round must be open, have units, and have no sample yet (the sample points at the frame). */
export async function checkRoundAcceptsFrame(db: Kysely<Database>, roundId: string): Promise<RoundForImport> {
  const round = await db.selectFrom("rounds").select(["status", "period_start", "period_end"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new UserError(msg("rounds.unknown", { round: roundId }), 404);
  if (round.status !== "open") throw new UserError(msg("rounds.closedFrame", { round: roundId }), 409);
  const sample = await db.selectFrom("samples").select("id").where("round_id", "=", roundId).executeTakeFirst();
  if (sample) throw new UserError(msg("frame.alreadySampled", { round: roundId }), 409);
  const units = await db.selectFrom("round_units").select(["code", "name", "level"]).where("round_id", "=", roundId).execute();
  if (units.length === 0) {
    throw new UserError(msg("frame.noUnits", { round: roundId }), 409);
  }
  return { units, period: { start: round.period_start, end: round.period_end } };
}

/** A person's columns after id and round, in PERSON_COLUMNS order up to `extra` (both engines' inserts). */
function personValues(record: FrameRecord): unknown[] {
  const r = record;
  return [r.line, r.dossierId, r.unitCode, r.unitLevel, r.field, r.returnedOn, r.sex, r.birthYear, JSON.stringify(r.extra)];
}

/**
 * The stable key of a frame row (ADR 014): from the dossier id (unique across the frame's files), else from the line
 * and the file's place in the frame; never random, so the same files in the same order draw the same sample.
 */
export function framePersonId(roundId: string, record: Pick<FrameRecord, "dossierId" | "line">, position = 1): string {
  if (record.dossierId) return `${roundId}:d:${record.dossierId}`;
  return position === 1 ? `${roundId}:n:${record.line}` : `${roundId}:f${position}:n:${record.line}`;
}

class ProblemLog {
  kept: FrameProblem[] = [];
  count = 0;
  byKind: Partial<Record<ProblemKind, number>> = {};
  add(p: FrameProblem) {
    this.count++;
    this.byKind[p.kind] = (this.byKind[p.kind] ?? 0) + 1;
    if (this.kept.length < MAX_PROBLEMS_KEPT) this.kept.push(p);
  }
}

const messageOf = (kind: FileError["kind"], what: MessageLike): FileError => ({ kind, message: render(what, "vi"), what });

export function fileErrorOf(e: unknown): FileError {
  if (isUserError(e)) {
    const key = e.what?.key;
    if (key === "files.notUtf8" || key === "files.endsMidCharacter") return { kind: "encoding", line: Number(e.what?.params?.line), message: e.message, what: e.what };
    return { kind: "unreadable", message: e.message, what: e.what };
  }
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return messageOf("unreadable", msg("frame.uploadFileGone"));
  return { kind: "unexpected", message: e instanceof Error ? e.message : String(e) };
}

/**
 * Validates and imports a frame file in one transaction, streaming: every row is checked (name,
 * contact, unit of the round, level, dates, phone, sex, birth year, repeated dossier ids) and
 * each problem kept with its line and column. In mode "all" a file with any problem imports
 * nothing; in "valid-only" the valid rows are imported and the others kept for download.
 * The round's previous frame is replaced. Memory does not grow with the file.
 */
export async function importFrameFile(db: Kysely<Database>, input: FrameImportInput): Promise<FrameImportReport> {
  const started = Date.now();
  const { roundId, mode } = input;
  const round = await checkRoundAcceptsFrame(db, roundId);
  const headers = await readCsvHeader(input.path, input.fileName);
  const mapping = input.mapping ?? guessMapping(headers);
  const mappingProblems = checkMapping(mapping, headers);
  if (mappingProblems.length) throw new UserError(msg("frame.mappingDoesNotFit", { file: input.fileName }), 400, mappingProblems);
  const missing = missingFields(mapping);
  if (missing.length) {
    const names = missing.map((f) => (f === "phone" ? msg("frame.phoneOrAddress") : FIELD_LABELS[f]));
    throw new UserError(msg("frame.missingColumns", { file: input.fileName, missing: names, found: headers.join(", ") }), 400);
  }
  if (input.columns) {
    const undecided = undecidedColumns(headers, mapping, input.columns);
    if (undecided.length) throw new UserError(msg("frame.undecidedColumns", { file: input.fileName, columns: describeColumns(undecided, headers) }), 400);
  }
  const target = input.target ?? (input.importId ? await storedTarget(db, input.importId) : { action: "replace_all" as const });
  const importId =
    input.importId ??
    (await createImportRecord(db, { roundId, fileName: input.fileName, path: null, headers, mapping, mode, userId: input.userId ?? "cli", target }));
  let replacedFile: string | null = null;

  const validate = createRowValidator({
    headers,
    mapping,
    units: round.units,
    period: round.period,
    currentYear: new Date().getUTCFullYear(),
    keep: input.columns?.keep,
  });
  const log = new ProblemLog();
  const fileSize = (await stat(input.path)).size;
  let rowsRead = 0;
  let rowsValid = 0;
  let rowsRejected = 0;
  let rowsImported = 0;
  let fileError: FileError | null = null;
  let stream: ReadStream | undefined;
  const progress = (phase: ImportProgress["phase"]) => input.onProgress?.({ phase, bytesRead: stream?.bytesRead ?? 0, fileSize, rowsRead, rowsRejected });

  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  try {
    await db.transaction().execute(async (trx) => {
      const room = await makeRoom(trx, roundId, target);
      const position = room.position;
      replacedFile = room.replacedFile;
      const now = nowIso();
      let batch: { record: FrameRecord; cells: string[] }[] = [];
      let rejected: { line: number; cells: string[]; problems: FrameProblem[] }[] = [];

      const flushRejected = async () => {
        if (mode === "valid-only" && rejected.length) {
          await trx
            .insertInto("frame_rejected_rows")
            .values(
              rejected.map((r) => ({
                import_id: importId,
                round_id: roundId,
                line: r.line,
                cells: JSON.stringify(r.cells),
                problems: JSON.stringify(r.problems),
              }))
            )
            .execute();
        }
        rejected = [];
      };
      const reject = (line: number, cells: string[], problems: FrameProblem[]) => {
        rowsRejected++;
        for (const p of problems) log.add(p);
        if (mode === "valid-only") rejected.push({ line, cells, problems });
      };

      const flush = async () => {
        if (batch.length === 0) return;
        const ids: string[] = [];
        let inserted: { numAffectedRows?: bigint };
        if (postgres) {
          const rows = batch.map(({ record }) => {
            const id = framePersonId(roundId, record, position);
            ids.push(id);
            return [id, ...personValues(record)];
          });
          const [id, line, ...rest] = transpose(rows, 10);
          inserted = await trx.executeQuery(CompiledQuery.raw(PG_PERSONS, [id, roundId, now, line, ...rest, importId]));
        } else {
          const params: unknown[] = [];
          for (const { record } of batch) {
            const id = framePersonId(roundId, record, position);
            ids.push(id);
            params.push(id, roundId, ...personValues(record), now, importId);
          }
          // A repeated dossier id clashes on the key: the first row stays, later ones are reported.
          inserted = await trx.executeQuery(CompiledQuery.raw(insertText("frame_persons", PERSON_COLUMNS, batch.length, " on conflict do nothing"), params));
        }
        // Usually every row goes in; only when some did not are the stored rows looked at.
        let stored: Set<string>;
        if (Number(inserted.numAffectedRows ?? 0) === batch.length) stored = new Set(ids);
        else {
          const present = await trx
            .selectFrom("frame_persons")
            .select(["id", "line"])
            .where("id", "in", [...new Set(ids)])
            .where("import_id", "=", importId)
            .execute();
          const storedLine = new Map(present.map((p) => [p.id, Number(p.line)]));
          // A row went in if the stored row with its key came from its own line of this file.
          stored = new Set(ids.filter((id, i) => storedLine.get(id) === batch[i].record.line));
        }
        const contacts: unknown[][] = [];
        const duplicates: { row: (typeof batch)[number]; id: string }[] = [];
        for (let i = 0; i < batch.length; i++) {
          const { record } = batch[i];
          if (stored.has(ids[i])) {
            stored.delete(ids[i]); // a second row with the same id in this batch is a duplicate too
            contacts.push([ids[i], record.name, record.phone, record.address]);
          } else duplicates.push({ row: batch[i], id: ids[i] });
        }
        if (contacts.length && postgres) {
          const [personId, ...rest] = transpose(contacts, 4);
          await trx.executeQuery(CompiledQuery.raw(PG_CONTACTS, [personId, roundId, ...rest]));
        } else if (contacts.length) {
          const params = contacts.flatMap(([personId, ...rest]) => [personId, roundId, ...rest]);
          await trx.executeQuery(CompiledQuery.raw(insertText("frame_contacts", CONTACT_COLUMNS, contacts.length, ""), params));
        }
        rowsImported += contacts.length;
        if (duplicates.length) {
          const firsts = await trx
            .selectFrom("frame_persons as fp")
            .leftJoin("frame_imports as fi", "fi.id", "fp.import_id")
            .select(["fp.id", "fp.line", "fp.import_id", "fi.file_name"])
            .where("fp.id", "in", [...new Set(duplicates.map((d) => d.id))])
            .execute();
          const first = new Map(firsts.map((f) => [f.id, f]));
          for (const d of duplicates) {
            rowsValid--;
            const column = mapping.dossier_id;
            const f = first.get(d.id);
            // The same dossier in another file of the frame: said with that file's name and line.
            const other = f && f.import_id !== importId;
            reject(d.row.record.line, d.row.cells, [
              {
                line: d.row.record.line,
                column,
                kind: other ? "duplicate_dossier_other_file" : "duplicate_dossier",
                value: d.row.record.dossierId ?? "",
                detail: String(f?.line ?? "?"),
                ...(other ? { file: basename(f.file_name ?? "?") } : {}),
              },
            ]);
          }
        }
        batch = [];
      };

      stream = createReadStream(input.path);
      let first = true;
      let lastReport = 0;
      for await (const { line, cells } of readCsv(stream, input.fileName)) {
        if (first) {
          first = false;
          continue;
        }
        if (isBlankRow(cells)) continue;
        rowsRead++;
        const result = validate(line, cells);
        if (result.ok) {
          rowsValid++;
          batch.push({ record: result.record, cells });
          if (batch.length >= (postgres ? PG_BATCH : BATCH)) await flush();
        } else reject(line, cells, result.problems);
        if (rejected.length >= BATCH) await flushRejected();
        if (rowsRead - lastReport >= 5000) {
          lastReport = rowsRead;
          progress("reading");
        }
      }
      await flush();
      await flushRejected();
      progress("finishing");
      if (first) throw new UserError(msg("files.empty", { file: input.fileName }));
      if (rowsRead === 0) {
        fileError = messageOf("no_rows", msg("files.headerOnly", { file: input.fileName }));
        throw new Refused();
      }
      if (mode === "all" && log.count > 0) throw new Refused();
      if (rowsImported === 0) throw new Refused();
      await takePlace(trx, roundId, importId, target, position);
    });
  } catch (e) {
    if (!(e instanceof Refused)) {
      fileError = fileErrorOf(e);
      if (fileError.kind === "unexpected") {
        await db.updateTable("frame_imports").set({ status: "failed", finished_at: nowIso() }).where("id", "=", importId).execute();
        throw e;
      }
    }
    rowsImported = 0;
  } finally {
    stream?.destroy();
  }
  const report: FrameImportReport = {
    importId,
    fileName: input.fileName,
    headers,
    mode,
    rowsRead,
    rowsValid,
    rowsRejected,
    rowsImported,
    problems: log.kept,
    problemCount: log.count,
    problemsByKind: log.byKind,
    fileError,
    imported: rowsImported > 0,
    seconds: (Date.now() - started) / 1000,
    period: round.period,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("frame_imports")
      .set({
        status: report.imported ? "imported" : "failed",
        mode,
        mapping: JSON.stringify(mapping),
        ...(input.columns ? { column_choices: storedChoices(input.columns) } : {}),
        rows_read: rowsRead,
        rows_imported: rowsImported,
        rows_rejected: rowsRejected,
        report: JSON.stringify(report),
        finished_at: nowIso(),
      })
      .where("id", "=", importId)
      .execute();
    // A refused file is recorded too: its rows (personal data) reached the server even if none were kept.
    await recordAudit(trx, {
      actor: input.userId ?? cliActor(),
      action: "frame.import",
      roundId,
      target: basename(input.fileName),
      details: {
        imported: report.imported,
        change: target.action,
        ...(replacedFile ? { replaces: basename(replacedFile) } : {}),
        mode,
        rows_read: rowsRead,
        rows_imported: rowsImported,
        rows_rejected: rowsRejected,
      },
    });
  });
  progress("done");
  return report;
}

/** frame_imports.column_choices: column index -> "keep" | "ignore". */
export function storedChoices(choices: ColumnChoices): string {
  const out: Record<string, "keep" | "ignore"> = {};
  for (const i of choices.ignore) out[String(i)] = "ignore";
  for (const i of choices.keep) out[String(i)] = "keep";
  return JSON.stringify(out);
}

export function parseStoredChoices(text: string | null): ColumnChoices {
  const choices: ColumnChoices = { keep: [], ignore: [] };
  if (!text) return choices;
  for (const [k, v] of Object.entries(JSON.parse(text) as Record<string, string>)) {
    if (v === "keep" || v === "ignore") choices[v].push(Number(k));
  }
  return choices;
}

export async function createImportRecord(
  db: Kysely<Database>,
  r: {
    roundId: string;
    fileName: string;
    path: string | null;
    headers: string[];
    mapping: FrameMapping;
    mode: ImportMode;
    userId: string;
    size?: number;
    target: FrameTarget;
  }
): Promise<string> {
  const id = newId();
  await db
    .insertInto("frame_imports")
    .values({
      id,
      round_id: r.roundId,
      file_name: r.fileName,
      file_path: r.path,
      file_size: r.size ?? 0,
      headers: JSON.stringify(r.headers),
      mapping: JSON.stringify(r.mapping),
      status: r.path ? "uploaded" : "running",
      mode: r.mode,
      rows_read: 0,
      rows_imported: 0,
      rows_rejected: 0,
      report: null,
      created_by: r.userId,
      created_at: nowIso(),
      finished_at: null,
      frame_action: r.target.action,
      replaces_import_id: r.target.action === "replace" ? r.target.importId : null,
      in_frame: 0,
      frame_position: null,
      removed_at: null,
      removed_by: null,
    })
    .execute();
  return id;
}

async function storedTarget(db: Kysely<Database>, importId: string): Promise<FrameTarget> {
  const row = await db.selectFrom("frame_imports").select(["frame_action", "replaces_import_id"]).where("id", "=", importId).executeTakeFirst();
  return row ? frameTargetOf(row.frame_action, row.replaces_import_id) : { action: "replace_all" };
}

/** Deletes the rows of one file of the frame: contacts, persons, and the rows its import left out. */
export async function deleteFrameFile(trx: Transaction<Database>, roundId: string, importId: string): Promise<number> {
  await trx
    .deleteFrom("frame_contacts")
    .where("round_id", "=", roundId)
    .where("person_id", "in", (eb) => eb.selectFrom("frame_persons").select("id").where("import_id", "=", importId))
    .execute();
  const persons = await trx.deleteFrom("frame_persons").where("import_id", "=", importId).executeTakeFirst();
  await trx.deleteFrom("frame_rejected_rows").where("import_id", "=", importId).execute();
  return Number(persons.numDeletedRows);
}

/**
 * Clears what the new file takes the place of and says where it goes: the whole frame (position 1), one file (its
 * position), or after the last file. A replaced file must still be in the frame (two people may replace it at once).
 */
async function makeRoom(trx: Transaction<Database>, roundId: string, target: FrameTarget): Promise<{ position: number; replacedFile: string | null }> {
  if (target.action === "replace_all") {
    await trx.deleteFrom("frame_contacts").where("round_id", "=", roundId).execute();
    await trx.deleteFrom("frame_persons").where("round_id", "=", roundId).execute();
    return { position: 1, replacedFile: null };
  }
  if (target.action === "replace") {
    const old = await trx
      .selectFrom("frame_imports")
      .select(["file_name", "in_frame", "frame_position"])
      .where("id", "=", target.importId)
      .where("round_id", "=", roundId)
      .executeTakeFirst();
    if (!old || Number(old.in_frame) !== 1) throw new UserError(msg("frame.replacedNotInFrame", { file: old ? basename(old.file_name) : target.importId }), 409);
    await deleteFrameFile(trx, roundId, target.importId);
    return { position: Number(old.frame_position ?? 1), replacedFile: old.file_name };
  }
  const last = await trx
    .selectFrom("frame_imports")
    .select((eb) => eb.fn.max("frame_position").as("p"))
    .where("round_id", "=", roundId)
    .where("in_frame", "=", 1)
    .executeTakeFirst();
  return { position: Number(last?.p ?? 0) + 1, replacedFile: null };
}

/** The imported file enters the frame; what it replaced leaves it (with the rows its own import left out). */
async function takePlace(trx: Transaction<Database>, roundId: string, importId: string, target: FrameTarget, position: number) {
  if (target.action === "replace_all") {
    await trx.updateTable("frame_imports").set({ in_frame: 0 }).where("round_id", "=", roundId).where("in_frame", "=", 1).execute();
    await trx.deleteFrom("frame_rejected_rows").where("round_id", "=", roundId).where("import_id", "!=", importId).execute();
  } else if (target.action === "replace") {
    await trx.updateTable("frame_imports").set({ in_frame: 0 }).where("id", "=", target.importId).execute();
  }
  await trx.updateTable("frame_imports").set({ in_frame: 1, frame_position: position }).where("id", "=", importId).execute();
}

/** The rows a valid-only import left out, in file order, with their problems. */
export async function* streamRejectedRows(db: Kysely<Database>, importId: string): AsyncGenerator<{ line: number; cells: string[]; problems: FrameProblem[] }> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("frame_rejected_rows")
      .select(["line", "cells", "problems"])
      .where("import_id", "=", importId)
      .where("line", ">", after)
      .orderBy("line")
      .limit(2000)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) yield { line: Number(r.line), cells: JSON.parse(r.cells) as string[], problems: JSON.parse(r.problems) as FrameProblem[] };
    after = Number(rows[rows.length - 1].line);
  }
}
