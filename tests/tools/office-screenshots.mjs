// Screenshots of the pages the office work changed (data, results, fieldwork, comparison), Vietnamese, 390 and 1280 px,
// from a running app:  node tests/tools/office-screenshots.mjs <base-url> <admin-password> <round> <baseline-round>
import { chromium } from "@playwright/test";

const [base, password, round, baseline] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
for (const [device, width] of [["phone", 390], ["desktop", 1280]]) {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(`${base}/staff/login`);
  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((u) => !u.pathname.endsWith("/login"), { timeout: 60_000 });
  for (const [name, path, anchor] of [
    ["staff-data", `data`],
    ["staff-results", `results?by=district`],
    ["staff-results-how", `results`, "#how"],
    ["staff-fieldwork", `fieldwork`],
    ["staff-fieldwork-rates", `fieldwork`, "[data-two-rates]"],
    ["staff-compare", `compare?baseline=${baseline}`],
  ]) {
    await page.goto(`${base}/staff/rounds/${round}/${path}`, { timeout: 120_000 });
    await page.waitForLoadState("networkidle", { timeout: 120_000 }).catch(() => undefined);
    let y = 0;
    if (anchor && !(await page.locator(anchor).count())) {
      console.log(`${name}: no ${anchor} on this round's page, not taken`);
      continue;
    }
    if (anchor) y = await page.locator(anchor).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY - 20);
    const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight) - y, 1500);
    const file = `docs/screenshots/${name}-${device}-vi.png`;
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width, height } });
    console.log(file);
  }
  await context.close();
}
await browser.close();
