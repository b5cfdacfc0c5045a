import { afterAll, beforeAll, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { seedDemo } from "../../app/services/demo/seed.server";
import { issueCodes } from "../../app/services/fieldwork/invitations.server";
import { openForm, savePage, submitForm } from "../../app/services/citizen/form.server";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";
import { ALL_ANSWERS_2022, EXPECT_2022, EXPERIENCE_2022, INTEREST_2022, PAGES_2022, POLICY_2022, PROFILE_2022, VIEWS_2022 } from "../fixtures/walk-2022";

// Issue 11: one code walked whole in two places at once (two phones, two tabs, two app servers). Every page each
// walk saved must stay saved, and of the two submissions one is accepted and the other told "already submitted" —
// never "please fill this page" for a page it did fill because the other walk's draft overwrote it.
const PAGES = PAGES_2022;
const E = EXPECT_2022;

type End = "submitted" | "told already submitted" | string;

describeEachDialect("two whole walks of one code at once", (dialect) => {
  let t: TestDatabase;
  let second: { db: Kysely<Database>; close(): Promise<void> };
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, { adminPassword: "race-admin-password", codes: 0 });
    // PostgreSQL: a second pool, as a second app server has. SQLite: the one connection a server process has.
    second = dialect === "postgres" ? t.open() : { db: t.db, close: async () => {} };
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
    await t?.drop();
  });

  const pause = () => new Promise((r) => setTimeout(r, Math.random() * 25));

  /** One person's walk: each page opened, answered and sent as the no-JS form does, then the last page submitted. */
  async function walk(db: Kysely<Database>, code: string): Promise<End> {
    try {
      for (const [section, raw] of PAGES) {
        await pause();
        const form = await openForm(db, code);
        await pause(); // a busy server: time passes between reading the draft and writing it
        const saved = await savePage(db, { form, raw, sections: [section], locale: "vi" }, true);
        if (!saved.ok) return `asked to fill page ${section}: ${Object.keys(saved.errors).join(", ")}`;
      }
      await pause();
      const form = await openForm(db, code);
      if (form.status === "submitted") return "told already submitted";
      await pause();
      const outcome = await submitForm(db, { form, raw: E, sections: ["E"], locale: "vi" });
      return outcome.ok ? "submitted" : `asked to fill: ${Object.keys(outcome.errors).join(", ")}`;
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 409) return "told already submitted";
      throw e;
    }
  }

  it("a page saved from a draft read before another walk's later pages keeps those pages; the walk ahead submits, the other is told so", async () => {
    const [code] = await issueCodes(t.db, { roundId: "demo", count: 1 });
    const save = async (db: Kysely<Database>, form: Awaited<ReturnType<typeof openForm>>, section: string, raw: Record<string, string>) =>
      savePage(db, { form, raw, sections: [section], locale: "vi" }, true);
    // Both phones have sent pages A, B1 and B8. The slow one reads the draft to send page B...
    for (const [section, raw] of [["A", PROFILE_2022], ["B1", INTEREST_2022], ["B8", EXPERIENCE_2022]] as const) expect((await save(t.db, await openForm(t.db, code), section, raw)).ok).toBe(true);
    const slow = await openForm(second.db, code);
    // ... while the quick one sends pages B and C.
    expect((await save(t.db, await openForm(t.db, code), "B", VIEWS_2022)).ok).toBe(true);
    expect((await save(t.db, await openForm(t.db, code), "C", POLICY_2022)).ok).toBe(true);
    // The slow one's page B lands on the draft as it now is: page C stays.
    expect((await save(second.db, slow, "B", VIEWS_2022)).ok).toBe(true);
    expect((await openForm(t.db, code)).answers).toMatchObject({ ...PROFILE_2022, ...INTEREST_2022, ...EXPERIENCE_2022, ...VIEWS_2022, ...POLICY_2022 });
    // The quick one submits (not "please fill page C"); the slow one, sending page C, is told it was already submitted.
    const submitted = await submitForm(t.db, { form: await openForm(t.db, code), raw: E, sections: ["E"], locale: "vi" });
    expect(submitted).toMatchObject({ ok: true });
    await expect(save(second.db, slow, "C", POLICY_2022)).rejects.toMatchObject({ status: 409, localized: { vi: expect.stringContaining("Mỗi mã chỉ được gửi một lần") } });
    // Even with a stale view that still says "draft", a submission is refused as already submitted.
    await expect(submitForm(second.db, { form: slow, raw: E, sections: ["E"], locale: "vi" })).rejects.toMatchObject({ status: 409 });
  });

  it("of 40 codes each walked twice at once: one submission each, the other walk told it was already submitted", async () => {
    const codes = await issueCodes(t.db, { roundId: "demo", count: 40 });
    const ends = await Promise.all(codes.map(async (code) => ({ code, ends: await Promise.all([walk(t.db, code), walk(second.db, code)]) })));
    const wrong = ends.filter((e) => [...e.ends].sort().join(" | ") !== "submitted | told already submitted");
    expect(wrong).toEqual([]);
    const rows = await t.db.selectFrom("responses").select(["status", "answers"]).where("invitation_code", "in", codes).execute();
    expect(rows.filter((r) => r.status === "submitted")).toHaveLength(40);
    for (const r of rows) expect(JSON.parse(r.answers)).toMatchObject(ALL_ANSWERS_2022);
  });
});
