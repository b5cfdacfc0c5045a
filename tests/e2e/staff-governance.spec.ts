/**
 * Issue 10's done-means, accounts and audit half: on a fresh install (the server's own database, seeded by
 * `sipas demo seed` as `npm start` does) an admin creates a manager scoped to a province in the browser; the manager must
 * replace the one-time password; the admin sees it all in the audit trail; a cookie copied before sign-out opens
 * nothing afterwards; a deactivated account cannot sign in.
 */
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { signIn } from "./helpers";

const TMP = "tests/.tmp/e2e-staff-governance";
mkdirSync(TMP, { recursive: true });
function tmpFile(name: string, content: string): string {
  const path = join(TMP, `${Date.now()}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** The manager's round, as in round-from-web.spec.ts: created with its units, a frame whose October rows the period leaves out, the period widened, the draw, the mail merge. */
async function runRound(page: Page) {
  await page.getByRole("link", { name: "Tạo đợt khảo sát mới" }).first().click();
  await page.getByLabel("Bộ câu hỏi (chỉ các phiên bản đã công bố)").selectOption("sipas-2022@2");
  await page.getByLabel("Tên đợt khảo sát").fill("Tỉnh P01 – kiểm tra nhật ký");
  await page.getByLabel("Mã đợt (không bắt buộc)").fill("nhat-ky-p01");
  await page.getByLabel("Từ ngày").fill("2022-08-01");
  await page.getByLabel("Đến ngày").fill("2022-09-30");
  await page.getByRole("radio", { name: "Tải lên tệp danh sách đơn vị (CSV)" }).check();
  await page.getByLabel("Tệp danh sách đơn vị (CSV)", { exact: true }).setInputFiles(tmpFile("don-vi.csv", unitsCsv(factoryUnits(2, 2))));
  await page.getByRole("button", { name: "Tạo đợt khảo sát" }).click();
  await expect(page).toHaveURL(/\/staff\/rounds\/nhat-ky-p01\/sample$/);
  await page.getByLabel("Tệp khung mẫu (CSV)").setInputFiles(tmpFile("khung-mau.csv", frameCsv({ rows: 150, districts: 2, communesPerDistrict: 2, seed: 31 })));
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
  await expect(page).toHaveURL(/\/sample\/import\/[0-9a-f-]+$/);
  await page.getByRole("button", { name: "Kiểm tra và nhập khung mẫu" }).click();
  await expect(page.locator("[data-import-refused]")).toContainText("chưa nhập dòng nào");
  await page.getByLabel("Đến ngày").fill("2022-10-31");
  await page.getByRole("button", { name: "Lưu thời gian và kiểm tra lại tệp" }).click();
  await expect(page.locator("[data-import-done]")).toContainText("Đã nhập 150 người vào khung mẫu");
  await page.getByRole("link", { name: "Tiếp theo: thiết kế mẫu" }).click();
  await page.getByRole("checkbox", { name: "Đơn vị", exact: true }).uncheck();
  await page.getByRole("radio", { name: /Cố định n =/ }).check();
  await page.getByRole("spinbutton", { name: "n", exact: true }).fill("30");
  await page.getByRole("button", { name: "Xem phương án chọn mẫu" }).click();
  await page.getByLabel(/Hạt giống ngẫu nhiên/).fill("2026");
  await page.getByRole("button", { name: "Chọn mẫu", exact: true }).click();
  await expect(page.locator("[data-sample-drawn]")).toContainText("2026");
  await page.getByRole("link", { name: "Thư mời, phiếu in" }).click();
  const download = page.waitForEvent("download");
  await page.locator("[data-mail-merge]").click();
  expect(readFileSync(await (await download).path(), "utf8").trimEnd().split("\r\n")).toHaveLength(31);
}

const MANAGER = "quanly.p01";
const NEW_PASSWORD = "đồng lúa chín vàng ươm";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Đăng xuất" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng nhập cán bộ");
}

async function login(page: Page, username: string, password: string) {
  await page.goto("/staff/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

test("an admin creates a manager; the manager must change the password; sign-out ends the session; the audit trail shows it all; a deactivated account cannot sign in", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin);
  await admin.getByRole("navigation", { name: "Trang của cán bộ" }).getByRole("link", { name: "Tài khoản" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Tài khoản cán bộ");
  await admin.getByLabel("Tên đăng nhập").fill(MANAGER);
  await admin.getByLabel("Họ và tên").fill("Nguyễn Thị Quản Lý");
  await admin.getByLabel("Vai trò").selectOption("manager");
  await admin.getByLabel("Phạm vi tỉnh (mã tỉnh)").fill("P01");
  await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Đã tạo tài khoản “${MANAGER}”.`);
  const oneTime = (await admin.getByTestId("one-time-password").textContent())!.trim();
  expect(oneTime).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  const row = admin.locator(`tr[data-username="${MANAGER}"]`);
  await expect(row).toContainText("Cán bộ quản lý");
  await expect(row).toContainText("P01");
  await expect(row).toContainText("chưa đổi mật khẩu dùng một lần");
  // Shown once: the page read again does not show it.
  await admin.goto("/staff/accounts");
  await expect(admin.getByTestId("one-time-password")).toHaveCount(0);
  await signOut(admin);

  // The manager: the one-time password leads to the password page, and nowhere else until it is changed.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await login(manager, MANAGER, oneTime);
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Đổi mật khẩu");
  await expect(manager.getByText("Bạn đang dùng mật khẩu dùng một lần.")).toBeVisible();
  await manager.goto("/staff/rounds/demo/data");
  await expect(manager).toHaveURL(/\/staff\/password$/);
  await manager.getByLabel("Mật khẩu hiện tại").fill(oneTime);
  await manager.getByLabel("Mật khẩu mới", { exact: true }).fill("password123");
  await manager.getByLabel("Nhập lại mật khẩu mới").fill("password123");
  await manager.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(manager.getByRole("alert")).toContainText("quá phổ biến");
  await manager.getByLabel("Mật khẩu hiện tại").fill(oneTime);
  await manager.getByLabel("Mật khẩu mới", { exact: true }).fill(NEW_PASSWORD);
  await manager.getByLabel("Nhập lại mật khẩu mới").fill(NEW_PASSWORD);
  await manager.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Các đợt khảo sát");
  await runRound(manager);
  await manager.goto("/staff");
  // Province staff see their province's rounds; a download is recorded with the round.
  await expect(manager.locator('tr[data-round="demo"]')).toBeVisible();
  const codebook = await manager.request.get("/staff/rounds/demo/data/codebook.csv");
  expect(codebook.status()).toBe(200);
  // A manager is no admin: the accounts and audit pages are refused, and not in the menu.
  await expect(manager.getByRole("navigation", { name: "Trang của cán bộ" }).getByRole("link", { name: "Tài khoản" })).toHaveCount(0);
  expect((await manager.goto("/staff/audit"))?.status()).toBe(403);
  await manager.goto("/staff");
  const copied = await managerContext.cookies();
  await signOut(manager);

  // The cookie copied before sign-out opens nothing afterwards.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/staff");
  await expect(stolen).toHaveURL(/\/staff\/login/);
  expect((await stolen.request.get("/staff/rounds/demo/data/codebook.csv", { maxRedirects: 0 })).status()).toBe(302);
  await thief.close();

  // The admin sees every one of those actions, in Vietnam time with the zone said.
  await signIn(admin);
  await admin.goto(`/staff/audit?user=${MANAGER}`);
  await expect(admin.getByRole("columnheader", { name: "Thời gian (giờ Việt Nam, UTC+7)" })).toBeVisible();
  const actions = async () => (await admin.locator("tbody tr td:nth-child(3)").allTextContents()).reverse();
  expect(await actions()).toEqual([
    "Đăng nhập",
    "Đổi mật khẩu",
    "Tạo đợt khảo sát",
    "Nhập khung mẫu",
    "Sửa đợt khảo sát",
    "Nhập khung mẫu",
    "Xem phương án chọn mẫu",
    "Chọn mẫu",
    "Tải tệp trộn thư (có thông tin liên hệ)",
    "Tải dữ liệu",
    "Đăng xuất",
  ]);
  await expect(admin.locator('tr[data-action="sample.draw"]')).toContainText("seed=2026");
  await expect(admin.locator('tr[data-action="round.create"]')).toContainText("nhat-ky-p01");
  await expect(admin.locator('tr[data-action="export"]')).toContainText("demo");
  await expect(admin.locator('tr[data-action="export"]')).toContainText("codebook");
  await admin.goto("/staff/audit?action=account.create");
  await expect(admin.locator('tr[data-action="account.create"]').filter({ hasText: MANAGER })).toContainText("admin");
  // The same filters as a CSV file.
  await admin.goto(`/staff/audit?user=${MANAGER}`);
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Tải về (CSV)" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("\uFEFFthoi_gian_vn,thoi_gian_utc,nguoi_thuc_hien,hanh_dong,ma_hanh_dong,dot_khao_sat,doi_tuong,chi_tiet,ma_ban_ghi");
  expect(csv).toContain(",quanly.p01,Đổi mật khẩu,account.password_change,");
  // … and as an Excel workbook: headers in Vietnamese, the time a date cell, the same rows.
  const [xlsx] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Tải về (Excel)" }).click()]);
  expect(xlsx.suggestedFilename()).toBe("nhat-ky.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await xlsx.path())!);
  const sheet = book.worksheets[0];
  expect(sheet.name).toBe("Nhật ký");
  expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(["Thời gian (giờ Việt Nam)", "Thời gian (UTC)", "Người thực hiện", "Thao tác"]);
  expect(sheet.rowCount - 1).toBe(csv.trimEnd().split("\r\n").length - 1);
  expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.Date);
  expect(sheet.getColumn(4).values).toContain("Đổi mật khẩu");
  // A round's History tab downloads that round's records only (the manager may too: role-matrix.spec.ts).
  await admin.goto("/staff/rounds/nhat-ky-p01/history");
  const [history] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Tải về (Excel)" }).click()]);
  const historyBook = new ExcelJS.Workbook();
  await historyBook.xlsx.readFile((await history.path())!);
  const rounds = historyBook.worksheets[0].getColumn(6).values.slice(2);
  expect(rounds.length).toBeGreaterThanOrEqual(6);
  expect(new Set(rounds)).toEqual(new Set(["nhat-ky-p01"]));
  expect(historyBook.worksheets[0].getColumn(4).values).toContain("Chọn mẫu");

  // Deactivation, after a confirmation: the account cannot sign in, even with the right password.
  await admin.goto("/staff/accounts");
  await row.getByRole("link", { name: `Khóa: ${MANAGER}` }).click();
  await expect(admin.getByText(`Khóa tài khoản “${MANAGER}”?`)).toBeVisible();
  await admin.getByRole("button", { name: "Khóa", exact: true }).click();
  await expect(admin.getByRole("status")).toContainText(`Đã khóa tài khoản “${MANAGER}”`);
  await expect(row).toContainText("Đã khóa");
  await login(manager, MANAGER, NEW_PASSWORD);
  await expect(manager.getByRole("alert")).toHaveText("Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên.");
  await admin.goto("/staff/audit?action=account.deactivate");
  await expect(admin.locator('tr[data-action="account.deactivate"]')).toContainText(MANAGER);
});

test("an admin edits an account's name, role and province; the person's next page follows the new scope, and the change is in the audit trail", async ({ browser }) => {
  test.setTimeout(180_000);
  const EDITED = "canbo.sua";
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin);
  await admin.goto("/staff/accounts");
  await admin.getByLabel("Tên đăng nhập").fill(EDITED);
  await admin.getByLabel("Họ và tên").fill("Lê Văn Nhập");
  await admin.getByLabel("Vai trò").selectOption("clerk");
  await admin.getByLabel("Phạm vi tỉnh (mã tỉnh)").fill("P02");
  await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
  const oneTime = (await admin.getByTestId("one-time-password").textContent())!.trim();

  // The person signs in (with a new password): a clerk of P02 finds no demo round (it is P01's).
  const person = await (await browser.newContext()).newPage();
  await login(person, EDITED, oneTime);
  await person.getByLabel("Mật khẩu hiện tại").fill(oneTime);
  await person.getByLabel("Mật khẩu mới", { exact: true }).fill(NEW_PASSWORD);
  await person.getByLabel("Nhập lại mật khẩu mới").fill(NEW_PASSWORD);
  await person.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Các đợt khảo sát");
  expect((await person.goto("/staff/rounds/demo"))?.status()).toBe(404);

  // The admin edits the account: a national manager now.
  const row = admin.locator(`tr[data-username="${EDITED}"]`);
  await row.getByRole("link", { name: `Sửa: ${EDITED}` }).click();
  await expect(admin.getByRole("heading", { name: `Sửa tài khoản “${EDITED}”` })).toBeVisible();
  await expect(admin.getByLabel("Họ và tên").first()).toHaveValue("Lê Văn Nhập");
  await admin.locator("#edit-displayName").fill("Lê Văn Quản");
  await admin.locator("#edit-role").selectOption("manager");
  await admin.locator("#edit-province").fill("");
  await admin.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Đã lưu thay đổi của tài khoản “${EDITED}”.`);
  await expect(row).toContainText("Lê Văn Quản");
  await expect(row).toContainText("Cán bộ quản lý");
  await expect(row).toContainText("toàn quốc");

  // Without signing in again, the person's next page follows the new role and scope.
  expect((await person.goto("/staff/rounds/demo/settings"))?.status()).toBe(200);
  await expect(person.getByLabel("Đến ngày")).toBeVisible();

  await admin.goto("/staff/audit?action=account.update");
  const record = admin.locator('tr[data-action="account.update"]').filter({ hasText: EDITED });
  await expect(record).toContainText("manager");
  await expect(record).toContainText("Lê Văn Quản");
});
