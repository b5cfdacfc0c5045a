import Papa from "papaparse";
import { Readable, Transform } from "node:stream";
import { createReadStream } from "node:fs";
import { linesSpanned, normalizeHeader } from "../domain/csv/read";
import { UserError } from "../domain/errors";

export interface CsvRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  cells: string[];
}

/** Decodes UTF-8 strictly: a file saved in another encoding is refused at the line where it breaks. */
function strictUtf8(source: string): Transform {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) line++;
        done(null, text);
      } catch {
        // Find the line of the first broken character for the message.
        const lenient = new TextDecoder("utf-8").decode(chunk);
        const bad = lenient.indexOf("\uFFFD");
        for (let i = lenient.indexOf("\n"); i !== -1 && i < bad; i = lenient.indexOf("\n", i + 1)) line++;
        done(new UserError(`${source}: line ${line}: the file is not UTF-8 text. In Excel choose "Save as" → "CSV UTF-8 (Comma delimited)".`));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new UserError(`${source}: line ${line}: the file ends in the middle of a character; it is not valid UTF-8.`));
      }
    },
  });
}

/**
 * Rows of a CSV stream, one at a time, with the line each starts on: comma or semicolon, BOM or
 * not, quoted newlines. Memory does not grow with the file.
 */
export async function* readCsv(input: Readable, source: string): AsyncGenerator<CsvRow, void, undefined> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimitersToGuess: [",", ";"], skipEmptyLines: false });
  const decoded = input.pipe(strictUtf8(source));
  decoded.on("error", (e) => parser.destroy(e));
  decoded.pipe(parser);
  let line = 1;
  let first = true;
  for await (const raw of parser as AsyncIterable<string[]>) {
    const cells = first ? raw.map(normalizeHeader) : raw;
    first = false;
    yield { line, cells };
    line += linesSpanned(raw);
  }
}

export function readCsvFile(path: string): AsyncGenerator<CsvRow, void, undefined> {
  const stream = createReadStream(path);
  return readCsv(stream, path);
}

export function readCsvText(text: string, source: string): AsyncGenerator<CsvRow, void, undefined> {
  return readCsv(Readable.from([Buffer.from(text, "utf8")]), source);
}
