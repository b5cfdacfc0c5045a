/**
 * The questionnaire's .xlsx: the round-trip law for every shipped definition (export → import as a new version →
 * no differences), and uploads with problems, each named by sheet, row and column.
 */
import { readdirSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { canonicalJson, parseDefinition } from "../../app/domain/definition/parse";
import { DefinitionSchema, type Definition } from "../../app/domain/definition/schema";
import { diffDefinitions } from "../../app/domain/definition/diff";
import { definitionToWorkbook } from "../../app/domain/definition/sheets-export";
import { workbookToDefinition } from "../../app/domain/definition/sheets-import";
import type { Workbook } from "../../app/domain/definition/sheets";
import { workbookToXlsx, xlsxToWorkbook } from "../../app/services/definitions/xlsx.server";

const root = new URL("../../survey-definitions/", import.meta.url);
const shipped = readdirSync(root).flatMap((key) => readdirSync(new URL(`${key}/`, root)).filter((f) => f.endsWith(".json")).map((f) => `${key}/${f}`));
const rawOf = (file: string) => JSON.parse(readFileSync(new URL(file, root), "utf8"));
const resolved = (raw: unknown): Definition => {
  const p = parseDefinition(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.definition;
};
const sipas2022 = () => DefinitionSchema.parse(rawOf("sipas-2022/1.json"));

async function roundTrip(book: Workbook, version = "9") {
  const read = await xlsxToWorkbook(await workbookToXlsx(book));
  if (!read.ok) throw new Error(read.message.en);
  return workbookToDefinition(read.book, { version });
}

/** The workbook of sipas-2022@1 with one change applied to its sheets. */
async function uploadWith(change: (book: Workbook) => void) {
  const book = definitionToWorkbook(sipas2022());
  change(book);
  const result = await roundTrip(book);
  return result.ok ? [] : result.problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, vi: p.message.vi, en: p.message.en }));
}
const sheet = (book: Workbook, name: string) => book.sheets.find((s) => s.name === name)!;
const col = (book: Workbook, name: string, header: string) => sheet(book, name).header.indexOf(header);
/** Excel row number (header = 1) of the question or section with this code. */
const rowOf = (book: Workbook, code: string) => sheet(book, "Câu hỏi").rows.findIndex((r) => r[1] === code) + 2;

describe("the round-trip law", () => {
  it.each(shipped)("%s: export to .xlsx, import as a new version, no differences", async (file) => {
    const raw = rawOf(file);
    const result = await roundTrip(definitionToWorkbook(DefinitionSchema.parse(raw)), "rt");
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const diff = diffDefinitions(resolved(raw), result.definition);
    expect(diff.same).toBe(true);
    expect(result.definition.version).toBe("rt");
    // Stronger than the diff: the same content as written, shared scales and all, but the version.
    const again = DefinitionSchema.parse({ ...result.raw, version: raw.version });
    expect(canonicalJson(again)).toBe(canonicalJson(DefinitionSchema.parse(raw)));
  });
});

describe("an upload with problems names sheet, row and column, and gives no definition", () => {
  it("a missing sheet", async () => {
    const problems = await uploadWith((b) => (b.sheets = b.sheets.filter((s) => s.name !== "Câu hỏi")));
    expect(problems).toEqual([
      expect.objectContaining({ sheet: "Câu hỏi", row: undefined, vi: expect.stringMatching(/^Thiếu trang «Câu hỏi» \(tệp có: «Phương án», «Cây chỉ số»/) }),
    ]);
  });

  it("an unknown option in a skip rule", async () => {
    let row = 0;
    const problems = await uploadWith((b) => {
      row = rowOf(b, "P_QUAL_HEALTH");
      sheet(b, "Câu hỏi").rows[row - 2][col(b, "Câu hỏi", "Điều kiện hiển thị")] = "Q8_HEALTH = 3";
    });
    expect(problems).toEqual([
      {
        sheet: "Câu hỏi",
        row,
        column: "Điều kiện hiển thị",
        vi: "Câu Q8_HEALTH không có phương án mã “3” (các mã: 1, 2)",
        en: 'Question Q8_HEALTH has no option with code "3" (codes: 1, 2)',
      },
    ]);
  });

  it("a skip rule that cannot be read", async () => {
    const problems = await uploadWith((b) => {
      sheet(b, "Câu hỏi").rows[rowOf(b, "P_QUAL_EDU") - 2][col(b, "Câu hỏi", "Điều kiện hiển thị")] = "Q8_SCHOOL == 1";
    });
    expect(problems).toEqual([expect.objectContaining({ column: "Điều kiện hiển thị", en: expect.stringMatching(/^The rule cannot be read at character 12/) })]);
  });

  it("a duplicate code", async () => {
    let row = 0;
    const problems = await uploadWith((b) => {
      row = rowOf(b, "A_AGE");
      sheet(b, "Câu hỏi").rows[row - 2][1] = "A_SEX";
    });
    expect(problems).toEqual([
      expect.objectContaining({ sheet: "Câu hỏi", row, column: "Mã", en: expect.stringMatching(/^Question code "A_SEX" is used twice/) }),
    ]);
  });

  it("an unknown list, an unknown column, a weight without a weighted parent", async () => {
    const list = await uploadWith((b) => (sheet(b, "Câu hỏi").rows[rowOf(b, "A_SEX") - 2][col(b, "Câu hỏi", "Danh sách phương án")] = "gioitinh"));
    expect(list).toEqual([expect.objectContaining({ sheet: "Câu hỏi", row: 3, column: "Danh sách phương án", vi: expect.stringMatching(/^Không có danh sách «gioitinh» ở trang «Phương án»/) })]);
    const problems = await uploadWith((b) => {
      sheet(b, "Phương án").header.push("Ghi chú");
      sheet(b, "Phương án").rows[0].push("x");
    });
    expect(problems.map((p) => [p.sheet, p.row, p.column, p.en])).toEqual([["Phương án", 1, "Ghi chú", expect.stringMatching(/^Unknown column "Ghi chú" \(columns: Danh sách, Mã,/)]]);
    const tree = await uploadWith((b) => {
      sheet(b, "Cây chỉ số").rows[2][col(b, "Cây chỉ số", "Trọng số")] = 2;
    });
    expect(tree).toEqual([expect.objectContaining({ sheet: "Cây chỉ số", row: 4, column: "Trọng số", en: expect.stringContaining("only used when the parent") })]);
  });

  it("a Vietnamese text missing where it is required", async () => {
    let row = 0;
    const problems = await uploadWith((b) => {
      row = rowOf(b, "SV_ACC_1");
      sheet(b, "Câu hỏi").rows[row - 2][col(b, "Câu hỏi", "Nội dung (tiếng Việt)")] = null;
    });
    expect(problems).toEqual([expect.objectContaining({ row, column: "Nội dung (tiếng Việt)", vi: "Cần có nội dung tiếng Việt" })]);
  });

  it("a file that is not an .xlsx workbook", async () => {
    const read = await xlsxToWorkbook(Buffer.from("mã,nội dung\nA,B\n"));
    expect(read).toEqual({ ok: false, message: expect.objectContaining({ vi: expect.stringContaining("cần một tệp Excel .xlsx") }) });
  });
});

describe("what Excel writes", () => {
  /** The 2022 workbook as exceljs writes it, with one worksheet cell changed directly. */
  async function xlsxWithCell(change: (ws: ExcelJS.Worksheet, row: number) => void, code = "A_SEX") {
    const book = definitionToWorkbook(sipas2022());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookToXlsx(book)) as never);
    const ws = wb.getWorksheet("Câu hỏi")!;
    change(ws, rowOf(book, code));
    const read = await xlsxToWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    if (!read.ok) throw new Error(read.message.en);
    return workbookToDefinition(read.book);
  }

  it("a formula cell gives its computed value", async () => {
    const result = await xlsxWithCell((ws, row) => (ws.getCell(row, 3).value = { formula: 'CONCATENATE("Giới"," tính của Ông/Bà")', result: "Giới tính của Ông/Bà" }));
    expect(result.ok && result.definition.sections[0].items[0].label.vi).toBe("Giới tính của Ông/Bà");
  });

  it("a formula cell without a computed value is a problem at its cell", async () => {
    const result = await xlsxWithCell((ws, row) => (ws.getCell(row, 3).value = { formula: "A1&B1" } as ExcelJS.CellFormulaValue));
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({
        sheet: "Câu hỏi",
        row: 3,
        column: "Nội dung (tiếng Việt)",
        message: expect.objectContaining({ vi: expect.stringContaining("Ô có công thức «=A1&B1» nhưng chưa có giá trị") }),
      }),
    ]);
  });

  it("text typed with combining accents (NFD) reads as the same text, and option codes typed as numbers as codes", async () => {
    const result = await xlsxWithCell((ws, row) => {
      ws.getCell(row, 3).value = "Giới tính".normalize("NFD");
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition.sections[0].items[0].label.vi).toBe("Giới tính");
    expect(diffDefinitions(resolved(rawOf("sipas-2022/1.json")), result.definition).same).toBe(true);

    const book = definitionToWorkbook(sipas2022());
    for (const r of sheet(book, "Phương án").rows) if (typeof r[1] === "string" && /^\d+$/.test(r[1])) r[1] = Number(r[1]);
    for (const r of sheet(book, "Câu hỏi").rows) for (let c = 0; c < r.length; c++) if (typeof r[c] === "string") r[c] = (r[c] as string).normalize("NFD");
    const nfd = await roundTrip(book, "1");
    expect(nfd.ok && diffDefinitions(resolved(rawOf("sipas-2022/1.json")), nfd.definition).same).toBe(true);
  });
});
