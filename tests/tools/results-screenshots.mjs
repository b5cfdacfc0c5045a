// Takes the results screenshots (Vietnamese, phone 390 px and desktop 1280 px) from a running app whose database
// was seeded by tests/tools/seed-results-demo.ts (with --big for the progress panel):
//   SIPAS_ADMIN_PASSWORD=... node tests/tools/results-screenshots.mjs [base-url]
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";
const password = process.env.SIPAS_ADMIN_PASSWORD;
if (!password) throw new Error("set SIPAS_ADMIN_PASSWORD to the admin password of the seeded database");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const sizes = { phone: { width: 390, height: 844, deviceScaleFactor: 2 }, desktop: { width: 1280, height: 900, deviceScaleFactor: 1 } };

async function signedInPage(size) {
  const { width, height, deviceScaleFactor } = sizes[size];
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(`${base}/staff/login?lang=vi`);
  await page.locator("#username").fill("admin");
  await page.locator("#password").fill(password);
  await page.locator("button[type=submit]").click();
  await page.waitForURL(/\/staff$/);
  return page;
}

/** Opens `path` and saves the element (or the viewport from `scrollTo`) as docs/screenshots/results-<name>-<size>-vi.png. */
async function shoot(name, path, { element, scrollTo, scrollOnPhone, waitFor = "[data-testid=headline], [data-testid=compare-statement]" } = {}) {
  for (const size of Object.keys(sizes)) {
    const page = await signedInPage(size);
    await page.goto(`${base}${path}`);
    if (waitFor) await page.locator(waitFor).first().waitFor({ timeout: 120_000 });
    const file = `docs/screenshots/results-${name}-${size}-vi.png`;
    if (element) await page.locator(element).first().screenshot({ path: file });
    else {
      const target = size === "phone" ? scrollOnPhone ?? scrollTo : scrollTo;
      if (target)
        await page
          .locator(target)
          .first()
          .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 12));
      await page.screenshot({ path: file });
    }
    console.log(file);
    await page.context().close();
  }
}

await shoot("page", "/staff/rounds/ls-2022/results?by=district", { scrollOnPhone: "#results-heading" });
await shoot("components", "/staff/rounds/ls-2022/results?by=district", { element: "[data-testid=chart-components]" });
await shoot("ranking", "/staff/rounds/ls-2022/results?by=district", { element: "[data-testid=chart-ranking]" });
await shoot("table", "/staff/rounds/ls-2022/results?by=district&group=H04", { scrollTo: "[data-testid=satisfaction-table]" });
await shoot("priorities", "/staff/rounds/ls-2022/results?by=district", { element: "[data-testid=chart-priorities]" });
await shoot("compare", "/staff/rounds/ls-2023/compare?baseline=ls-2022", { scrollTo: "[data-testid=compare-statement]" });
await shoot("change", "/staff/rounds/ls-2023/compare?baseline=ls-2022&acceptAll=true", { element: "[data-testid=chart-change]" });
// The progress panel: options of the large round that nobody computed yet (tried in turn; cached ones show results).
const probe = await signedInPage("desktop");
const big = await probe.goto(`${base}/staff/rounds/ls-big/results?by=none&weighted=true`);
await probe.context().close();
if (big?.ok()) {
  const candidates = ["none", "unit", "district", "A_SEX", "A_AGE", "A_EDU", "A_JOB", "A_AREA", "A_TERRAIN", "A_ETHNIC"].flatMap((by) =>
    ["logit", "wald"].flatMap((interval) => ["false", "true"].map((weighted) => `by=${by}&weighted=${weighted}&interval=${interval}&multiUnit=meanOfUnits`))
  );
  for (const size of Object.keys(sizes)) {
    const page = await signedInPage(size);
    while (candidates.length) {
      await page.goto(`${base}/staff/rounds/ls-big/results?${candidates.shift()}`);
      if (await page.locator("[data-testid=computing]").count()) break;
    }
    await page.waitForTimeout(2500);
    await page.locator("[data-testid=computing]").evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 12));
    const file = `docs/screenshots/results-progress-${size}-vi.png`;
    await page.screenshot({ path: file });
    console.log(file);
    await page.context().close();
  }
}
await browser.close();
