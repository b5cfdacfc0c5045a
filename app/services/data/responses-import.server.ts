import type { Kysely } from "kysely";
import type { Readable } from "node:stream";
import type { Database } from "../../../db/schema";
import { isBlankRow } from "../../domain/csv/read";
import {
  createStratumCheck,
  mapImportHeader,
  parseImportRow,
  type ImportContext,
  type ImportLayout,
  type ImportProblem,
} from "../../domain/csv/responses-import";
import type { Definition } from "../../domain/definition/schema";
import { UserError } from "../../domain/errors";
import { localize, msg } from "../../domain/messages";
import { readCsv } from "../platform/csv-stream.server";
import { writeImportedResponses, type ImportedResponse } from "../responses/store.server";
import { getRound } from "../rounds/rounds.server";
import { recordAudit, type AuditActor } from "../platform/audit.server";
import { basename } from "node:path";

/** A file that can be read twice: once to check every row, once to import them. */
export interface ImportSource {
  name: string;
  open: () => Readable;
}

export interface ImportReport {
  ok: boolean;
  /** Data rows read (blank rows skipped). */
  rows: number;
  imported: number;
  /** The first problems (at most `maxProblems`), in file order. */
  problems: ImportProblem[];
  totalProblems: number;
  /** Answers to questions hidden by skip logic, left out as the online form does. */
  hiddenAnswers: number;
  hiddenExample?: { line: number; item: string };
}

export interface ImportOptions {
  maxProblems?: number;
  onProgress?: (phase: "check" | "import", rows: number) => void;
  /** Who imports (recorded once the rows are in). */
  actor?: AuditActor;
}

const PROGRESS_EVERY = 10_000;

async function* dataRows(source: ImportSource, def: Definition) {
  let layout: ImportLayout | undefined;
  for await (const row of readCsv(source.open(), source.name)) {
    if (!layout) {
      const header = mapImportHeader(def, row.cells, row.line);
      layout = header.layout;
      yield { kind: "header" as const, layout, problems: header.problems };
      continue;
    }
    if (isBlankRow(row.cells)) continue;
    yield { kind: "row" as const, layout, line: row.line, cells: row.cells };
  }
  if (!layout) yield { kind: "empty" as const };
}

/**
 * Imports a responses CSV into a round: the whole file is checked first and every problem reported;
 * a file with any problem imports nothing. Otherwise all rows go in one transaction as submitted
 * responses (entry mode "import"). Memory stays flat: rows are streamed twice, never held.
 */
export async function importResponsesCsv(db: Kysely<Database>, roundId: string, source: ImportSource, opts: ImportOptions = {}): Promise<ImportReport> {
  const { round, units, definition } = await getRound(db, roundId);
  if (round.status !== "open") throw new UserError(msg("rounds.closedData", { round: roundId }), 409);
  const ctx: ImportContext = { units: new Set(units.map((u) => u.code)) };
  const maxProblems = opts.maxProblems ?? 1000;
  const report: ImportReport = { ok: false, rows: 0, imported: 0, problems: [], totalProblems: 0, hiddenAnswers: 0 };
  const note = (p: ImportProblem) => {
    report.totalProblems++;
    if (report.problems.length < maxProblems) report.problems.push(p);
  };

  let check: ReturnType<typeof createStratumCheck> | undefined;
  for await (const ev of dataRows(source, definition)) {
    if (ev.kind === "empty") note({ line: 1, message: localize(msg("data.fileEmpty")) });
    else if (ev.kind === "header") {
      ev.problems.forEach(note);
      check = createStratumCheck(ev.layout);
    } else {
      report.rows++;
      const { response, problems } = parseImportRow(definition, ev.layout, ev.cells, ev.line, ctx);
      problems.forEach(note);
      if (response) {
        const clash = check!.add(response, ev.line);
        if (clash) note(clash);
        if (response.hidden.length) {
          report.hiddenAnswers += response.hidden.length;
          report.hiddenExample ??= { line: ev.line, item: response.hidden[0] };
        }
      }
      if (report.rows % PROGRESS_EVERY === 0) opts.onProgress?.("check", report.rows);
    }
  }
  check?.finish().forEach(note);
  if (report.rows === 0 && report.totalProblems === 0) note({ line: 2, message: localize(msg("data.noDataRow")) });
  if (report.totalProblems > 0) return report;

  const changed = (line?: number) =>
    new UserError(line ? msg("files.changedDuringImport", { file: source.name, line }) : msg("files.changedDuringImportNoLine", { file: source.name }));
  // The rows again, each already checked: a failure now means the file changed in between (the store then writes none).
  async function* checkedRows(): AsyncGenerator<ImportedResponse> {
    let n = 0;
    for await (const ev of dataRows(source, definition)) {
      if (ev.kind !== "row") continue;
      const { response } = parseImportRow(definition, ev.layout, ev.cells, ev.line, ctx);
      if (!response) throw changed(ev.line);
      n++;
      yield { answers: response.answers, unit: response.unit, stratum: response.stratum, psu: response.psu, weight: response.weight, fpc: response.fpc };
    }
    if (n !== report.rows) throw changed();
  }
  let reported = 0;
  report.imported = await writeImportedResponses(db, { id: roundId, definitionId: round.definition_id, definition }, checkedRows(), (written) => {
    if (Math.floor(written / PROGRESS_EVERY) > Math.floor(reported / PROGRESS_EVERY)) opts.onProgress?.("import", (reported = written));
  });
  report.ok = true;
  if (opts.actor) await recordAudit(db, { actor: opts.actor, action: "responses.import", roundId, target: basename(source.name), details: { rows: report.imported } });
  return report;
}
