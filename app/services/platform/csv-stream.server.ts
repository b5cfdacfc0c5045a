import Papa from "papaparse";
import { Readable, Transform } from "node:stream";
import { createReadStream } from "node:fs";
import { detectDelimiter, linesSpanned, normalizeHeader } from "../../domain/csv/read";
import { CsvShapeGuard, MAX_LINE_CHARS, sniffBinary, type ShapeProblem } from "../../domain/csv/shape";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";

export interface CsvRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  cells: string[];
}

/** Decodes UTF-8 strictly: a file saved in another encoding is refused at the line where it breaks. */
function strictUtf8(source: string): Transform {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let first = true;
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      if (first) {
        first = false;
        // A workbook, a PDF or other binary data: said so, without its bytes in the message.
        const kind = sniffBinary(chunk);
        if (kind) return done(new UserError(msg(kind === "workbook" ? "files.notTextWorkbook" : kind === "pdf" ? "files.notTextPdf" : "files.notTextBinary", { file: source })));
      }
      try {
        const text = decoder.decode(chunk, { stream: true });
        for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) line++;
        done(null, text);
      } catch {
        // Find the line of the first broken character for the message.
        const lenient = new TextDecoder("utf-8").decode(chunk);
        const bad = lenient.indexOf("\uFFFD");
        for (let i = lenient.indexOf("\n"); i !== -1 && i < bad; i = lenient.indexOf("\n", i + 1)) line++;
        done(new UserError(msg("files.notUtf8", { file: source, line })));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new UserError(msg("files.endsMidCharacter", { file: source, line })));
      }
    },
  });
}

/**
 * Rows of a CSV stream, one at a time, with the line each starts on: comma or semicolon, BOM or
 * not, quoted newlines. Memory does not grow with the file.
 */
export async function* readCsv(input: Readable, source: string): AsyncGenerator<CsvRow, void, undefined> {
  const decoded = input.pipe(strictUtf8(source));
  input.on("error", (e) => decoded.destroy(e));
  const chunks = decoded[Symbol.asyncIterator]() as AsyncIterator<string>;
  // The header line decides the delimiter (a guess over data rows is fooled by decimal commas).
  const head: string[] = [];
  let seen = 0;
  let headerEnd = -1;
  while (headerEnd === -1) {
    const next = await chunks.next();
    if (next.done) break;
    headerEnd = next.value.indexOf("\n");
    if (headerEnd !== -1) headerEnd += seen;
    head.push(next.value);
    seen += next.value.length;
    if (headerEnd === -1 && seen > MAX_LINE_CHARS) throw shapeError(source, { kind: "lineTooLong", line: 1, max: MAX_LINE_CHARS });
  }
  const headerLine = head.join("").slice(0, headerEnd === -1 ? undefined : headerEnd);
  const delimiter = detectDelimiter(headerLine);
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: false });
  const guard = new CsvShapeGuard(delimiter);
  const text = Readable.from(
    (async function* () {
      const checked = (chunk: string) => {
        const problem = guard.feed(chunk);
        if (problem) throw shapeError(source, problem);
        return chunk;
      };
      for (const chunk of head) yield checked(chunk);
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield checked(next.value);
      const problem = guard.end();
      if (problem) throw shapeError(source, problem);
    })(),
  );
  text.on("error", (e) => parser.destroy(e));
  text.pipe(parser);
  let line = 1;
  let first = true;
  for await (const batch of drain(parser)) {
    for (const raw of batch) {
      const cells = first ? raw.map(normalizeHeader) : raw;
      first = false;
      yield { line, cells };
      line += linesSpanned(raw);
    }
  }
}

/**
 * Rows of the parser in batches. Iterating the stream row by row (`for await`) costs ~40 µs a
 * row; collecting 'data' events with pause/resume for back-pressure costs ~1.5 µs.
 */
async function* drain(parser: NodeJS.ReadWriteStream, high = 4096): AsyncGenerator<string[][]> {
  let queue: string[][] = [];
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  parser.on("data", (row: string[]) => {
    queue.push(row);
    if (queue.length >= high) parser.pause();
    notify();
  });
  parser.on("end", () => {
    ended = true;
    notify();
  });
  parser.on("error", (e) => {
    failure = e;
    notify();
  });
  for (;;) {
    if (queue.length) {
      const batch = queue;
      queue = [];
      parser.resume();
      yield batch;
    } else if (failure) throw failure;
    else if (ended) return;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}

function shapeError(file: string, problem: ShapeProblem): UserError {
  return new UserError(msg(`files.${problem.kind}`, { file, line: problem.line }));
}

export function readCsvFile(path: string): AsyncGenerator<CsvRow, void, undefined> {
  const stream = createReadStream(path);
  return readCsv(stream, path);
}

export function readCsvText(text: string, source: string): AsyncGenerator<CsvRow, void, undefined> {
  return readCsv(Readable.from([Buffer.from(text, "utf8")]), source);
}
