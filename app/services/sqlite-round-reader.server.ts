import SqliteDatabase from "better-sqlite3";
import type { Answers } from "../domain/definition/conditions";
import { createAnswersDecoder } from "../domain/answers/stored-json";
import type { Definition } from "../domain/definition/schema";
import type { ResponseRecord } from "../domain/indices/types";

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
      .prepare(
        `SELECT answer_codes, CASE WHEN answer_codes IS NULL THEN answers END, unit_code, stratum, psu, weight, fpc
           FROM responses WHERE round_id = ? AND status = 'submitted'${filter}`,
      )
      .raw()
      .iterate(roundId, ...named) as IterableIterator<[string | null, string | null, string | null, string | null, string | null, number | null, number | null]>;
    let batch: ResponseRecord[] = [];
    for (const r of rows) {
      batch.push(toRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6]));
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

