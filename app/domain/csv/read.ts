/** Reading CSV people make: Excel's "CSV UTF-8" (with BOM), semicolons in locales that use a decimal comma. */
import { msg, type Message } from "../messages";

export const CSV_DELIMITERS = [",", ";"] as const;

/** A header cell as a column name: trimmed, NFC, without a stray BOM or surrounding quotes. */
export function normalizeHeader(cell: string): string {
  return cell.replace(/^\uFEFF/, "").trim().normalize("NFC");
}

/** Lines a parsed row took in the file: one, plus a line for each newline inside quoted cells. */
export function linesSpanned(cells: readonly string[]): number {
  let n = 1;
  for (const cell of cells) for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) n++;
  return n;
}

/** A data row with nothing in it (Excel leaves these at the end): skipped, not an error. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

/** Spreadsheet-style column name (A, B, …, AA) for messages: "line 12, column C (weight)". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface CsvProblem {
  line: number;
  column?: string;
  message: string | Message;
}

/** "file: line 3, column B (Tên): the unit needs a name", in the reader's language once rendered. */
export function formatProblem(file: string, p: CsvProblem): Message {
  return p.column
    ? msg("files.problemAtCell", { file, line: p.line, column: p.column, problem: p.message })
    : msg("files.problemAtLine", { file, line: p.line, problem: p.message });
}

/** The delimiter of a file from its header line: the more frequent of ',' and ';' outside quotes (comma on a tie). */
export function detectDelimiter(headerLine: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}
