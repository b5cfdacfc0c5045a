/**
 * Issue 9, done means: a staff member makes sipas-2022@3 from @2 in the browser, adds a yes/no question and a policy
 * item shown only after it, meets a validation error and fixes it, previews at 390 px and answers the new question
 * there, compares with @2 and sees the change and its comparability consequence, publishes; a round is made on it
 * (on the round-creation page) and a citizen answers the new question. Also: the second of two concurrent
 * saves is refused in the browser with nothing overwritten, and a clerk reads but cannot edit.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../../db/connection";
import { E2E_DB } from "../../playwright.config";
import { answerPage, answerWholeForm, createStaff, issueCodes, signIn, SKIP_CHOICES } from "./helpers";

const DRAFT = "/staff/questionnaires/sipas-2022@3";
const TMP = "tests/.tmp/e2e-studio";
mkdirSync(TMP, { recursive: true });

/** Saves the open form and waits for this save's own notice (an earlier save's "Đã lưu" may still be on the page). */
async function save(page: Page, press?: () => Promise<void>) {
  const n = await revisionOf(page);
  await (press ? press() : page.getByRole("button", { name: "Lưu", exact: true }).click());
  await expect(page.getByRole("status")).toContainText(`Đã lưu (lần lưu thứ ${n + 1})`);
}
async function revisionOf(page: Page): Promise<number> {
  const facts = await page.locator(".studio-facts").first().textContent();
  return Number(/lần lưu thứ (\d+)/.exec(facts ?? "")?.[1] ?? Number.NaN);
}

test.describe.configure({ mode: "serial" });

test("a new version made, edited, previewed, compared and published in the browser; a citizen answers its new question", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await signIn(page);
  await page.getByRole("link", { name: "Bộ câu hỏi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bộ câu hỏi và các phiên bản");
  await page.getByRole("link", { name: "sipas-2022@2" }).click();
  await page.getByRole("button", { name: "Tạo phiên bản mới từ phiên bản này" }).click();
  await expect(page).toHaveURL(/\/staff\/questionnaires\/sipas-2022@3\?made=1/);
  await expect(page.getByText("Không còn lỗi")).toBeVisible();

  // A yes/no question at the end of part B8 (Q8): the new question opens with a proposed code.
  await page.getByRole("button", { name: "Thêm câu hỏi vào phần B8" }).click();
  await expect(page.getByRole("heading", { name: /^Sửa câu B8_\d+$/ })).toBeVisible();
  await expect(page.getByText(/Cần có nội dung tiếng Việt/).first()).toBeVisible(); // the validator speaks beside the field
  await page.getByLabel("Mã", { exact: true }).fill("Q8_ONLINE");
  await page.getByLabel("Nội dung câu hỏi (tiếng Việt)").fill("Nộp hồ sơ trực tuyến qua Cổng dịch vụ công");
  await save(page);
  await expect(page.getByRole("heading", { name: "Sửa câu Q8_ONLINE" })).toBeVisible();

  // A policy item in part C, asked only of those who filed online; first with a rule naming an option that does not exist.
  await page.getByRole("button", { name: "Thêm câu hỏi vào phần C" }).click();
  await expect(page.getByRole("heading", { name: /^Sửa câu C_\d+$/ })).toBeVisible();
  await page.getByLabel("Mã", { exact: true }).fill("P_INFO_ONLINE");
  await page.getByLabel("Loại").selectOption("satisfaction5");
  await page.getByLabel("Nội dung câu hỏi (tiếng Việt)").fill("Việc nộp hồ sơ trực tuyến dễ dàng, thuận tiện");
  await page.getByLabel("Phương án lấy từ").selectOption("sat5");
  await page.getByLabel("Câu hỏi (1)").selectOption("Q8_ONLINE");
  await page.getByLabel("Phép so (1)").selectOption("is");
  await page.getByLabel("Mã phương án (1)").fill("3");
  await save(page);
  await expect(page.locator(".studio-form .field-problem")).toContainText("Câu Q8_ONLINE không có phương án mã “3”");
  await expect(page.locator("[data-live-count]")).toHaveText("Còn 1 lỗi phải sửa");
  await page.getByLabel("Mã phương án (1)").fill("1");
  await page.locator('input[name="positive"][value="4"]').check();
  await page.locator('input[name="positive"][value="5"]').check();
  await save(page);
  await expect(page.locator(".studio-form .field-problem")).toHaveCount(0);
  await expect(page.getByText("Không còn lỗi")).toBeVisible();

  // Into the index tree: the information node gets the new item.
  await page.goto(`${DRAFT}?edit=node:POL_INFO#node-POL_INFO`);
  await expect(page.getByRole("heading", { name: "Sửa nút POL_INFO" })).toBeVisible();
  await page.getByRole("combobox", { name: "Nhánh 3", exact: true }).fill("P_INFO_ONLINE");
  await save(page);
  await expect(page.getByText("Không còn lỗi")).toBeVisible();

  // Preview at phone width: the new question appears after "yes" to the new yes/no question; nothing is stored.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
  const preview = await phone.newPage();
  await signIn(preview);
  await preview.goto(`${DRAFT}/preview`);
  const before = await countResponses();
  for (let part = 0; part < 12; part++) {
    if (await preview.locator("#q-P_INFO_ONLINE").count()) break;
    await answerPage(preview, { ...SKIP_CHOICES, Q8_ONLINE: "1" });
    // The next part is there when its title is, not when the address changes (the address comes first on a busy machine).
    const title = (await preview.locator("h2.section-title").textContent())!;
    await preview.getByRole("button", { name: "Lưu và tiếp tục" }).click({ timeout: 15_000 });
    await expect(preview.locator("h2.section-title")).not.toHaveText(title);
  }
  await expect(preview.locator("#q-P_INFO_ONLINE")).toBeVisible();
  await preview.locator('#q-P_INFO_ONLINE input[value="5"]').check();
  expect(await preview.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
  await preview.screenshot({ path: "docs/screenshots/studio-preview-new-question-phone-vi.png" });
  await preview.goto(`${DRAFT}/preview?formLang=en`);
  await expect(preview.getByRole("button", { name: "Save and continue" })).toBeVisible();
  expect(await countResponses()).toBe(before);
  await phone.close();

  // Compare with @2: the two new questions and what they do to year-over-year results.
  await page.goto(`${DRAFT}/compare`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("So sánh sipas-2022@3 với sipas-2022@2");
  const comparison = page.getByTestId("comparison");
  await expect(comparison.getByRole("row", { name: /^Q8_ONLINE/ })).toContainText("thêm mới");
  await expect(comparison.getByRole("row", { name: /^P_INFO_ONLINE/ })).toContainText("thêm mới");
  await expect(comparison).toContainText("không so sánh được");
  await expect(comparison).toContainText("POL_INFO");

  // Publish, confirmed.
  await page.getByRole("button", { name: "Công bố phiên bản" }).click();
  await expect(page.getByRole("alert")).toContainText("Hãy đánh dấu ô xác nhận");
  await page.getByLabel("Tôi đã đọc phần so sánh").check();
  await page.getByRole("button", { name: "Công bố phiên bản" }).click();
  await expect(page).toHaveURL(/sipas-2022@3\?published=1/);
  await expect(page.locator(".studio-status")).toHaveText("Đã công bố");
  await expect(page.getByRole("button", { name: "Lưu" })).toHaveCount(0);

  // A round on it, made on the round-creation page, and a citizen answers the new question.
  await page.goto("/staff/rounds/new");
  await page.getByLabel("Bộ câu hỏi (chỉ các phiên bản đã công bố)").selectOption("sipas-2022@3");
  await page.getByLabel("Tên đợt khảo sát").fill("Đợt thử phiên bản 3");
  await page.getByLabel("Mã đợt (không bắt buộc)").fill("studio-v3");
  await page.getByRole("button", { name: "Tạo đợt khảo sát" }).click();
  await expect(page).toHaveURL(/\/staff\/rounds\/studio-v3\//);
  await page.goto("/staff/questionnaires/sipas-2022@3");
  await expect(page.locator("[data-rounds-using]")).toContainText("Đợt thử phiên bản 3");
  const [code] = issueCodes(1, "studio-v3");
  const citizen = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await citizen.goto(`/s/${code}`);
  await answerWholeForm(citizen, { ...SKIP_CHOICES, Q8_ONLINE: "1", P_INFO_ONLINE: "5" });
  const answers = await withDb((db) => db.selectFrom("responses").select("answers").where("round_id", "=", "studio-v3").where("status", "=", "submitted").executeTakeFirstOrThrow());
  expect(JSON.parse(answers.answers)).toMatchObject({ Q8_ONLINE: "1", P_INFO_ONLINE: "5" });
  await citizen.close();
});

test("two people save one draft: the second save is refused with who and when, and nothing is overwritten", async ({ browser }) => {
  const lan = await browser.newPage();
  await signIn(lan);
  await lan.goto("/staff/questionnaires/sipas-2017@1");
  await lan.getByRole("button", { name: "Tạo phiên bản mới từ phiên bản này" }).click();
  await expect(lan).toHaveURL(/sipas-2017@2\?made=1/);
  const path = "/staff/questionnaires/sipas-2017@2?edit=meta#details";
  const minh = await browser.newPage();
  await signIn(minh);
  await lan.goto(path);
  await minh.goto(path);
  await lan.getByRole("textbox", { name: "Tên bộ câu hỏi (tiếng Việt)" }).fill("Bản của Lan");
  await save(lan);
  await minh.getByRole("textbox", { name: "Tên bộ câu hỏi (tiếng Việt)" }).fill("Bản của Minh");
  await minh.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(minh.getByRole("alert")).toContainText("Thay đổi của bạn CHƯA được lưu");
  await expect(minh.getByRole("textbox", { name: "Tên bộ câu hỏi (tiếng Việt)" })).toHaveValue("Bản của Minh"); // what Minh typed is still on screen
  await lan.goto("/staff/questionnaires/sipas-2017@2");
  await expect(lan.getByText("Bản của Lan").first()).toBeVisible();
});

test("a clerk reads questionnaires but has no editing tools, and a forged edit is refused", async ({ browser }) => {
  createStaff("studio-clerk", "clerk", "clerk-studio-password-1");
  const page = await browser.newPage();
  await signIn(page, "studio-clerk", "clerk-studio-password-1");
  const csrf = await page.locator('input[name="csrf"]').first().inputValue(); // the sign-out form's token
  await page.goto("/staff/questionnaires/sipas-2022@2");
  await expect(page.getByRole("heading", { name: "Cấu trúc" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Tạo phiên bản mới từ phiên bản này" })).toHaveCount(0);
  const status = await page.evaluate(async (token) => {
    const body = new URLSearchParams({ intent: "newVersion", csrf: token });
    return (await fetch("/staff/questionnaires/sipas-2022@2", { method: "POST", body })).status;
  }, csrf);
  expect(status).toBe(403);
});

test("an .xlsx downloaded from a version comes back as its next version with no differences; a broken one makes nothing", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const bytes = await (await page.request.get("/staff/questionnaires/sipas-2022@2/download?format=xlsx")).body();
  const good = join(TMP, "sipas-2022-2.xlsx");
  writeFileSync(good, bytes);
  // The same workbook without its questions sheet.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  book.removeWorksheet(book.getWorksheet("Câu hỏi")!.id);
  const broken = join(TMP, "thieu-trang.xlsx");
  await book.xlsx.writeFile(broken);

  await page.goto("/staff/questionnaires");
  const drafts = await page.locator("tr[data-version]").count();
  await page.locator("#upload-file").setInputFiles(broken);
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "chưa tạo bản nháp" })).toContainText("chưa tạo bản nháp nào");
  await expect(page.getByRole("alert").filter({ hasText: "chưa tạo bản nháp" })).toContainText("Câu hỏi");
  expect(await page.locator("tr[data-version]").count()).toBe(drafts);

  await page.locator("#upload-file").setInputFiles(good);
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
  await expect(page).toHaveURL(/sipas-2022@\d+\?made=1/);
  await expect(page.getByText("Không còn lỗi")).toBeVisible();
  await page.getByRole("link", { name: /^(Công bố…|So sánh)$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("với sipas-2022@2");
  await expect(page.getByTestId("comparison")).toContainText("không có khác biệt");
});

test("a question an index uses, left without positive answers: the index tree's problem is said beside that question's positive answers, as you type and after a save", async ({ page }) => {
  await signIn(page);
  // SV_ACC_1 feeds the index tree (EL_ACCESS) of the draft sipas-2017@2 made above.
  await page.goto("/staff/questionnaires/sipas-2017@2?edit=item:SV_ACC_1#item-SV_ACC_1");
  const positive = page.locator(".studio-form fieldset").filter({ has: page.locator("legend", { hasText: /^Câu trả lời tích cực$/ }) });
  const boxes = positive.getByRole("checkbox");
  const problems = page.locator("#i-positive-problems");
  const count = page.locator("[data-live-count]");
  const said = "⚠ Câu SV_ACC_1 được tính vào chỉ số nhưng chưa có câu trả lời tích cực"; // ⚠ marks every problem
  await expect(boxes).toHaveCount(5);
  await expect(problems).toHaveCount(0);
  await expect(count).toHaveText("Bản nháp không có lỗi nào");

  // Unticked one by one: the tree's problem appears beside the boxes once none is left, nothing saved yet.
  await positive.getByRole("checkbox", { name: /^4 – / }).uncheck();
  await expect(problems).toHaveCount(0); // "5" still counts as positive
  await positive.getByRole("checkbox", { name: /^5 – / }).uncheck();
  await expect(problems).toHaveText(said);
  await expect(count).toHaveText("Còn 1 lỗi phải sửa");
  for (const box of await boxes.all()) await expect(box).toHaveAttribute("aria-describedby", "i-positive-problems");

  // Saved as it is: the server puts the same problem in the same place.
  await save(page);
  await expect(problems).toHaveText(said);
  await expect(boxes.first()).toHaveAttribute("aria-describedby", "i-positive-problems");

  // Ticked again: gone at once, and the saved draft is whole again.
  await positive.getByRole("checkbox", { name: /^4 – / }).check();
  await positive.getByRole("checkbox", { name: /^5 – / }).check();
  await expect(problems).toHaveCount(0);
  await expect(count).toHaveText("Bản nháp không có lỗi nào");
  await save(page);
  await expect(problems).toHaveCount(0);
  await expect(page.locator(".studio-form .field-problem")).toHaveCount(0);
});

// Every studio page at 390 and 1280 px: no WCAG 2.1 AA violation (axe) and nothing wider than the screen, after the
// tests above made sipas-2022@3 and the draft sipas-2017@2 (every-page.spec.ts checks them too, on its own seed).
// With SHOTS=1 each view is saved to docs/screenshots/.
test("every studio page on a phone and a desktop: no axe violation, nothing wider than the screen, no comparison table scrolling sideways", async ({ browser }) => {
  test.setTimeout(900_000); // 24 views with axe: over 9 minutes on a loaded 2-core machine
  const draft = "/staff/questionnaires/sipas-2017@2";
  const views: [string, string][] = [
    ["studio-list", "/staff/questionnaires"],
    ["studio-version", "/staff/questionnaires/sipas-2022@3#structure"],
    ["studio-tree", "/staff/questionnaires/sipas-2022@3#trees"],
    ["studio-draft", draft],
    ["studio-edit-question", `${draft}?edit=item:SV_ACC_1#item-SV_ACC_1`],
    ["studio-edit-node", `${draft}?edit=node:EL_ACCESS#node-EL_ACCESS`],
    ["studio-edit-details", `${draft}?edit=meta#details`],
    ["studio-preview", "/staff/questionnaires/sipas-2022@3/preview"],
    ["studio-preview-en", "/staff/questionnaires/sipas-2022@3/preview?formLang=en"],
    ["studio-preview-paper", "/staff/questionnaires/sipas-2022@3/preview?view=paper"],
    ["studio-compare", "/staff/questionnaires/sipas-2022@3/compare?with=sipas-2022@2"],
    ["studio-publish", `${draft}/compare`],
  ];
  const problems: string[] = [];
  for (const [device, width, height] of [["phone", 390, 844], ["desktop", 1280, 900]] as const) {
    const context = await browser.newContext({ viewport: { width, height }, locale: "vi-VN" });
    const page = await context.newPage();
    await signIn(page);
    for (const [name, path] of views) {
      await page.goto(path);
      await page.waitForLoadState("load");
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (wide > 1) problems.push(`${name} at ${width} px: ${wide} px wider than the screen`);
      // The comparison's tables read without scrolling sideways, even in their scroll boxes.
      const sideways = await page.locator(".diff-table").evaluateAll((tables) => tables.map((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth));
      if (sideways.some((d) => d > 1)) problems.push(`${name} at ${width} px: a comparison table scrolls sideways (${sideways.join(", ")} px)`);
      const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const v of axe.violations) problems.push(`${name} at ${width} px: ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      if (process.env.SHOTS === "1") await page.screenshot({ path: `docs/screenshots/${name}-${device}-vi.png` });
    }
    await context.close();
  }
  expect(problems).toEqual([]);
});

async function withDb<T>(work: (db: ReturnType<typeof openDatabase>["db"]) => Promise<T>): Promise<T> {
  const handle = openDatabase({ url: E2E_DB });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

async function countResponses(): Promise<number> {
  return withDb(async (db) => Number((await db.selectFrom("responses").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n));
}
