import { expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { E2E_ADMIN_PASSWORD, E2E_DB } from "../../playwright.config";
import { formatCode } from "../../app/domain/codes";
import { computeVisibility, type Answers } from "../../app/domain/definition/conditions";
import { parseDefinitionText } from "../../app/domain/definition/parse";
import type { Definition } from "../../app/domain/definition/schema";

/** Runs the real `sipas` command against the e2e server's database; returns its output lines. */
export function sipas(...args: string[]): string[] {
  return sipasWithEnv({}, ...args);
}

export function sipasWithEnv(env: Record<string, string>, ...args: string[]): string[] {
  const out = execFileSync("node", ["bin/sipas.mjs", ...args], { env: { ...process.env, ...env, DATABASE_URL: E2E_DB }, encoding: "utf8" });
  return out.trim().split("\n");
}

/** Issues fresh codes through the CLI. */
export function issueCodes(count = 1, round = "demo"): string[] {
  return sipas("codes", "issue", "--round", round, "--count", String(count), "--channel", "link");
}

export type Choices = Record<string, string>;

/**
 * Answers every question shown on the page: the given choice where there is one, otherwise a
 * satisfied answer ("4") on scales and the first option elsewhere.
 */
export async function answerPage(page: Page, choices: Choices = {}, leaveBlank: string[] = []): Promise<string[]> {
  const answered: string[] = [];
  // The page is streamed: wait until all of it has arrived before listing its questions.
  await page.waitForLoadState("load");
  for (const fieldset of await page.locator("fieldset.question").all()) {
    const id = (await fieldset.getAttribute("id"))!;
    const code = id.replace(/^q-/, "");
    if (leaveBlank.includes(code)) continue;
    const wanted = choices[code];
    const options = fieldset.locator("input");
    const values = await options.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const value = wanted ?? (values.includes("4") ? "4" : values[0]);
    await fieldset.locator(`input[value="${value}"]`).check();
    answered.push(code);
  }
  for (const box of await page.locator("div.question textarea, div.question input").all()) {
    const name = (await box.getAttribute("name"))!;
    await box.fill(choices[name] ?? "Ý kiến thử nghiệm: phục vụ tốt, cần rút ngắn thời gian chờ.");
    answered.push(name);
  }
  return answered;
}

export async function sectionHeading(page: Page) {
  return page.getByRole("heading", { level: 1 });
}

/** Presses "Save and continue" (or "Submit" on the last page) and waits for the next page. */
export async function next(page: Page, expectHeading: RegExp) {
  await page.getByRole("button", { name: /Lưu và tiếp tục|Save and continue|Gửi phiếu khảo sát|Submit the questionnaire/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(expectHeading);
}

/** The 2022 answers used by the whole-form tests: no child in school, did a procedure, no feedback sent. */
export const SKIP_CHOICES: Choices = { Q8_SCHOOL: "2", Q8_HEALTH: "1", Q8_PROC: "1", Q8_FEEDBACK: "2" };

/** Signs a staff member in on the sign-in page and waits for the list of rounds. */
export async function signIn(page: Page, username = "admin", password = E2E_ADMIN_PASSWORD) {
  await page.goto("/staff/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Các đợt khảo sát");
}

/** Creates a staff login through the CLI (the way an administrator does). */
export function createStaff(username: string, role: "admin" | "manager" | "clerk" | "analyst", password: string, province?: string) {
  sipasWithEnv({ SIPAS_NEW_PASSWORD: password }, "staff", "create", "--username", username, "--role", role, ...(province ? ["--province", province] : []));
}

/**
 * From the first page of a citizen's form to the thank-you page: every part answered with
 * `answerPage(choices)`, "Save and continue" until the last part, then "Submit".
 */
export async function answerWholeForm(page: Page, choices: Choices = {}) {
  const heading = page.getByRole("heading", { level: 1 });
  for (let part = 0; part < 20; part++) {
    await expect(heading).toHaveText(/^Phần /);
    const title = (await heading.textContent())!;
    await answerPage(page, choices);
    const submit = page.getByRole("button", { name: "Gửi phiếu khảo sát" });
    if (await submit.count()) {
      await submit.click();
      await expect(heading).toHaveText("Xin cảm ơn ông/bà!");
      return;
    }
    await page.getByRole("button", { name: "Lưu và tiếp tục" }).click();
    await expect(heading).not.toHaveText(title);
  }
  throw new Error("the questionnaire did not end after 20 parts");
}

/**
 * Opens a paper form on the keying page by typing its code as a clerk copies it from paper
 * (lower case, with the dash), then keys it with the keyboard alone: one number key per question
 * shown (focus moves on by itself; questions hidden by skip logic must disappear), the comment
 * typed and Enter, then Enter on the save button.
 */
export async function keyPaperForm(page: Page, round: string, code: string, definition: Definition, answers: Answers, comment: string) {
  await page.goto(`/staff/rounds/${round}/entry`);
  await expect(page.getByLabel("Mã khảo sát trên phiếu")).toBeFocused();
  await page.keyboard.type(formatCode(code).toLowerCase());
  await page.keyboard.press("Enter");
  await expect(page.locator(".pe-banner")).toContainText(formatCode(code));
  await keyWholeForm(page, definition, answers, comment);
}

/**
 * Keys the open paper form with the keyboard alone: one number key per question shown (focus moves on by itself;
 * questions hidden by skip logic must disappear, live), the comment typed and Enter, then Enter on the save button.
 */
export async function keyWholeForm(page: Page, definition: Definition, answers: Answers, comment: string) {
  const { items } = computeVisibility(definition, answers);
  for (const item of definition.sections.flatMap((s) => s.items)) {
    if (!items.has(item.code)) {
      await expect(page.locator(`#pe-${item.code}`)).toHaveCount(0);
      continue;
    }
    if (item.type === "text") {
      await expect(page.locator(`#pe-${item.code}-input`)).toBeFocused();
      await page.keyboard.type(comment);
      await page.keyboard.press("Enter");
      continue;
    }
    await expect(page.locator(`#pe-${item.code} input:focus`)).toHaveCount(1);
    await page.keyboard.press(String(answers[item.code]));
    await expect(page.locator(`#pe-${item.code} input[value="${answers[item.code]}"]`)).toBeChecked();
  }
  await expect(page.getByRole("button", { name: /Lưu phiếu/ })).toBeFocused();
  await page.keyboard.press("Enter");
}

/** A shipped questionnaire definition, parsed as the app parses it. */
export function loadDefinition(file: string): Definition {
  const parsed = parseDefinitionText(readFileSync(`survey-definitions/${file}`, "utf8"));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.definition;
}

/** A 2022 round of its own, on the demo's questionnaire (sipas-2022@2), with the fieldwork period of the shipped design (August to October 2022). */
export function newRound(name: string, province = "P01"): string {
  const [round] = sipas("rounds", "create", "--definition", "sipas-2022@2", "--name", name, "--province", province, "--from", "2022-08-01", "--to", "2022-10-31");
  return round;
}

/**
 * Sets a round's help contact (phone, e-mail) straight in the e2e database — what the round settings page and
 * `sipas rounds create --contact` record.
 */
export function setHelpContact(roundId: string, contact: string) {
  execFileSync("node", ["-e", `const D=require("better-sqlite3");const d=new D(process.argv[1]);d.prepare("update rounds set help_contact=? where id=?").run(process.argv[2],process.argv[3]);d.close()`, E2E_DB, contact, roundId]);
}
