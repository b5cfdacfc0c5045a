import SqliteDatabase from "better-sqlite3";
import { codesExportIsVerbatim, createLineWriter, createStratumCells, type ExportLayout, type StoredResponse } from "../../domain/csv/responses-export";

/**
 * The lines of a round's responses export read straight from a SQLite file through a read-only connection of its
 * own: one statement over the covering index (migration 008) — a consistent snapshot, the app's connection free
 * meanwhile — and one text per row. Rows come in index order (stratum, PSU, unit…), not submission order.
 *
 * For a codes export whose option codes are written as they are (codesExportIsVerbatim), a row of answer codes alone
 * (no free text) becomes its line with little work: SQLite sends weight ␟ fpc ␟ the seven text cells ␟ the answer
 * codes; when each text cell is PLAIN or empty (one regular expression: then the rest is ASCII), one pass over its
 * bytes turns ␟ and "|" into "," and "+" into "|" (multiple choices), the stratum in words goes in after the sixth
 * cell (the stratum's key) and weight and population size after the seventh, formatted as JavaScript writes numbers (SQLite writes some with a 17th digit). Other rows go
 * through createLineWriter: the same bytes either way (tests/unit/sqlite-round-reader.test.ts). Checks and
 * replacements are done here, not in SQL: GLOB and replace() in SQLite made the whole export ~20% slower.
 */
const US = "\u001f";
const RS = "\u001e";

const TEXT_CELLS = ["id", "submitted_at", "entry_mode", "locale", "unit_code", "stratum", "psu"];
// Seven cells, each PLAIN (responses-export.ts: csvLine writes it unchanged), empty or NULL (␞), then the answer codes.
const PLAIN_REST = /^(?:[0-9A-Za-z][0-9A-Za-z:._-]*|\x1e)?(?:\x1f(?:[0-9A-Za-z][0-9A-Za-z:._-]*|\x1e)?){6}\x1f[0-9A-Za-z_.|+-]*$/;

const FAST_TEXT = `ifnull(weight, char(30)) || char(31) || ifnull(fpc, char(30)) || char(31) || ${TEXT_CELLS.map((c) => `ifnull(${c}, char(30))`).join(" || char(31) || ")} || char(31) || answer_codes`;
// A text field holding ␟ itself would break the split: such rows, and rows whose answer codes cannot stand in for
// the JSON (free text, or no codes), come as GS (U+001D) + a JSON array; their JSON is read from the table then.
// (One instr per column: an instr over their concatenation cost SQLite ~0.5 s more per million rows.)
const FAST_ROW = `answer_codes IS NOT NULL AND instr(answer_codes, '~') = 0 AND ${TEXT_CELLS.map((c) => `instr(ifnull(${c}, ''), char(31)) = 0`).join(" AND ")}`;
const JSON_TEXT = `char(29) || json_array(id, submitted_at, entry_mode, locale, unit_code, stratum, psu, weight, fpc, answer_codes,
  CASE WHEN answer_codes IS NULL OR instr(answer_codes, '~') > 0 THEN answers END)`;

function rowTextSql(verbatim: boolean): string {
  return verbatim ? `CASE WHEN ${FAST_ROW} THEN ${FAST_TEXT} ELSE ${JSON_TEXT} END` : JSON_TEXT;
}

/** A number as csvLine writes it, from SQLite's text of it; the last one seen is kept (rows of a stratum share N_h). */
function numberCells(): (text: string) => string {
  let lastText = "";
  let lastCell = "";
  return (text) => {
    if (text === lastText) return lastCell;
    lastText = text;
    return (lastCell = text === RS ? "" : String(Number(text)));
  };
}

const scratch = Buffer.allocUnsafe(1 << 16);
const orNull = (s: string) => (s === RS ? null : s);

function createRowLines(layout: ExportLayout): (text: string) => string {
  const slow = createLineWriter(layout);
  const stratumCell = createStratumCells(layout);
  const weightCell = numberCells();
  const fpcCell = numberCells();
  return (text) => {
    if (text.charCodeAt(0) === 0x1d) return fromJson(slow, text);
    const a = text.indexOf(US);
    const b = text.indexOf(US, a + 1);
    const weight = weightCell(text.slice(0, a));
    const fpc = fpcCell(text.slice(a + 1, b));
    const rest = text.slice(b + 1);
    if (rest.length > scratch.length || !PLAIN_REST.test(rest)) {
      const [id, submittedAt, entryMode, locale, unit, stratum, psu, codes] = rest.split(US).map(orNull);
      const r = { id: id!, submittedAt, entryMode: entryMode!, locale: locale!, unit, stratum, psu };
      return slow({ ...r, weight: weight === "" ? null : Number(weight), fpc: fpc === "" ? null : Number(fpc), answers: null, answerCodes: codes });
    }
    // ASCII from here: one pass over the bytes. NULL (␞) cells become empty.
    const length = scratch.write(rest, 0, "latin1");
    let out = 0;
    let fifth = -1;
    let sixth = -1;
    let seventh = -1;
    let separators = 0;
    for (let i = 0; i < length; i++) {
      const c = scratch[i];
      if (c === 0x1e) continue;
      if (c === 0x1f) {
        scratch[out] = 0x2c;
        separators++;
        if (separators === 5) fifth = out;
        else if (separators === 6) sixth = out;
        else if (separators === 7) seventh = out;
      } else scratch[out] = c === 0x7c ? 0x2c : c === 0x2b ? 0x7c : c;
      out++;
    }
    const label = sixth > fifth + 1 ? stratumCell(scratch.toString("latin1", fifth + 1, sixth)) : "";
    return `${scratch.toString("latin1", 0, sixth)},${label}${scratch.toString("latin1", sixth, seventh)},${weight},${fpc}${scratch.toString("latin1", seventh, out)}\r\n`;
  };
}

function fromJson(slow: (r: StoredResponse) => string, text: string): string {
  const [id, submittedAt, entryMode, locale, unit, stratum, psu, weight, fpc, codes, json] = JSON.parse(text.slice(1)) as (string | number | null)[];
  return slow({
    id: id as string,
    submittedAt: submittedAt as string | null,
    entryMode: entryMode as string,
    locale: locale as string,
    unit: unit as string | null,
    stratum: stratum as string | null,
    psu: psu as string | null,
    weight: weight === null ? null : Number(weight),
    fpc: fpc === null ? null : Number(fpc),
    answers: json as string | null,
    answerCodes: codes as string | null,
  });
}

const SELECT_ROUND = "FROM responses INDEXED BY responses_round_read WHERE round_id = ? AND status = 'submitted'";

/** A read-only connection of its own: a consistent snapshot per statement, the app's connection free meanwhile. */
export function openExportReader(file: string): SqliteDatabase.Database {
  const reader = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  // One pass in index order reads each page once: a page cache of 2 MB (SQLite's default; the driver sets 16 MB)
  // is full after a few thousand rows, so memory is the same for a small round and a large one.
  reader.pragma("cache_size = -2000");
  return reader;
}

/** The texts of a round's rows in index order; with `byStratum`, of one stratum (bound after the round). */
function rowTexts(reader: SqliteDatabase.Database, layout: ExportLayout, byStratum: boolean) {
  const sql = `SELECT ${rowTextSql(codesExportIsVerbatim(layout))} ${SELECT_ROUND}${byStratum ? " AND stratum IS ?" : ""}`;
  return reader.prepare(sql).pluck();
}

function* lineChunks(texts: Iterable<string>, layout: ExportLayout, rowsPerChunk: number): Generator<string> {
  const lineOf = createRowLines(layout);
  let chunk = "";
  let count = 0;
  for (const text of texts) {
    chunk += lineOf(text);
    if (++count === rowsPerChunk) {
      yield chunk;
      chunk = "";
      count = 0;
    }
  }
  if (chunk) yield chunk;
}

/** The lines of some strata of a round (a worker's task: app/workers/export-worker.ts), in index order. */
export function strataLineChunks(reader: SqliteDatabase.Database, roundId: string, layout: ExportLayout, strata: (string | null)[], rowsPerChunk: number): Generator<string> {
  const statement = rowTexts(reader, layout, true);
  function* texts() {
    for (const stratum of strata) yield* statement.iterate(roundId, stratum) as IterableIterator<string>;
  }
  return lineChunks(texts(), layout, rowsPerChunk);
}

/** The whole round in one thread: one statement, a consistent snapshot. */
export async function* sqliteExportChunks(file: string, roundId: string, layout: ExportLayout, rowsPerChunk: number): AsyncGenerator<string> {
  const reader = openExportReader(file);
  try {
    const texts = rowTexts(reader, layout, false).iterate(roundId) as IterableIterator<string>;
    for (const chunk of lineChunks(texts, layout, rowsPerChunk)) {
      yield chunk;
      // The statement runs synchronously: give the event loop a turn between chunks (other requests).
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    reader.close();
  }
}
