import { describe, expect, it } from "vitest";
import { CsvShapeGuard, excerpt, MAX_CELL_CHARS, MAX_LINE_CHARS, sniffBinary } from "../../app/domain/csv/shape";
import { readCsvText, readCsv } from "../../app/services/platform/csv-stream.server";
import { Readable } from "node:stream";

/** Feeds text in chunks of the given size; the first problem. */
function check(text: string, chunk = 7, delimiter = ",") {
  const guard = new CsvShapeGuard(delimiter);
  for (let i = 0; i < text.length; i += chunk) {
    const problem = guard.feed(text.slice(i, i + chunk));
    if (problem) return problem;
  }
  return guard.end();
}

async function readAll(text: string | Buffer) {
  const input = typeof text === "string" ? Readable.from([Buffer.from(text)]) : Readable.from([text]);
  const rows = [];
  for await (const row of readCsv(input, "khung.csv")) rows.push(row);
  return rows;
}

describe("the shape of a CSV file, checked before the parser", () => {
  it("passes ordinary files, quoted cells with delimiters, newlines and doubled quotes, in any chunking", () => {
    const text = 'ma,ten,ghi_chu\n1,"Nguyễn, Văn A","dòng 1\ndòng 2"\n2,"Trần ""Bé""",\n3,ab"c,x\n';
    for (const size of [1, 2, 3, 7, 1000]) expect(check(text, size)).toBeNull();
    expect(check("ma;ten\n1;\"a;b\"\n", 3, ";")).toBeNull();
  });

  it("names an unclosed quote at the line where it opened, at the end of a small file or as soon as it runs past a cell's cap", () => {
    expect(check('ma,ten\n1,An\n2,"Bình\n3,Chi\n')).toEqual({ kind: "unclosedQuote", line: 3 });
    const big = 'ma,ten\n1,"never closed\n' + "4,Dũng\n".repeat(MAX_CELL_CHARS / 5);
    expect(check(big, 65_536)).toEqual({ kind: "unclosedQuote", line: 2 });
  });

  it("stops at the first cell or line over its cap, with its line", () => {
    expect(check(`ma,ten\n1,An\n2,${"x".repeat(MAX_CELL_CHARS + 1)}\n`, 4096)).toEqual({ kind: "cellTooLong", line: 3, max: MAX_CELL_CHARS });
    const wide = Array.from({ length: 20 }, () => "y".repeat(MAX_LINE_CHARS / 19)).join(",");
    expect(check(`a\n${wide}\n`, 65_536)).toEqual({ kind: "lineTooLong", line: 2, max: MAX_LINE_CHARS });
  });

  it("tells workbooks, PDFs and binary data from text by their first bytes", () => {
    expect(sniffBinary(Buffer.from("PK\u0003\u0004rest", "latin1"))).toBe("workbook");
    expect(sniffBinary(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1]))).toBe("workbook");
    expect(sniffBinary(Buffer.from("%PDF-1.7"))).toBe("pdf");
    expect(sniffBinary(Buffer.from([0x6d, 0x61, 0x00, 0x01]))).toBe("binary");
    expect(sniffBinary(Buffer.from("ma,tên\n1,Ân\n"))).toBeNull();
  });

  it("quotes at most a short excerpt of a value", () => {
    expect(excerpt("ngắn")).toBe("ngắn");
    expect(excerpt("x".repeat(5_000_000))).toBe(`${"x".repeat(40)}…`);
  });
});

describe("reading a CSV stream", () => {
  it("refuses an unclosed quote by its line, in both languages", async () => {
    const error = await readAll('ma,ten\n1,An\n2,"Bình\n3,Chi\n').catch((e) => e);
    expect(error.localized.en).toContain("khung.csv: line 3: a quote (\") opened on this line is never closed");
    expect(error.localized.vi).toContain("dòng 3: dấu ngoặc kép");
  });

  it("fails fast on a 20 MB line, and on a first line with no end, without reading it whole into a parser", async () => {
    // Served in 64 KiB chunks, counted as the reader pulls them: failing fast means it stops soon after the cap.
    let pulled = 0;
    const chunks = (text: string) =>
      Readable.from(
        (function* () {
          for (let i = 0; i < text.length; i += 65_536) {
            pulled += 1;
            yield Buffer.from(text.slice(i, i + 65_536));
          }
        })()
      );
    const readChunks = async (text: string) => {
      pulled = 0;
      for await (const row of readCsv(chunks(text), "khung.csv")) void row;
    };
    const error = await readChunks(`ma,ten\n1,${"z".repeat(20_000_000)}\n`).catch((e) => e);
    expect(error.localized.en).toContain("line 2: a cell is longer than 100,000 characters");
    expect(pulled).toBeLessThan(20); // of 306
    const headless = await readChunks("h".repeat(MAX_LINE_CHARS + 10)).catch((e) => e);
    expect(headless.localized.en).toContain("line 1: the line is longer than 1,000,000 characters");
  });

  it("says a workbook or binary file is not a text file, without printing its bytes", async () => {
    const workbook = await readAll(Buffer.concat([Buffer.from("PK\u0003\u0004", "latin1"), Buffer.alloc(100, 7)])).catch((e) => e);
    expect(workbook.localized.en).toBe('khung.csv: this is an Excel workbook, not a CSV file. In Excel choose "Save as" → "CSV UTF-8 (Comma delimited)".');
    const binary = await readAll(Buffer.from([0x6d, 0x61, 0x0a, 0x00, 0x01, 0x02, 0x1b, 0x5b])).catch((e) => e);
    expect(binary.localized.en).toBe("khung.csv: this is not a text file (it holds binary bytes); please send a CSV UTF-8 file.");
    expect(JSON.stringify(binary.localized)).not.toMatch(/[\u0000-\u0008\u001b]/);
  });

  it("still reads ordinary files row by row with their lines", async () => {
    const rows = [];
    for await (const row of readCsvText('ma,ten\n1,"a\nb"\n2,c\n', "x.csv")) rows.push(row);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });
});
