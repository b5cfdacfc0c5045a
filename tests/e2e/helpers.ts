import { expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { E2E_DB } from "../../playwright.config";

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
