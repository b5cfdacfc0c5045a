import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { columnLetter, formatProblem, isBlankRow, type CsvProblem } from "../../domain/csv/read";
import { UserError } from "../../domain/errors";
import { foldHeader, parseLevel, type UnitLevel } from "../../domain/fieldwork/frame";
import { readCsv } from "../platform/csv-stream.server";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";

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
  fileName: string
): Promise<UnitsImportResult> {
  const round = await db.selectFrom("rounds").select("status").where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new UserError(`No round "${roundId}".`, 404);
  if (round.status !== "open") throw new UserError(`Round "${roundId}" is closed; its units cannot change.`, 409);

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
        throw new UserError(
          `${fileName}: line 1: no column for ${missing.join(
            ", "
          )} (expected headers such as "Mã, Tên, Cấp, Mã cấp trên" or "code, name, level, parent"; found: ${cells.join(", ")}).`
        );
      }
      continue;
    }
    if (isBlankRow(cells)) continue;
    const at = (k: keyof typeof UNIT_COLUMNS) => (cols![k] < 0 ? "" : (cells[cols![k]] ?? "").normalize("NFC").trim());
    const code = at("code");
    const name = at("name");
    const level = parseLevel(at("level"));
    const codeOk = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(code);
    if (!codeOk) problems.push({ line, column: col("code"), message: `"${code}" is not a unit code (letters, digits, '.', '_' or '-', at most 40)` });
    if (!name) problems.push({ line, column: col("name"), message: "the unit needs a name" });
    if (!level)
      problems.push({
        line,
        column: col("level"),
        message: `"${at("level")}" is not a level (province, district, commune, agency / tỉnh, huyện, xã, sở-ngành)`,
      });
    if (codeOk) rows.push({ line, code, name, level: level ?? "agency", parent: at("parent") || null });
  }
  if (!cols) throw new UserError(`${fileName}: the file is empty.`);

  const existing = await db.selectFrom("round_units").select(["code"]).where("round_id", "=", roundId).execute();
  const known = new Set(existing.map((u) => u.code));
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (seen.has(r.code)) problems.push({ line: r.line, column: col("code"), message: `unit code "${r.code}" is already on line ${seen.get(r.code)}` });
    else seen.set(r.code, r.line);
  }
  for (const r of rows) {
    if (r.parent && !seen.has(r.parent) && !known.has(r.parent)) {
      problems.push({ line: r.line, column: col("parent"), message: `parent unit "${r.parent}" is neither in the file nor a unit of the round` });
    }
    if (r.parent === r.code) problems.push({ line: r.line, column: col("parent"), message: "a unit cannot be its own parent" });
  }
  function col(k: keyof typeof UNIT_COLUMNS) {
    return `${columnLetter(cols![k])} (${headers[cols![k]]})`;
  }
  if (problems.length) {
    problems.sort((a, b) => a.line - b.line);
    throw new UserError(
      `${fileName}: ${problems.length} problem(s); no unit was imported.`,
      400,
      problems.map((p) => formatProblem(fileName, p))
    );
  }
  if (rows.length === 0) throw new UserError(`${fileName}: the file has a header line but no units.`);

  let added = 0;
  let updated = 0;
  await db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const values = { name: r.name, level: r.level, parent_code: r.parent };
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
  });
  return { added, updated, units: known.size + added };
}
