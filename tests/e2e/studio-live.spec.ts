/**
 * Issue 9, the editor as you type: every problem the validator finds appears beside its field before any save and
 * goes when it is fixed, and a draft with problems still saves; a question's options are reordered with buttons, with
 * the keyboard and without JavaScript. On a questionnaire of its own, made from scratch.
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const DRAFT = "/staff/questionnaires/kiem-tra-go@1";

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
const optionCodes = (page: Page) => page.locator('input[name="opt_code"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).filter(Boolean));
const optionLabels = (page: Page) => page.locator('input[name="opt_vi"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).filter(Boolean));

test.describe.configure({ mode: "serial" });

test("problems appear beside their fields as you type, before any save, and go when fixed; a draft with one still saves", async ({ page }) => {
  await signIn(page);
  await page.goto("/staff/questionnaires");
  await page.getByLabel("Mã phiếu").fill("kiem-tra-go");
  await page.getByLabel("Tên bộ câu hỏi (tiếng Việt)").fill("Phiếu thử kiểm tra khi gõ");
  await page.getByRole("button", { name: "Tạo bản nháp" }).click();
  await expect(page).toHaveURL(new RegExp(`${DRAFT}\\?made=1`));

  // The part's title and the first question's text and options, saved the ordinary way.
  await page.goto(`${DRAFT}?edit=section:A#section-A`);
  await page.getByLabel("Tên phần (tiếng Việt)").fill("Phần A. Dịch vụ công");
  await save(page);
  await page.goto(`${DRAFT}?edit=item:A_1#item-A_1`);
  await page.getByLabel("Nội dung câu hỏi (tiếng Việt)").fill("Ông/bà có hài lòng không?");
  await page.getByLabel("Nhãn (tiếng Việt) (1)").fill("Có");
  await page.getByLabel("Nhãn (tiếng Việt) (2)").fill("Không");
  await save(page);

  // A second question opens with no text: the problem from the last save is beside the text field.
  await page.getByRole("button", { name: "Thêm câu hỏi vào phần A" }).click();
  await expect(page.getByRole("heading", { name: "Sửa câu A_2" })).toBeVisible();
  const text = page.getByLabel("Nội dung câu hỏi (tiếng Việt)");
  const textProblems = page.locator("#i-label-vi-problems");
  await expect(textProblems).toContainText("Cần có nội dung tiếng Việt");
  const count = page.locator("[data-live-count]");
  await expect(count).toHaveText("Còn 1 lỗi phải sửa");

  // Typing the text removes the problem and lowers the count, with nothing saved.
  await text.fill("Ông/bà có dùng dịch vụ công trực tuyến không?");
  await expect(textProblems).toHaveCount(0);
  await expect(text).not.toHaveAttribute("aria-invalid", "true");
  await expect(count).toHaveText("Bản nháp không có lỗi nào");
  // Emptying it brings it back, said with the field (aria-describedby) for a screen reader.
  await text.fill("");
  await expect(textProblems).toContainText("Cần có nội dung tiếng Việt");
  await expect(text).toHaveAttribute("aria-invalid", "true");
  await expect(text).toHaveAttribute("aria-describedby", "i-label-vi-problems");
  // An empty text hides no other problem: a code another question has is said at the same time, beside the code.
  const code = page.getByLabel("Mã", { exact: true });
  await code.fill("A_1");
  await code.blur();
  await expect(page.locator("#i-code-problems")).toContainText("Mã câu hỏi “A_1” bị trùng");
  await expect(textProblems).toContainText("Cần có nội dung tiếng Việt");
  await expect(count).toHaveText("Còn 2 lỗi phải sửa");
  await text.fill("Ông/bà có dùng dịch vụ công trực tuyến không?");

  // A code another question has: said beside the code when the field is left, gone when changed back.
  await code.fill("A_1");
  await code.blur();
  await expect(page.locator("#i-code-problems")).toContainText("Mã câu hỏi “A_1” bị trùng");
  await code.fill("A_ONLINE");
  await code.blur();
  await expect(page.locator("#i-code-problems")).toHaveCount(0);

  // A skip rule naming an option the earlier question does not have.
  await page.getByLabel("Câu hỏi (1)").selectOption("A_1");
  await page.getByLabel("Phép so (1)").selectOption("is");
  await page.getByLabel("Mã phương án (1)").fill("7");
  const ruleProblems = page.locator("#i-rule-problems");
  await expect(ruleProblems).toContainText("Câu A_1 không có phương án mã “7”");
  await expect(page.getByLabel("Mã phương án (1)")).toHaveAttribute("aria-describedby", "i-rule-problems");
  await expect(count).toHaveText("Còn 1 lỗi phải sửa");
  await expect(page.locator(".studio-warnings summary")).toContainText("Còn 1 lỗi"); // the list at the top follows
  await expect(page).toHaveURL(/edit=item%3AA_2/); // nothing was saved yet: the address still names the old code

  // Saved with the problem in it: nothing is lost, and the server says the same beside the same field.
  await save(page);
  await expect(page.getByRole("heading", { name: "Sửa câu A_ONLINE" })).toBeVisible();
  await expect(page.getByLabel("Nội dung câu hỏi (tiếng Việt)")).toHaveValue("Ông/bà có dùng dịch vụ công trực tuyến không?");
  await expect(page.getByLabel("Mã phương án (1)")).toHaveValue("7");
  await expect(ruleProblems).toContainText("Câu A_1 không có phương án mã “7”");
  await page.getByLabel("Mã phương án (1)").fill("1");
  await expect(ruleProblems).toHaveCount(0);
  await save(page);
  await expect(ruleProblems).toHaveCount(0);
  await expect(page.locator(".studio-form .field-problem")).toHaveCount(0);
});

test("a question's options move up and down with buttons, by keyboard, keeping what was typed", async ({ page }) => {
  await signIn(page);
  await page.goto(`${DRAFT}?edit=item:A_1#item-A_1`);
  await page.getByLabel("Mã (3)", { exact: true }).fill("9");
  await page.getByLabel("Nhãn (tiếng Việt) (3)").fill("Không biết");
  await page.getByRole("group", { name: "Phương án 3" }).getByLabel("Không ý kiến").check();
  await save(page);
  expect(await optionLabels(page)).toEqual(["Có", "Không", "Không biết"]);

  // From the keyboard: the move button of option 3, Enter; the option is second and its button still has the focus.
  await page.getByLabel("Nội dung câu hỏi (tiếng Việt)").fill("Ông/bà có hài lòng với dịch vụ không?"); // typed, not saved
  await page.getByRole("button", { name: "Đưa phương án 3 lên" }).focus();
  await save(page, () => page.keyboard.press("Enter"));
  expect(await optionLabels(page)).toEqual(["Có", "Không biết", "Không"]);
  expect(await optionCodes(page)).toEqual(["1", "9", "2"]);
  await expect(page.getByRole("group", { name: "Phương án 2" }).getByLabel("Không ý kiến")).toBeChecked(); // the flag went with its option
  await expect(page.getByRole("button", { name: "Đưa phương án 2 lên" })).toBeFocused();
  await expect(page.getByLabel("Nội dung câu hỏi (tiếng Việt)")).toHaveValue("Ông/bà có hài lòng với dịch vụ không?");

  // Enter in a text field still saves (the move buttons are not the form's default button).
  await page.getByLabel("Nhãn (tiếng Việt) (1)").fill("Có, hài lòng");
  await save(page, () => page.getByLabel("Nhãn (tiếng Việt) (1)").press("Enter"));
  expect(await optionLabels(page)).toEqual(["Có, hài lòng", "Không biết", "Không"]);
});

test("changing a question's type shows or hides its options at once, keeping what was typed in them", async ({ page }) => {
  await signIn(page);
  await page.goto(`${DRAFT}?edit=item:A_1#item-A_1`);
  const options = page.locator(".studio-form fieldset").filter({ has: page.locator("legend", { hasText: /^Phương án$/ }) });
  const maxLength = page.getByLabel("Số ký tự tối đa");
  await expect(options).toBeVisible();
  await expect(maxLength).toBeHidden();
  await page.getByLabel("Loại", { exact: true }).selectOption("text");
  await expect(options).toBeHidden();
  await expect(maxLength).toBeVisible();
  await page.getByLabel("Loại", { exact: true }).selectOption("yesno");
  await expect(options).toBeVisible();
  await expect(maxLength).toBeHidden();
  expect(await optionLabels(page)).toEqual(["Có, hài lòng", "Không biết", "Không"]); // what was there is still there
});

test("without JavaScript the options still move and a save still shows the problems beside their fields", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "vi-VN" });
  const page = await context.newPage();
  await signIn(page);
  await page.goto(`${DRAFT}?edit=item:A_1#item-A_1`);
  await save(page, () => page.getByRole("button", { name: "Đưa phương án 1 xuống" }).click());
  expect(await optionLabels(page)).toEqual(["Không biết", "Có, hài lòng", "Không"]);
  await page.getByLabel("Nội dung câu hỏi (tiếng Việt)").fill("");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.locator("#i-label-vi-problems")).toContainText("Cần có nội dung tiếng Việt");
  // A new type's fields come with the save.
  const options = page.locator(".studio-form fieldset").filter({ has: page.locator("legend", { hasText: /^Phương án$/ }) });
  await page.getByLabel("Loại", { exact: true }).selectOption("text");
  await expect(options).toBeVisible();
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(options).toBeHidden();
  await expect(page.getByLabel("Số ký tự tối đa")).toBeVisible();
  await context.close();
});
