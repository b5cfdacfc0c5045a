import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { answerWholeForm, newRound, signIn, sipas, sipasWithEnv, SKIP_CHOICES } from "./helpers";

const TMP = "tests/.tmp/e2e-fieldwork";
mkdirSync(TMP, { recursive: true });

function tmpFile(name: string, content: string): string {
  const path = join(TMP, `${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(path, content);
  return path;
}



/** A frame whose headers the importer does not know (the mapping step), with two bad rows. */
function frameWithOtherHeaders(rows: number): string {
  const csv = frameCsv({
    rows,
    seed: 11,
    headers: { name: "Công dân", phone: "Di động", unit: "Bộ phận giải quyết", date: "Ngày có kết quả", dossier: "Số hồ sơ" },
  });
  const lines = csv.split("\r\n");
  lines[4] = lines[4].replace(/,D0\d(-C0\d)?,/, ",KHONG-CO,"); // unknown unit on line 5
  lines[9] = lines[9].replace(/\d\d\/\d\d\/2022/, "31/02/2022"); // no such date on line 10
  return lines.join("\r\n");
}

test("staff upload a frame with a mapping step, see the plan, draw, download the mail-merge file and follow fieldwork", async ({ page }) => {
  test.setTimeout(120_000);
  const round = newRound("Đợt thực địa e2e");
  await signIn(page);
  await page.goto(`/staff/rounds/${round}/sample`);
  await expect(page.getByRole("link", { name: "Khung mẫu và chọn mẫu" })).toHaveClass(/active/);

  // 1. The units, uploaded on the page.
  await page.getByLabel("Tệp danh sách đơn vị (CSV)").setInputFiles(tmpFile("don-vi.csv", unitsCsv(factoryUnits(3, 2))));
  await page.getByRole("button", { name: "Tải lên danh sách đơn vị" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã cập nhật danh sách đơn vị" })).toContainText("+10");

  // 2. The frame: headers differ, so the columns are matched by hand.
  await page.getByLabel("Tệp khung mẫu (CSV)").setInputFiles(tmpFile("khung-mau.csv", frameWithOtherHeaders(300)));
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
  await expect(page).toHaveURL(/\/sample\/import\/[0-9a-f-]+$/);
  await expect(page.getByText(/khung-mau\.csv/)).toBeVisible();
  await expect(page.locator("[data-mapping-missing]")).toContainText("Họ và tên");
  await expect(page.locator("[data-mapping-missing]")).toContainText("Đơn vị");
  await page.getByLabel("Họ và tên *").selectOption({ label: "B · Công dân" });
  await page.getByLabel("Số điện thoại").selectOption({ label: "C · Di động" });
  await page.getByLabel("Đơn vị (mã hoặc tên) *").selectOption({ label: "E · Bộ phận giải quyết" });
  await page.getByLabel("Ngày trả kết quả").selectOption({ label: "H · Ngày có kết quả" });
  await page.getByLabel("Mã hồ sơ").selectOption({ label: "A · Số hồ sơ" });
  await page.getByRole("button", { name: "Kiểm tra và nhập khung mẫu" }).click();

  // Two bad rows: nothing is imported, each problem has its line and column.
  const problems = page.locator("[data-problems] li");
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toHaveText("dòng 5, cột E (Bộ phận giải quyết): “KHONG-CO” không phải đơn vị của đợt khảo sát (xem danh sách đơn vị)");
  await expect(problems.nth(1)).toContainText("dòng 10, cột H (Ngày có kết quả): “31/02/2022” không phải ngày hợp lệ");
  await expect(page.locator("[data-import-refused]")).toContainText("chưa nhập dòng nào");

  await page.getByRole("button", { name: /Chỉ nhập các dòng hợp lệ \(298\)/ }).click();
  await expect(page.locator("[data-import-done]")).toContainText("Đã nhập 298 người vào khung mẫu");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải các dòng bị loại (CSV)" }).click();
  const rejected = readFileSync(await (await download).path(), "utf8")
    .trimEnd()
    .split("\r\n");
  expect(rejected).toHaveLength(3);
  expect(rejected[0]).toMatch(/^\uFEFFDòng,Số hồ sơ,Công dân,Di động,/);
  expect(rejected[1]).toMatch(/^5,HS-2022-0000004,.*KHONG-CO.*không phải đơn vị/);
  const rejectedXlsx = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải các dòng bị loại (Excel)" }).click();
  const rejectedBook = new ExcelJS.Workbook();
  await rejectedBook.xlsx.readFile(await (await rejectedXlsx).path());
  const rws = rejectedBook.worksheets[0];
  expect([rws.getRow(1).getCell(1).value, rws.getRow(1).getCell(2).value, rws.rowCount]).toEqual(["Dòng", "Số hồ sơ", 3]);
  expect([rws.getRow(2).getCell(1).value, rws.getRow(2).getCell(2).value]).toEqual([5, "HS-2022-0000004"]);

  // 3. The design, its plan, the draw.
  await page.getByRole("link", { name: "Tiếp theo: thiết kế mẫu" }).click();
  await expect(page.locator("[data-frame-size]")).toHaveAttribute("data-frame-size", "298");
  await page.getByRole("checkbox", { name: "Đơn vị", exact: true }).uncheck();
  await page.getByRole("checkbox", { name: "Huyện (của đơn vị)" }).check();
  await page.getByRole("radio", { name: /Sai số tối đa ở độ tin cậy 95%/ }).check();
  await page.getByRole("textbox", { name: "sai số e (%)" }).fill("10");
  await page.getByRole("button", { name: "Xem phương án chọn mẫu" }).click();
  const plan = page.locator("table[data-plan=stratified]");
  await expect(plan.locator("tbody tr")).toHaveCount(6);
  await expect(plan.locator("tfoot")).toContainText("298");
  await expect(page.locator("[data-sum-pi]")).toContainText("= cỡ mẫu n = 73");
  await page.getByLabel(/Hạt giống ngẫu nhiên/).fill("20221015");
  await page.getByRole("button", { name: "Chọn mẫu", exact: true }).click();
  await expect(page.locator("[data-sample-drawn]")).toContainText("20221015");
  await expect(page.locator("[data-sample-drawn] .fw-kpis")).toContainText("73");

  // 4. Invitations: the mail-merge file, an outcome, a replacement from the reserve.
  await page.getByRole("link", { name: "Thư mời, phiếu in" }).click();
  const mm = page.waitForEvent("download");
  await page.locator("[data-mail-merge]").click();
  const merge = readFileSync(await (await mm).path(), "utf8")
    .trimEnd()
    .split("\r\n");
  expect(merge[0]).toBe("\uFEFFma_khao_sat,duong_dan,ho_ten,so_dien_thoai,dia_chi,ma_don_vi,don_vi,tinh_trang,thay_the_cho");
  expect(merge).toHaveLength(74);
  const [code, link, name] = merge[1].split(",");
  expect(link).toMatch(new RegExp(`/s/${code.replace("-", "")}\\?k=[\\w-]{16}$`));
  expect(name).toMatch(/\S+ \S+ \S+/);

  await page.getByPlaceholder("Mã khảo sát hoặc họ tên").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page.locator("[data-field-units] tbody tr")).toHaveCount(1);
  const row = page.locator(`tr[data-code="${code.replace("-", "")}"]`);
  await row.getByRole("combobox").selectOption("refused");
  await row.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toContainText(`Đã lưu tình trạng của ${code}`);
  await page
    .locator(`tr[data-code="${code.replace("-", "")}"]`)
    .getByRole("button", { name: "Thay bằng người dự phòng" })
    .click();
  await expect(page.getByRole("status")).toContainText(`Đã thay ${code} bằng người dự phòng số 1`);
  await page.getByPlaceholder("Mã khảo sát hoặc họ tên").fill("");
  await page.getByLabel("Tình trạng", { exact: true }).selectOption("refused");
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page.locator("[data-field-units] tbody tr")).toHaveCount(1);
  await expect(page.locator("[data-field-units] tbody tr")).toContainText(/đã thay bằng [2-9A-Z]{5}-[2-9A-Z]{5}/);

  // 5. Fieldwork: a questionnaire answered online shows as returned.
  await page.getByRole("link", { name: "Theo dõi thực địa" }).click();
  await expect(page.locator("table[data-dashboard] tfoot")).toContainText("298");
  await expect(page.locator("[data-returned]")).toHaveAttribute("data-returned", "0");
  const answerCode = merge[2].split(",")[0].replace("-", "");
  const citizen = await page.context().newPage();
  await citizen.goto(`/s/${answerCode}`);
  await answerWholeForm(citizen, SKIP_CHOICES); // every part of sipas-2022@2, to the thank-you page
  await citizen.close();
  await page.getByRole("link", { name: "Làm mới" }).click();
  await expect(page.locator("[data-returned]")).toHaveAttribute("data-returned", "1");
  const exportedXlsx = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải bảng theo dõi (Excel)" }).click();
  const dashBook = new ExcelJS.Workbook();
  await dashBook.xlsx.readFile(await (await exportedXlsx).path());
  const dws = dashBook.worksheets[0];
  expect(dws.getRow(1).getCell(6).value).toBe("Tỷ lệ trả lời");
  expect(dws.getRow(dws.rowCount).getCell(1).value).toBe("Tổng cộng");
  expect(dws.getRow(dws.rowCount).getCell(5).value).toBe(1);
  expect(dws.getRow(dws.rowCount).getCell(6).numFmt).toBe("0.00%");
  const exported = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải bảng theo dõi (CSV)" }).click();
  const dash = readFileSync(await (await exported).path(), "utf8")
    .trimEnd()
    .split("\r\n");
  expect(dash[0]).toBe(
    "\uFEFFTầng,Khung mẫu,Được chọn,Đã gửi,Đã trả lời,Tỷ lệ trả lời,Thay thế,Từ chối,Không liên lạc được,Không hợp lệ,Đã nhập phiếu,Đã kiểm tra,Mã tầng"
  );
  expect(dash.at(-1)).toMatch(/^Σ,298,73,2,1,0\.0135,1,1,0,0,0,0,$/);

  // 6. Weights adjusted for non-response, then the round closed and contacts purged.
  await page.getByRole("button", { name: "Áp dụng điều chỉnh trọng số" }).click();
  await expect(page.getByRole("status")).toContainText("Đã ghi trọng số sau điều chỉnh");
  await expect(page.locator("[data-adjustment]")).toContainText("Đã áp dụng lúc");
  // The adjustment's rate is not the dashboard's: each is named and the difference said.
  await expect(page.locator("[data-adjustment] th", { hasText: "Tỷ lệ trả lời theo suất mẫu" })).toBeVisible();
  await expect(page.locator("[data-two-rates]")).toContainText("Vì sao có hai tỷ lệ trả lời");
  await page.getByRole("button", { name: "Đóng đợt và xóa thông tin liên hệ" }).click();
  await expect(page.locator("[data-purge]")).toHaveCount(0); // the confirmation box is required first
  await page.getByLabel(/Tôi hiểu: thông tin liên hệ sẽ bị xóa/).check();
  await page.getByRole("button", { name: "Đóng đợt và xóa thông tin liên hệ" }).click();
  await expect(page.locator("[data-purge]")).toContainText("Đã xóa 298 bản ghi thông tin liên hệ");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the frame upload, the import and the plan work as plain forms", async ({ page }) => {
    const round = newRound("Đợt không JavaScript");
    sipas("units", "import", "--round", round, tmpFile("units.csv", unitsCsv(factoryUnits(2, 1))));
    await signIn(page);
    await page.goto(`/staff/rounds/${round}/sample`);
    await page.getByLabel("Tệp khung mẫu (CSV)").setInputFiles(tmpFile("frame.csv", frameCsv({ rows: 120, districts: 2, communesPerDistrict: 1, seed: 4 })));
    await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
    await expect(page.getByText("Đã nhận ra đủ các cột cần thiết.")).toBeVisible();
    await page.getByRole("button", { name: "Kiểm tra và nhập khung mẫu" }).first().click();
    await expect(page.locator("[data-import-done]")).toContainText("Đã nhập 120 người");
    await page.getByRole("link", { name: "Tiếp theo: thiết kế mẫu" }).click();
    await page.getByRole("button", { name: "Xem phương án chọn mẫu" }).click();
    await expect(page.locator("table[data-plan=stratified] tbody tr").first()).toBeVisible();
    await expect(page.locator("[data-sum-pi]")).toContainText("n = 93");
  });
});

test("a bad frame (not UTF-8) imports nothing and says which line", async ({ page }) => {
  const round = newRound("Đợt tệp sai mã");
  sipas("units", "import", "--round", round, tmpFile("units.csv", unitsCsv(factoryUnits(1, 1))));
  await signIn(page);
  await page.goto(`/staff/rounds/${round}/sample`);
  const latin1 = Buffer.concat([
    Buffer.from("Họ và tên,Số điện thoại,Đơn vị\nAn,0912345678,D01\n"),
    Buffer.from([0x42, 0xec, 0x6e, 0x68]),
    Buffer.from(",0912345679,D01\n"),
  ]);
  const path = join(TMP, `latin1-${Date.now()}.csv`);
  writeFileSync(path, latin1);
  await page.getByLabel("Tệp khung mẫu (CSV)").setInputFiles(path);
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
  await page.getByRole("button", { name: "Kiểm tra và nhập khung mẫu" }).first().click();
  await expect(page.locator("[data-import-refused]")).toContainText("Tệp không phải văn bản UTF-8 (dòng 3)");
  await page.goto(`/staff/rounds/${round}/sample`);
  await expect(page.locator("[data-frame-size]")).toHaveAttribute("data-frame-size", "0");
});

test("contacts stay with the roles that need them, and other provinces do not see the round", async ({ page, request }) => {
  test.setTimeout(150_000); // seven CLI runs and three sign-ins: a minute alone on a busy two-core machine
  const round = newRound("Đợt phân quyền");
  sipas("units", "import", "--round", round, tmpFile("units.csv", unitsCsv(factoryUnits(1, 1))));
  sipas("frame", "import", "--round", round, tmpFile("frame.csv", frameCsv({ rows: 40, districts: 1, communesPerDistrict: 1 })));
  sipas("sample", "draw", "--round", round, "--size", "10", "--seed", "5");
  sipasWithEnv({ SIPAS_NEW_PASSWORD: "clerk-password-01" }, "staff", "create", "--username", `clerk.${round}`, "--role", "clerk", "--province", "P01");
  sipasWithEnv({ SIPAS_NEW_PASSWORD: "analyst-password-1" }, "staff", "create", "--username", `analyst.${round}`, "--role", "analyst", "--province", "P01");
  sipasWithEnv({ SIPAS_NEW_PASSWORD: "manager-p02-pass" }, "staff", "create", "--username", `manager.p02.${round}`, "--role", "manager", "--province", "P02");

  for (const user of [`clerk.${round}`, `analyst.${round}`]) {
    await page.context().clearCookies();
    await signIn(page, user, user.startsWith("clerk") ? "clerk-password-01" : "analyst-password-1");
    await page.goto(`/staff/rounds/${round}`);
    await expect(page.getByRole("link", { name: "Thư mời, phiếu in" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Theo dõi thực địa" })).toHaveCount(0);
    for (const path of ["invitations/mail-merge", "invitations", "sample", "fieldwork", "fieldwork/export"]) {
      const res = await page.request.get(`/staff/rounds/${round}/${path}`);
      expect(res.status(), `${user} ${path}`).toBe(403);
      expect(await res.text()).not.toMatch(/09\d{8}/);
    }
  }

  await page.context().clearCookies();
  await signIn(page, `manager.p02.${round}`, "manager-p02-pass");
  for (const path of ["sample", "invitations", "invitations/mail-merge", "fieldwork"]) {
    const res = await page.request.get(`/staff/rounds/${round}/${path}`);
    expect(res.status(), path).toBe(404);
  }
  // A forged form without the CSRF token changes nothing.
  const forged = await page.request.post(`/staff/rounds/${round}/fieldwork`, { form: { intent: "close", confirm: "yes" } });
  expect([403, 404]).toContain(forged.status());
  const anonymous = await request.get(`/staff/rounds/${round}/invitations/mail-merge`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
});
