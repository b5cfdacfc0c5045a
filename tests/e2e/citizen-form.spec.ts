import { expect, test, type Page } from "@playwright/test";
import { answerPage, issueCodes, next, sipas, SKIP_CHOICES } from "./helpers";

/** The demo's questionnaire, sipas-2022@2, page by page as the Ministry's 2022 form orders it (Câu 1 to Câu 10). */
async function fillWhole2022Form(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Phần A/);
  await answerPage(page);
  await next(page, /Câu 1:/);
  await answerPage(page);
  await next(page, /Câu 2–7/);
  await answerPage(page);
  await next(page, /Câu 8:/);
  await answerPage(page, SKIP_CHOICES);
  await next(page, /Câu 9 – I\./);
  // Skip logic: no child in school, so the education-policy question is not asked; health is.
  await expect(page.locator("#q-P_QUAL_EDU")).toHaveCount(0);
  await expect(page.locator("#q-P_QUAL_HEALTH")).toBeVisible();
  await answerPage(page);
  // Did a procedure: the service part is asked.
  await next(page, /Câu 9 – II\./);
  await expect(page.locator("#q-SV_ACC_1")).toBeVisible();
  // Sent no feedback: the questions on how feedback was handled are not asked.
  await expect(page.locator("#q-SV_FB_2")).toHaveCount(0);
  await answerPage(page);
  await next(page, /Câu 10:/);
  await answerPage(page);
  await page.getByRole("button", { name: "Gửi phiếu khảo sát" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xin cảm ơn ông/bà!");
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("a citizen types the code from paper, answers the whole 2022 form and cannot submit twice", async ({ page }) => {
      const [code] = issueCodes();
      await page.goto("/");
      // Typed as a person would from paper: lower case, with the dash.
      await page.getByLabel("Mã khảo sát").fill(`${code.slice(0, 5).toLowerCase()}-${code.slice(5).toLowerCase()}`);
      await page.getByRole("button", { name: "Bắt đầu trả lời" }).click();
      await expect(page).toHaveURL(new RegExp(`/s/${code}`));
      await fillWhole2022Form(page);

      await page.goto(`/s/${code}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("đã được gửi");
      await page.goto("/");
      await page.getByLabel("Mã khảo sát").fill(code);
      await page.getByRole("button", { name: "Bắt đầu trả lời" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Mỗi mã chỉ được gửi một lần");
    });

    test("a missing required answer is shown next to its question and the other answers stay", async ({ page }) => {
      const [code] = issueCodes();
      await page.goto(`/s/${code}`);
      await answerPage(page, { A_SEX: "2", A_AGE: "3" }, ["A_EDUCATION"]);
      await page.getByRole("button", { name: "Lưu và tiếp tục" }).click();
      const edu = page.locator("#q-A_EDUCATION");
      await expect(edu.locator(".field-error")).toHaveText(/Vui lòng trả lời câu hỏi này/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Phần A/);
      await expect(page.locator('input[name="A_SEX"][value="2"]')).toBeChecked();
      await expect(page.locator('input[name="A_AGE"][value="3"]')).toBeChecked();
      // The error is tied to the question for assistive technology.
      const describedBy = await edu.getAttribute("aria-describedby");
      expect(describedBy).toContain("q-A_EDUCATION-error");
    });

    test("answers saved for later are there when the link is opened again", async ({ page, context }) => {
      const [code] = issueCodes();
      await page.goto(`/s/${code}`);
      await answerPage(page, { A_SEX: "1", A_AGE: "5", A_WORK: "4" });
      await next(page, /Câu 1:/);
      await page.locator('input[name="Q1_ECON"][value="3"]').check();
      await page.getByRole("button", { name: "Lưu để trả lời tiếp sau" }).click();
      await expect(page.getByRole("status")).toContainText("Đã lưu câu trả lời");

      const later = await context.newPage();
      await later.goto(`/s/${code}`);
      await expect(later.getByRole("heading", { level: 1 })).toHaveText(/Câu 1:/);
      await expect(later.getByRole("status")).toContainText("quay lại");
      await expect(later.locator('input[name="Q1_ECON"][value="3"]')).toBeChecked();
      await later.getByRole("button", { name: "Quay lại" }).click();
      await expect(later.getByRole("heading", { level: 1 })).toHaveText(/Phần A/);
      await expect(later.locator('input[name="A_AGE"][value="5"]')).toBeChecked();
      await expect(later.locator('input[name="A_WORK"][value="4"]')).toBeChecked();
    });

    test("every citizen page says whom to ask: the open rounds' contacts before a code is known, the round's own after", async ({ page }) => {
      test.setTimeout(240_000); // four rounds made through the CLI and a whole form answered, on a shared machine
      // Two open rounds with their own contacts, one open round without, and a closed round (run twice: ids per run).
      const tag = javaScriptEnabled ? "js" : "nojs";
      const round = (id: string, name: string, contact?: string) =>
        sipas("rounds", "create", "--definition", "sipas-2022@2", "--name", name, "--id", `${id}-${tag}`, ...(contact ? ["--contact", contact] : []));
      const hanoi = `Sở Nội vụ Hà Nội (${tag}), 024 3825 1111, khaosat@hanoi.example.vn`;
      const haiphong = `Sở Nội vụ Hải Phòng (${tag}), 0225 3842 222`;
      const ended = `Sở Nội vụ Nam Định (${tag}), 0228 3849 333`;
      round("ho-tro-hn", `SIPAS Hà Nội ${tag}`, hanoi);
      round("ho-tro-hp", `SIPAS Hải Phòng ${tag}`, haiphong);
      round("ho-tro-khong", `SIPAS không đầu mối ${tag}`);
      round("ho-tro-nd", `SIPAS Nam Định ${tag}`, ended);
      const [closedCode] = issueCodes(1, `ho-tro-nd-${tag}`);
      const [hanoiCode] = issueCodes(1, `ho-tro-hn-${tag}`);
      sipas("rounds", "close", "--round", `ho-tro-nd-${tag}`);
      const help = page.getByRole("complementary", { name: "Hỗ trợ" });

      // The code-entry page: each open round's contact beside its name; no closed round's.
      await page.goto("/");
      await expect(help).toContainText("Cần hỗ trợ, xin liên hệ cơ quan tổ chức đợt khảo sát");
      await expect(help.getByRole("listitem").filter({ hasText: hanoi })).toContainText(`SIPAS Hà Nội ${tag}`);
      await expect(help.getByRole("listitem").filter({ hasText: haiphong })).toContainText(`SIPAS Hải Phòng ${tag}`);
      await expect(help).not.toContainText(ended);
      await expect(help).not.toContainText(`SIPAS không đầu mối ${tag}`);

      // A code that does not exist (typed, then as a link): still the open rounds' contacts.
      await page.getByLabel("Mã khảo sát").fill("ABCDE-23456");
      await page.getByRole("button", { name: "Bắt đầu trả lời" }).click();
      await expect(page.getByRole("alert")).toContainText(/Không tìm thấy mã|gõ nhầm/);
      await expect(help).toContainText(hanoi);
      await page.goto("/s/ABCDEFGHJK");
      await expect(page.getByRole("heading", { level: 1 })).toContainText(/Không tìm thấy mã|gõ nhầm/);
      await expect(help).toContainText(haiphong);
      // An address no page has (a mistyped link): a 404 that still names the open rounds' contacts.
      const lost = await page.goto("/thu-moi/khao-sat");
      expect(lost?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
      await expect(help.getByRole("listitem").filter({ hasText: hanoi })).toContainText(`SIPAS Hà Nội ${tag}`);
      await expect(help).not.toContainText(ended);

      // A code of the closed round, typed or linked: that round's contact alone.
      await page.goto("/");
      await page.getByLabel("Mã khảo sát").fill(closedCode);
      await page.getByRole("button", { name: "Bắt đầu trả lời" }).click();
      await expect(page.getByRole("alert")).toContainText("Đợt khảo sát này đã kết thúc");
      await expect(help).toHaveText(`Cần hỗ trợ, xin liên hệ: ${ended}`);
      await page.goto(`/s/${closedCode}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Đợt khảo sát này đã kết thúc");
      await expect(help).toHaveText(`Cần hỗ trợ, xin liên hệ: ${ended}`);

      // Once the code is known: the form, the thank-you page and the "already submitted" page name the round's contact.
      await page.goto(`/s/${hanoiCode}`);
      await expect(help).toHaveText(`Cần hỗ trợ, xin liên hệ: ${hanoi}`);
      await fillWhole2022Form(page);
      await expect(help).toHaveText(`Cần hỗ trợ, xin liên hệ: ${hanoi}`);
      await page.goto(`/s/${hanoiCode}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("đã được gửi");
      await expect(help).toHaveText(`Cần hỗ trợ, xin liên hệ: ${hanoi}`);
    });
  });
}

// With JavaScript the page is checked in the browser with the server's own check before anything is sent (ADR 033:
// the browser's own form, no react-hook-form; ADR 036: `checkPage`, no zod), and skip logic follows the answers on
// the page itself.
test("with JavaScript a page is checked before it is sent, focus goes to the first missing answer, and skip logic is live", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const [code] = issueCodes(); // the demo round, on sipas-2022@2, whose Dân tộc has "Khác (ghi rõ)"
  await page.goto(`/s/${code}`);
  await page.waitForLoadState("networkidle");
  const other = page.locator("#q-A_ETHNIC_OTHER");
  await expect(other).toHaveCount(0);
  await page.locator('input[name="A_ETHNIC"][value="2"]').check();
  await expect(other).toBeVisible(); // "other, please specify" appears as soon as "other" is chosen
  await other.fill("Tày");
  await page.locator('input[name="A_ETHNIC"][value="1"]').check();
  await expect(other).toHaveCount(0);

  const posts: string[] = [];
  page.on("request", (request) => request.method() === "POST" && posts.push(request.url()));
  await page.locator('input[name="A_SEX"][value="2"]').check();
  await page.getByRole("button", { name: "Lưu và tiếp tục" }).click();
  const age = page.locator("#q-A_AGE");
  await expect(age.locator(".field-error")).toHaveText("Vui lòng trả lời câu hỏi này.");
  await expect(page.locator('input[name="A_AGE"]').first()).toBeFocused();
  await expect(page.locator('input[name="A_AGE"]').first()).toBeInViewport(); // focused once the summary is drawn
  await expect(page.getByRole("alert")).toContainText("Độ tuổi");
  await expect(page.locator('input[name="A_SEX"][value="2"]')).toBeChecked();
  await expect(page.locator('input[name="A_ETHNIC"][value="1"]')).toBeChecked();
  expect(posts).toEqual([]); // refused in the browser: nothing was sent

  await page.keyboard.press("ArrowDown"); // the keyboard picks an answer in the focused group; its error goes at once
  await expect(age.locator(".field-error")).toHaveCount(0);
  await answerPage(page, { A_SEX: "2", A_ETHNIC: "1" });
  await next(page, /Câu 1:/);
  expect(posts).toHaveLength(1);
});

// The demo moved to sipas-2022@2; a round pinned to sipas-2022@1 keeps its own questionnaire and still takes answers.
test("a round on sipas-2022@1 still opens with version 1's questions and accepts an answer", async ({ page }) => {
  const id = `ban-1-${Date.now().toString(36)}`;
  sipas("rounds", "create", "--definition", "sipas-2022@1", "--name", "SIPAS 2022 bản 1 (thử)", "--id", id);
  const [code] = issueCodes(1, id);
  await page.goto(`/s/${code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phần A. Thông tin về người trả lời");
  await expect(page.locator("#q-A_EDU")).toContainText("Trình độ học vấn cao nhất"); // version 1's wording and code
  await expect(page.locator("#q-A_EDUCATION")).toHaveCount(0);
  await answerPage(page, { A_EDU: "4" });
  await next(page, /^Phần B\. Quan tâm, trải nghiệm và đánh giá$/);
  await page.getByRole("button", { name: "Quay lại" }).click();
  await expect(page.locator('input[name="A_EDU"][value="4"]')).toBeChecked();
});

// A Vietnamese page is sent without the questionnaire's English (ADR 036): the switch loads the page again, and the
// browser's check then speaks the reader's language, in English and back in Vietnamese.
test("with JavaScript the browser's check speaks English on the English page and Vietnamese after switching back", async ({ page }) => {
  const [code] = issueCodes();
  const posts: string[] = [];
  page.on("request", (request) => request.method() === "POST" && posts.push(request.url()));
  await page.goto(`/s/${code}?lang=en`);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Part A. About the respondent");
  await expect(page.locator("#q-A_SEX legend")).toContainText("Sex");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.locator("#q-A_SEX .field-error")).toHaveText("Please answer this question.");
  await expect(page.getByRole("alert")).toContainText("Sex");

  await page.locator("a.lang-switch").click();
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phần A. Thông tin cá nhân người trả lời khảo sát");
  await expect(page.locator("#q-A_SEX legend")).toContainText("Giới tính");
  await page.getByRole("button", { name: "Lưu và tiếp tục" }).click();
  await expect(page.locator("#q-A_SEX .field-error")).toHaveText("Vui lòng trả lời câu hỏi này.");
  expect(posts).toEqual([]); // both refusals were the browser's
});
