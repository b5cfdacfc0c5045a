/**
 * Issue 10, part 1, as a province manager does it with only a browser: a round on sipas-2022, its units and frame
 * uploaded, a column the importer does not know decided, the rows the period leaves out counted and the period
 * changed, a second agency's file added to the frame (its dossier ids already in the first file reported), the draw,
 * the mail-merge file.
 */
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { createStaff, signIn } from "./helpers";

const TMP = "tests/.tmp/e2e-round-from-web";
mkdirSync(TMP, { recursive: true });

/** With SHOTS=1, the page as it is now at 390 and 1280 px, into docs/screenshots/ (the top of a long page). */
async function shot(page: Page, name: string, from?: string) {
  if (process.env.SHOTS !== "1") return;
  for (const [device, width, height] of [["phone", 390, 844], ["desktop", 1280, 900]] as const) {
    await page.setViewportSize({ width, height });
    const tall = await page.evaluate(() => document.documentElement.scrollHeight);
    const top = from ? await page.locator(from).evaluate((el) => Math.max(0, el.getBoundingClientRect().top + window.scrollY - 16)) : 0;
    await page.screenshot({ path: `docs/screenshots/${name}-${device}-vi.png`, fullPage: true, clip: { x: 0, y: top, width, height: Math.min(tall - top, 1500) } });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

function tmpFile(name: string, content: string): string {
  const path = join(TMP, `${Date.now()}-${name}`);
  writeFileSync(path, content);
  return path;
}

test("a manager creates a round in the browser, imports units and a frame, widens the period after seeing what it filters, draws and downloads the mail merge", async ({ page }) => {
  test.setTimeout(240_000);
  createStaff("quanly.p08", "manager", "quản lý tỉnh tám mươi", "P08");
  await signIn(page, "quanly.p08", "quản lý tỉnh tám mươi");

  // 1. The round: sipas-2022, August and September only, the units uploaded with it.
  await page.getByRole("link", { name: "Tạo đợt khảo sát mới" }).click();
  await shot(page, "round-new");
  await page.getByLabel("Bộ câu hỏi (chỉ các phiên bản đã công bố)").selectOption("sipas-2022@2");
  await page.getByLabel("Tên đợt khảo sát").fill("Tỉnh Tám – SIPAS 2022");
  await page.getByLabel("Mã đợt (không bắt buộc)").fill("tinh-tam-2022");
  await page.getByLabel("Từ ngày").fill("2022-08-01");
  await page.getByLabel("Đến ngày").fill("2022-09-30");
  await page.getByLabel("Đầu mối hỗ trợ người dân").fill("Sở Nội vụ tỉnh Tám, 0206 3852 000");
  await page.getByRole("radio", { name: "Tải lên tệp danh sách đơn vị (CSV)" }).check();
  await page.getByLabel("Tệp danh sách đơn vị (CSV)", { exact: true }).setInputFiles(tmpFile("don-vi.csv", unitsCsv(factoryUnits(2, 2))));
  await page.getByRole("button", { name: "Tạo đợt khảo sát" }).click();
  await expect(page).toHaveURL(/\/staff\/rounds\/tinh-tam-2022\/sample$/);
  await expect(page.locator("[data-frame-period]")).toContainText("Thời gian của đợt khảo sát là 01/08/2022 – 30/09/2022.");

  // 2. The frame: results returned August to October, and a column of notes the importer does not know.
  const lines = frameCsv({ rows: 150, districts: 2, communesPerDistrict: 2, seed: 31 }).trimEnd().split("\r\n");
  const october = lines.filter((l) => /\/10\/2022,/.test(l)).length;
  expect(october).toBeGreaterThan(20);
  const frame = lines.map((l, i) => `${l},${i === 0 ? "Ghi chú" : i % 7 ? "" : "gọi buổi chiều"}`).join("\r\n") + "\r\n";
  await page.getByLabel("Tệp khung mẫu (CSV)").setInputFiles(tmpFile("khung-mau.csv", frame));
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
  await expect(page).toHaveURL(/\/sample\/import\/[0-9a-f-]+$/);
  await expect(page.locator("[data-unmatched-notice]")).toContainText("Tệp có 1 cột chưa ghép với thông tin nào: K (Ghi chú).");
  await shot(page, "frame-unmatched-columns", "#mapping-title");
  await page.getByLabel(/^K · Ghi chú/).selectOption("ignore");
  await page.getByRole("button", { name: "Kiểm tra và nhập khung mẫu" }).click();

  // The period leaves the October rows out, said in plain words with the count.
  const outside = page.locator("[data-outside-period]");
  await expect(outside).toHaveAttribute("data-outside-period", String(october));
  await expect(outside).toHaveText(`${october} trong 150 dòng có ngày trả kết quả nằm ngoài thời gian của đợt (01/08/2022 – 30/09/2022) nên bị loại.`);
  await expect(page.locator("[data-import-refused]")).toContainText("chưa nhập dòng nào");
  await shot(page, "frame-period", "[data-frame-period]");

  // 3. The period widened in place; the same file is checked again and goes in whole.
  await page.getByLabel("Đến ngày").fill("2022-10-31");
  await page.getByRole("button", { name: "Lưu thời gian và kiểm tra lại tệp" }).click();
  await expect(page.locator("[data-import-done]")).toContainText("Đã nhập 150 người vào khung mẫu");
  await expect(page.locator("[data-outside-period]")).toHaveText("Không dòng nào bị loại vì thời gian của đợt.");

  await expect(page.locator("[data-frame-total]")).toHaveText("Khung mẫu hiện có 150 người từ 1 tệp.");

  // 4. A second agency's list added to the frame; two of its dossier ids are already in the first file.
  await page.getByRole("link", { name: "Tiếp theo: thiết kế mẫu" }).click();
  await expect(page.locator("[data-frame-file]")).toHaveCount(1);
  const second = frameCsv({ rows: 40, districts: 2, communesPerDistrict: 2, seed: 32 }).replace(/HS-2022-00000(?!0[12],)/g, "TP-2022-00000");
  await page.getByLabel("Tệp khung mẫu (CSV)").setInputFiles(tmpFile("so-tu-phap.csv", second));
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
  await expect(page).toHaveURL(/\/sample\/import\/[0-9a-f-]+$/);
  await expect(page.locator("[data-frame-target=add]")).toHaveText("Tệp này sẽ được thêm vào khung mẫu hiện có (150 người).");
  await page.getByRole("button", { name: "Kiểm tra và nhập khung mẫu" }).click();
  await expect(page.locator("[data-import-refused]")).toContainText("chưa nhập dòng nào");
  await expect(page.getByText(/dòng 2, cột A \(Mã hồ sơ\): mã hồ sơ “HS-2022-0000001” đã có trong tệp “\d+-khung-mau\.csv” của khung mẫu, dòng 2/)).toBeVisible();
  await page.getByRole("button", { name: "Chỉ nhập các dòng hợp lệ" }).click();
  await expect(page.locator("[data-import-done]")).toContainText("Đã nhập 38 người vào khung mẫu");
  await expect(page.locator("[data-frame-total]")).toHaveText("Khung mẫu hiện có 188 người từ 2 tệp.");
  await shot(page, "frame-second-file", "#import-title");

  // The sample page lists both files, with what each gave and who imported it.
  await page.getByRole("link", { name: "Tiếp theo: thiết kế mẫu" }).click();
  await expect(page.locator("[data-frame-size]")).toHaveAttribute("data-frame-size", "188");
  const files = page.locator("[data-frame-file]");
  await expect(files).toHaveCount(2);
  await expect(files.nth(1).locator("[data-rows-accepted]")).toHaveText("38");
  await expect(files.nth(1).locator("[data-rows-left-out]")).toHaveText("2");
  await expect(files.nth(1)).toContainText("quanly.p08");
  await expect(page.locator("[data-frame-total]")).toHaveText("Khung mẫu hiện có 188 người từ 2 tệp.");
  await shot(page, "frame-files", "#frame-title");

  // A period changed after the files went in does not reach them: the sample page names each file still filtered by
  // the old period; setting the period back makes them current again.
  const setPeriodEnd = async (end: string) => {
    await page.goto("/staff/rounds/tinh-tam-2022/settings");
    await page.getByLabel("Đến ngày").fill(end);
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(page.getByText("Đã lưu thay đổi.")).toBeVisible();
    await page.goto("/staff/rounds/tinh-tam-2022/sample");
  };
  await setPeriodEnd("2022-11-30");
  await expect(page.locator("[data-stale-files]")).toHaveText("2 tệp của khung mẫu được lọc theo thời gian cũ của đợt: hãy thay các tệp đó trước khi chọn mẫu.");
  await expect(files.nth(0).locator("[data-stale-period]")).toContainText(
    "Thời gian của đợt đã đổi thành 01/08/2022 – 30/11/2022 sau khi tệp này được nhập: tệp vẫn được lọc theo thời gian cũ 01/08/2022 – 31/10/2022"
  );
  await shot(page, "frame-files-old-period", "#frame-title");
  await setPeriodEnd("2022-10-31");
  await expect(page.locator("[data-frame-file]")).toHaveCount(2);
  await expect(page.locator("[data-stale-period], [data-stale-files]")).toHaveCount(0);

  // 5. The plan says the frame is then fixed; the draw.
  await page.getByRole("checkbox", { name: "Đơn vị", exact: true }).uncheck();
  await page.getByRole("radio", { name: /Cố định n =/ }).check();
  await page.getByRole("spinbutton", { name: "n", exact: true }).fill("30");
  await page.getByRole("button", { name: "Xem phương án chọn mẫu" }).click();
  await expect(page.locator("[data-frame-fixed-at-draw]")).toContainText("khung mẫu được cố định");
  await shot(page, "sample-before-draw", "#plan-title");
  await page.getByLabel(/Hạt giống ngẫu nhiên/).fill("2022");
  await page.getByRole("button", { name: "Chọn mẫu", exact: true }).click();
  await expect(page.locator("[data-sample-drawn]")).toContainText("2022");
  await expect(page.locator("[data-frame-period]")).toContainText("Mẫu đã được chọn: khung mẫu và thời gian của đợt đã cố định.");
  // No file can be added, replaced or removed any more.
  await expect(page.locator("[data-frame-fixed]")).toHaveText("Mẫu đã được chọn: khung mẫu đã cố định, không thể thêm, thay hay gỡ tệp.");
  await expect(page.getByLabel("Tệp khung mẫu (CSV)")).toHaveCount(0);
  await expect(page.getByText("Thay tệp", { exact: true })).toHaveCount(0);

  // The settings are now locked.
  await page.goto("/staff/rounds/tinh-tam-2022/settings");
  await expect(page.locator("[data-settings-locked]")).toContainText("đã chọn mẫu");
  await expect(page.getByLabel("Đến ngày")).toBeDisabled();
  await shot(page, "round-settings");

  // 6. The mail-merge file.
  await page.getByRole("link", { name: "Thư mời, phiếu in" }).click();
  const download = page.waitForEvent("download");
  await page.locator("[data-mail-merge]").click();
  const merge = readFileSync(await (await download).path(), "utf8").trimEnd().split("\r\n");
  expect(merge[0]).toBe("\uFEFFma_khao_sat,duong_dan,ho_ten,so_dien_thoai,dia_chi,ma_don_vi,don_vi,tinh_trang,thay_the_cho");
  expect(merge).toHaveLength(31);
  expect(merge.join("\n")).not.toContain("gọi buổi chiều");
});
