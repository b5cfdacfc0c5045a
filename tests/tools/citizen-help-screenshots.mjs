// Screenshots of the citizen pages that carry the help contact (code entry, an unknown code, a closed round's code,
// an address no page has),
// Vietnamese, 390 and 1280 px, from a running app:  node tests/tools/citizen-help-screenshots.mjs <base-url> <closed-round-code>
import { chromium } from "@playwright/test";

const [base, closedCode] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
for (const [device, width] of [["phone", 390], ["desktop", 1280]]) {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, locale: "vi-VN" });
  const page = await context.newPage();
  for (const [name, path] of [
    ["home", "/"],
    ["code-unknown", "/s/ABCDEFGHJK"],
    ["code-closed", `/s/${closedCode}`],
    ["page-unknown", "/thu-moi/khao-sat"],
  ]) {
    await page.goto(`${base}${path}`);
    const file = `docs/screenshots/${name}-${device}-vi.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await context.close();
}
await browser.close();
