import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeCode } from "../../app/domain/codes";
import { seedDemo } from "../../app/services/demo/seed.server";
import { issueCodes } from "../../app/services/fieldwork/invitations.server";
import { redeemCode } from "../../app/services/citizen/redeem.server";
import { openForm, savePage, submitForm } from "../../app/services/citizen/form.server";
import { listRounds } from "../../app/services/rounds/rounds.server";
import { getRoundResults } from "../../app/services/results/jobs.server";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";
import { EXPECT_2022, PAGES_2022, PROFILE_2022 } from "../fixtures/walk-2022";

const PROFILE = PROFILE_2022;

describeEachDialect("citizen responses", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, { adminPassword: "integration-password", codes: 0 });
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  const newCode = async () => (await issueCodes(t.db, { roundId: "demo", count: 1, unitCode: "D01", stratum: "D01", weight: 12.5 }))[0];

  it("issues distinct, well-formed codes that pass their check character", async () => {
    const codes = await issueCodes(t.db, { roundId: "demo", count: 200 });
    expect(new Set(codes).size).toBe(200);
    for (const code of codes) expect(normalizeCode(code)).toEqual({ ok: true, code });
    await expect(issueCodes(t.db, { roundId: "demo", count: 0 })).rejects.toThrow(/Số mã cần cấp phải là số nguyên từ 1/);
    await expect(issueCodes(t.db, { roundId: "nope", count: 1 })).rejects.toThrow(/Không có đợt khảo sát “nope”/);
  });

  it("keeps a draft page by page, resumes it, and drops nothing already saved", async () => {
    const code = await newCode();
    let form = await openForm(t.db, code);
    expect(form.status).toBe("new");
    const saved = await savePage(t.db, { form, raw: PROFILE, sections: ["A"], locale: "vi" }, true);
    expect(saved.ok).toBe(true);

    form = await openForm(t.db, code);
    expect(form.status).toBe("draft");
    expect(form.answers).toMatchObject(PROFILE);

    // A later page saved with a malformed answer: the error is reported and page A stays intact.
    const partial = await savePage(t.db, { form, raw: { Q1_ECON: "9", Q1_HEALTH: "2" }, sections: ["B1"], locale: "vi" }, false);
    expect(partial.ok).toBe(false);
    if (!partial.ok) expect(Object.keys(partial.errors)).toEqual(["Q1_ECON"]);
    form = await openForm(t.db, code);
    expect(form.answers).toMatchObject({ ...PROFILE, Q1_HEALTH: "2" });
    expect(form.answers.Q1_ECON).toBeUndefined();
  });

  it("moving on requires the page's required answers, but still saves what was given", async () => {
    const code = await newCode();
    const form = await openForm(t.db, code);
    const { A_EDUCATION: _left, ...rest } = PROFILE;
    const outcome = await savePage(t.db, { form, raw: rest, sections: ["A"], locale: "en" }, true);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors).toEqual({ A_EDUCATION: { vi: "Vui lòng trả lời câu hỏi này.", en: "Please answer this question." } });
    expect((await openForm(t.db, code)).answers).toMatchObject(rest);
  });

  it("submits once; a second submission is refused and the first stays as it was", async () => {
    const code = await newCode();
    const answers = await completeAnswers(code);
    const form = await openForm(t.db, code);
    const first = await submitForm(t.db, { form, raw: answers, sections: ["E"], locale: "vi" });
    expect(first.ok).toBe(true);

    const again = await openForm(t.db, code);
    expect(again.status).toBe("submitted");
    await expect(submitForm(t.db, { form: { ...again, status: "draft" }, raw: { ...answers, EXP_INFO: "1" }, sections: ["E"], locale: "vi" })).rejects.toMatchObject({
      status: 409,
      localized: { vi: expect.stringContaining("Mỗi mã chỉ được gửi một lần") },
    });
    const row = await t.db.selectFrom("responses").selectAll().where("invitation_code", "=", code).executeTakeFirstOrThrow();
    expect(row.status).toBe("submitted");
    expect(JSON.parse(row.answers).EXP_INFO).toBe(answers.EXP_INFO);
    expect(row.weight).toBe(12.5);
    expect(row.unit_code).toBe("D01");
  });

  it("an online submission moves the round's data version on, so cached results are made again; a draft does not", async () => {
    const version = async () => Number((await t.db.selectFrom("rounds").select("data_version").where("id", "=", "demo").executeTakeFirstOrThrow()).data_version);
    const code = await newCode();
    const answers = await completeAnswers(code);
    const before = await version();
    const cached = await getRoundResults(t.db, { roundId: "demo" });
    expect(cached.state).toBe("ready");
    expect(await getRoundResults(t.db, { roundId: "demo" })).toMatchObject({ state: "ready", indices: { cached: true } });

    await savePage(t.db, { form: await openForm(t.db, code), raw: { EXP_INFO: "2" }, sections: ["E"], locale: "vi" }, false);
    expect(await version()).toBe(before);
    const outcome = await submitForm(t.db, { form: await openForm(t.db, code), raw: answers, sections: ["E"], locale: "vi" });
    expect(outcome.ok).toBe(true);
    expect(await version()).toBe(before + 1);

    const fresh = await getRoundResults(t.db, { roundId: "demo" });
    expect(fresh).toMatchObject({ state: "ready", indices: { cached: false, dataVersion: before + 1 } });
    const responses = fresh.state === "ready" ? fresh.indices.result.design.responses : -1;
    expect(responses).toBe(cached.state === "ready" ? cached.indices.result.design.responses + 1 : NaN);
  });

  it("of two submissions at the same moment from two connections, exactly one wins", async () => {
    const code = await newCode();
    const answers = await completeAnswers(code);
    // PostgreSQL: a second pool, as a second app server would have. SQLite is served by one
    // process whose single connection queues transactions, so the race is between requests on it.
    const other = dialect === "postgres" ? t.open() : { db: t.db, close: async () => {} };
    try {
      const formA = await openForm(t.db, code);
      const formB = await openForm(other.db, code);
      const results = await Promise.allSettled([
        submitForm(t.db, { form: formA, raw: { ...answers, EXP_INFO: "1" }, sections: ["E"], locale: "vi" }),
        submitForm(other.db, { form: formB, raw: { ...answers, EXP_INFO: "2" }, sections: ["E"], locale: "vi" }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
      const winner = results[0].status === "fulfilled" ? "1" : "2";
      const row = await t.db.selectFrom("responses").selectAll().where("invitation_code", "=", code).executeTakeFirstOrThrow();
      expect(JSON.parse(row.answers).EXP_INFO).toBe(winner);
    } finally {
      await other.close();
    }
  });

  it("refuses unknown and malformed codes with clear messages", async () => {
    await expect(openForm(t.db, "")).rejects.toMatchObject({ status: 400, localized: { en: expect.stringContaining("type the survey code") } });
    await expect(openForm(t.db, "ABC")).rejects.toMatchObject({ status: 400, localized: { en: expect.stringContaining("10 characters") } });
    await expect(openForm(t.db, "ABCDE-0OIL1")).rejects.toMatchObject({ status: 400, localized: { en: expect.stringContaining("no O, I, L, 0 or 1") } });
    const real = await newCode();
    const typo = real.slice(0, 3) + (real[3] === "A" ? "B" : "A") + real.slice(4);
    await expect(openForm(t.db, typo)).rejects.toMatchObject({ status: 400, localized: { en: expect.stringContaining("mistyped") } });
    const unknown = await unusedValidCode();
    await expect(openForm(t.db, unknown)).rejects.toMatchObject({ status: 404, localized: { vi: expect.stringContaining("Không tìm thấy mã") } });
  });

  it("after 30 unknown codes from an address without a browser cookie, it is refused for a while, even with a real code; other addresses are not", async () => {
    const real = await newCode();
    for (let i = 0; i < 30; i++) {
      await expect(redeemCode(t.db, await unusedValidCode(), { address: "10.0.0.9" })).rejects.toMatchObject({ status: 404 });
    }
    await expect(redeemCode(t.db, real, { address: "10.0.0.9" })).rejects.toMatchObject({ status: 429, localized: { vi: expect.stringContaining("quá nhiều") } });
    await expect(redeemCode(t.db, real, { address: "10.0.0.10" })).resolves.toMatchObject({ code: real });
  });

  it("counts codes, drafts and submissions per round for the staff list", async () => {
    const [round] = (await listRounds(t.db)).filter((r) => r.id === "demo");
    const count = async (status: string) =>
      Number((await t.db.selectFrom("responses").select((eb) => eb.fn.countAll().as("n")).where("status", "=", status as "draft").executeTakeFirstOrThrow()).n);
    const codes = Number((await t.db.selectFrom("invitations").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    expect(round).toMatchObject({ codes, drafts: await count("draft"), submitted: await count("submitted") });
    expect(round.submitted).toBeGreaterThanOrEqual(2);
    expect(await listRounds(t.db, { provinceCode: "P99" })).toEqual([]);
  });

  /** Answers every page but the last of sipas-2022@2 through the service, as the web form does; returns the last page's answers. */
  async function completeAnswers(code: string): Promise<Record<string, string>> {
    for (const [section, raw] of PAGES_2022) {
      const form = await openForm(t.db, code);
      const outcome = await savePage(t.db, { form, raw, sections: [section], locale: "vi" }, true);
      if (!outcome.ok) throw new Error(`page ${section}: ${JSON.stringify(outcome.errors)}`);
    }
    return { ...EXPECT_2022 };
  }

  async function unusedValidCode(): Promise<string> {
    const { generateCode } = await import("../../app/domain/codes");
    const { randomBytes } = await import("node:crypto");
    return generateCode((n) => randomBytes(n));
  }
});

describe("harness", () => {
  it("runs PostgreSQL for real (not skipped)", () => {
    expect(process.env.TEST_DATABASE_URL ?? "").toMatch(/^postgres/);
  });
});
