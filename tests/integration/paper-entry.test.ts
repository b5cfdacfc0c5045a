import { afterAll, beforeAll, expect, it } from "vitest";
import type { RawAnswers } from "../../app/domain/answers/validate";
import type { Definition } from "../../app/domain/definition/schema";
import { BLANK_VALUE, validatePaperEntry } from "../../app/domain/paper/validate-entry";
import { DEMO_DEFINITION, seedDemo } from "../../app/services/demo/seed.server";
import { getDefinition } from "../../app/services/definitions/versions.server";
import { issueCodes } from "../../app/services/fieldwork/invitations.server";
import {
  discardEntries,
  entryProgress,
  getReview,
  openForKeying,
  resolveReview,
  reviewQueue,
  saveEntry,
  setDoubleEntry,
} from "../../app/services/paper/entry.server";
import { contactsForCodes, selectPrintCodes } from "../../app/services/paper/printing.server";
import { openForm, savePage, submitForm } from "../../app/services/citizen/form.server";
import { createRound } from "../../app/services/rounds/rounds.server";
import { createStaffUser } from "../../app/services/staff/accounts.server";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

/** A complete 2022 paper form: "4" on scales, the first option elsewhere, unless told otherwise. */
function paperForm(def: Definition, choices: RawAnswers = {}): RawAnswers {
  const raw: RawAnswers = {};
  for (const item of def.sections.flatMap((s) => s.items)) {
    if (item.code in choices) raw[item.code] = choices[item.code];
    else if (item.options) raw[item.code] = item.options.some((o) => o.code === "4") ? "4" : item.options[0].code;
    else if (item.type === "text") raw[item.code] = "Phục vụ tốt.";
  }
  return raw;
}

describeEachDialect("paper entry", (dialect) => {
  let t: TestDatabase;
  let def: Definition;
  const clerk = { a: "", b: "", supervisor: "" };
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, { adminPassword: "integration-password", codes: 0 });
    def = await getDefinition(t.db, DEMO_DEFINITION);
    for (const [key, username, role] of [["a", "nhap.a", "clerk"], ["b", "nhap.b", "clerk"], ["supervisor", "giamsat", "manager"]] as const) {
      clerk[key] = (await createStaffUser(t.db, { username, password: "clerk-password-1", role, provinceCode: "P01", actor: "cli:test" })).id;
    }
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  const newCode = async (round = "demo") => (await issueCodes(t.db, { roundId: round, count: 1, channel: "paper", unitCode: "D02", stratum: "D02", psu: "X1", weight: 8, fpc: 120 }))[0];
  const response = (code: string) => t.db.selectFrom("responses").selectAll().where("invitation_code", "=", code).executeTakeFirst();
  const dataVersion = async () => Number((await t.db.selectFrom("rounds").select("data_version").where("id", "=", "demo").executeTakeFirstOrThrow()).data_version);

  /** A sampled person with a contact, tied to a code (as the sampling step makes them). */
  async function samplePerson(code: string, name: string) {
    const id = `demo:n:${code}`;
    await t.db
      .insertInto("frame_persons")
      .values({ id, round_id: "demo", line: 1, dossier_id: null, unit_code: "D02", unit_level: "district", service_field: null, returned_on: null, sex: null, birth_year: null, extra: "{}", created_at: new Date().toISOString() })
      .execute();
    await t.db.insertInto("frame_contacts").values({ person_id: id, round_id: "demo", name, phone: null, address: "Thôn Đông, xã Hòa Bình" }).execute();
    // One sample per round (migration 003).
    const sampleId = "s-demo";
    await t.db
      .insertInto("samples")
      .values({ id: sampleId, round_id: "demo", design: "{}", seed: "1", algorithm: "test", plan: "{}", created_at: new Date().toISOString(), created_by: "test" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await t.db
      .insertInto("sample_units")
      .values({ sample_id: sampleId, person_id: id, round_id: "demo", stratum: "D02", role: "sample", position: 1, inclusion_probability: 0.125, design_weight: 8, adjusted_weight: null, outcome: "pending", replaces_person_id: null, invitation_code: code, updated_at: new Date().toISOString() })
      .execute();
  }

  it("single entry: a keyed form is a submitted paper response with the invitation's design fields, at once", async () => {
    await setDoubleEntry(t.db, "demo", false, clerk.supervisor);
    const code = await newCode();
    await samplePerson(code, "Nguyễn Văn An");
    const target = await openForKeying(t.db, "demo", code.toLowerCase().replace(/(.{5})/, "$1-"), clerk.a);
    expect(target).toMatchObject({ code, entryNo: 1, doubleEntry: false, onlineDraft: false });
    const before = await dataVersion();

    const saved = await saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.a, raw: paperForm(def, { Q8_PROC: "2", A_SEX: BLANK_VALUE }) });
    expect(saved).toEqual({ ok: true, code, entryNo: 1, state: "submitted", mismatches: 0 });
    const row = (await response(code))!;
    expect(row).toMatchObject({ status: "submitted", entry_mode: "paper", unit_code: "D02", stratum: "D02", psu: "X1", weight: 8, fpc: 120 });
    const answers = JSON.parse(row.answers);
    expect(answers.A_SEX).toBeUndefined(); // blank on paper = missing
    expect(answers.SV_ACC_1).toBeUndefined(); // part D skipped: no procedure
    expect(answers.P_INFO_1).toBe("4");
    expect(await dataVersion()).toBe(before + 1);
    const invitation = await t.db.selectFrom("invitations").select("status").where("code", "=", code).executeTakeFirstOrThrow();
    expect(invitation.status).toBe("submitted");
    const unit = await t.db.selectFrom("sample_units").select("outcome").where("invitation_code", "=", code).executeTakeFirstOrThrow();
    expect(unit.outcome).toBe("returned");

    // Keyed once, counted once: neither a clerk nor the citizen online can add a second.
    await expect(openForKeying(t.db, "demo", code, clerk.b)).rejects.toMatchObject({ status: 409, localized: { vi: expect.stringContaining("đã được nhập và xác nhận") } });
    const online = await openForm(t.db, code);
    expect(online.status).toBe("submitted");
    await expect(submitForm(t.db, { form: { ...online, status: "draft" }, raw: {}, sections: ["E"], locale: "vi" })).rejects.toMatchObject({ status: 409 });
  });

  it("validates like the citizen's form and stores nothing until the whole form is right", async () => {
    const code = await newCode();
    const raw = paperForm(def, { P_INFO_1: "7", Q8_PROC: "1" });
    delete raw.SV_STAFF_2;
    const saved = await saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.a, raw });
    expect(saved.ok).toBe(false);
    if (!saved.ok) {
      expect(Object.keys(saved.errors)).toEqual(["P_INFO_1", "SV_STAFF_2"]);
      expect(saved.errors.P_INFO_1.vi).toBe("Lựa chọn không hợp lệ, vui lòng chọn lại.");
      expect(saved.errors.SV_STAFF_2.vi).toContain("Bỏ trống");
    }
    expect(await response(code)).toBeUndefined();
    expect(await t.db.selectFrom("paper_entries").select("id").where("invitation_code", "=", code).execute()).toEqual([]);
  });

  it("double entry: the second clerk keys blind, must be someone else, and equal entries are verified", async () => {
    await setDoubleEntry(t.db, "demo", true, clerk.supervisor);
    const code = await newCode();
    const raw = paperForm(def, { Q8_PROC: "1", Q8_FEEDBACK: "2" });
    const first = await saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.a, raw });
    expect(first).toMatchObject({ ok: true, entryNo: 1, state: "awaiting-second" });
    expect(await response(code)).toBeUndefined();
    expect(await entryProgress(t.db, "demo")).toMatchObject({ awaitingSecond: 1, awaitingReview: 0 });

    await expect(openForKeying(t.db, "demo", code, clerk.a)).rejects.toMatchObject({ status: 409, localized: { vi: expect.stringContaining("cán bộ khác") } });
    await expect(saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.a, raw })).rejects.toMatchObject({ status: 409 });
    const target = await openForKeying(t.db, "demo", code, clerk.b);
    expect(target).toMatchObject({ entryNo: 2, doubleEntry: true });
    expect(JSON.stringify(target)).not.toContain("Phục vụ tốt"); // nothing of entry 1 reaches the second clerk

    const second = await saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.b, raw: { ...raw, COMMENT: " Phục vụ  tốt. " } });
    expect(second).toEqual({ ok: true, code, entryNo: 2, state: "verified", mismatches: 0 });
    expect(await response(code)).toMatchObject({ status: "submitted", entry_mode: "paper" });
    expect(await entryProgress(t.db, "demo")).toMatchObject({ awaitingSecond: 0, awaitingReview: 0 });
  });

  it("double entry with mismatches: listed per item, not counted until a supervisor resolves them", async () => {
    await setDoubleEntry(t.db, "demo", true, clerk.supervisor);
    const code = await newCode();
    const raw = paperForm(def, { Q8_PROC: "1", Q8_FEEDBACK: "1" });
    await saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.a, raw });
    const second = await saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.b, raw: { ...raw, P_INFO_1: "5", SV_FB_3: BLANK_VALUE, COMMENT: "Phục vụ chưa tốt." } });
    expect(second).toMatchObject({ ok: true, state: "mismatch", mismatches: 3 });
    expect(await response(code)).toBeUndefined();

    const queue = await reviewQueue(t.db, "demo", def);
    expect(queue.mismatched).toEqual([expect.objectContaining({ code, mismatches: 3, clerks: ["nhap.a", "nhap.b"] })]);
    const review = await getReview(t.db, "demo", code, def);
    expect(review.comparison.mismatches).toEqual([
      { item: "P_INFO_1", section: "C", number: 32, first: "4", second: "5" },
      { item: "SV_FB_3", section: "D", number: 63, first: "4", second: undefined },
      { item: "COMMENT", section: "E", number: 73, first: "Phục vụ tốt.", second: "Phục vụ chưa tốt." },
    ]);

    // A resolution missing a pick is refused with the item named; nothing is counted.
    const partial = await resolveReview(t.db, { roundId: "demo", code, reviewerId: clerk.supervisor, picks: { P_INFO_1: "5", COMMENT: "Phục vụ tốt." } });
    expect(partial).toMatchObject({ ok: false, errors: { SV_FB_3: expect.anything() } });
    expect(await response(code)).toBeUndefined();

    const resolved = await resolveReview(t.db, { roundId: "demo", code, reviewerId: clerk.supervisor, picks: { P_INFO_1: "5", SV_FB_3: "4", COMMENT: "Phục vụ tốt." } });
    expect(resolved).toEqual({ ok: true });
    const row = (await response(code))!;
    expect(row).toMatchObject({ status: "submitted", entry_mode: "paper" });
    expect(JSON.parse(row.answers)).toMatchObject({ P_INFO_1: "5", SV_FB_3: "4", COMMENT: "Phục vụ tốt.", P_INFO_FORMS: "4" });
    const audit = await t.db.selectFrom("paper_reviews").selectAll().where("invitation_code", "=", code).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ reviewer_id: clerk.supervisor, mismatches: 3 });
    expect(JSON.parse(audit.resolution)).toEqual({ P_INFO_1: "2", SV_FB_3: "1", COMMENT: "1" });
    expect((await reviewQueue(t.db, "demo", def)).mismatched).toEqual([]);
    await expect(resolveReview(t.db, { roundId: "demo", code, reviewerId: clerk.supervisor, picks: {} })).rejects.toMatchObject({ status: 409 });
  });

  it("a supervisor can discard an entry so the form is keyed again", async () => {
    await setDoubleEntry(t.db, "demo", true, clerk.supervisor);
    const code = await newCode();
    const raw = paperForm(def, { Q8_PROC: "2" });
    await saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.a, raw });
    await saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.b, raw: { ...raw, A_AGE: "5" } });
    expect(await discardEntries(t.db, { roundId: "demo", code, which: "2" })).toBe(1);
    expect(await openForKeying(t.db, "demo", code, clerk.supervisor)).toMatchObject({ entryNo: 2 });
    const rekeyed = await saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.supervisor, raw });
    expect(rekeyed).toMatchObject({ state: "verified" });
  });

  it("a code answered online cannot be keyed; an online draft is replaced by the verified paper form", async () => {
    await setDoubleEntry(t.db, "demo", false, clerk.supervisor);
    const online = await newCode();
    const form = await openForm(t.db, online);
    const answers = paperForm(def, { Q8_PROC: "2" });
    for (const section of ["A", "B1", "B", "B8", "C"]) {
      const outcome = await savePage(t.db, { form: await openForm(t.db, online), raw: answers, sections: [section], locale: "vi" }, true);
      expect(outcome.ok).toBe(true);
    }
    expect((await submitForm(t.db, { form: await openForm(t.db, online), raw: answers, sections: ["E"], locale: "vi" })).ok).toBe(true);
    expect(form.code).toBe(online);
    await expect(openForKeying(t.db, "demo", online, clerk.a)).rejects.toMatchObject({ status: 409, localized: { vi: expect.stringContaining("trả lời trực tuyến") } });
    await expect(saveEntry(t.db, { roundId: "demo", code: online, clerkId: clerk.a, raw: answers })).rejects.toMatchObject({ status: 409 });
    expect(await t.db.selectFrom("paper_entries").select("id").where("invitation_code", "=", online).execute()).toEqual([]);

    const draft = await newCode();
    await savePage(t.db, { form: await openForm(t.db, draft), raw: { A_SEX: "2" }, sections: ["A"], locale: "en" }, false);
    expect(await openForKeying(t.db, "demo", draft, clerk.a)).toMatchObject({ onlineDraft: true });
    expect(await saveEntry(t.db, { roundId: "demo", code: draft, clerkId: clerk.a, raw: answers })).toMatchObject({ state: "submitted" });
    const row = (await response(draft))!;
    expect(row).toMatchObject({ status: "submitted", entry_mode: "paper", locale: "vi" });
    expect(JSON.parse(row.answers).A_SEX).toBe("1");
  });

  it("an online submission between the two entries wins; the second entry is refused and not stored", async () => {
    await setDoubleEntry(t.db, "demo", true, clerk.supervisor);
    const code = await newCode();
    const answers = paperForm(def, { Q8_PROC: "2" });
    await saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.a, raw: answers });
    for (const section of ["A", "B1", "B", "B8", "C"]) await savePage(t.db, { form: await openForm(t.db, code), raw: answers, sections: [section], locale: "vi" }, true);
    expect((await submitForm(t.db, { form: await openForm(t.db, code), raw: answers, sections: ["E"], locale: "vi" })).ok).toBe(true);
    await expect(saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.b, raw: answers })).rejects.toMatchObject({ status: 409 });
    const entries = await t.db.selectFrom("paper_entries").select("entry_no").where("invitation_code", "=", code).execute();
    expect(entries.map((e) => Number(e.entry_no))).toEqual([1]);
    expect(await response(code)).toMatchObject({ entry_mode: "online" });
    // The orphaned first entry no longer waits for anyone.
    expect((await reviewQueue(t.db, "demo", def)).awaitingSecond.map((e) => e.code)).not.toContain(code);
  });

  it("of two clerks saving the same form at once, each gets a distinct entry number", async () => {
    await setDoubleEntry(t.db, "demo", true, clerk.supervisor);
    const code = await newCode();
    const answers = paperForm(def, { Q8_PROC: "2" });
    const other = dialect === "postgres" ? t.open() : { db: t.db, close: async () => {} };
    try {
      const results = await Promise.all([
        saveEntry(t.db, { roundId: "demo", code, clerkId: clerk.a, raw: answers }),
        saveEntry(other.db, { roundId: "demo", code, clerkId: clerk.b, raw: answers }),
      ]);
      expect(results.map((r) => r.ok && r.entryNo).sort()).toEqual([1, 2]);
      expect(results.map((r) => r.ok && r.state).sort()).toEqual(["awaiting-second", "verified"]);
    } finally {
      await other.close();
    }
  });

  it("keys only codes of the round: a code of another round (or province) is not found", async () => {
    await createRound(t.db, { id: "p77", definition: "sipas-2022@1", name: "Tỉnh khác", provinceCode: "P77" });
    const foreign = await newCode("p77");
    await expect(openForKeying(t.db, "demo", foreign, clerk.a)).rejects.toMatchObject({ status: 404, localized: { vi: expect.stringContaining("Không tìm thấy mã này trong đợt") } });
    await expect(saveEntry(t.db, { roundId: "demo", code: foreign, clerkId: clerk.a, raw: {} })).rejects.toMatchObject({ status: 404 });
    await expect(openForKeying(t.db, "demo", "ABC", clerk.a)).rejects.toMatchObject({ status: 400, localized: { vi: expect.stringContaining("10 ký tự") } });
    expect(validatePaperEntry(def, {}).errors.A_SEX).toBeDefined();
  });

  it("prints unsent codes (by stratum, or a typed list) and gives contacts of sampled people", async () => {
    await createRound(t.db, { id: "print", definition: "sipas-2022@1", name: "In phiếu", provinceCode: "P01" });
    const inS1 = await issueCodes(t.db, { roundId: "print", count: 3, stratum: "S1" });
    const inS2 = await issueCodes(t.db, { roundId: "print", count: 2, stratum: "S2" });
    await openForm(t.db, inS1[0]); // opened online: no longer unsent
    const all = await selectPrintCodes(t.db, "print", { kind: "unsent" }, { offset: 0, limit: 50 });
    expect(all.total).toBe(4);
    expect(all.codes.map((c) => c.code)).toEqual([...inS1.slice(1).sort(), ...[...inS2].sort()]);
    const page2 = await selectPrintCodes(t.db, "print", { kind: "unsent" }, { offset: 3, limit: 3 });
    expect(page2.codes.map((c) => c.code)).toEqual([all.codes[3].code]);
    const s2 = await selectPrintCodes(t.db, "print", { kind: "unsent", stratum: "S2" }, { offset: 0, limit: 50 });
    expect(s2.codes.map((c) => c.stratum)).toEqual(["S2", "S2"]);

    const foreign = await newCode();
    const typed = await selectPrintCodes(t.db, "print", { kind: "codes", codes: [inS1[0].toLowerCase(), "ABC", foreign, inS1[0]] }, { offset: 0, limit: 50 });
    expect(typed.codes.map((c) => c.code)).toEqual([inS1[0]]);
    expect(typed.problems).toEqual([expect.stringContaining("ABC: Mã khảo sát gồm 10 ký tự"), expect.stringContaining("không có trong đợt khảo sát này")]);

    const sampled = await newCode();
    await samplePerson(sampled, "Trần Thị Bích");
    const contacts = await contactsForCodes(t.db, "demo", [sampled, foreign]);
    expect([...contacts.entries()]).toEqual([[sampled, { name: "Trần Thị Bích", address: "Thôn Đông, xã Hòa Bình" }]]);
  });
});
