// Takes the documentation screenshots from a running app (default http://localhost:3000):
//   node tests/tools/screenshots.mjs [base-url]
// Codes come from the CLI against the same DATABASE_URL as the server.
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";

const base = process.argv[2] ?? "http://localhost:3000";
const code = () => execFileSync("node", ["bin/sipas.mjs", "codes", "issue", "--round", "demo", "--count", "1"], { encoding: "utf8" }).trim();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function shoot(name, { width, height, lang, path, prepare }) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: width < 500 ? 2 : 1 });
  const page = await context.newPage();
  await page.goto(`${base}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
  if (prepare) await prepare(page);
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false });
  await context.close();
  console.log(`docs/screenshots/${name}.png`);
}

const pick = async (page, name, value) => page.locator(`input[name="${name}"][value="${value}"]`).check();

await shoot("form-phone-vi", {
  width: 390, height: 844, lang: "vi", path: `/s/${code()}`,
  prepare: async (page) => { await pick(page, "A_SEX", "2"); await pick(page, "A_AGE", "3"); },
});
await shoot("form-desktop-en", {
  width: 1280, height: 900, lang: "en", path: `/s/${code()}`,
  prepare: async (page) => { await pick(page, "A_SEX", "1"); },
});
await shoot("form-error-phone-vi", {
  width: 390, height: 844, lang: "vi", path: `/s/${code()}`,
  prepare: async (page) => {
    await pick(page, "A_SEX", "1");
    await page.getByRole("button", { name: "Lưu và tiếp tục" }).click();
    await page.locator(".error-summary").waitFor();
  },
});
await shoot("home-phone-vi", { width: 390, height: 700, lang: "vi", path: "/" });
await browser.close();
