/**
 * Drafts of questionnaire versions: a copy that keeps codes, saves that never overwrite a concurrent save, publishing
 * that is refused while a problem remains and records who and when, retiring that hides a version from new rounds.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { listAudit } from "../../app/services/platform/audit.server";
import { createDraft, getDraft, listDrafts, publishDraft, saveDraft, type Draft } from "../../app/services/definitions/drafts.server";
import { importShippedDefinitions } from "../../app/services/definitions/shipped-files.server";
import { getDefinition, listDefinitions, retireVersion } from "../../app/services/definitions/versions.server";
import { createRound } from "../../app/services/rounds/rounds.server";
import { createStaffUser } from "../../app/services/staff/accounts.server";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

describeEachDialect("questionnaire drafts", (dialect) => {
  let t: TestDatabase;
  let lan: string;
  let minh: string;
  let hanoi: string;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await importShippedDefinitions(t.db);
    const mk = async (username: string, role: "admin" | "manager", provinceCode: string | null) =>
      (await createStaffUser(t.db, { username, password: "một câu mật khẩu dài", role, provinceCode, actor: "cli:test" })).id;
    lan = await mk("lan", "manager", null);
    minh = await mk("minh", "admin", null);
    hanoi = await mk("hanoi", "manager", "01");
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });
  const national = (actor: string) => ({ actor, provinceCode: null });

  it("makes a new version from a published one, keeping every code, numbered after the last", async () => {
    const draft = await createDraft(t.db, { from: "sipas-2022@2" }, national(lan));
    expect(draft).toMatchObject({ key: "sipas-2022", version: "3", basedOn: "sipas-2022@2", revision: 1, createdBy: "lan", issues: [] });
    const codes = (raw: Record<string, unknown>) => (raw.sections as { items: { code: string }[] }[]).flatMap((s) => s.items.map((i) => i.code));
    expect(codes(draft.raw)).toEqual((await getDefinition(t.db, "sipas-2022@2")).sections.flatMap((s) => s.items.map((i) => i.code)));
  });

  it("refuses the second of two concurrent saves of one draft, and keeps the first", async () => {
    const draft = await createDraft(t.db, { from: "sipas-2022@2", version: "concurrent" }, national(lan));
    const edit = (title: string) => ({ ...draft.raw, title: { vi: title } });
    const results = await Promise.allSettled([
      saveDraft(t.db, draft.id, { raw: edit("Bản của Lan"), revision: 1 }, national(lan)),
      saveDraft(t.db, draft.id, { raw: edit("Bản của Minh"), revision: 1 }, national(minh)),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toMatchObject({ status: 409 });
    expect(refused[0].reason.text("en")).toMatch(/^The draft was saved by (lan|minh) at \d\d:\d\d:\d\d \d\d\/\d\d\/\d{4} \(save no\. 2\) after you opened it\. Your changes are NOT saved/);
    const stored = await getDraft(t.db, draft.id, national(lan));
    const winner = ((ok[0] as PromiseFulfilledResult<Draft>).value.raw.title as { vi: string }).vi;
    expect(stored.revision).toBe(2);
    expect((stored.raw.title as { vi: string }).vi).toBe(winner);
    // A later save from the stale page is refused too; from the fresh one it goes through.
    await expect(saveDraft(t.db, draft.id, { raw: edit("Cũ"), revision: 1 }, national(minh))).rejects.toMatchObject({ status: 409 });
    await expect(saveDraft(t.db, draft.id, { raw: edit("Mới"), revision: 2 }, national(minh))).resolves.toMatchObject({ revision: 3, updatedBy: "minh" });
  });

  it("survives a restart: a draft is read back from a new connection", async () => {
    const draft = await createDraft(t.db, { from: "sipas-2017@1", version: "restart" }, national(lan));
    const other = t.open();
    try {
      expect(await getDraft(other.db, draft.id, national(lan))).toMatchObject({ key: "sipas-2017", version: "restart", revision: 1 });
    } finally {
      await other.close();
    }
  });

  it("refuses to publish while a problem remains, then publishes with who and when, immutable and recorded", async () => {
    const draft = await createDraft(t.db, { from: "sipas-2022@2", version: "pub" }, national(lan));
    const broken = structuredClone(draft.raw) as { sections: { items: { code: string }[] }[] };
    broken.sections[1].items[0].code = broken.sections[0].items[0].code;
    const saved = await saveDraft(t.db, draft.id, { raw: broken, revision: 1 }, national(lan));
    expect(saved.issues.map((i) => i.message.en)).toEqual([
      expect.stringMatching(/^Question code "A_SEX" is used twice/),
      "The index tree uses question Q1_ECON, which does not exist",
    ]);
    const refused = publishDraft(t.db, draft.id, { revision: 2 }, national(minh));
    await expect(refused).rejects.toMatchObject({ status: 400 });
    await expect(refused).rejects.toThrow(/Chưa thể công bố: bản nháp còn 2 lỗi/);
    expect((await listDefinitions(t.db)).map((d) => d.id)).not.toContain("sipas-2022@pub");

    const fixed = await saveDraft(t.db, draft.id, { raw: draft.raw, revision: 2 }, national(lan));
    await expect(publishDraft(t.db, draft.id, { revision: 2 }, national(minh))).rejects.toMatchObject({ status: 409 });
    const outcome = await publishDraft(t.db, draft.id, { revision: fixed.revision }, national(minh));
    expect(outcome).toMatchObject({ id: "sipas-2022@pub", status: "imported" });
    const row = (await listDefinitions(t.db)).find((d) => d.id === "sipas-2022@pub")!;
    expect(row).toMatchObject({ status: "published", published_by: "minh", based_on: "sipas-2022@2", source: "app" });
    expect(Date.now() - Date.parse(row.published_at!)).toBeLessThan(60_000);
    await expect(getDraft(t.db, draft.id, national(lan))).rejects.toMatchObject({ status: 404 });
    const audit = await listAudit(t.db, { action: "definition.publish" }, { offset: 0, limit: 10 });
    expect(audit.records.map((r) => [r.actor, r.target])).toEqual([["minh", "sipas-2022@pub"]]);
    // The same key and version cannot be drafted again.
    await expect(createDraft(t.db, { from: "sipas-2022@2", version: "pub" }, national(lan))).rejects.toMatchObject({ status: 409 });
  });

  it("retires a version: no new round on it, the rounds that use it keep it", async () => {
    await createRound(t.db, { id: "uses-2017", definition: "sipas-2017@1", name: "Đợt cũ" });
    await retireVersion(t.db, "sipas-2017@1", minh);
    await expect(createRound(t.db, { id: "new-2017", definition: "sipas-2017@1", name: "Đợt mới" })).rejects.toThrow(/sipas-2017@1 đã ngừng dùng cho đợt khảo sát mới/);
    await expect(createRound(t.db, { id: "latest-2017", definition: "sipas-2017", name: "Mới nhất" })).rejects.toMatchObject({ status: 404 });
    expect((await getDefinition(t.db, "sipas-2017@1")).key).toBe("sipas-2017");
    await expect(retireVersion(t.db, "sipas-2017@1", minh)).rejects.toMatchObject({ status: 409 });
    expect((await listDefinitions(t.db)).find((d) => d.id === "sipas-2017@1")).toMatchObject({ status: "retired", retired_by: "minh" });
  });

  it("shows province staff only the drafts of their province", async () => {
    const own = await createDraft(t.db, { from: "sipas-2022@2", version: "ha-noi" }, { actor: hanoi, provinceCode: "01" });
    expect((await listDrafts(t.db, { provinceCode: "01" })).map((d) => d.version)).toEqual(["ha-noi"]);
    expect((await listDrafts(t.db, { provinceCode: null })).map((d) => d.version)).toContain("ha-noi");
    const national = await createDraft(t.db, { from: "sipas-2022@2", version: "quoc-gia" }, { actor: lan, provinceCode: null });
    await expect(getDraft(t.db, national.id, { provinceCode: "01" })).rejects.toMatchObject({ status: 404 });
    expect((await getDraft(t.db, own.id, { provinceCode: null })).createdBy).toBe("hanoi");
  });
});
