/**
 * Writing CSV that Excel opens safely: UTF-8 with a byte-order mark (Vietnamese intact), quotes
 * where needed, and text cells that cannot run as formulas.
 */
export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | boolean | null | undefined;

// A text cell starting with one of these is read by spreadsheets as a formula (or as a DDE
// payload). OWASP's advice: make it plain text by prefixing an apostrophe.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text as a spreadsheet will show it, never as a formula. Numbers are written as numbers. */
export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string, delimiter: string): string {
  return text.includes('"') || text.includes(delimiter) || text.includes("\n") || text.includes("\r") ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (with its CRLF ending, as Excel writes). */
export function csvLine(values: readonly CsvValue[], delimiter = ","): string {
  let out = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += delimiter;
    const v = values[i];
    if (v === null || v === undefined || v === "") continue;
    if (typeof v === "number") out += Number.isFinite(v) ? String(v) : "";
    else if (typeof v === "boolean") out += v ? "1" : "0";
    else out += quote(safeText(v.normalize("NFC")), delimiter);
  }
  return out + "\r\n";
}
