import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { importShippedDefinitions } from "../../app/services/definitions/shipped-files.server";
import { retireVersion } from "../../app/services/definitions/versions.server";
import { closeRoundAndPurge } from "../../app/services/fieldwork/fieldwork.server";
import { issueCodes } from "../../app/services/fieldwork/invitations.server";
import { listAudit } from "../../app/services/platform/audit.server";
import { createRound, getRound, listUnitSources, settingsLock, updateRoundSettings } from "../../app/services/rounds/rounds.server";
import { readUnitsFile } from "../../app/services/rounds/units-import.server";
import { createStaffUser } from "../../app/services/staff/accounts.server";
import { getFrameImport, registerUpload, saveMapping, startFrameImport, waitForImport } from "../../app/services/fieldwork/frame-uploads.server";
import { drawRoundSample } from "../../app/services/fieldwork/sampling.server";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "sipas-round-setup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachDialect("rounds created and changed from the web", (dialect) => {
  let t: TestDatabase;
  let manager = "";
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await importShippedDefinitions(t.db);
    manager = (await createStaffUser(t.db, { username: "quanly", password: "quản lý đợt khảo sát", role: "manager", provinceCode: "20", actor: "cli:test" })).id;
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  const records = async (roundId: string) => (await listAudit(t.db, { roundId }, { offset: 0, limit: 100 })).records;

  it("creates a round with its units, period and help contact, and records who did it once", async () => {
    const path = join(dir, "units.csv");
    writeFileSync(path, unitsCsv(factoryUnits(2, 2)));
    const units = await readUnitsFile({ path }, "don-vi.csv");
    const { id } = await createRound(t.db, {
      id: "lang-son-2022",
      definition: "sipas-2022@1",
      name: "  Lạng Sơn 2022 ",
      provinceCode: "20",
      periodStart: "2022-08-01",
      periodEnd: "2022-10-31",
      helpContact: "Sở Nội vụ, 0205 3812 345",
      units,
      actor: manager,
    });
    const { round, units: stored } = await getRound(t.db, id);
    expect(round.name).toBe("Lạng Sơn 2022");
    expect(round.help_contact).toBe("Sở Nội vụ, 0205 3812 345");
    expect(stored).toHaveLength(units.length);
    const audit = await records(id);
    expect(audit.map((r) => [r.action, r.actor])).toEqual([["round.create", "quanly"]]);
    expect(audit[0].target).toBe("sipas-2022@1");
    expect(audit[0].details).toMatchObject({ from: "2022-08-01", to: "2022-10-31", units: units.length });
  });

  it("refuses what a form could send wrong, and a retired questionnaire", async () => {
    const base = { definition: "sipas-2022@1", name: "Thử" };
    await expect(createRound(t.db, { ...base, name: "   " })).rejects.toThrow("Đợt khảo sát cần có tên.");
    await expect(createRound(t.db, { ...base, periodStart: "2022-02-30" })).rejects.toThrow("“2022-02-30” không phải ngày");
    await expect(createRound(t.db, { ...base, periodStart: "2022-10-01", periodEnd: "2022-08-01" })).rejects.toThrow("Ngày kết thúc phải sau");
    await expect(createRound(t.db, { ...base, id: "new" })).rejects.toThrow("đã dành cho trang");
    await expect(createRound(t.db, { ...base, id: "lang-son-2022" })).rejects.toThrow("Đã có đợt khảo sát với mã");
    await retireVersion(t.db, "sipas-2017@1", "cli:test");
    await expect(createRound(t.db, { ...base, definition: "sipas-2017@1" })).rejects.toThrow("sipas-2017@1");
    expect((await listAudit(t.db, { action: "round.create" }, { offset: 0, limit: 100 })).total).toBe(1);
  });

  it("refuses a unit list with problems before any round exists", async () => {
    const path = join(dir, "bad-units.csv");
    writeFileSync(path, "Mã,Tên,Cấp\nT01,Tỉnh,tỉnh\nH01,,huyện\n");
    await expect(readUnitsFile({ path }, "bad.csv")).rejects.toThrow("bad.csv: có 1 lỗi");
  });

  it("reuses the units of another round the staff member can see", async () => {
    expect(await listUnitSources(t.db, { provinceCode: "20" })).toEqual([{ id: "lang-son-2022", name: "Lạng Sơn 2022", units: 7 }]);
    expect(await listUnitSources(t.db, { provinceCode: "01" })).toEqual([]);
    const { id } = await createRound(t.db, { id: "lang-son-2023", definition: "sipas-2022@1", name: "Lạng Sơn 2023", provinceCode: "20", unitsFrom: "lang-son-2022", actor: manager });
    expect((await getRound(t.db, id)).units.map((u) => u.code)).toEqual((await getRound(t.db, "lang-son-2022")).units.map((u) => u.code));
  });

  it("changes name, period, province and contact until the first code, recording each change", async () => {
    const id = "lang-son-2023";
    const changes = await updateRoundSettings(t.db, id, { name: "Lạng Sơn 2023", provinceCode: "20", periodStart: "2023-07-01", periodEnd: "2023-09-30", helpContact: "0205 3812 345" }, manager);
    expect(changes).toEqual({ periodStart: "— → 2023-07-01", periodEnd: "— → 2023-09-30", helpContact: "— → 0205 3812 345" });
    expect(await updateRoundSettings(t.db, id, { name: "Lạng Sơn 2023", provinceCode: "20", periodStart: "2023-07-01", periodEnd: "2023-09-30", helpContact: "0205 3812 345" }, manager)).toEqual({});
    const audit = await records(id);
    expect(audit.map((r) => r.action)).toEqual(["round.edit", "round.create"]);
    expect(audit[0].details).toMatchObject({ periodStart: "— → 2023-07-01" });

    expect(await settingsLock(t.db, id)).toBeNull();
    await issueCodes(t.db, { roundId: id, count: 1, channel: "paper" });
    expect(await settingsLock(t.db, id)).toBe("codes");
    await expect(updateRoundSettings(t.db, id, { name: "Tên khác" }, manager)).rejects.toThrow("đã cấp mã khảo sát");
    expect((await getRound(t.db, id)).round.name).toBe("Lạng Sơn 2023");
  });

  it("closes a round once, with one record, and keeps it closed", async () => {
    const id = "lang-son-2022";
    await closeRoundAndPurge(t.db, id, { id: manager, role: "manager" });
    await expect(closeRoundAndPurge(t.db, id, { id: manager, role: "manager" })).rejects.toThrow("đã được đóng trước đó");
    expect((await records(id)).map((r) => r.action).sort()).toEqual(["contacts.purge", "round.close", "round.create"]);
    expect(await settingsLock(t.db, id)).toBe("closed");
    await expect(updateRoundSettings(t.db, id, { name: "Mở lại?" }, manager)).rejects.toThrow("đã đóng nên không sửa được");
  });

  it("counts the rows the period leaves out, checks the same upload again after the period changes, and fixes both at the draw", async () => {
    const id = "khung-thoi-gian";
    await createRound(t.db, { id, definition: "sipas-2022@1", name: "Khung và thời gian", provinceCode: "20", periodStart: "2022-08-01", periodEnd: "2022-09-30", units: factoryUnits(3, 2), actor: manager });
    const path = join(dir, "khung.csv");
    // Results returned from August to October: the October rows fall outside the period.
    const csv = frameCsv({ rows: 90, seed: 4, year: 2022 });
    const october = csv.split("\r\n").filter((l) => /\/10\/2022,/.test(l)).length;
    expect(october).toBeGreaterThan(10);
    writeFileSync(path, csv);
    const upload = await registerUpload(t.db, { roundId: id, path, fileName: "khung.csv", userId: manager });
    await startFrameImport(t.db, { roundId: id, importId: upload.id, mode: "all", userId: manager });
    await waitForImport(upload.id);
    let record = await getFrameImport(t.db, id, upload.id);
    expect(record.report?.imported).toBe(false);
    expect(record.report?.problemsByKind).toEqual({ date_outside_period: october });

    await updateRoundSettings(t.db, id, { name: "Khung và thời gian", provinceCode: "20", periodStart: "2022-08-01", periodEnd: "2022-10-31" }, manager);
    await startFrameImport(t.db, { roundId: id, importId: upload.id, mode: "all", userId: manager });
    await waitForImport(upload.id);
    record = await getFrameImport(t.db, id, upload.id);
    expect(record.report?.rowsImported).toBe(90);

    await drawRoundSample(t.db, {
      roundId: id,
      design: { kind: "stratified", strataBy: [], size: { method: "fixed", n: 5 }, allocation: { method: "proportional" }, reserve: 0 },
      seed: 7,
      userId: manager,
      locale: "vi",
    });
    expect(await settingsLock(t.db, id)).toBe("sampled");
    await expect(updateRoundSettings(t.db, id, { name: "Khung và thời gian", periodStart: "2022-01-01" }, manager)).rejects.toThrow("đã chọn mẫu");
  });

  it("lists the columns an upload does not match and imports only once each is mapped, kept or ignored", async () => {
    const id = "cot-la";
    await createRound(t.db, { id, definition: "sipas-2022@1", name: "Cột lạ", periodStart: "2021-01-01", periodEnd: "2021-12-31", units: factoryUnits(1, 1), actor: manager });
    const path = join(dir, "completed.csv");
    writeFileSync(path, "Họ và tên,Số điện thoại,Đơn vị,completed_on,Thôn\nNguyễn Văn An,0912345678,D01,15/03/2021,Thôn 1\nTrần Thị Bình,0912345679,D01-C01,31/02/2021,Thôn 2\n");
    const upload = await registerUpload(t.db, { roundId: id, path, fileName: "completed.csv", userId: manager });
    expect(upload.missing).toEqual([]);
    expect(upload.undecided).toEqual([3, 4]);
    await expect(startFrameImport(t.db, { roundId: id, importId: upload.id, mode: "all", userId: manager })).rejects.toThrow(
      "completed.csv: các cột sau chưa được ghép với thông tin nào: D (completed_on), E (Thôn)."
    );

    // Mapped as the return date, the impossible date is caught; the village is kept as an extra column.
    await saveMapping(t.db, id, upload.id, { ...upload.mapping, returned_on: 3 }, { keep: [4], ignore: [] });
    await startFrameImport(t.db, { roundId: id, importId: upload.id, mode: "all", userId: manager });
    await waitForImport(upload.id);
    const checked = await getFrameImport(t.db, id, upload.id);
    expect(checked.report?.imported).toBe(false);
    expect(checked.report?.problemsByKind).toEqual({ bad_date: 1 });

    await startFrameImport(t.db, { roundId: id, importId: upload.id, mode: "valid-only", userId: manager });
    await waitForImport(upload.id);
    expect((await getFrameImport(t.db, id, upload.id)).report?.rowsImported).toBe(1);
    const person = await t.db.selectFrom("frame_persons").select(["returned_on", "extra"]).where("round_id", "=", id).executeTakeFirstOrThrow();
    expect(person.returned_on).toBe("2021-03-15");
    expect(JSON.parse(person.extra)).toEqual({ Thôn: "Thôn 1" });
  });
});
