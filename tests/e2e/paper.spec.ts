import { expect, test, type Browser, type Page } from "@playwright/test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import QRCode from "qrcode";
import { E2E_ADMIN_PASSWORD } from "../../playwright.config";
import { formatCode } from "../../app/domain/codes";
import type { Answers } from "../../app/domain/definition/conditions";
import { parseDefinitionText } from "../../app/domain/definition/parse";
import type { Definition } from "../../app/domain/definition/schema";
import { createStaff, keyWholeForm, setHelpContact, signIn, sipas } from "./helpers";
import { qrMatrices, readPdf } from "./pdf-reader";

// The demo round's questionnaire; the rounds these tests make use it too.
const parsed = parseDefinitionText(readFileSync("survey-definitions/sipas-2022/2.json", "utf8"));
if (!parsed.ok) throw new Error("sipas-2022@2 does not parse");
const sipas2022: Definition = parsed.definition;
const CLERK_PASSWORD = "clerk-password-e2e";

async function asUser(browser: Browser, username: string, password = CLERK_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, password);
  return page;
}

function paperCodes(round: string, count: number): string[] {
  return sipas("codes", "issue", "--round", round, "--count", String(count), "--channel", "paper");
}

/** The 2022 answers keyed in these tests: no school child, no procedure (part D skipped). */
const PLAN: Record<string, string> = { A_SEX: "2", A_AGE: "3", Q2_FOLLOW: "3", Q8_SCHOOL: "2", Q8_HEALTH: "1", Q8_PROC: "2", Q8_FEEDBACK: "2" };
function plannedAnswers(overrides: Record<string, string> = {}): Answers {
  const answers: Answers = {};
  for (const item of sipas2022.sections.flatMap((s) => s.items)) {
    if (!item.options) continue;
    answers[item.code] = overrides[item.code] ?? PLAN[item.code] ?? (item.options.some((o) => o.code === "4") ? "4" : "1");
  }
  return answers;
}

async function openForm(page: Page, round: string, code: string) {
  await page.goto(`/staff/rounds/${round}/entry`);
  await expect(page.getByLabel("Mã khảo sát trên phiếu")).toBeFocused();
  // Typed as a person copies it from paper: lower case, with the dash.
  await page.keyboard.type(formatCode(code).toLowerCase());
  await page.keyboard.press("Enter");
  await expect(page.locator(".pe-banner")).toContainText(formatCode(code));
}

test("printable questionnaires print to an A4 PDF in Chromium with each person's code and QR link", async ({ page, baseURL }) => {
  const codes = paperCodes("demo", 2);
  await signIn(page);
  await page.goto(`/staff/rounds/demo/invitations/print?scope=codes&codes=${codes.join("%0A")},NOT-A-CODE`);
  await expect(page.getByRole("alert")).toContainText("NOT-A-CODE: Mã khảo sát gồm 10 ký tự");
  await expect(page.locator(".pf-person")).toHaveCount(2);
  await expect(page.locator(".pf-person").first().locator(".pf-code")).toHaveText(formatCode(codes[0]));
  // The QR's link is signed (ADR 023): opening it never counts as a guessed code.
  const qrName = (code: string) => new RegExp(`^Mã QR của đường dẫn ${baseURL!.replace(/[.]/g, "\\.")}/s/${code}\\?k=[\\w-]{16}$`);
  await expect(page.getByRole("img", { name: qrName(codes[0]) })).toBeVisible();
  const links = await Promise.all(codes.map(async (code) => (await page.getByRole("img", { name: qrName(code) }).getAttribute("aria-label"))!.replace("Mã QR của đường dẫn ", "")));
  await expect(page.locator(".pf-person").first()).toContainText("Nếu trả lời “Chưa từng / Không có” ở câu 27, chuyển sang câu 64.");

  const pdf = readPdf(await page.pdf({ format: "A4", preferCSSPageSize: true }));
  const starts = pdf.pages.map((p, i) => (p.text.includes("MÃ KHẢO SÁT CỦA ÔNG/BÀ") ? i : -1)).filter((i) => i >= 0);
  expect(starts).toHaveLength(2); // each person starts a new page
  expect(starts[0]).toBe(0);
  codes.forEach((code, n) => {
    const own = pdf.pages.slice(starts[n], n === 0 ? starts[1] : undefined);
    // The code on the first page in large type, and in the running header of every page.
    for (const p of own) expect(p.text).toContain(`Mã khảo sát ${formatCode(code)}`);
    expect(own[0].text).toContain("Phần A. Thông tin cá nhân người trả lời khảo sát");
    expect(own.map((p) => p.text).join("")).toContain("73. Ý kiến khác (xin ghi cụ thể)"); // the last of sipas-2022@2's 73 questions
    // The QR code drawn on the first page encodes this person's link, module for module.
    const expected = QRCode.create(links[n], { errorCorrectionLevel: "M" }).modules;
    const grid = Array.from({ length: expected.size }, (_, r) => Array.from({ length: expected.size }, (_, c) => (expected.get(r, c) ? 1 : 0)));
    expect(qrMatrices(own[0].content)).toEqual([grid]);
    expect(pdf.links).toContain(links[n]);
  });
  expect(pdf.pages.map((p) => p.text).join("")).not.toContain("In phiếu khảo sát giấy"); // the staff toolbar is not printed
});

test("names and addresses go on a cover letter the citizen keeps; the questionnaire carries only the code, the QR and the help contact (screen and PDF)", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const round = "in-dia-chi";
  sipas("rounds", "create", "--definition", "sipas-2022@2", "--name", "In phiếu có địa chỉ", "--id", round, "--province", "P01");
  setHelpContact(round, "Sở Nội vụ, 0205 3812 345, khaosat@snv.example.vn");
  const dir = mkdtempSync(join(tmpdir(), "sipas-print-"));
  writeFileSync(join(dir, "units.csv"), "Mã,Tên,Cấp,Mã cấp trên\nP01,Tỉnh Minh Họa,province,\nD01,Huyện Đông Sơn,district,P01\n");
  writeFileSync(
    join(dir, "frame.csv"),
    "Mã hồ sơ,Họ và tên,Số điện thoại,Địa chỉ,Đơn vị\nHS-1,Nguyễn Thị Hương,0912345678,\"Thôn 3, xã Hòa Bình\",D01\nHS-2,Trần Văn Nam,0912345679,\"Thôn 5, xã Hòa Bình\",D01\n",
  );
  sipas("units", "import", "--round", round, join(dir, "units.csv"));
  sipas("frame", "import", "--round", round, join(dir, "frame.csv"));
  sipas("sample", "draw", "--round", round, "--strata", "unit", "--size", "2", "--seed", "7");
  await signIn(page);
  await page.goto(`/staff/rounds/${round}/invitations/print`);
  await expect(page.locator(".pf-person")).toHaveCount(2);
  // The stratum list says the stratum in words, not its stored key.
  await expect(page.getByLabel("Tầng").locator("option").nth(1)).toHaveText("Huyện Đông Sơn (D01)");
  expect((await page.locator(".pf-cover .pf-name").allTextContents()).sort()).toEqual(["Kính gửi: Ông/Bà Nguyễn Thị Hương", "Kính gửi: Ông/Bà Trần Văn Nam"]);
  await expect(page.locator(".pf-cover").first()).toContainText("xã Hòa Bình");
  await expect(page.locator(".pf-cover").first()).toContainText("Vui lòng giữ lại thư này và chỉ gửi lại phiếu khảo sát");
  for (const form of await page.locator(".pf-questionnaire").all()) {
    await expect(form).not.toContainText("Nguyễn Thị Hương");
    await expect(form).not.toContainText("Trần Văn Nam");
    await expect(form).not.toContainText("Hòa Bình");
    await expect(form).toContainText("Cần hỗ trợ, xin liên hệ: Sở Nội vụ, 0205 3812 345, khaosat@snv.example.vn");
    await expect(form.locator(".pf-code")).toHaveCount(1);
  }

  // In the PDF the letter is a page of its own; no page of the questionnaire names the person.
  const pdf = readPdf(await page.pdf({ format: "A4", preferCSSPageSize: true }));
  const letters = pdf.pages.flatMap((p, i) => (p.text.includes("THƯ MỜI THAM GIA KHẢO SÁT") ? [i] : []));
  expect(letters).toHaveLength(2);
  expect(letters[0]).toBe(0);
  for (const [n, start] of letters.entries()) {
    const end = letters[n + 1] ?? pdf.pages.length;
    expect(pdf.pages[start].text).toMatch(/Kính gửi: Ông\/Bà (Nguyễn Thị Hương|Trần Văn Nam)/);
    expect(pdf.pages[start].text).not.toContain("Hướng dẫn trả lời");
    const form = pdf.pages.slice(start + 1, end).map((p) => p.text).join("\n");
    expect(form).toContain("Hướng dẫn trả lời");
    expect(form).toContain("73. Ý kiến khác (xin ghi cụ thể)");
    expect(form).not.toMatch(/Nguyễn Thị Hương|Trần Văn Nam|Hòa Bình/);
  }

  // Without the letter (labels printed elsewhere), nothing personal is on the page at all.
  await page.getByRole("checkbox", { name: /In kèm thư mời/ }).uncheck();
  await page.getByRole("button", { name: "Hiển thị" }).click();
  await expect(page.locator(".pf-person")).toHaveCount(2);
  await expect(page.locator(".pf-cover")).toHaveCount(0);
  await expect(page.locator(".pf-sheets")).not.toContainText("Hòa Bình");
});

test("a whole 2022 paper form is keyed with number keys and Enter alone, with skip logic and validation", async ({ page }) => {
  test.setTimeout(180_000); // sixty questions keyed key by key: over a minute on a loaded two-core machine
  createStaff("nhap.mot", "clerk", CLERK_PASSWORD);
  const [code] = paperCodes("demo", 1);
  await signIn(page, "nhap.mot", CLERK_PASSWORD);
  await openForm(page, "demo", code);
  await expect(page.locator("#pe-A_SEX input:focus")).toHaveCount(1);

  // Saving too early: the citizens' rules, shown next to the questions; nothing is saved.
  await page.keyboard.press("2");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("alert")).toContainText("2. Độ tuổi: Chưa nhập câu này");
  await expect(page.locator("#pe-A_AGE")).toContainText("chọn 0 (Bỏ trống)");
  await expect(page.locator("#pe-A_AGE input:focus")).toHaveCount(1);
  await page.keyboard.press("Shift+Enter");
  await expect(page.locator("#pe-A_SEX input:focus")).toHaveCount(1);

  // Question 37 (school) and part D (procedures) disappear as their routing answers are keyed.
  await keyWholeForm(page, sipas2022, plannedAnswers(), "Cần rút ngắn thời gian chờ.");
  await expect(page.getByRole("status")).toHaveText(`Đã lưu phiếu ${formatCode(code)}. Phiếu được tính là đã gửi (nhập một lần).`);
  await expect(page.getByLabel("Mã khảo sát trên phiếu")).toBeFocused(); // ready for the next form

  // Counted once: neither another keying nor the citizen online.
  await openFormRefused(page, "demo", code, "đã được nhập và xác nhận");
  await page.goto(`/s/${code}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("đã được gửi");
});

async function openFormRefused(page: Page, round: string, code: string, message: string) {
  await page.goto(`/staff/rounds/${round}/entry?code=${code}`);
  await expect(page.getByRole("alert")).toContainText(message);
  await expect(page.locator(".pe-form")).toHaveCount(0);
}

test("double entry: two clerks key blind, a supervisor resolves the one mismatch, and the form counts", async ({ browser }) => {
  test.setTimeout(180_000); // two whole forms keyed key by key
  const [round] = sipas("rounds", "create", "--definition", "sipas-2022@2", "--name", "Nhập hai lần", "--province", "P05");
  const [code] = paperCodes(round, 1);
  createStaff("nhap.hai.a", "clerk", CLERK_PASSWORD, "P05");
  createStaff("nhap.hai.b", "clerk", CLERK_PASSWORD, "P05");
  const admin = await asUser(browser, "admin", E2E_ADMIN_PASSWORD);
  await admin.goto(`/staff/rounds/${round}/entry`);
  await admin.getByRole("button", { name: "Bật nhập hai lần" }).click();
  await expect(admin.locator(".pe-settings").nth(1)).toContainText("nhập hai lần (hai cán bộ khác nhau nhập độc lập)");

  const first = await asUser(browser, "nhap.hai.a");
  await openForm(first, round, code);
  await expect(first.locator(".pe-banner")).toContainText("Lần nhập 1 / 2");
  await keyWholeForm(first, sipas2022, plannedAnswers(), "Phục vụ tốt.");
  await expect(first.getByRole("status")).toContainText("Cần một cán bộ khác nhập lần 2.");
  await openFormRefused(first, round, code, "Lần nhập thứ hai phải do một cán bộ khác thực hiện.");

  const second = await asUser(browser, "nhap.hai.b");
  await openForm(second, round, code);
  await expect(second.locator(".pe-banner")).toContainText("Lần nhập 2 / 2 (nhập độc lập, không xem lần 1)");
  await expect(second.locator(".pe-form input:checked")).toHaveCount(0); // blind: nothing of entry 1
  await keyWholeForm(second, sipas2022, plannedAnswers({ P_INFO_1: "5" }), "Phục vụ tốt.");
  await expect(second.getByRole("status")).toContainText("khác lần 1 ở 1 câu. Phiếu chờ cán bộ giám sát đối chiếu.");
  await openFormRefused(second, round, code, "đang chờ cán bộ giám sát đối chiếu");

  // Not counted until resolved.
  await admin.goto("/staff");
  await expect(admin.locator(`tr[data-round="${round}"] td.num`)).toHaveText(["1", "0", "0"]);
  await admin.goto(`/staff/rounds/${round}/entry/review`);
  const row = admin.locator(`tr[data-code="${code}"]`);
  await expect(row).toContainText("nhap.hai.a, nhap.hai.b");
  await expect(row.locator("td.num")).toHaveText("1");
  await row.getByRole("link").click();
  const question = admin.getByRole("radiogroup", { name: /^32\. Cơ quan nhà nước cung cấp thông tin về các chính sách/ });
  await expect(question.locator("dd")).toHaveText(["4 · Hài lòng", "5 · Rất hài lòng"]);
  await admin.getByRole("button", { name: "Xác nhận phiếu" }).click();
  await expect(question).toContainText("Chưa nhập câu này");
  await question.getByRole("radio", { name: /Rất hài lòng/ }).check();
  await admin.getByRole("button", { name: "Xác nhận phiếu" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Đã xác nhận phiếu ${formatCode(code)}: phiếu được tính là đã gửi.`);
  await expect(admin.getByText("Không có phiếu nào cần đối chiếu.")).toBeVisible();

  await admin.goto("/staff");
  await expect(admin.locator(`tr[data-round="${round}"] td.num`)).toHaveText(["1", "0", "1"]);
  await admin.goto(`/s/${code}`);
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("đã được gửi");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("a form is keyed with a plain POST: errors are shown and what was ticked is kept", async ({ page }) => {
    test.setTimeout(120_000); // sixty questions ticked one by one
    createStaff("nhap.nojs", "clerk", CLERK_PASSWORD);
    const [code] = paperCodes("demo", 1);
    await signIn(page, "nhap.nojs", CLERK_PASSWORD);
    await page.goto(`/staff/rounds/demo/entry?code=${code}`);
    // Skip rules cannot run live without JavaScript: they are written out, and the server applies them.
    await expect(page.locator("#pe-s-D")).toContainText("Chỉ trả lời phần này nếu câu 27 trả lời “Đã từng / Có”.");
    await expect(page.locator("#pe-SV_FB_2")).toContainText("Chỉ trả lời nếu câu 28 trả lời “Đã từng / Có”.");
    await page.locator("#pe-A_SEX").getByRole("radio", { name: /Nữ/ }).check();
    await page.getByRole("button", { name: /Lưu phiếu/ }).click();
    await expect(page.getByRole("alert")).toContainText("Phiếu chưa lưu");
    await expect(page.locator("#pe-A_AGE .field-error")).toHaveText("Chưa nhập câu này. Nếu trên phiếu để trống hoặc không đọc được, chọn 0 (Bỏ trống).");
    await expect(page.locator("#pe-A_SEX").getByRole("radio", { name: /Nữ/ })).toBeChecked();

    // The page is streamed: list the questions only once every one of them has arrived.
    const groups = page.locator(".pe-q[role=radiogroup]");
    await expect(groups).toHaveCount(sipas2022.sections.flatMap((s) => s.items).filter((i) => i.options).length);
    for (const group of await groups.all()) {
      if (await group.locator("input:checked").count()) continue;
      await group.getByRole("radio", { name: /Bỏ trống/ }).check();
    }
    await page.getByRole("button", { name: /Lưu phiếu/ }).click();
    await expect(page.getByRole("status")).toHaveText(`Đã lưu phiếu ${formatCode(code)}. Phiếu được tính là đã gửi (nhập một lần).`);
  });
});

test("roles and provinces: clerks cannot print or review, other provinces' staff see no round", async ({ browser }) => {
  createStaff("nhap.p77", "clerk", CLERK_PASSWORD, "P77");
  createStaff("nhap.quyen", "clerk", CLERK_PASSWORD);
  const clerk = await asUser(browser, "nhap.quyen");
  for (const path of ["/staff/rounds/demo/invitations/print", "/staff/rounds/demo/entry/review"]) {
    const res = await clerk.goto(path);
    expect(res!.status(), path).toBe(403);
    await expect(clerk.getByRole("heading", { name: /Vai trò của bạn không được dùng chức năng này/ })).toBeVisible();
  }
  const other = await asUser(browser, "nhap.p77");
  const res = await other.goto("/staff/rounds/demo/entry");
  expect(res!.status()).toBe(404);
  const forged = await other.request.post("/staff/rounds/demo/entry", { form: { _code: "AAAAAAAAAA" }, maxRedirects: 0 });
  expect(forged.status()).toBe(404);
});
