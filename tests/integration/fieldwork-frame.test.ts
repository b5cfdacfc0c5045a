import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeProblem, guessMapping } from "../../app/domain/fieldwork/frame";
import { importShippedDefinitions } from "../../app/services/definitions/shipped-files.server";
import { importFrameFile, inspectFrameFile, streamRejectedRows } from "../../app/services/fieldwork/frame-import.server";
import { getFrameImport, registerUpload, saveMapping, startFrameImport, waitForImport } from "../../app/services/fieldwork/frame-uploads.server";
import { importRoundUnits } from "../../app/services/rounds/units-import.server";
import { createRound } from "../../app/services/rounds/rounds.server";
import { drawRoundSample } from "../../app/services/fieldwork/sampling.server";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "sipas-frame-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${++fileNo}.csv`);
  writeFileSync(path, content);
  return path;
}

const HEADER = "Mã hồ sơ,Họ và tên,Số điện thoại,Địa chỉ,Đơn vị,Cấp,Lĩnh vực,Ngày trả kết quả,Giới tính,Năm sinh";

describeEachDialect("sampling frame import", (dialect) => {
  let t: TestDatabase;
  const round = "frame-test";
  const count = async (table: "frame_persons" | "frame_contacts") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("round_id", "=", round)
          .executeTakeFirstOrThrow()
      ).n
    );

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await importShippedDefinitions(t.db);
    await createRound(t.db, { id: round, definition: "sipas-2022@1", name: "Khung mẫu", periodStart: "2022-08-01", periodEnd: "2022-10-31" });
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  it("asks for the units first, then imports a unit list and refuses a bad one whole", async () => {
    const good = file(frameCsv({ rows: 3 }));
    await expect(importFrameFile(t.db, { roundId: round, path: good, fileName: "khung.csv", mode: "all" })).rejects.toThrow(
      /chưa có đơn vị: hãy nhập danh sách đơn vị trước/
    );

    const bad = "Mã,Tên,Cấp,Mã cấp trên\nP01,Tỉnh Minh Họa,tỉnh,\nD01,Huyện 1,thôn,P01\nD02,,huyện,P99\nD01,Trùng,huyện,P01\n";
    const err = await importRoundUnits(t.db, round, { text: bad }, "don-vi.csv").catch((e) => e);
    expect(err.message).toBe("don-vi.csv: có 4 lỗi; chưa nhập đơn vị nào.");
    expect(err.text("en")).toBe("don-vi.csv: 4 problems; no unit was imported.");
    expect(err.details).toEqual([
      "don-vi.csv: dòng 3, cột C (Cấp): “thôn” không phải cấp đơn vị (tỉnh, huyện, xã, sở-ngành / province, district, commune, agency)",
      "don-vi.csv: dòng 4, cột B (Tên): đơn vị cần có tên",
      "don-vi.csv: dòng 4, cột D (Mã cấp trên): đơn vị cấp trên “P99” không có trong tệp và cũng không phải đơn vị của đợt khảo sát",
      "don-vi.csv: dòng 5, cột A (Mã): mã đơn vị “D01” đã có ở dòng 3",
    ]);
    expect(err.detailTexts("en")).toEqual([
      'don-vi.csv: line 3, column C (Cấp): "thôn" is not a level (province, district, commune, agency / tỉnh, huyện, xã, sở-ngành)',
      "don-vi.csv: line 4, column B (Tên): the unit needs a name",
      'don-vi.csv: line 4, column D (Mã cấp trên): parent unit "P99" is neither in the file nor a unit of the round',
      'don-vi.csv: line 5, column A (Mã): unit code "D01" is already on line 3',
    ]);
    expect(await t.db.selectFrom("round_units").selectAll().where("round_id", "=", round).execute()).toEqual([]);

    const result = await importRoundUnits(t.db, round, { path: file(unitsCsv(factoryUnits(3, 2))) }, "don-vi.csv");
    expect(result).toEqual({ added: 10, updated: 0, units: 10 });
  });

  it("imports a good file (BOM, semicolons) with contacts kept apart from the frame", async () => {
    const path = file(frameCsv({ rows: 250, delimiter: ";", bom: true, seed: 3 }));
    const report = await importFrameFile(t.db, { roundId: round, path, fileName: "khung.csv", mode: "all" });
    expect(report).toMatchObject({ imported: true, rowsRead: 250, rowsImported: 250, problemCount: 0, fileError: null });
    expect(await count("frame_persons")).toBe(250);
    expect(await count("frame_contacts")).toBe(250);
    const person = await t.db.selectFrom("frame_persons").selectAll().where("round_id", "=", round).orderBy("line").executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      id: `${round}:d:HS-2022-0000001`,
      line: 2,
      dossier_id: "HS-2022-0000001",
      returned_on: expect.stringMatching(/^2022-(08|09|10)-\d\d$/),
    });
    expect(["1", "2"]).toContain(person.sex);
    // The frame row holds no name, phone or address: those are only in frame_contacts.
    expect(JSON.stringify(person)).not.toMatch(/Nguyễn|Trần|Lê|09\d{8}|Thôn/);
    const contact = await t.db.selectFrom("frame_contacts").selectAll().where("person_id", "=", person.id).executeTakeFirstOrThrow();
    expect(contact.name).toMatch(/^\S+ \S+ \S+$/);
  });

  it("refuses a file with errors whole, naming line and column of each, and keeps the frame it had", async () => {
    const rows = [
      HEADER,
      "HS-1,Nguyễn Văn An,0912345678,,D01,Huyện,Hộ tịch,15/08/2022,Nam,1970",
      "HS-2,Trần Thị Bình,,,D01-C01,Xã,Hộ tịch,16/08/2022,Nữ,1980", // no contact
      "HS-3,Lê Văn Cường,0912345679,,X99,Xã,Đất đai,17/08/2022,Nam,1975", // unknown unit
      "HS-4,Phạm Thị Dung,0912345670,,D01-C02,Xã,Đất đai,31/02/2022,Nữ,1990", // bad date
      "HS-1,Hoàng Văn Em,0912345671,,D02,Huyện,Tư pháp,18/08/2022,Nam,1960", // duplicate dossier id
      "HS-6,Vũ Thị Giang,12345,Thôn 3,D02-C01,Xã,Tư pháp,19/08/2022,Nữ,1985", // bad phone
      "HS-7,Đỗ Văn Hải,0987654321,,D02-C01,Huyện,Tư pháp,20/08/2022,Nam,1985", // level does not match the unit
      "HS-8,Ngô Thị Lan,0987654322,,D03,Huyện,Tư pháp,20/12/2022,Nữ,2090", // outside the period, birth year
    ];
    const report = await importFrameFile(t.db, { roundId: round, path: file(rows.join("\n") + "\n"), fileName: "loi.csv", mode: "all" });
    expect(report.imported).toBe(false);
    expect(report.rowsImported).toBe(0);
    expect(report.rowsRead).toBe(8);
    expect(report.rowsRejected).toBe(7);
    const messages = report.problems.map((p) => describeProblem(p, report.headers, "en"));
    expect(messages).toEqual([
      "line 3, column C (Số điện thoại): neither a phone number nor an address: at least one contact is needed",
      'line 4, column E (Đơn vị): "X99" is not a unit of the round (see the list of units)',
      'line 5, column H (Ngày trả kết quả): "31/02/2022" is not a valid date (day/month/year, e.g. 15/08/2022, or 2022-08-15)',
      'line 7, column C (Số điện thoại): "12345" is not a phone number (10–11 digits starting with 0 or +84)',
      'line 8, column F (Cấp): level "Huyện" does not match the unit\'s level (commune)',
      "line 9, column H (Ngày trả kết quả): 20/12/2022 is outside the round's period (2022-08-01 – 2022-10-31)",
      expect.stringMatching(/^line 9, column J \(Năm sinh\): "2090" is not a birth year \(4 digits, 1900–20\d\d\)$/),
      'line 6, column A (Mã hồ sơ): dossier id "HS-1" is already on line 2',
    ]);
    expect(describeProblem(report.problems[1], report.headers, "vi")).toBe(
      "dòng 4, cột E (Đơn vị): “X99” không phải đơn vị của đợt khảo sát (xem danh sách đơn vị)"
    );
    expect(report.problemsByKind).toMatchObject({ missing_contact: 1, unknown_unit: 1, bad_date: 1, duplicate_dossier: 1, bad_phone: 1, level_mismatch: 1 });
    // Nothing imported: the 250 persons of the earlier import are still the frame.
    expect(await count("frame_persons")).toBe(250);
    expect(await count("frame_contacts")).toBe(250);
  });

  it("imports only the valid rows when asked, and the rejected rows can be downloaded", async () => {
    const rows = [HEADER, ...frameCsv({ rows: 20, seed: 9 }).trim().split(/\r?\n/).slice(1)];
    rows.splice(5, 0, "HS-X,,0912345678,,D01,Huyện,Hộ tịch,15/08/2022,Nam,1970"); // no name (line 6)
    rows.push(rows[2]); // the dossier of line 3 again (line 23)
    const path = file(rows.join("\r\n"));
    const upload = await registerUpload(t.db, { roundId: round, path, fileName: "mot-phan.csv", userId: "tester" });
    expect(upload.missing).toEqual([]);
    await startFrameImport(t.db, { roundId: round, importId: upload.id, mode: "all", userId: "tester" });
    await waitForImport(upload.id);
    const refused = await getFrameImport(t.db, round, upload.id);
    expect(refused).toMatchObject({ status: "failed", fileKept: true, report: { imported: false, problemCount: 2 } });
    expect(await count("frame_persons")).toBe(250);

    await startFrameImport(t.db, { roundId: round, importId: upload.id, mode: "valid-only", userId: "tester" });
    await waitForImport(upload.id);
    const done = await getFrameImport(t.db, round, upload.id);
    expect(done).toMatchObject({ status: "imported", fileKept: false, report: { imported: true, rowsImported: 20, rowsRejected: 2 } });
    expect(await count("frame_persons")).toBe(20);
    const rejected = [];
    for await (const r of streamRejectedRows(t.db, upload.id)) rejected.push(r);
    expect(rejected.map((r) => [r.line, r.cells[0], r.problems.map((p) => p.kind)])).toEqual([
      [6, "HS-X", ["missing_value"]],
      [23, "HS-2022-0000002", ["duplicate_dossier"]],
    ]);
    expect(rejected[0].cells[2]).toBe("0912345678");
  });

  it("refuses a file that is not UTF-8, naming the line, and imports nothing", async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADER}\nHS-1,An,0912345678,,D01,Huyện,Hộ tịch,15/08/2022,Nam,1970\nHS-2,`),
      Buffer.from([0x54, 0xe2, 0x6e]),
      Buffer.from(",0912345678,,D01,Huyện,Hộ tịch,15/08/2022,Nam,1970\n"),
    ]);
    const all = await importFrameFile(t.db, { roundId: round, path: file(latin1), fileName: "latin1.csv", mode: "all" });
    expect(all.fileError).toMatchObject({ kind: "encoding", line: 3 });
    expect(all.fileError!.message).toMatch(/latin1.csv: dòng 3: tệp không phải văn bản UTF-8/);
    expect(all.imported).toBe(false);
    expect(await count("frame_persons")).toBe(20);
  });

  it("recognises differently named columns through a mapping", async () => {
    const content =
      "Code,Full name,Mobile,Where served,Kind of service,Returned\nA1,Nguyễn Văn An,+84 912 345 678,D01,Hộ tịch,2022-08-15\nA2,Trần Thị Bình,912345679,D02-C01,Đất đai,2022-09-01\n";
    const path = file(content);
    const seen = await inspectFrameFile(path, "english.csv");
    expect(seen.headers).toEqual(["Code", "Full name", "Mobile", "Where served", "Kind of service", "Returned"]);
    expect(seen.missing).toEqual(["unit"]);
    const upload = await registerUpload(t.db, { roundId: round, path, fileName: "english.csv", userId: "tester" });
    const mapped = await saveMapping(t.db, round, upload.id, { ...upload.mapping, dossier_id: 0, unit: 3, field: 4, returned_on: 5 });
    expect(mapped.missing).toEqual([]);
    await expect(saveMapping(t.db, round, upload.id, { ...upload.mapping, unit: 1 })).rejects.toThrow(/Cách ghép cột không hợp lệ/);
    await startFrameImport(t.db, { roundId: round, importId: upload.id, mode: "all", userId: "tester" });
    await waitForImport(upload.id);
    expect((await getFrameImport(t.db, round, upload.id)).report).toMatchObject({ imported: true, rowsImported: 2 });
    const phones = await t.db.selectFrom("frame_contacts").select("phone").where("round_id", "=", round).orderBy("phone").execute();
    expect(phones.map((p) => p.phone)).toEqual(["0912345678", "0912345679"]);
    expect(guessMapping(["Họ tên", "SĐT", "Đơn vị", "Ngày trả KQ"])).toMatchObject({ name: 0, phone: 1, unit: 2, returned_on: 3 });
  });

  it("keeps the frame once a sample has been drawn from it", async () => {
    await drawRoundSample(t.db, {
      roundId: round,
      design: { kind: "stratified", strataBy: [], size: { method: "fixed", n: 1 }, allocation: { method: "proportional" }, reserve: 0 },
      seed: 1,
      userId: "tester",
    });
    await expect(importFrameFile(t.db, { roundId: round, path: file(frameCsv({ rows: 3 })), fileName: "moi.csv", mode: "all" })).rejects.toThrow(
      /đã chọn mẫu: khung mẫu đã cố định, không thể thêm, thay hay gỡ tệp nào/
    );
  });
});
