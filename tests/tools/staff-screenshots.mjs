// Screenshots of the accounts, password, audit and round-history pages (Vietnamese, 390 and 1280 px) from a running
// app whose first admin's password is given:  node tests/tools/staff-screenshots.mjs <base-url> <admin-password>
import { chromium } from "@playwright/test";

const [base = "http://localhost:3000", adminPassword = process.env.SIPAS_ADMIN_PASSWORD] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function signedIn(width, username, password) {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, deviceScaleFactor: width < 500 ? 2 : 1, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(`${base}/staff/login`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((u) => !u.pathname.endsWith("/login"), { timeout: 60_000 });
  await page.waitForLoadState("load");
  return page;
}

async function shot(page, name) {
  const path = `docs/screenshots/${name}.png`;
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: page.viewportSize().width, height: Math.min(await page.evaluate(() => document.documentElement.scrollHeight), 1500) } });
  console.log(path);
}

for (const [device, width] of [["phone", 390], ["desktop", 1280]]) {
  const admin = await signedIn(width, "admin", adminPassword);
  await admin.goto(`${base}/staff/accounts`);
  const username = `canbo.${device}`;
  await admin.getByLabel("Tên đăng nhập").fill(username);
  await admin.getByLabel("Họ và tên").fill("Trần Văn Minh");
  await admin.getByLabel("Vai trò").selectOption("manager");
  await admin.getByLabel("Phạm vi tỉnh (mã tỉnh)").fill("P01");
  await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
  await admin.getByTestId("one-time-password").waitFor();
  const oneTime = (await admin.getByTestId("one-time-password").textContent()).trim();
  await shot(admin, `accounts-${device}-vi`);

  const manager = await signedIn(width, username, oneTime);
  await shot(manager, `password-first-${device}-vi`);
  await manager.getByLabel("Mật khẩu hiện tại").fill(oneTime);
  await manager.getByLabel("Mật khẩu mới", { exact: true }).fill("nắng sớm trên đồi chè");
  await manager.getByLabel("Nhập lại mật khẩu mới").fill("nắng sớm trên đồi chè");
  await manager.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await manager.waitForURL(/\/staff$/);
  await manager.goto(`${base}/staff/rounds/demo/history`);
  await shot(manager, `round-history-${device}-vi`);

  await admin.goto(`${base}/staff/audit`);
  await shot(admin, `audit-${device}-vi`);
  await admin.context().close();
  await manager.context().close();
}
await browser.close();
