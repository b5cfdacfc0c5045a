// Takes the screenshots of paper forms for docs/screenshots/ from a running app:
//   DATABASE_URL=<the server's database> SIPAS_ADMIN_PASSWORD=… node tests/tools/paper-screenshots.mjs [base-url] [codes to print…]
// print-*.png: the printable form on screen and the first pages of its PDF (rasterised with
// pdftoppm from poppler-utils, when installed); entry-*.png: the data-entry screen and the review.
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base = "http://localhost:3000", ...printCodes] = process.argv.slice(2);
const adminPassword = process.env.SIPAS_ADMIN_PASSWORD;
if (!adminPassword) throw new Error("set SIPAS_ADMIN_PASSWORD to the admin's password");
const cli = (...args) =>
  execFileSync("node", ["bin/sipas.mjs", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SIPAS_NEW_PASSWORD: "screenshot-clerk-pw" } }).trim();
const issue = (n) => cli("codes", "issue", "--round", "demo", "--count", String(n), "--channel", "paper").split("\n");
for (const name of ["canbo.nhap1", "canbo.nhap2"]) {
  try {
    cli("staff", "create", "--username", name, "--role", "clerk", "--name", name === "canbo.nhap1" ? "Lê Thị Hoa" : "Phạm Văn Minh");
  } catch {
    // already there from an earlier run
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function session(username, password, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.width < 500 ? 2 : 1, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(`${base}/staff/login?lang=vi`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(/\/staff$/);
  return page;
}
const shot = async (page, name) => {
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
  console.log(`docs/screenshots/${name}.png`);
};

// The printable form: on screen, then as PDF pages.
const codes = printCodes.length ? printCodes : issue(2);
const admin = await session("admin", adminPassword, { width: 1280, height: 1000 });
await admin.goto(`${base}/staff/rounds/demo/invitations/print?scope=codes&codes=${codes.join(",")}`);
await admin.locator(".pf-person").first().waitFor();
await shot(admin, "print-screen-desktop");
const pdfPath = join(mkdtempSync(join(tmpdir(), "sipas-print-")), "print.pdf");
await admin.pdf({ path: pdfPath, format: "A4", preferCSSPageSize: true });
try {
  const out = join(tmpdir(), `sipas-print-${Date.now()}`);
  execFileSync("pdftoppm", ["-r", "110", "-png", "-f", "1", "-l", "3", pdfPath, out]);
  const pages = readdirSync(tmpdir()).filter((f) => f.startsWith(out.split("/").pop())).sort();
  pages.forEach((f, i) => renameSync(join(tmpdir(), f), `docs/screenshots/print-pdf-page${i + 1}.png`));
  console.log(`docs/screenshots/print-pdf-page1..${pages.length}.png (from ${pdfPath})`);
} catch {
  console.log(`pdftoppm not found: the PDF is at ${pdfPath} (apt-get install poppler-utils to rasterise it)`);
}

// Data entry: a form half keyed with the keyboard, desktop and phone.
for (const [name, viewport] of [["entry-desktop", { width: 1280, height: 900 }], ["entry-phone", { width: 390, height: 844 }]]) {
  const page = await session("canbo.nhap1", "screenshot-clerk-pw", viewport);
  const [code] = issue(1);
  await page.goto(`${base}/staff/rounds/demo/entry?code=${code}`);
  await page.locator("#pe-A_SEX input:focus").waitFor();
  for (const key of viewport.width < 500 ? ["2", "3"] : ["2", "3", "1", "4"]) await page.keyboard.press(key);
  await page.waitForTimeout(150);
  await page.evaluate((y) => window.scrollTo(0, y), viewport.width < 500 ? 300 : 0);
  await shot(page, name);
  await page.context().close();
}

// A double-entered form with one difference, as the supervisor sees it.
await admin.goto(`${base}/staff/rounds/demo/entry`);
const toggle = admin.getByRole("button", { name: "Bật nhập hai lần" });
const wasSingle = (await toggle.count()) > 0;
if (wasSingle) await toggle.click();
const [reviewed] = issue(1);
for (const [clerk, differ] of [["canbo.nhap1", false], ["canbo.nhap2", true]]) {
  const page = await session(clerk, "screenshot-clerk-pw", { width: 1280, height: 900 });
  await page.goto(`${base}/staff/rounds/demo/entry?code=${reviewed}`);
  await page.locator("#pe-A_SEX input:focus").waitFor();
  for (let i = 0; i < 80 && !(await page.locator("[data-save]:focus").count()); i++) {
    const focused = await page.evaluate(() => document.activeElement?.closest("[data-q]")?.getAttribute("data-q") ?? "");
    if (focused === "COMMENT") {
      await page.keyboard.type(differ ? "Cán bộ nhiệt tình, cần thêm chỗ ngồi chờ" : "Cán bộ nhiệt tình, cần thêm chỗ ngồi chờ.");
      await page.keyboard.press("Enter");
      continue;
    }
    const key = focused === "Q8_PROC" ? "1" : focused === "P_QUAL_ROAD" && differ ? "3" : focused.startsWith("SV_") || focused.startsWith("P_") ? "4" : "1";
    await page.keyboard.press(key);
  }
  await page.keyboard.press("Enter");
  await page.getByRole("status").waitFor();
  await page.context().close();
}
await admin.goto(`${base}/staff/rounds/demo/entry/review?code=${reviewed}`);
await admin.locator(".pe-mismatch").first().waitFor();
await shot(admin, "entry-review-desktop");
if (wasSingle) {
  await admin.goto(`${base}/staff/rounds/demo/entry`);
  await admin.getByRole("button", { name: "Chuyển sang nhập một lần" }).click();
}
if (!existsSync("docs/screenshots")) throw new Error("run from the repository root");
await browser.close();
