import SqliteDatabase from "better-sqlite3";
import type { Answers } from "../../domain/definition/conditions";
import { createAnswersDecoder } from "../../domain/answers/stored-json";
import type { Definition } from "../../domain/definition/schema";
import type { ResponseRecord } from "../../domain/indices/types";

/**
 * Reading a round's responses as index-engine records straight from a SQLite file, through a read-only
 * connection of its own. Kept apart (no query builder, no PostgreSQL driver) because worker threads load it.
 */
export const RECORD_BATCH = 5000;

export type RecordDecoder = (codes: string | null, json: string | null, unit: string | null, stratum: string | null, psu: string | null, weight: unknown, fpc: unknown) => ResponseRecord;

export function recordDecoder(definition?: Definition): RecordDecoder {
  const decode = definition ? createAnswersDecoder(definition.sections.flatMap((s) => s.items.map((i) => i.code))) : (text: string) => JSON.parse(text) as Answers;
  // Answer codes when the row has them (every row written by this version): ~150 bytes the engine scans,
  // where the JSON is ~1 kB to read and decode. Older rows fall back to their JSON.
  return (codes, json, unit, stratum, psu, weight, fpc) => ({
    answers: codes === null ? decode(json!) : NO_ANSWERS,
    codes: codes ?? undefined,
    unit,
    stratum,
    psu,
    weight: weight === null ? null : Number(weight),
    fpc: fpc === null ? null : Number(fpc),
  });
}

const NO_ANSWERS: Answers = Object.freeze({}) as Answers;

/** The responses of some strata of a round on SQLite (one part of a pass split over worker threads). */
export function streamStrataRecords(file: string, roundId: string, strata: readonly (string | null)[], definition: Definition): AsyncGenerator<ResponseRecord[]> {
  return sqliteRecords(file, roundId, RECORD_BATCH, recordDecoder(definition), strata);
}

// One text per row instead of seven values: better-sqlite3 then makes one JS string, not an array of seven,
// which halves the time of reading a million rows. Fields are separated by US (U+001F); NULL is RS (U+001E);
// a row without answer codes carries RS + its JSON in the last field. A design field that itself holds a US
// (nothing forbids it in an imported stratum name) would break the split: such rows come as GS (U+001D) + a
// JSON array instead. Numbers keep every digit: SQLite ≥ 3.4x renders a REAL as the shortest text that reads
// back to the same double (checked by tests/unit/sqlite-round-reader.test.ts).
const US = "\u001f";
const RS = "\u001e";
const field = (column: string) => `ifnull(${column}, char(30))`;
const ROW_TEXT = `CASE WHEN instr(ifnull(stratum, ''), char(31)) = 0 AND instr(ifnull(psu, ''), char(31)) = 0 AND instr(ifnull(unit_code, ''), char(31)) = 0
  THEN ${["stratum", "psu", "unit_code", "fpc", "weight"].map(field).join(" || char(31) || ")} || char(31) || ifnull(answer_codes, char(30) || answers)
  ELSE char(29) || json_array(stratum, psu, unit_code, fpc, weight, answer_codes, CASE WHEN answer_codes IS NULL THEN answers END) END`;

/** Turns the row texts of ROW_TEXT into records; rows of one PSU share their design fields (rows come sorted). */
function rowTextDecoder(toRecord: RecordDecoder): (text: string) => ResponseRecord {
  let prefix: string | null = null;
  let stratum: string | null = null;
  let psu: string | null = null;
  let unit: string | null = null;
  let fpc: number | null = null;
  let weight: number | null = null;
  const text = (s: string) => (s === RS ? null : s);
  const number = (s: string) => (s === RS ? null : Number(s));
  return (row) => {
    if (row.charCodeAt(0) === 0x1d) {
      const [s, p, u, f, w, codes, json] = JSON.parse(row.slice(1)) as (string | number | null)[];
      return toRecord(codes as string | null, json as string | null, u as string | null, s as string | null, p as string | null, w, f);
    }
    if (prefix === null || !row.startsWith(prefix)) {
      const ends: number[] = [];
      let at = -1;
      for (let i = 0; i < 5; i++) ends.push((at = row.indexOf(US, at + 1)));
      stratum = text(row.slice(0, ends[0]));
      psu = text(row.slice(ends[0] + 1, ends[1]));
      unit = text(row.slice(ends[1] + 1, ends[2]));
      fpc = number(row.slice(ends[2] + 1, ends[3]));
      weight = number(row.slice(ends[3] + 1, ends[4]));
      prefix = row.slice(0, ends[4] + 1);
    }
    if (row.charCodeAt(prefix.length) === 0x1e) return toRecord(null, row.slice(prefix.length + 1), unit, stratum, psu, weight, fpc);
    return { answers: NO_ANSWERS, codes: row.slice(prefix.length), unit, stratum, psu, weight, fpc };
  };
}

export async function* sqliteRecords(
  file: string,
  roundId: string,
  batchSize: number,
  toRecord: RecordDecoder,
  strata?: readonly (string | null)[],
): AsyncGenerator<ResponseRecord[]> {
  const reader = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const named = strata?.filter((s): s is string => s !== null) ?? [];
    const filter = strata
      ? ` AND (stratum IN (${named.map(() => "?").join(",") || "NULL"})${strata.includes(null) ? " OR stratum IS NULL" : ""})`
      : "";
    const rows = reader
      .prepare(`SELECT ${ROW_TEXT} FROM responses INDEXED BY responses_round_read WHERE round_id = ? AND status = 'submitted'${filter}`)
      .pluck()
      .iterate(roundId, ...named) as IterableIterator<string>;
    const decode = rowTextDecoder(toRecord);
    let batch: ResponseRecord[] = [];
    for (const text of rows) {
      batch.push(decode(text));
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
        // The statement runs synchronously: give the event loop a turn between batches (other requests).
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (batch.length) yield batch;
  } finally {
    reader.close();
  }
}
