/**
 * A look at a CSV file's shape before the parser sees it (issue 11). The parser is slower than the file grows on very
 * long lines (one line of 40 MB took 30 s), and an unclosed quote near the top of a large frame turns the rest of
 * the file into one cell, reported as something else far below. So cells and lines are capped, the check stops at the
 * first line over a cap, and a quote that never closes is named at the line where it opened. Pure: fed text in
 * chunks (as decoded), it keeps only counters.
 */

/** Longer than any real cell (a comment, an address) by far; a frame's longest is a few hundred characters. */
export const MAX_CELL_CHARS = 100_000;
/** A row of a frame or a responses file with a few hundred columns is a few thousand characters. */
export const MAX_LINE_CHARS = 1_000_000;

export type ShapeProblem =
  | { kind: "cellTooLong"; line: number; max: number }
  | { kind: "lineTooLong"; line: number; max: number }
  | { kind: "unclosedQuote"; line: number };

export class CsvShapeGuard {
  private line = 1;
  private recordLine = 1;
  private recordChars = 0;
  private cellChars = 0;
  private atCellStart = true;
  private quoted = false;
  private quoteLine = 1;
  /** A quote seen inside a quoted cell at the end of a chunk: the next character says whether it closed the cell. */
  private quotePending = false;

  private readonly special: RegExp;

  constructor(private readonly delimiter: string) {
    this.special = new RegExp(`[\n"${delimiter === ";" ? ";" : ","}]`, "g");
  }

  /** The first problem in this chunk, or null. After a problem the guard should not be fed again. */
  feed(text: string): ShapeProblem | null {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (this.quotePending) {
        this.quotePending = false;
        if (ch === 34) {
          this.count(1); // "" inside a quoted cell: one quote character
          continue;
        }
        this.quoted = false; // the quote closed the cell; this character is read outside it
      }
      if (this.quoted) {
        // Jump to the next quote; count the newlines on the way for line numbers.
        const next = text.indexOf('"', i);
        const end = next === -1 ? text.length : next;
        for (let n = text.indexOf("\n", i); n !== -1 && n < end; n = text.indexOf("\n", n + 1)) this.line++;
        const problem = this.count(end - i);
        if (problem) return problem.kind === "cellTooLong" ? { kind: "unclosedQuote", line: this.quoteLine } : problem;
        if (next === -1) return null;
        i = next;
        this.quotePending = true;
        continue;
      }
      if (ch === 34 && this.atCellStart) {
        this.quoted = true;
        this.quoteLine = this.line;
        this.atCellStart = false;
        continue;
      }
      if (ch === 10) {
        this.line++;
        this.recordLine = this.line;
        this.recordChars = 0;
        this.cellChars = 0;
        this.atCellStart = true;
        continue;
      }
      if (text[i] === this.delimiter) {
        this.recordChars++;
        this.cellChars = 0;
        this.atCellStart = true;
        continue;
      }
      // Ordinary characters up to the next newline, delimiter or quote, counted at once (the common case).
      this.special.lastIndex = i;
      const found = this.special.exec(text);
      const end = found ? found.index : text.length;
      this.atCellStart = false;
      const problem = this.count(Math.max(1, end - i));
      if (problem) return problem;
      i = Math.max(i, end - 1);
    }
    return null;
  }

  /** At the end of the file: a quote still open never closed. */
  end(): ShapeProblem | null {
    return this.quoted && !this.quotePending ? { kind: "unclosedQuote", line: this.quoteLine } : null;
  }

  private count(n: number): ShapeProblem | null {
    this.cellChars += n;
    this.recordChars += n;
    if (this.cellChars > MAX_CELL_CHARS) return { kind: "cellTooLong", line: this.recordLine, max: MAX_CELL_CHARS };
    if (this.recordChars > MAX_LINE_CHARS) return { kind: "lineTooLong", line: this.recordLine, max: MAX_LINE_CHARS };
    return null;
  }
}

/** What a file that is not text looks like from its first bytes: a workbook, a PDF, or other binary data. */
export function sniffBinary(bytes: Uint8Array): "workbook" | "pdf" | "binary" | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) return "workbook"; // .xlsx (zip) or .xls
  if (starts(0x25, 0x50, 0x44, 0x46)) return "pdf"; // %PDF
  const look = Math.min(bytes.length, 8192);
  for (let i = 0; i < look; i++) if (bytes[i] === 0) return "binary"; // text never holds a NUL
  return null;
}

/** A value quoted in a message: at most `max` characters, so a 50 MB cell is never echoed whole. */
export function excerpt(value: string, max = 40): string {
  const chars = [...value.slice(0, max + 1)];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : value;
}
