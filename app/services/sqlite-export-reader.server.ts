import SqliteDatabase from "better-sqlite3";
import { codesAsCells, createCodesLineWriter, createLineWriter, type ExportLayout, type StoredResponse } from "../domain/csv/responses-export";

/**
 * The lines of a round's responses export read straight from a SQLite file through a read-only connection of its
 * own: one statement over the covering index (migration 008) — a consistent snapshot, the app's connection free
 * meanwhile — one text per row (one JS string, not an array of ten values), and for rows of answer codes alone
 * a line made by createCodesLineWriter. Rows come in index order (stratum, PSU, unit...), not submission order.
 */
const US = "\u001f";
const RS = "\u001e";
const orNull = (s: string) => (s === RS ? null : s);
const nullable = (column: string) => `ifnull(${column}, char(30))`;

// Fields: id, submitted_at, entry_mode, locale, unit, stratum, psu, weight, fpc, answer codes, then the JSON when the
// codes cannot stand in for it (free text "~", or a row without codes). The JSON has no raw U+001F (JSON escapes
// control characters); a unit, stratum or PSU holding one comes as GS (U+001D) + a JSON array instead.
const ROW_TEXT = `CASE WHEN instr(ifnull(unit_code, '') || ifnull(stratum, '') || ifnull(psu, ''), char(31)) = 0
  THEN id || char(31) || ${["submitted_at", "entry_mode", "locale", "unit_code", "stratum", "psu", "fpc", "weight"].map(nullable).join(" || char(31) || ")}
    || char(31) || ${nullable("answer_codes")} || char(31) || CASE WHEN answer_codes IS NULL OR instr(answer_codes, '~') > 0 THEN answers ELSE '' END
  ELSE char(29) || json_array(id, submitted_at, entry_mode, locale, unit_code, stratum, psu, fpc, weight, answer_codes, answers) END`;

/** codesAsCells on bytes in one scratch buffer: answer codes are ASCII ([A-Za-z0-9_.-], "|", "+"). */
const scratch = Buffer.allocUnsafe(1 << 16);
function codesAsCellsFast(codes: string): string {
  if (codes.length > scratch.length) return codesAsCells(codes);
  const length = scratch.write(codes, 0, "latin1");
  for (let i = 0; i < length; i++) {
    const b = scratch[i];
    if (b === 0x7c) scratch[i] = 0x2c;
    else if (b === 0x2b) scratch[i] = 0x7c;
  }
  return scratch.toString("latin1", 0, length);
}

type DesignFields = Pick<StoredResponse, "entryMode" | "locale" | "unit" | "stratum" | "psu" | "weight" | "fpc">;
const number = (s: string) => (s === RS ? null : Number(s));

/** The CSV line of each row text; rows that share their design fields (one PSU) share their CSV text too. */
function createRowLines(layout: ExportLayout): (text: string) => string {
  const slow = createLineWriter(layout);
  const fast = createCodesLineWriter(layout);
  let designKey: string | null = null;
  let design: DesignFields = { entryMode: "", locale: "", unit: null, stratum: null, psu: null, weight: null, fpc: null };
  let designText = "";
  return (text) => {
    if (text.charCodeAt(0) === 0x1d) return fromJson(slow, text);
    const idEnd = text.indexOf(US);
    const submittedEnd = text.indexOf(US, idEnd + 1);
    const designStart = submittedEnd + 1;
    let codesStart: number;
    if (designKey !== null && text.startsWith(designKey, designStart)) codesStart = designStart + designKey.length;
    else {
      const f: string[] = [];
      let from = designStart;
      for (let i = 0; i < 7; i++) {
        const to = text.indexOf(US, from);
        f.push(text.slice(from, to));
        from = to + 1;
      }
      codesStart = from;
      designKey = text.slice(designStart, codesStart);
      design = { entryMode: f[0], locale: f[1], unit: orNull(f[2]), stratum: orNull(f[3]), psu: orNull(f[4]), fpc: number(f[5]), weight: number(f[6]) };
      designText = fast ? fast.designText(design) : "";
    }
    const codesEnd = text.indexOf(US, codesStart);
    const codes = orNull(text.slice(codesStart, codesEnd));
    const json = codesEnd === text.length - 1 ? null : text.slice(codesEnd + 1);
    const id = text.slice(0, idEnd);
    const submittedAt = orNull(text.slice(idEnd + 1, submittedEnd));
    if (fast && json === null && codes !== null) {
      const line = fast.line(id, submittedAt, designText, codesAsCellsFast(codes));
      if (line !== null) return line;
    }
    return slow({ id, submittedAt, ...design, answers: json, answerCodes: codes });
  };
}

function fromJson(slow: (r: StoredResponse) => string, text: string): string {
  const [id, submittedAt, entryMode, locale, unit, stratum, psu, fpc, weight, codes, json] = JSON.parse(text.slice(1)) as (string | number | null)[];
  const needsJson = codes === null || String(codes).includes("~");
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
    answers: needsJson ? (json as string) : null,
    answerCodes: codes as string | null,
  });
}

export async function* sqliteExportChunks(file: string, roundId: string, layout: ExportLayout, rowsPerChunk: number): AsyncGenerator<string> {
  const reader = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const rows = reader.prepare(`SELECT ${ROW_TEXT} FROM responses INDEXED BY responses_round_read WHERE round_id = ? AND status = 'submitted'`).pluck().iterate(roundId) as IterableIterator<string>;
    const lineOf = createRowLines(layout);
    let chunk = "";
    let count = 0;
    for (const text of rows) {
      chunk += lineOf(text);
      if (++count === rowsPerChunk) {
        yield chunk;
        chunk = "";
        count = 0;
        // The statement runs synchronously: give the event loop a turn between chunks (other requests).
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (chunk) yield chunk;
  } finally {
    reader.close();
  }
}
