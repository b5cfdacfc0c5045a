import { expect, test } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "../../playwright.config";
import { issueCodes, sipas, sipasWithEnv } from "./helpers";

test("staff sign in and see each round with its codes, drafts and submissions", async ({ page }) => {
  test.setTimeout(120_000); // four CLI runs and two sign-ins: over a minute on a loaded two-core machine
  const [round] = sipas("rounds", "create", "--definition", "sipas-2023@1", "--name", "Đợt kiểm thử nhân viên");
  issueCodes(4, round);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff/);
  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill("wrong password");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");

  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Các đợt khảo sát");
  await expect(page.locator('tr[data-round="demo"]')).toContainText("sipas-2022@2"); // the demo round is on the 2022 form's wording
  const row = page.locator(`tr[data-round="${round}"]`);
  await expect(row).toContainText("Đợt kiểm thử nhân viên");
  await expect(row.locator("td.num")).toHaveText(["4", "0", "0"]);
  issueCodes(3, round);
  await page.reload();
  await expect(row.locator("td.num")).toHaveText(["7", "0", "0"]);

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/staff\/login/);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/login/);
});

test("province staff see only the rounds of their province", async ({ page }) => {
  const [round] = sipas("rounds", "create", "--definition", "sipas-2022@1", "--name", "Đợt của tỉnh P77", "--province", "P77");
  sipasWithEnv({ SIPAS_NEW_PASSWORD: "province-password-77" }, "staff", "create", "--username", "canbo.p77", "--role", "manager", "--province", "P77");
  await page.goto("/staff/login");
  await page.getByLabel("Tên đăng nhập").fill("canbo.p77");
  await page.getByLabel("Mật khẩu").fill("province-password-77");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Các đợt khảo sát");
  await expect(page.locator(`tr[data-round="${round}"]`)).toBeVisible();
  await expect(page.locator('tr[data-round="demo"]')).toHaveCount(0);
  await expect(page.locator("tbody tr")).toHaveCount(1);
});

test("a forged staff form without the CSRF token is refused", async ({ page, request }) => {
  const res = await request.post("/staff/login", { form: { username: "admin", password: E2E_ADMIN_PASSWORD }, maxRedirects: 0 });
  expect(res.status()).toBe(403);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/login/);
});

test("unknown and malformed codes get a clear message, never a server error", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Mã khảo sát").fill("ABC");
  await page.getByRole("button", { name: "Bắt đầu trả lời" }).click();
  await expect(page.getByRole("alert")).toContainText("Mã khảo sát gồm 10 ký tự");
  await expect(page.getByLabel("Mã khảo sát")).toHaveValue("ABC");

  const [real] = issueCodes();
  const typo = real.slice(0, 9) + (real[9] === "A" ? "B" : "A");
  await page.getByLabel("Mã khảo sát").fill(typo);
  await page.getByRole("button", { name: "Bắt đầu trả lời" }).click();
  await expect(page.getByRole("alert")).toContainText("gõ nhầm một ký tự");

  for (const path of ["/s/NOT-A-CODE", "/s/%F0%9F%98%80", "/s/" + "Z".repeat(300)]) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBeLessThan(500);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Mã");
  }
});

test.describe("a client guessing codes", () => {
  test.use({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.77" } });
  test("is stopped after 10 unknown codes, even when it then tries a real one; a neighbour behind the same address is not", async ({ page, browser }) => {
    const { generateCode } = await import("../../app/domain/codes");
    const { randomBytes } = await import("node:crypto");
    await page.goto("/"); // the browser gets its id (ADR 023): its unknown codes are its own
    for (let i = 0; i < 10; i++) {
      const res = await page.goto(`/s/${generateCode((n) => randomBytes(n))}`);
      expect(res!.status()).toBe(404);
    }
    const [real] = issueCodes();
    const res = await page.goto(`/s/${real}`);
    expect(res!.status()).toBe(429);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("quá nhiều mã không đúng");
    // Another person on the same mobile-network address, in a browser of their own, opens their code.
    const neighbour = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.77" } });
    const other = await neighbour.newPage();
    await other.goto("/");
    await other.getByLabel("Mã khảo sát").fill(real);
    await other.getByRole("button", { name: "Bắt đầu trả lời" }).click();
    await expect(other).toHaveURL(new RegExp(`/s/${real}$`));
    await neighbour.close();
  });
});

test("the visible switch shows the form in English and keeps the choice", async ({ page }) => {
  const [code] = issueCodes();
  await page.goto(`/s/${code}`);
  await page.getByRole("link", { name: "Chuyển sang tiếng Anh" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("group", { name: /^1\. Sex/ })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Citizen satisfaction survey");
  await page.getByRole("link", { name: "Switch to Vietnamese" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Khảo sát sự hài lòng của người dân");
});

test("the form can be answered with the keyboard alone, with a visible focus", async ({ page }) => {
  const [code] = issueCodes();
  await page.goto(`/s/${code}`);
  await page.keyboard.press("Tab"); // skip link
  await expect(page.getByRole("link", { name: "Bỏ qua, đến nội dung chính" })).toBeFocused();
  // Tab to the first radio group and pick the second option with an arrow key.
  const first = page.locator('input[name="A_SEX"]').first();
  await first.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.locator('input[name="A_SEX"][value="2"]')).toBeChecked();
  const outline = await page.locator('input[name="A_SEX"][value="2"]').evaluate((el) => {
    const label = el.closest("label")!;
    return getComputedStyle(label).outlineStyle;
  });
  expect(outline).not.toBe("none");
});
