/**
 * Every table download also as .xlsx: each file opened as Excel would, checking the headers in the reader's language,
 * the frozen header row, numbers as numeric cells with their formats, and the sheet explaining the columns.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../../app/services/demo/seed.server";
import { exportCodebookXlsx, exportResponsesXlsx, indicesXlsx } from "../../app/services/data/xlsx-exports.server";
import { importFrameFile } from "../../app/services/fieldwork/frame-import.server";
import { getFrameImport } from "../../app/services/fieldwork/frame-uploads.server";
import { drawRoundSample } from "../../app/services/fieldwork/sampling.server";
import { fieldworkStatusXlsx, rejectedRowsXlsx } from "../../app/services/fieldwork/xlsx-exports.server";
import { xlsxChunks, type XlsxDownload } from "../../app/services/platform/xlsx-download.server";
import { computeRoundIndices } from "../../app/services/results/indices.server";
import { createRound } from "../../app/services/rounds/rounds.server";
import { importRoundUnits } from "../../app/services/rounds/units-import.server";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { answers2022, insertSubmittedResponses } from "../fixtures/responses-factory";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "sipas-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(download: XlsxDownload): Promise<ExcelJS.Workbook> {
  const parts: Uint8Array[] = [];
  for await (const c of xlsxChunks(download)) parts.push(c);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(parts) as never);
  return wb;
}

const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
const TYPE_NAMES: Record<number, string> = Object.fromEntries(Object.entries(ExcelJS.ValueType).map(([k, v]) => [v, k]));
const types = (ws: ExcelJS.Worksheet, r: number) => {
  const out: string[] = [];
  ws.getRow(r).eachCell({ includeEmpty: true }, (c) => out.push(TYPE_NAMES[c.type] ?? String(c.type)));
  return out;
};

/** The data sheet has a frozen first row, and the explanation sheet names every column with its meaning. */
function expectFrame(wb: ExcelJS.Workbook, dataSheet: string, aboutSheet: string) {
  const [data, about] = wb.worksheets;
  expect(data.name).toBe(dataSheet);
  expect(data.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(about.name).toBe(aboutSheet);
  const explained = new Map<string, string>();
  about.eachRow((row, i) => {
    if (i > 4) explained.set(String(row.getCell(1).value), String(row.getCell(2).value));
  });
  for (const h of header(data)) expect(explained.get(String(h)), `column ${String(h)} is explained`).toMatch(/\S{3,}/);
  return data;
}

describeEachDialect("table downloads as .xlsx", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, { adminPassword: "integration-password", codes: 0 });
    await insertSubmittedResponses(t.db, "demo", [
      { answers: answers2022("5", "4", { COMMENT: "=HYPERLINK(\"x\")" }, "2"), unit: "D01", stratum: "D01", psu: "V1", weight: 2.5, fpc: 400 },
      { answers: answers2022("2", "3", {}, "2"), unit: "D02", stratum: "D02", psu: "V2", weight: 1.25, fpc: 300 },
      { answers: answers2022("4", "5", {}, "2"), unit: "D02", stratum: "D02", psu: "V3", weight: 1.25, fpc: 300 },
    ]);
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  it("indices: Vietnamese headers, estimate and its 95% interval as percent cells, answers as whole numbers", async () => {
    const request = { roundId: "demo", by: "district", weighted: true };
    const indices = await computeRoundIndices(t.db, request);
    const wb = await open(indicesXlsx({ id: "demo", name: "Đợt minh họa" }, request, indices, "vi"));
    const ws = expectFrame(wb, "Chỉ số", "Giải thích cột");
    expect(header(ws)).toEqual(["Nhóm", "Mã", "Tên", "Ước lượng", "Cận dưới KTC 95%", "Cận trên KTC 95%", "Sai số chuẩn (điểm %)", "Số câu trả lời hợp lệ", "Tổng trọng số"]);
    const sipas = ws.getRow(2);
    expect(types(ws, 2)).toEqual(["Null", "String", "String", "Number", "Number", "Number", "Number", "Number", "Number"]);
    expect(sipas.getCell(2).value).toBe(indices.result.groups[0].nodes[0].code);
    expect(sipas.getCell(4).value).toBeCloseTo(indices.result.groups[0].nodes[0].estimate! / 100, 12);
    expect(sipas.getCell(4).numFmt).toBe("0.00%");
    expect(sipas.getCell(5).numFmt).toBe("0.00%");
    expect(sipas.getCell(8).numFmt).toBe("#,##0");
    expect(sipas.getCell(8).value).toBe(indices.result.groups[0].nodes[0].n);
    expect(ws.rowCount - 1).toBe(indices.result.groups.reduce((s, g) => s + g.nodes.length, 0));
    // The same table for an English reader.
    const en = await open(indicesXlsx({ id: "demo", name: "Demo" }, request, indices, "en"));
    expect(header(en.worksheets[0]).slice(0, 4)).toEqual(["Group", "Code", "Name", "Estimate"]);
    expect(en.worksheets[1].name).toBe("About the columns");
  });

  it("responses: design columns in words, times in Vietnam time as dates, codes and weights as numbers, text never a formula", async () => {
    const download = await exportResponsesXlsx(t.db, "demo", { locale: "vi", pageSize: 2 });
    expect(download.asciiName).toBe("demo-responses.xlsx");
    const wb = await open(download);
    const ws = expectFrame(wb, "Phiếu trả lời", "Giải thích cột");
    const h = header(ws) as string[];
    expect(h.slice(0, 9)).toEqual(["Mã phiếu", "Thời điểm gửi", "Cách nhập", "Ngôn ngữ", "Đơn vị", "Tầng chọn mẫu", "Cụm (đơn vị mẫu bậc một)", "Trọng số", "Quy mô tầng"]);
    expect(h).toContain("SV_ACC_1");
    expect(ws.rowCount).toBe(4);
    const rows = [2, 3, 4].map((r) => ws.getRow(r));
    const first = rows.find((r) => r.getCell(8).value === 2.5)!;
    expect(first.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(2).numFmt).toBe("dd/mm/yyyy hh:mm:ss");
    expect(first.getCell(3).value).toBe("nhập từ tệp");
    expect(first.getCell(9).value).toBe(400);
    const acc1 = h.indexOf("SV_ACC_1") + 1;
    expect(first.getCell(acc1).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(acc1).value).toBe(5);
    const comment = first.getCell(h.indexOf("COMMENT") + 1);
    expect(comment.type).toBe(ExcelJS.ValueType.String);
    expect(comment.value).toBe('=HYPERLINK("x")');
    // Option labels in the reader's language, when asked.
    const labelled = await open(await exportResponsesXlsx(t.db, "demo", { locale: "vi", labels: true }));
    const lws = labelled.worksheets[0];
    const labelledFirst = [2, 3, 4].map((r) => lws.getRow(r)).find((r) => r.getCell(8).value === 2.5)!;
    expect(labelledFirst.getCell(acc1).type).toBe(ExcelJS.ValueType.String);
    expect(String(labelledFirst.getCell(acc1).value)).toMatch(/hài lòng/i);
  });

  it("codebook: one row per column of the responses file, headers in the reader's language", async () => {
    const wb = await open(await exportCodebookXlsx(t.db, "demo", "vi"));
    const ws = expectFrame(wb, "Sổ mã", "Giải thích cột");
    expect(header(ws)).toEqual(["Mã cột", "Phần", "Loại", "Nội dung (tiếng Việt)", "Nội dung (tiếng Anh)", "Phương án", "Phương án hài lòng", "Bắt buộc", "Điều kiện hiển thị"]);
    const responses = await open(await exportResponsesXlsx(t.db, "demo", { locale: "vi" }));
    expect(ws.rowCount - 1).toBe(header(responses.worksheets[0]).length);
    const acc = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === "SV_ACC_1")!;
    expect(acc.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect(acc.getCell(8).value).toBe(1);
  });

  it("fieldwork status and rejected frame rows: strata in words, the rate as a percent cell, rejected cells kept as text", async () => {
    await createRound(t.db, { id: "thuc-dia", definition: "sipas-2022@1", name: "Thực địa", provinceCode: "P01", periodStart: "2022-08-01", periodEnd: "2022-10-31" });
    await importRoundUnits(t.db, "thuc-dia", { text: unitsCsv(factoryUnits(3, 2)) }, "don-vi.csv");
    const rows = frameCsv({ rows: 120, districts: 3, communesPerDistrict: 2, seed: 7 }).trim().split(/\r?\n/);
    rows.splice(3, 0, rows[2]); // a dossier twice: rejected
    const path = join(dir, `frame-${dialect}.csv`);
    writeFileSync(path, rows.join("\r\n"));
    const report = await importFrameFile(t.db, { roundId: "thuc-dia", path, fileName: "khung.csv", mode: "valid-only" });
    expect(report.rowsRejected).toBe(1);
    const design = { kind: "stratified", strataBy: ["level", "district"], size: { method: "fixed", n: 40 }, allocation: { method: "proportional-min", min: 5 }, reserve: 1 } as const;
    await drawRoundSample(t.db, { roundId: "thuc-dia", design, seed: 5, userId: "tester" });

    const fw = await open(await fieldworkStatusXlsx(t.db, { id: "thuc-dia", name: "Thực địa" }, "vi"));
    const ws = expectFrame(fw, "Thực địa", "Giải thích cột");
    expect(header(ws).slice(0, 6)).toEqual(["Tầng", "Khung mẫu", "Được chọn", "Đã gửi", "Đã trả lời", "Tỷ lệ trả lời"]);
    expect(String(ws.getRow(2).getCell(1).value)).toMatch(/^cấp (huyện|xã) × .+ \(D0\d\)$/);
    expect(ws.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getRow(2).getCell(6).numFmt).toBe("0.00%");
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe("Tổng cộng");

    const record = await getFrameImport(t.db, "thuc-dia", report.importId);
    const rj = await open(rejectedRowsXlsx(t.db, record, "vi"));
    const rws = expectFrame(rj, "Dòng bị loại", "Giải thích cột");
    expect(header(rws)[0]).toBe("Dòng");
    expect(header(rws).at(-1)).toBe("Lỗi");
    expect(rws.getRow(2).getCell(1).value).toBe(4);
    expect(rws.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.Number);
    const phone = (header(rws) as string[]).indexOf("Số điện thoại") + 1;
    expect(phone).toBeGreaterThan(0);
    expect(rws.getRow(2).getCell(phone).type).toBe(ExcelJS.ValueType.String);
    expect(String(rws.getRow(2).getCell(phone).value)).toMatch(/^0\d{9,10}$/);
    expect(String(rws.getRow(2).getCell(header(rws).length).value)).toMatch(/^dòng 4, cột A \(Mã hồ sơ\): mã hồ sơ .+ dòng 3/);
  });
});
