import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { E2E_ADMIN_PASSWORD } from "../../playwright.config";
import { sipas } from "./helpers";

async function signIn(page: Page, path: string) {
  await page.goto(path);
  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Dữ liệu CSV" })).toBeVisible();
}

/** A round of its own with a few imported responses (other tests answer the demo round at the same time). */
function roundWithResponses(name: string): string {
  const [round] = sipas("rounds", "create", "--definition", "sipas-2022@2", "--name", name);
  const file = `tests/.tmp/e2e-data-${round}.csv`;
  const rows = Array.from({ length: 12 }, (_, i) => `P${(i % 2) + 1};${i + 1};${(i % 2) + 1};1;${(i % 5) + 1};"Ý kiến số ${i}, rất tốt"`);
  rows.push('P1;2;1;1;5;"=HYPERLINK(""http://x"")"');
  writeFileSync(file, `\uFEFFunit;weight;A_SEX;Q8_PROC;SV_ACC_1;COMMENT\r\n${rows.join("\r\n")}\r\n`);
  expect(sipas("responses", "import", "--round", round, file)).toEqual([`đã nhập 13 phiếu trả lời vào đợt ${round}`]);
  return round;
}

test("staff download the responses CSV with progress: BOM, Vietnamese intact, formulas defused", async ({ page }) => {
  const round = roundWithResponses("Đợt tải dữ liệu");
  await signIn(page, `/staff/rounds/${round}/data`);
  await expect(page.getByTestId("submitted-count")).toHaveText("13");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Phiếu trả lời (mã phương án)", exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("Đợt tải dữ liệu - responses.csv");
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  expect(text).toContain("response_id,submitted_at,entry_mode,locale,unit,stratum,stratum_label,psu,weight,fpc,A_SEX,");
  expect(text).toContain('"Ý kiến số 3, rất tốt"');
  expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  expect(text.split("\r\n").filter(Boolean)).toHaveLength(14);
  await expect(page.getByRole("status")).toContainText("Đã tải xong: 13 dòng.");

  const labels = page.waitForEvent("download");
  await page.getByRole("button", { name: "Tải bảng chỉ số (CSV)" }).click();
  const indices = readFileSync((await (await labels).path())!, "utf8");
  expect(indices.startsWith("\uFEFFgroup,node,label,estimate,se,ci_low,ci_high,n,weight_sum\r\n")).toBe(true);
  expect(indices).toContain(",SV_ACC_1,");

  // Refusals are plain messages with their status, never a server error.
  const missing = await page.request.get("/staff/rounds/no-such-round/data/responses.csv");
  expect([missing.status(), await missing.text()]).toEqual([404, "Không có đợt khảo sát “no-such-round”."]);
  const badGroup = await page.request.get(`/staff/rounds/${round}/data/indices.csv?by=shoe_size`);
  expect(badGroup.status()).toBe(400);
  expect(await badGroup.text()).toMatch(/^Không phân nhóm được đợt khảo sát “.*” theo “shoe_size”\. Chọn một trong: none, unit, A_SEX/);
});

test("staff download the same tables for Excel: headers in Vietnamese, numbers as number cells", async ({ page }) => {
  const round = roundWithResponses("Đợt tải Excel");
  await signIn(page, `/staff/rounds/${round}/data`);
  const open = async (click: () => Promise<void>) => {
    const downloading = page.waitForEvent("download");
    await click();
    const download = await downloading;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    return { name: download.suggestedFilename(), wb };
  };
  const responses = await open(() => page.getByRole("link", { name: "Phiếu trả lời (mã phương án), tệp Excel" }).click());
  expect(responses.name).toBe("Đợt tải Excel - responses.xlsx");
  const ws = responses.wb.worksheets[0];
  expect(ws.getRow(1).getCell(1).value).toBe("Mã phiếu");
  expect(ws.rowCount).toBe(14);
  expect(ws.getRow(2).getCell(8).type).toBe(ExcelJS.ValueType.Number);
  expect(responses.wb.worksheets[1].name).toBe("Giải thích cột");

  const indices = await open(() => page.getByRole("button", { name: "Tải bảng chỉ số (Excel)" }).click());
  const iws = indices.wb.worksheets[0];
  expect(iws.getRow(1).getCell(4).value).toBe("Ước lượng");
  expect(iws.getRow(2).getCell(4).type).toBe(ExcelJS.ValueType.Number);
  expect(iws.getRow(2).getCell(4).numFmt).toBe("0.00%");

  const codebook = await open(() => page.getByRole("link", { name: "Sổ mã, tệp Excel" }).click());
  expect(codebook.wb.worksheets[0].getRow(1).getCell(1).value).toBe("Mã cột");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the plain links still download", async ({ page }) => {
    const round = roundWithResponses("Đợt không JavaScript");
    await signIn(page, `/staff/rounds/${round}/data`);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Sổ mã (codebook): mã, câu hỏi, phương án" }).click();
    const text = readFileSync((await (await downloading).path())!, "utf8");
    expect(text.startsWith("\uFEFFcode,section,type,label_vi,label_en,options,positive,required,shown_if\r\n")).toBe(true);
    expect(text).toContain("SV_ACC_1,D,satisfaction5,");
  });
});

test("a bad file imported through the page shows every error with line and column and imports nothing; a good one is counted", async ({ page }) => {
  const [round] = sipas("rounds", "create", "--definition", "sipas-2022@2", "--name", "Đợt nhập tệp");
  await signIn(page, `/staff/rounds/${round}/data`);
  const bad = "unit,weight,A_SEX,SV_ACC_1,SV_TYPO\nD01,1,1,4,\nD01,-1,3,4,\nD02,1,1,6,\n";
  await page.getByLabel("Tệp CSV", { exact: true }).setInputFiles({ name: "phieu-loi.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Kiểm tra và nhập" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("phieu-loi.csv: 4 lỗi — không nhập dòng nào");
  await expect(alert.locator("li")).toHaveText([
    'dòng 1, cột E (SV_TYPO): cột "SV_TYPO" không phải mã câu hỏi của bộ câu hỏi sipas-2022@2, cũng không phải unit, stratum, psu, weight, fpc',
    'dòng 3, cột B (weight): trọng số phải là số dương (giá trị "-1")',
    'dòng 3, cột C (A_SEX): "3" không phải phương án của A_SEX (các mã: 1, 2)',
    'dòng 4, cột D (SV_ACC_1): "6" không phải phương án của SV_ACC_1 (các mã: 1, 2, 3, 4, 5)',
  ]);
  await expect(page.getByTestId("submitted-count")).toHaveText("0");

  const good = "\uFEFFunit;weight;A_SEX;Q8_PROC;SV_ACC_1\r\nD01;1,5;1;1;4\r\nD02;2;2;1;5\r\n";
  await page.getByLabel("Tệp CSV", { exact: true }).setInputFiles({ name: "phieu.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Kiểm tra và nhập" }).click();
  await expect(page.getByRole("status")).toContainText("Đã nhập 2 phiếu.");
  await expect(page.getByTestId("submitted-count")).toHaveText("2");
});
