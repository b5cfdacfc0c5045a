import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { columnLetter, formatProblem, isBlankRow, type CsvProblem } from "../../domain/csv/read";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { foldHeader, parseLevel, type UnitLevel } from "../../domain/fieldwork/frame";
import { readCsv } from "../platform/csv-stream.server";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { RoundUnitInput } from "./rounds.server";
import { recordAudit, type AuditActor } from "../platform/audit.server";
import { basename } from "node:path";

const UNIT_COLUMNS = {
  code: ["ma", "ma don vi", "code", "unit code"],
  name: ["ten", "ten don vi", "don vi", "name", "unit name"],
  level: ["cap", "cap don vi", "level"],
  parent: ["ma cap tren", "cap tren", "ma don vi cap tren", "don vi cap tren", "parent", "parent code"],
} as const;

export interface UnitsImportResult {
  added: number;
  updated: number;
  units: number;
}

/** A unit list from a file or an upload: every problem is listed with its line; nothing changes unless all rows are valid. */
export async function importRoundUnits(
  db: Kysely<Database>,
  roundId: string,
  source: { path: string } | { text: string },
  fileName: string,
  actor?: AuditActor
): Promise<UnitsImportResult> {
  const round = await db.selectFrom("rounds").select("status").where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new UserError(msg("rounds.unknown", { round: roundId }), 404);
  if (round.status !== "open") throw new UserError(msg("rounds.closedUnits", { round: roundId }), 409);
  const existing = await db.selectFrom("round_units").select(["code"]).where("round_id", "=", roundId).execute();
  const known = new Set(existing.map((u) => u.code));
  const rows = await readUnitsFile(source, fileName, known);

  let added = 0;
  let updated = 0;
  await db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const values = { name: r.name, level: r.level, parent_code: r.parentCode };
      if (known.has(r.code)) {
        await trx.updateTable("round_units").set(values).where("round_id", "=", roundId).where("code", "=", r.code).execute();
        updated++;
      } else {
        await trx
          .insertInto("round_units")
          .values({ round_id: roundId, code: r.code, ...values })
          .execute();
        added++;
      }
    }
    if (actor) await recordAudit(trx, { actor, action: "units.import", roundId, target: basename(fileName), details: { added, updated } });
  });
  return { added, updated, units: known.size + added };
}

/**
 * Reads and checks a unit list: every problem is listed with its line, and nothing is returned unless all rows are
 * valid. `known` are the codes the round has already (a parent may be one of them).
 */
export async function readUnitsFile(source: { path: string } | { text: string }, fileName: string, known: ReadonlySet<string> = new Set()): Promise<RoundUnitInput[]> {
  const input = "path" in source ? createReadStream(source.path) : Readable.from([Buffer.from(source.text, "utf8")]);
  const problems: CsvProblem[] = [];
  const rows: { line: number; code: string; name: string; level: UnitLevel; parent: string | null }[] = [];
  let cols: Record<keyof typeof UNIT_COLUMNS, number> | null = null;
  let headers: string[] = [];
  for await (const { line, cells } of readCsv(input, fileName)) {
    if (!cols) {
      headers = cells;
      const folded = cells.map(foldHeader);
      const find = (k: keyof typeof UNIT_COLUMNS) => folded.findIndex((h) => (UNIT_COLUMNS[k] as readonly string[]).includes(h));
      cols = { code: find("code"), name: find("name"), level: find("level"), parent: find("parent") };
      const missing = (["code", "name", "level"] as const).filter((k) => cols![k] < 0);
      if (missing.length) {
        const names = { code: msg("units.columnCode"), name: msg("units.columnName"), level: msg("units.columnLevel") };
        throw new UserError(msg("units.noColumns", { file: fileName, missing: missing.map((k) => names[k]), found: cells.join(", ") }));
      }
      continue;
    }
    if (isBlankRow(cells)) continue;
    const at = (k: keyof typeof UNIT_COLUMNS) => (cols![k] < 0 ? "" : (cells[cols![k]] ?? "").normalize("NFC").trim());
    const code = at("code");
    const name = at("name");
    const level = parseLevel(at("level"));
    const codeOk = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(code);
    if (!codeOk) problems.push({ line, column: col("code"), message: msg("units.badCode", { code }) });
    if (!name) problems.push({ line, column: col("name"), message: msg("units.needsName") });
    if (!level)
      problems.push({
        line,
        column: col("level"),
        message: msg("units.badLevel", { level: at("level") }),
      });
    if (codeOk) rows.push({ line, code, name, level: level ?? "agency", parent: at("parent") || null });
  }
  if (!cols) throw new UserError(msg("files.empty", { file: fileName }));

  const seen = new Map<string, number>();
  for (const r of rows) {
    if (seen.has(r.code)) problems.push({ line: r.line, column: col("code"), message: msg("units.duplicateCode", { code: r.code, line: seen.get(r.code)! }) });
    else seen.set(r.code, r.line);
  }
  for (const r of rows) {
    if (r.parent && !seen.has(r.parent) && !known.has(r.parent)) {
      problems.push({ line: r.line, column: col("parent"), message: msg("units.unknownParent", { parent: r.parent }) });
    }
    if (r.parent === r.code) problems.push({ line: r.line, column: col("parent"), message: msg("units.ownParent") });
  }
  function col(k: keyof typeof UNIT_COLUMNS) {
    return `${columnLetter(cols![k])} (${headers[cols![k]]})`;
  }
  if (problems.length) {
    problems.sort((a, b) => a.line - b.line);
    throw new UserError(
      msg("units.problems", { file: fileName, count: problems.length }),
      400,
      problems.map((p) => formatProblem(fileName, p))
    );
  }
  if (rows.length === 0) throw new UserError(msg("units.headerOnly", { file: fileName }));
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent }));
}
