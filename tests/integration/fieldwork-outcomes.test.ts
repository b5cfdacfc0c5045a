import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { answerLinkSignatureValid } from "../../app/services/platform/signing.server";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../db/schema";
import { formatCode } from "../../app/domain/codes";
import { importShippedDefinitions } from "../../app/services/definitions/shipped-files.server";
import {
  applyAdjustment,
  closeRoundAndPurge,
  fieldworkDashboard,
  listContactPurges,
  listFieldUnits,
  mailMergeRows,
  markAllSent,
  previewAdjustment,
  replaceFromReserve,
  replacementChain,
  setOutcome,
  type Actor,
} from "../../app/services/fieldwork/fieldwork.server";
import { chunkText, exportResponses } from "../../app/services/data/exports.server";
import { importFrameFile } from "../../app/services/fieldwork/frame-import.server";
import { importRoundUnits } from "../../app/services/rounds/units-import.server";
import { createRound } from "../../app/services/rounds/rounds.server";
import { drawRoundSample } from "../../app/services/fieldwork/sampling.server";
import { answers2022, insertSubmittedForInvitation } from "../fixtures/responses-factory";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "sipas-outcomes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FRAME = join(dir, "frame.csv");
writeFileSync(FRAME, frameCsv({ rows: 200, districts: 2, communesPerDistrict: 1, seed: 5, atDistrict: 0.5 }));

const manager: Actor = { id: "manager-1", role: "manager" };
const clerk: Actor = { id: "clerk-1", role: "clerk" };
const analyst: Actor = { id: "analyst-1", role: "analyst" };

/** A questionnaire submitted online for a code, copying what the invitation carries (as the citizen form does). */
async function submitOnline(db: Kysely<Database>, code: string, mode: "online" | "paper" = "online") {
  await insertSubmittedForInvitation(db, code, answers2022("4", "4"), mode);
}

describeEachDialect("fieldwork: outcomes, replacements, adjustment, closing", (dialect) => {
  let t: TestDatabase;
  const round = "fw";
  let strata: string[];
  const codesOf = async (stratum: string) =>
    (
      await t.db
        .selectFrom("sample_units")
        .select(["invitation_code", "design_weight"])
        .where("round_id", "=", round)
        .where("stratum", "=", stratum)
        .where("role", "=", "sample")
        .orderBy("position")
        .execute()
    ).map((r) => r.invitation_code!);

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await importShippedDefinitions(t.db);
    await createRound(t.db, { id: round, definition: "sipas-2022@1", name: "Thực địa", provinceCode: "P01" });
    await importRoundUnits(t.db, round, { text: unitsCsv(factoryUnits(2, 1)) }, "don-vi.csv");
    await importFrameFile(t.db, { roundId: round, path: FRAME, fileName: "frame.csv", mode: "all" });
    await drawRoundSample(t.db, {
      roundId: round,
      design: { kind: "stratified", strataBy: ["level"], size: { method: "fixed", n: 20 }, allocation: { method: "equal" }, reserve: 3 },
      seed: 99,
      userId: manager.id,
    });
    strata = [JSON.stringify(["commune"]), JSON.stringify(["district"])];
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  it("records outcomes, counts a submitted questionnaire as returned, and refuses what cannot be", async () => {
    const [a, b, c] = await codesOf(strata[0]);
    expect(await markAllSent(t.db, round)).toBe(20);
    await setOutcome(t.db, { roundId: round, code: formatCode(a).toLowerCase(), outcome: "refused" });
    await submitOnline(t.db, b);
    await expect(setOutcome(t.db, { roundId: round, code: b, outcome: "unreachable" })).rejects.toThrow(/đã gửi phiếu trả lời; kết quả liên hệ là “Đã trả lời”/);
    await expect(setOutcome(t.db, { roundId: round, code: c, outcome: "returned" })).rejects.toThrow(/Không thể ghi tay kết quả “returned”/);
    await expect(setOutcome(t.db, { roundId: round, code: "22222-22222", outcome: "sent" })).rejects.toThrow(/không phải mã thư mời|Không có người nào trong mẫu/);
    const list = await listFieldUnits(t.db, round, manager, { outcome: "all", pageSize: 100 });
    expect(list.total).toBe(20);
    const byCode = new Map(list.units.map((u) => [u.code, u]));
    expect(byCode.get(a)!.outcome).toBe("refused");
    expect(byCode.get(b)).toMatchObject({ outcome: "returned", entryMode: "online" });
    expect(byCode.get(c)!.outcome).toBe("sent");
    expect(byCode.get(a)!.contact!.name).not.toBe("");
    // Without the contacts permission the same list has no names, phones or addresses.
    const forClerk = await listFieldUnits(t.db, round, clerk, { outcome: "all" });
    expect(forClerk.units.every((u) => u.contact === null)).toBe(true);
  });

  it("replaces from the reserve list in order and keeps the chain; the replacement carries the slot's weight", async () => {
    const [a, , c] = await codesOf(strata[0]);
    await expect(replaceFromReserve(t.db, { roundId: round, code: c })).rejects.toThrow(/Hãy ghi trước lý do .* không trả lời .*kết quả hiện tại: “(Đã gửi|Chưa gửi)”/);
    const first = await replaceFromReserve(t.db, { roundId: round, code: a });
    expect(first.reserveOrder).toBe(1);
    await expect(replaceFromReserve(t.db, { roundId: round, code: a })).rejects.toThrow(/đã được thay bằng/);
    await expect(setOutcome(t.db, { roundId: round, code: a, outcome: "sent" })).rejects.toThrow(/đã được thay bằng .*; kết quả liên hệ giữ như đã ghi/);

    await setOutcome(t.db, { roundId: round, code: first.code, outcome: "unreachable" });
    const second = await replaceFromReserve(t.db, { roundId: round, code: first.code });
    expect(second.reserveOrder).toBe(2);
    await setOutcome(t.db, { roundId: round, code: c, outcome: "invalid" });
    const third = await replaceFromReserve(t.db, { roundId: round, code: c });
    expect(third.reserveOrder).toBe(3);
    const [d] = (await codesOf(strata[0])).slice(3);
    await setOutcome(t.db, { roundId: round, code: d, outcome: "refused" });
    await expect(replaceFromReserve(t.db, { roundId: round, code: d })).rejects.toThrow(/Danh sách dự phòng của nhóm .* đã hết/);

    const chain = await replacementChain(t.db, round, second.code);
    expect(chain.map((u) => [u.code, u.outcome, u.role])).toEqual([
      [a, "refused", "sample"],
      [first.code, "unreachable", "reserve"],
      [second.code, "pending", "reserve"],
    ]);
    const inv = await t.db.selectFrom("invitations").selectAll().where("code", "=", second.code).executeTakeFirstOrThrow();
    const original = await t.db.selectFrom("invitations").selectAll().where("code", "=", a).executeTakeFirstOrThrow();
    expect([inv.stratum, Number(inv.weight), Number(inv.fpc)]).toEqual([original.stratum, Number(original.weight), Number(original.fpc)]);
    const units = await t.db
      .selectFrom("sample_units")
      .select(["invitation_code", "replaces_person_id", "person_id"])
      .where("round_id", "=", round)
      .where("role", "=", "reserve")
      .where("stratum", "=", strata[0])
      .orderBy("position")
      .execute();
    const codeOfPerson = new Map(
      (await t.db.selectFrom("sample_units").select(["person_id", "invitation_code"]).where("round_id", "=", round).execute()).map((u) => [
        u.person_id,
        u.invitation_code,
      ])
    );
    expect(units.map((u) => [u.invitation_code, codeOfPerson.get(u.replaces_person_id!)])).toEqual([
      [first.code, a],
      [second.code, first.code],
      [third.code, c],
    ]);
  });

  it("shows the dashboard per stratum, live", async () => {
    const before = await fieldworkDashboard(t.db, round);
    const row = before.rows.find((r) => r.stratum === strata[0])!;
    expect(row).toMatchObject({ sampled: 10, replacements: 3, returned: 1, returnedOnline: 1, refused: 2, unreachable: 1, invalid: 1 });
    expect(row.sent).toBe(11); // the 10 sampled were marked sent, and one replacement found unreachable
    expect(row.responseRate).toBeCloseTo(1 / 13, 12);
    expect(row.frameSize).toBeGreaterThan(10);
    expect(before.total.sampled).toBe(20);
    expect(before.total.frameSize).toBe(200);
    const [, , , , e] = await codesOf(strata[1]);
    await submitOnline(t.db, e, "paper");
    const after = await fieldworkDashboard(t.db, round);
    expect(after.rows.find((r) => r.stratum === strata[1])).toMatchObject({ returned: 1, returnedPaper: 1, verified: 1 });
    expect(after.dataVersion).toBeGreaterThan(before.dataVersion);
  });

  it("adjusts weights for non-response within strata, writes them to invitations and responses, and moves the data version on", async () => {
    // Stratum 0: b returned; the chains of a and c end at replacements that have not returned.
    const more = await codesOf(strata[0]);
    await submitOnline(t.db, more[4]);
    const preview = await previewAdjustment(t.db, round);
    const s0 = preview.strata.find((s) => s.stratum === strata[0])!;
    expect(s0).toMatchObject({ sampled: 10, eligible: 10, respondents: 2, nonrespondents: 8 });
    expect(s0.factor).toBeCloseTo(5, 12);
    expect(preview.applied).toBeNull();
    const before = await t.db.selectFrom("rounds").select("data_version").where("id", "=", round).executeTakeFirstOrThrow();

    await applyAdjustment(t.db, round, manager.id);
    const after = await t.db.selectFrom("rounds").select("data_version").where("id", "=", round).executeTakeFirstOrThrow();
    expect(Number(after.data_version)).toBe(Number(before.data_version) + 1);
    const b = more[1];
    const unit = await t.db.selectFrom("sample_units").select(["design_weight", "adjusted_weight"]).where("invitation_code", "=", b).executeTakeFirstOrThrow();
    expect(Number(unit.adjusted_weight)).toBeCloseTo(Number(unit.design_weight) * 5, 9);
    const inv = await t.db.selectFrom("invitations").select("weight").where("code", "=", b).executeTakeFirstOrThrow();
    const resp = await t.db.selectFrom("responses").select("weight").where("invitation_code", "=", b).executeTakeFirstOrThrow();
    expect(Number(inv.weight)).toBeCloseTo(Number(unit.adjusted_weight), 9);
    expect(Number(resp.weight)).toBeCloseTo(Number(unit.adjusted_weight), 9);
    // Σ adjusted weights of respondents = Σ design weights of the stratum's slots.
    const weights = await t.db.selectFrom("responses").select(["weight", "stratum"]).where("round_id", "=", round).where("stratum", "=", strata[0]).execute();
    const slots = await t.db
      .selectFrom("sample_units")
      .select("design_weight")
      .where("round_id", "=", round)
      .where("stratum", "=", strata[0])
      .where("role", "=", "sample")
      .execute();
    expect(weights.reduce((s, w) => s + Number(w.weight), 0)).toBeCloseTo(
      slots.reduce((s, w) => s + Number(w.design_weight), 0),
      9
    );
    // A replaced person is represented by its replacement: the refused one gets no adjusted weight.
    const replaced = await t.db.selectFrom("sample_units").select("adjusted_weight").where("invitation_code", "=", more[0]).executeTakeFirstOrThrow();
    expect(replaced.adjusted_weight).toBeNull();

    const applied = await previewAdjustment(t.db, round);
    expect(applied.applied).toMatchObject({ by: "manager-1", stale: false });
    await submitOnline(t.db, more[5]);
    expect((await previewAdjustment(t.db, round)).applied!.stale).toBe(true);
  });

  it("keeps contact details out of the response export, which carries stratum, weight and FPC", async () => {
    const download = await exportResponses(t.db, round);
    let csv = "";
    for await (const chunk of download.chunks()) csv += chunkText(chunk);
    expect(download.totalRows).toBeGreaterThanOrEqual(4);
    const respondents = await t.db
      .selectFrom("responses as r")
      .innerJoin("sample_units as su", "su.invitation_code", "r.invitation_code")
      .innerJoin("frame_contacts as fc", "fc.person_id", "su.person_id")
      .select(["fc.name", "fc.phone", "fc.address", "r.stratum"])
      .where("r.round_id", "=", round)
      .execute();
    expect(respondents.length).toBe(download.totalRows);
    for (const c of respondents) {
      expect(csv).not.toContain(c.name);
      if (c.phone) expect(csv).not.toContain(c.phone);
      if (c.address) expect(csv).not.toContain(c.address);
    }
    expect(csv).toContain(strata[0].replace(/"/g, '""'));
  });

  it("gives the mail-merge rows only to roles that may see contacts", async () => {
    const rows = [];
    for await (const r of mailMergeRows(t.db, round, manager, { baseUrl: "https://khaosat.example.vn/" })) rows.push(r);
    expect(rows).toHaveLength(23);
    const [code, link, name, phone, address] = rows[0];
    expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    // The link is signed (ADR 023): a look-up that brings it is never counted as a guess.
    const [path, signature] = link!.split("?k=");
    expect(path).toBe(`https://khaosat.example.vn/s/${code!.replace("-", "")}`);
    expect(await answerLinkSignatureValid(t.db, code!.replace("-", ""), signature)).toBe(true);
    expect(await answerLinkSignatureValid(t.db, code!.replace("-", ""), signature.slice(0, 15) + (signature.endsWith("A") ? "B" : "A"))).toBe(false);
    expect(name).toBeTruthy();
    expect(phone || address).toBeTruthy();
    for (const actor of [clerk, analyst]) {
      await expect(mailMergeRows(t.db, round, actor, { baseUrl: "http://x" }).next()).rejects.toMatchObject({ status: 403 });
    }
  });

  it("purges the contacts when the round closes and keeps a record of it", async () => {
    // Rows left out by a valid-only import (names, phones) must go too.
    const importId = (await t.db.selectFrom("frame_imports").select("id").where("round_id", "=", round).executeTakeFirstOrThrow()).id;
    await t.db
      .insertInto("frame_rejected_rows")
      .values({ import_id: importId, round_id: round, line: 9, cells: JSON.stringify(["Nguyễn Văn A", "0912345678", "X99"]), problems: "[]" })
      .execute();
    await expect(closeRoundAndPurge(t.db, round, analyst)).rejects.toMatchObject({ status: 403 });
    const contactsBefore = await t.db
      .selectFrom("frame_contacts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("round_id", "=", round)
      .executeTakeFirstOrThrow();
    expect(Number(contactsBefore.n)).toBe(200);
    const purge = await closeRoundAndPurge(t.db, round, manager);
    expect(purge.rowsPurged).toBe(200);
    const left = await t.db
      .selectFrom("frame_contacts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("round_id", "=", round)
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    expect(await t.db.selectFrom("frame_rejected_rows").selectAll().where("round_id", "=", round).execute()).toEqual([]);
    expect(await listContactPurges(t.db, round)).toEqual([expect.objectContaining({ rowsPurged: 200, purgedBy: "manager-1" })]);
    // The frame and the sample stay (weights, strata) for the indices; only personal data is gone.
    expect((await fieldworkDashboard(t.db, round)).total.sampled).toBe(20);
    await expect(closeRoundAndPurge(t.db, round, manager)).rejects.toThrow(/đã được đóng trước đó/);
    await expect(setOutcome(t.db, { roundId: round, code: (await codesOf(strata[0]))[6], outcome: "refused" })).rejects.toThrow(/Đợt khảo sát “.*” đã đóng/);
  });
});
