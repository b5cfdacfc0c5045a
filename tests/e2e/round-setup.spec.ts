import { expect, test } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { factoryUnits, unitsCsv } from "../fixtures/frame-factory";
import { createStaff, signIn } from "./helpers";

const TMP = "tests/.tmp/e2e-round-setup";
mkdirSync(TMP, { recursive: true });

test("a province manager creates a round in the browser, changes its period, and closes it after a confirmation", async ({ page }) => {
  createStaff("quanly.p07", "manager", "quản lý tỉnh bảy mươi", "P07");
  await signIn(page, "quanly.p07", "quản lý tỉnh bảy mươi");
  // Another province's rounds are not listed; the way to start one is.
  await expect(page.getByText("Chưa có đợt khảo sát nào.")).toBeVisible();
  await page.getByRole("link", { name: "Tạo đợt khảo sát mới" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tạo đợt khảo sát mới");

  const definitions = await page.getByLabel("Bộ câu hỏi (chỉ các phiên bản đã công bố)").locator("option").allTextContents();
  // Both 2022 versions stay on offer: @2 (the Ministry form's wording, the demo's) and @1 for rounds that keep it.
  expect(definitions.some((d) => d.startsWith("sipas-2022@1"))).toBe(true);
  expect(definitions.some((d) => d.startsWith("sipas-2022@2"))).toBe(true);
  await expect(page.locator("[data-fixed-province]")).toHaveText("Tài khoản của bạn thuộc tỉnh P07; đợt khảo sát sẽ thuộc tỉnh này.");

  // A mistake first: the end before the start. The form keeps what was typed.
  await page.getByLabel("Bộ câu hỏi (chỉ các phiên bản đã công bố)").selectOption("sipas-2022@2");
  await page.getByLabel("Tên đợt khảo sát").fill("Tỉnh Bảy – SIPAS 2022");
  await page.getByLabel("Từ ngày").fill("2022-10-31");
  await page.getByLabel("Đến ngày").fill("2022-08-01");
  await page.getByLabel("Đầu mối hỗ trợ người dân").fill("Sở Nội vụ tỉnh Bảy, 0205 3812 345");
  await page.getByLabel("Mã đợt (không bắt buộc)").fill("tinh-bay-2022");
  const units = join(TMP, `units-${Date.now()}.csv`);
  writeFileSync(units, unitsCsv(factoryUnits(2, 2)));
  await page.getByRole("radio", { name: "Tải lên tệp danh sách đơn vị (CSV)" }).check();
  await page.getByLabel("Tệp danh sách đơn vị (CSV)", { exact: true }).setInputFiles(units);
  await page.getByRole("button", { name: "Tạo đợt khảo sát" }).click();
  await expect(page.getByText("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.")).toBeVisible();
  await expect(page.getByLabel("Tên đợt khảo sát")).toHaveValue("Tỉnh Bảy – SIPAS 2022");

  await page.getByLabel("Từ ngày").fill("2022-08-01");
  await page.getByLabel("Đến ngày").fill("2022-09-30");
  await page.getByLabel("Tệp danh sách đơn vị (CSV)", { exact: true }).setInputFiles(units);
  await page.getByRole("button", { name: "Tạo đợt khảo sát" }).click();
  await expect(page).toHaveURL(/\/staff\/rounds\/tinh-bay-2022\/sample$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tỉnh Bảy – SIPAS 2022");
  await expect(page.getByText(/7\s+đơn vị/)).toBeVisible();

  // The settings page: the period can change until the draw.
  await page.getByRole("navigation", { name: "Các trang của đợt khảo sát" }).getByRole("link", { name: "Cài đặt" }).click();
  await expect(page.getByLabel("Đến ngày")).toHaveValue("2022-09-30");
  await page.getByLabel("Đến ngày").fill("2022-10-31");
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.locator("[data-settings-saved]")).toContainText("Đã lưu thay đổi.");
  await expect(page.getByLabel("Đến ngày")).toHaveValue("2022-10-31");

  // Closing says what it deletes and needs the box ticked.
  await expect(page.locator("[data-close-explain]")).toContainText("xóa vĩnh viễn họ tên, số điện thoại và địa chỉ của 0 người");
  await page.getByLabel("Tôi hiểu rằng đóng đợt sẽ xóa thông tin liên hệ và không thể hoàn tác.").check();
  await page.getByRole("button", { name: "Đóng đợt và xóa thông tin liên hệ" }).click();
  await expect(page.locator("[data-close-result]")).toContainText("Đã đóng đợt khảo sát và xóa thông tin liên hệ của 0 người lúc");
  await expect(page.locator("[data-close-result]")).toContainText("(giờ Việt Nam, UTC+7)");
  await expect(page.locator("[data-settings-locked]")).toContainText("đã đóng nên không sửa được nữa");
});

test("a clerk is not offered round creation and cannot open the page", async ({ page }) => {
  createStaff("nhaplieu.p07", "clerk", "nhập liệu tỉnh bảy", "P07");
  await signIn(page, "nhaplieu.p07", "nhập liệu tỉnh bảy");
  await expect(page.getByRole("link", { name: "Tạo đợt khảo sát mới" })).toHaveCount(0);
  const response = await page.goto("/staff/rounds/new");
  expect(response?.status()).toBe(403);
});
