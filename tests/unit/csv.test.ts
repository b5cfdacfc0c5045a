import { describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import { columnLetter, isBlankRow } from "../../app/domain/csv/read";
import { CSV_BOM, csvLine, safeText } from "../../app/domain/csv/write";
import { readCsv, readCsvText, type CsvRow } from "../../app/services/platform/csv-stream.server";

async function all(gen: AsyncGenerator<CsvRow>): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

describe("CSV writing", () => {
  it("keeps formulas from running and quotes what needs quoting", () => {
    expect(safeText("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    for (const bad of ["+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "＝1+1"]) expect(safeText(bad).startsWith("'")).toBe(true);
    expect(csvLine(["Hà Nội", 'nói "tốt"', "a,b", "dòng 1\ndòng 2", 83.94, null, -1.5])).toBe('Hà Nội,"nói ""tốt""","a,b","dòng 1\ndòng 2",83.94,,-1.5\r\n');
    expect(csvLine(["=1+1"])).toBe("'=1+1\r\n");
    expect(csvLine(["Hòa".normalize("NFD")])).toBe("Hòa\r\n");
    expect(CSV_BOM).toBe("\uFEFF");
  });
});

describe("CSV reading", () => {
  it("reads comma or semicolon files, with or without BOM, with quoted newlines, and knows each row's line", async () => {
    const comma = await all(readCsvText('\uFEFFunit,weight,COMMENT\r\nD01,1.5,"dòng một\r\ndòng hai"\r\nD02,2,ok\r\n', "a.csv"));
    expect(comma.map((r) => [r.line, r.cells])).toEqual([
      [1, ["unit", "weight", "COMMENT"]],
      [2, ["D01", "1.5", "dòng một\r\ndòng hai"]],
      [4, ["D02", "2", "ok"]],
    ]);
    const semicolon = await all(readCsvText("unit;weight\nD01;1,5\n", "b.csv"));
    expect(semicolon[1].cells).toEqual(["D01", "1,5"]);
  });

  it("refuses a file that is not UTF-8, naming the line", async () => {
    const latin1 = Buffer.concat([Buffer.from("unit,name\nD01,ok\nD02,"), Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0x69]), Buffer.from("\n")]);
    await expect(all(readCsv(Readable.from([latin1]), "frame.csv"))).rejects.toThrow(/frame.csv: dòng 3: tệp không phải văn bản UTF-8/);
  });

  it("names columns like a spreadsheet and skips blank rows", () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(isBlankRow(["", " "])).toBe(true);
  });
});
