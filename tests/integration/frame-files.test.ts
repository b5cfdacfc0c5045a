import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { main } from "../../app/cli/main";
import type { AuditRecord } from "../../app/domain/audit";
import { describeProblem } from "../../app/domain/fieldwork/frame";
import { importShippedDefinitions } from "../../app/services/definitions/shipped-files.server";
import { listFrameFiles, removeFrameFile } from "../../app/services/fieldwork/frame-files.server";
import { getFrameImport, registerUpload, startFrameImport, waitForImport } from "../../app/services/fieldwork/frame-uploads.server";
import { importFrameFile, type FrameTarget } from "../../app/services/fieldwork/frame-import.server";
import * as m011 from "../../db/migrations/011-frame-files";
import { drawRoundSample } from "../../app/services/fieldwork/sampling.server";
import { cliActor, listAudit } from "../../app/services/platform/audit.server";
import { createRound, updateRoundSettings } from "../../app/services/rounds/rounds.server";
import { importRoundUnits } from "../../app/services/rounds/units-import.server";
import { createStaffUser } from "../../app/services/staff/accounts.server";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { createTestDatabase, describeEachDialect, keepEnv, type TestDatabase } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "sipas-frame-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** A frame file; `prefix` renames its dossier ids (HS-2022-… by row), "" leaves the dossier column empty. */
function frame(rows: number, seed: number, prefix?: string): string {
  let text = frameCsv({ rows, seed });
  if (prefix !== undefined) text = text.replace(/HS-2022-/g, prefix);
  if (prefix === "") text = text.replace(/^\d{7},/gm, ",");
  const path = join(dir, `upload-${++n}.csv`);
  writeFileSync(path, text);
  return path;
}

describeEachDialect("a frame made of several files, until the draw", (dialect) => {
  let t: TestDatabase;
  const round = "files-r";
  const restoreEnv = keepEnv("USER", "DATABASE_URL", "SIPAS_LANG");
  let manager = "";
  const persons = async () =>
    Number((await t.db.selectFrom("frame_persons").select((eb) => eb.fn.countAll<number>().as("n")).where("round_id", "=", round).executeTakeFirstOrThrow()).n);
  const contacts = async () =>
    Number((await t.db.selectFrom("frame_contacts").select((eb) => eb.fn.countAll<number>().as("n")).where("round_id", "=", round).executeTakeFirstOrThrow()).n);
  const frameAudit = async () => (await listAudit(t.db, { roundId: round }, { offset: 0, limit: 1000 })).records.filter((r) => r.action.startsWith("frame."));

  /** The web's path: upload (naming the file it replaces, if any), start, wait; one new audit record each time. */
  async function upload(path: string, name: string, target: FrameTarget = { action: "add" }, mode: "all" | "valid-only" = "all") {
    const before = (await frameAudit()).length;
    const copy = join(dir, `kept-${++n}.csv`);
    copyFileSync(path, copy);
    const record = await registerUpload(t.db, { roundId: round, path: copy, fileName: name, userId: manager, target });
    await startFrameImport(t.db, { roundId: round, importId: record.id, mode, userId: manager });
    await waitForImport(record.id);
    const after = await frameAudit();
    expect(after.length).toBe(before + 1);
    return { record: await getFrameImport(t.db, round, record.id), audit: after[0] as AuditRecord };
  }

  beforeAll(async () => {
    process.env.USER = "tester";
    t = await createTestDatabase(dialect);
    await importShippedDefinitions(t.db);
    manager = (await createStaffUser(t.db, { username: "quanly.khung", password: "quan ly khung mau", role: "manager", actor: cliActor() })).id;
    await createRound(t.db, { id: round, definition: "sipas-2022@1", name: "Nhiều tệp", periodStart: "2022-08-01", periodEnd: "2022-10-31" });
    writeFileSync(join(dir, "units.csv"), unitsCsv(factoryUnits(3, 2)));
    await importRoundUnits(t.db, round, { path: join(dir, "units.csv") }, "don-vi.csv");
  });
  afterAll(async () => {
    restoreEnv();
    await t?.close();
    await t?.drop();
  });

  it("adds a second agency's file to the frame; the list says who imported each, with rows accepted and left out", async () => {
    const a = await upload(frame(40, 1, "SO-A-"), "so-noi-vu.csv");
    expect(a.record.report?.imported).toBe(true);
    expect(a.audit).toMatchObject({ action: "frame.import", actor: "quanly.khung", target: "so-noi-vu.csv", details: { imported: true, change: "add" } });
    const b = await upload(frame(25, 2, "SO-B-"), "so-tu-phap.csv");
    expect(b.record.report?.rowsImported).toBe(25);
    expect(await persons()).toBe(65);
    expect(await contacts()).toBe(65);
    const files = await listFrameFiles(t.db, round);
    expect(files.map((f) => [f.fileName, f.position, f.rowsAccepted, f.rowsLeftOut, f.importedBy])).toEqual([
      ["so-noi-vu.csv", 1, 40, 0, "quanly.khung"],
      ["so-tu-phap.csv", 2, 25, 0, "quanly.khung"],
    ]);
    expect(files.every((f) => f.importedAt && !Number.isNaN(Date.parse(f.importedAt)))).toBe(true);
  });

  it("reports a dossier id already in another file with that file's name and line, refusing the file or leaving the rows out", async () => {
    // Rows 1–3 of this file carry the dossier ids of so-noi-vu.csv's rows 1–3 (its lines 2–4).
    const clashing = frame(10, 3, "SO-C-");
    const text = readFileSync(clashing, "utf8").replace(/SO-C-000000([123]),/g, "SO-A-000000$1,");
    writeFileSync(clashing, text);
    const refused = await upload(clashing, "so-y-te.csv");
    expect(refused.record.report?.imported).toBe(false);
    expect(refused.audit.details).toMatchObject({ imported: false, change: "add" });
    const problems = refused.record.report!.problems.map((p) => describeProblem(p, refused.record.headers, "vi"));
    expect(problems).toEqual([
      "dòng 2, cột A (Mã hồ sơ): mã hồ sơ “SO-A-0000001” đã có trong tệp “so-noi-vu.csv” của khung mẫu, dòng 2",
      "dòng 3, cột A (Mã hồ sơ): mã hồ sơ “SO-A-0000002” đã có trong tệp “so-noi-vu.csv” của khung mẫu, dòng 3",
      "dòng 4, cột A (Mã hồ sơ): mã hồ sơ “SO-A-0000003” đã có trong tệp “so-noi-vu.csv” của khung mẫu, dòng 4",
    ]);
    expect(describeProblem(refused.record.report!.problems[0], refused.record.headers, "en")).toBe(
      'line 2, column A (Mã hồ sơ): dossier id "SO-A-0000001" is already in the frame\'s file "so-noi-vu.csv", line 2',
    );
    expect(await persons()).toBe(65);

    const partly = await upload(clashing, "so-y-te.csv", { action: "add" }, "valid-only");
    expect(partly.record.report).toMatchObject({ imported: true, rowsImported: 7, rowsRejected: 3 });
    expect(await persons()).toBe(72);
    expect((await listFrameFiles(t.db, round)).map((f) => [f.fileName, f.rowsAccepted, f.rowsLeftOut])).toEqual([
      ["so-noi-vu.csv", 40, 0],
      ["so-tu-phap.csv", 25, 0],
      ["so-y-te.csv", 7, 3],
    ]);
  });

  it("replaces one file in its place (a corrected version of itself does not clash) and refuses to replace a file no longer in the frame", async () => {
    const [, tuPhap] = await listFrameFiles(t.db, round);
    const corrected = frame(20, 2, "SO-B-"); // the same dossiers as before, five rows fewer
    const replaced = await upload(corrected, "so-tu-phap-sua.csv", { action: "replace", importId: tuPhap.importId });
    expect(replaced.record.report?.imported).toBe(true);
    expect(replaced.audit.details).toMatchObject({ imported: true, change: "replace", replaces: "so-tu-phap.csv" });
    expect(await persons()).toBe(67);
    expect(await contacts()).toBe(67);
    expect((await listFrameFiles(t.db, round)).map((f) => [f.fileName, f.position])).toEqual([
      ["so-noi-vu.csv", 1],
      ["so-tu-phap-sua.csv", 2],
      ["so-y-te.csv", 3],
    ]);
    await expect(upload(corrected, "lan-nua.csv", { action: "replace", importId: tuPhap.importId })).rejects.toThrow(
      "Tệp “so-tu-phap.csv” không còn trong khung mẫu (đã được thay hoặc gỡ bỏ) nên không thể thay nó",
    );
  });

  it("rows without a dossier id in two files are two persons each", async () => {
    await upload(frame(3, 4, ""), "khong-ma-1.csv");
    await upload(frame(3, 5, ""), "khong-ma-2.csv");
    expect(await persons()).toBe(73);
    const ids = (await t.db.selectFrom("frame_persons").select("id").where("dossier_id", "is", null).orderBy("id").execute()).map((r) => r.id);
    // Keyed by the file's place in the frame and the line: made from the files, the same on every engine (ADR 014).
    expect(ids).toEqual([`${round}:f4:n:2`, `${round}:f4:n:3`, `${round}:f4:n:4`, `${round}:f5:n:2`, `${round}:f5:n:3`, `${round}:f5:n:4`]);
  });

  it("removes one file with its persons, contacts and left-out rows, recorded once", async () => {
    const yTe = (await listFrameFiles(t.db, round)).find((f) => f.fileName === "so-y-te.csv")!;
    const before = (await frameAudit()).length;
    expect(await removeFrameFile(t.db, { roundId: round, importId: yTe.importId, actor: manager })).toEqual({ fileName: "so-y-te.csv", removed: 7 });
    const records = await frameAudit();
    expect(records.length).toBe(before + 1);
    expect(records[0]).toMatchObject({ action: "frame.remove", actor: "quanly.khung", target: "so-y-te.csv", details: { rows_removed: 7 } });
    expect(await persons()).toBe(66);
    expect(await contacts()).toBe(66);
    expect(await t.db.selectFrom("frame_rejected_rows").select("line").where("import_id", "=", yTe.importId).execute()).toEqual([]);
    await expect(removeFrameFile(t.db, { roundId: round, importId: yTe.importId, actor: manager })).rejects.toThrow("Tệp này không có trong khung mẫu");
    expect((await frameAudit()).length).toBe(before + 1);
  });

  it("from the command line: --add, frame files, frame remove, and the default that replaces the whole frame", async () => {
    process.env.DATABASE_URL = t.url;
    process.env.SIPAS_LANG = "en";
    const sipas = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
      return { code, out, err };
    };
    const added = await sipas("frame", "import", "--round", round, "--add", frame(5, 6, "CLI-"));
    expect(added.code).toBe(0);
    expect(await persons()).toBe(71);
    const listed = await sipas("frame", "files", "--round", round);
    expect(listed.out.at(-1)).toBe("71 persons in 5 files");
    delete process.env.SIPAS_LANG;
    const listedVi = await sipas("frame", "files", "--round", round);
    process.env.SIPAS_LANG = "en";
    expect(listedVi.out.at(-1)).toBe("71 người trong 5 tệp");
    expect(listedVi.out.at(-2)).toMatch(/\tnhận 5 dòng\tloại 0 dòng\tcli:tester\t/);
    expect(listed.out.at(-2)).toMatch(/\t5 accepted\t0 left out\tcli:tester\t/);
    const cliFile = (await listFrameFiles(t.db, round)).at(-1)!;
    expect(cliFile).toMatchObject({ rowsAccepted: 5, importedBy: "cli:tester", position: 6 });
    expect((await sipas("frame", "remove", "--round", round, cliFile.importId)).out).toEqual([`removed ${cliFile.fileName}: 5 persons left the frame`]);
    expect((await frameAudit())[0]).toMatchObject({ action: "frame.remove", actor: "cli:tester" });

    const whole = await sipas("frame", "import", "--round", round, frame(12, 7));
    expect(whole.code).toBe(0);
    expect(await persons()).toBe(12);
    expect((await listFrameFiles(t.db, round)).map((f) => [f.position, f.rowsAccepted])).toEqual([[1, 12]]);
    expect((await frameAudit())[0].details).toMatchObject({ change: "replace_all", imported: true });
  });

  it("after a period change, each file filtered by the old period says so; uploading it again in its place applies the new one", async () => {
    await upload(frame(20, 4, "SO-D-"), "so-y-te.csv");
    expect((await listFrameFiles(t.db, round)).every((f) => f.stalePeriod === null)).toBe(true);
    const settings = { name: "Nhiều tệp", provinceCode: null, periodStart: "2022-08-01", periodEnd: "2022-08-31", helpContact: null };
    await updateRoundSettings(t.db, round, settings, cliActor());
    const files = await listFrameFiles(t.db, round);
    expect(files.length).toBe(2);
    for (const f of files) expect(f.stalePeriod).toEqual({ start: "2022-08-01", end: "2022-10-31", leftOut: 0 });

    const again = await upload(frame(20, 4, "SO-D-"), "so-y-te-lai.csv", { action: "replace", importId: files[1].importId }, "valid-only");
    expect(again.record.report?.problemsByKind.date_outside_period).toBeGreaterThan(0);
    const after = await listFrameFiles(t.db, round);
    expect(after[1]).toMatchObject({ fileName: "so-y-te-lai.csv", stalePeriod: null });
    expect(after[1].rowsLeftOut).toBe(again.record.report?.rowsRejected);
    expect(after[0]).toMatchObject({ fileName: files[0].fileName, stalePeriod: files[0].stalePeriod });
    await removeFrameFile(t.db, { roundId: round, importId: after[1].importId, actor: cliActor() }); // the frame the next test draws from
  });

  it("after the draw, every add, replace and remove is refused in words that say the frame is fixed", async () => {
    // An upload left waiting beside the frame (personal data) is deleted by the draw.
    const waiting = join(dir, `kept-${++n}.csv`);
    copyFileSync(frame(3, 10, "CHO-"), waiting);
    const pending = await registerUpload(t.db, { roundId: round, path: waiting, fileName: "dang-cho.csv", userId: manager, target: { action: "add" } });
    await drawRoundSample(t.db, {
      roundId: round,
      design: { kind: "stratified", strataBy: [], size: { method: "fixed", n: 3 }, allocation: { method: "proportional" }, reserve: 0 },
      seed: 5,
      userId: manager,
    });
    expect(existsSync(waiting)).toBe(false);
    expect(await getFrameImport(t.db, round, pending.id)).toMatchObject({ status: "discarded", fileKept: false });
    const [only] = await listFrameFiles(t.db, round);
    const fixed = /đã chọn mẫu: khung mẫu đã cố định, không thể thêm, thay hay gỡ tệp nào, vì xác suất chọn của từng người được tính trên đúng khung mẫu này/;
    const before = (await frameAudit()).length;
    await expect(upload(frame(3, 8, "SAU-"), "muon.csv")).rejects.toThrow(fixed);
    await expect(upload(frame(3, 8, "SAU-"), "muon.csv", { action: "replace", importId: only.importId })).rejects.toThrow(fixed);
    await expect(removeFrameFile(t.db, { roundId: round, importId: only.importId, actor: manager })).rejects.toThrow(fixed);
    const cli = await (async () => {
      const err: string[] = [];
      const code = await main(["frame", "import", "--round", round, "--add", frame(3, 9, "SAU-")], { out: () => {}, err: (s) => err.push(s) });
      return { code, err: err.join("\n") };
    })();
    expect(cli.code).not.toBe(0);
    expect(cli.err).toMatch(/the frame is fixed and no file can be added, replaced or removed/);
    expect((await frameAudit()).length).toBe(before);
    expect(await persons()).toBe(12);
  });
});

describeEachDialect("migration 011: an existing frame becomes one file", (dialect) => {
  let t: TestDatabase;
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  it("marks the latest successful import of each round as the frame's only file, and points its persons at it", async () => {
    t = await createTestDatabase(dialect);
    await importShippedDefinitions(t.db);
    await createRound(t.db, { id: "old-r", definition: "sipas-2022@1", name: "Cũ" });
    writeFileSync(join(dir, "units-old.csv"), unitsCsv(factoryUnits(3, 2)));
    await importRoundUnits(t.db, "old-r", { path: join(dir, "units-old.csv") }, "don-vi.csv");
    // Two whole-frame imports, as before the migration: the second replaced the first.
    const first = await importFrameFile(t.db, { roundId: "old-r", path: frame(8, 1), fileName: "cu.csv", mode: "all" });
    const second = await importFrameFile(t.db, { roundId: "old-r", path: frame(6, 2), fileName: "moi.csv", mode: "all" });
    await m011.down(t.db);
    await m011.up(t.db);
    const imports = await t.db.selectFrom("frame_imports").select(["id", "in_frame", "frame_position", "frame_action"]).orderBy("created_at").execute();
    expect(imports.map((r) => [r.id, Number(r.in_frame), r.frame_position === null ? null : Number(r.frame_position), r.frame_action])).toEqual([
      [first.importId, 0, null, "replace_all"],
      [second.importId, 1, 1, "replace_all"],
    ]);
    const owners = await t.db.selectFrom("frame_persons").select("import_id").distinct().execute();
    expect(owners).toEqual([{ import_id: second.importId }]);
    expect((await listFrameFiles(t.db, "old-r")).map((f) => [f.fileName, f.rowsAccepted])).toEqual([["moi.csv", 6]]);
  });
});
