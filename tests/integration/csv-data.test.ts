import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { formatImportProblem } from "../../app/domain/csv/responses-import";
import { createRound } from "../../app/services/rounds/rounds.server";
import { DEMO_DEFINITION, DEMO_UNITS, seedDemo } from "../../app/services/demo/seed.server";
import { chunkText, exportCodebook, exportIndices, exportResponses, type CsvDownload } from "../../app/services/data/exports.server";
import { computeRoundIndices } from "../../app/services/results/indices.server";
import { readCsvText } from "../../app/services/platform/csv-stream.server";
import { importResponsesCsv, type ImportSource } from "../../app/services/data/responses-import.server";
import { drawRoundSample } from "../../app/services/fieldwork/sampling.server";
import { importFrameFile } from "../../app/services/fieldwork/frame-import.server";
import { importRoundUnits } from "../../app/services/rounds/units-import.server";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { answers2022, insertSubmittedForInvitation, insertSubmittedResponses } from "../fixtures/responses-factory";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

const source = (name: string, text: string | (() => string)): ImportSource => ({
  name,
  open: () => Readable.from([Buffer.from(typeof text === "string" ? text : text(), "utf8")]),
});

async function text(download: CsvDownload): Promise<{ body: string; chunks: number }> {
  let body = "";
  let chunks = 0;
  for await (const c of download.chunks()) {
    body += chunkText(c);
    chunks++;
  }
  return { body, chunks };
}

async function table(body: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of readCsvText(body, "export.csv")) out.push(row.cells);
  return out;
}

describeEachDialect("CSV import and export", (dialect) => {
  let t: TestDatabase;
  const submitted = async (round: string) =>
    Number((await t.db.selectFrom("responses").select((eb) => eb.fn.countAll<number>().as("n")).where("round_id", "=", round).executeTakeFirstOrThrow()).n);
  const version = async (round: string) => (await t.db.selectFrom("rounds").select("data_version").where("id", "=", round).executeTakeFirstOrThrow()).data_version;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, { adminPassword: "integration-password", codes: 0 });
    await createRound(t.db, { id: "import", definition: "sipas-2022@1", name: "Nhập dữ liệu cũ", units: DEMO_UNITS });
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  it("imports a good file (BOM, semicolons, quoted newline, CRLF) as submitted responses in one go", async () => {
    const before = await version("import");
    const file =
      "\uFEFFunit;stratum;psu;weight;fpc;A_SEX;Q8_PROC;SV_ACC_1;SV_ACC_2;Q2_CHANNEL;COMMENT\r\n" +
      'D01;D01;V1;1,5;400;1;1;4;5;2;"dòng một\r\ndòng hai"\r\n' +
      "D02;D02;;2;;2;2;;;3;'=SUM(A1)\r\n" +
      ";;;;\r\n" + // blank row from Excel
      "D03;D03;V9;3;;1;1;1;;;\r\n";
    const report = await importResponsesCsv(t.db, "import", source("good.csv", file));
    expect(report).toMatchObject({ ok: true, rows: 3, imported: 3, totalProblems: 0, hiddenAnswers: 0 });
    expect(await version("import")).toBe(before + 1);
    const rows = await t.db.selectFrom("responses").selectAll().where("round_id", "=", "import").orderBy("unit_code").execute();
    expect(rows.map((r) => [r.unit_code, r.stratum, r.psu, Number(r.weight), r.fpc === null ? null : Number(r.fpc), r.status, r.entry_mode, r.invitation_code])).toEqual([
      ["D01", "D01", "V1", 1.5, 400, "submitted", "import", null],
      ["D02", "D02", null, 2, null, "submitted", "import", null],
      ["D03", "D03", "V9", 3, null, "submitted", "import", null],
    ]);
    expect(JSON.parse(rows[0].answers)).toEqual({ A_SEX: "1", Q8_PROC: "1", SV_ACC_1: "4", SV_ACC_2: "5", Q2_CHANNEL: "2", COMMENT: "dòng một\r\ndòng hai" });
    expect(JSON.parse(rows[1].answers)).toEqual({ A_SEX: "2", Q8_PROC: "2", Q2_CHANNEL: "3", COMMENT: "=SUM(A1)" });
  });

  it("imports nothing from a file with errors and reports every one with its line and column", async () => {
    const count = await submitted("import");
    const before = await version("import");
    const good = Array.from({ length: 700 }, (_, i) => `D0${(i % 3) + 1},1,1,4`).join("\n");
    const file = `unit,weight,A_SEX,SV_ACC_1,SV_BOGUS\n${good}\nD01,0,3,4\nD07,1,1,\n"D01",1,1,"9"\n`;
    const report = await importResponsesCsv(t.db, "import", source("bad.csv", file));
    expect(report.ok).toBe(false);
    expect(report.imported).toBe(0);
    expect(report.problems.map((p) => formatImportProblem(p))).toEqual([
      'line 1, column E (SV_BOGUS): unknown column "SV_BOGUS": not an item code of sipas-2022@1 nor one of unit, stratum, psu, weight, fpc',
      'line 702, column B (weight): the weight must be a number greater than 0 (got "0")',
      'line 702, column C (A_SEX): "3" is not an option of A_SEX (codes: 1, 2)',
      'line 703, column A (unit): "D07" is not a unit of this round (codes: D01, D02, D03, P01)',
      'line 704, column D (SV_ACC_1): "9" is not an option of SV_ACC_1 (codes: 1, 2, 3, 4, 5)',
    ]);
    expect(await submitted("import")).toBe(count);
    expect(await version("import")).toBe(before);
  });

  it("rolls back every row when a problem appears while inserting (the file changed between the check and the import)", async () => {
    const count = await submitted("import");
    let reads = 0;
    const rows = (bad: boolean) => Array.from({ length: 1200 }, (_, i) => (bad && i === 1100 ? "D01,7" : "D01,4")).join("\n");
    const report = importResponsesCsv(t.db, "import", source("changing.csv", () => `unit,SV_ACC_1\n${rows(reads++ > 0)}\n`));
    await expect(report).rejects.toThrow(/changing.csv: dòng 1102 đã thay đổi trong khi đang nhập; không có dòng nào được nhập/);
    expect(await submitted("import")).toBe(count);
  });

  it("refuses a file that is not UTF-8, an empty file, and a closed round", async () => {
    const latin1 = { name: "latin1.csv", open: () => Readable.from([Buffer.concat([Buffer.from("unit,COMMENT\nD01,"), Buffer.from([0xe0, 0x0a])])]) };
    await expect(importResponsesCsv(t.db, "import", latin1)).rejects.toThrow(/latin1.csv: dòng 2: tệp không phải văn bản UTF-8/);
    const empty = await importResponsesCsv(t.db, "import", source("empty.csv", ""));
    expect(empty.problems.map((p) => formatImportProblem(p))).toEqual(["line 1: the file is empty"]);
    const headerOnly = await importResponsesCsv(t.db, "import", source("header.csv", "unit,A_SEX\n"));
    expect(headerOnly.problems.map((p) => formatImportProblem(p))).toEqual(["line 2: the file has no data row"]);
    await createRound(t.db, { id: "closed", definition: "sipas-2022@1", name: "Đã đóng" });
    await t.db.updateTable("rounds").set({ status: "closed" }).where("id", "=", "closed").execute();
    await expect(importResponsesCsv(t.db, "closed", source("x.csv", "A_SEX\n1\n"))).rejects.toThrow(/Đợt khảo sát “closed” đã đóng/);
  });

  it("exports with BOM and header, formula-safe NFC cells, no contact data and no invitation code, page by page", async () => {
    await insertSubmittedResponses(t.db, "demo", [
      { answers: answers2022("5", "4", { COMMENT: "=HYPERLINK(\"http://x\",\"bấm\")" }, "2"), unit: "D01", stratum: "D01", weight: 10 },
      { answers: answers2022("2", "4", { A_SEX: "2", COMMENT: "Hòa".normalize("NFD") + " thuận, \"tốt\"" }, "2"), unit: "D02", stratum: "D02", weight: 30 },
      ...Array.from({ length: 5 }, () => ({ answers: answers2022("4", "3", {}, "2"), unit: "D03", stratum: "D03", weight: 20 })),
    ]);
    // Personal data of the frame, and an invitation that led to a response: neither may leave in the export.
    const now = new Date().toISOString();
    await t.db
      .insertInto("frame_persons")
      .values({ id: "fp-1", round_id: "demo", line: 2, dossier_id: "HS-0001", unit_code: "D01", unit_level: "district", service_field: null, returned_on: null, sex: null, birth_year: null, extra: "{}", created_at: now })
      .execute();
    await t.db.insertInto("frame_contacts").values({ person_id: "fp-1", round_id: "demo", name: "Nguyễn Văn Bí Mật", phone: "0912345678", address: "12 Phố Riêng Tư" }).execute();
    await t.db
      .insertInto("invitations")
      .values({ code: "SECRETCOD9", round_id: "demo", unit_code: "D01", stratum: "D01", psu: null, weight: 5, fpc: null, channel: "paper", status: "submitted", created_at: now, first_opened_at: now, submitted_at: now })
      .execute();
    await t.db
      .insertInto("responses")
      .values({ id: "zz-online", round_id: "demo", invitation_code: "SECRETCOD9", definition_id: DEMO_DEFINITION, status: "submitted", answers: JSON.stringify(answers2022("5", "5", {}, "2")), locale: "en", entry_mode: "online", fpc: null, unit_code: "D01", stratum: "D01", psu: null, weight: 5, created_at: now, updated_at: now, submitted_at: now })
      .execute();

    const download = await exportResponses(t.db, "demo", { pageSize: 3 });
    expect(download.totalRows).toBe(8);
    expect(download.asciiName).toBe("demo-responses.csv");
    const { body, chunks } = await text(download);
    expect(chunks).toBe(1 + 3); // header, then pages of 3, 3 and 2
    expect(body.startsWith("\uFEFFresponse_id,submitted_at,entry_mode,locale,unit,stratum,stratum_label,psu,weight,fpc,A_SEX,A_AGE,")).toBe(true);
    for (const secret of ["Bí Mật", "0912345678", "Riêng Tư", "SECRETCOD9", "HS-0001"]) expect(body).not.toContain(secret);
    expect(body).toContain(`"'=HYPERLINK(""http://x"",""bấm"")"`);
    expect(body).toContain(`"Hòa thuận, ""tốt"""`);
    expect(body.normalize("NFC")).toBe(body);
    const rows = await table(body);
    expect(rows).toHaveLength(9);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(8);
    const online = rows.find((r) => r[0] === "zz-online")!;
    // The stratum's stored key for software, then the same stratum in words (Vietnamese in a codes export).
    expect(online.slice(1, 10)).toEqual([now, "online", "en", "D01", "D01", "Huyện Đông Sơn (D01)", "", "5", ""]);
    const header = rows[0];
    expect(online[header.indexOf("SV_ACC_1")]).toBe("5");

    const labelled = await table((await text(await exportResponses(t.db, "demo", { labels: "vi" }))).body);
    expect(labelled[0][header.indexOf("SV_ACC_1")]).toMatch(/^SV_ACC_1 · /);
    expect(labelled.find((r) => r[0] === "zz-online")![header.indexOf("SV_ACC_1")]).toBe("Rất hài lòng");
  });

  it("a stratified sample's stratum: the stored key for software, and in words beside it, in the labels' language", async () => {
    await createRound(t.db, { id: "tang", definition: "sipas-2022@1", name: "Tầng", provinceCode: "P01" });
    await importRoundUnits(t.db, "tang", { text: unitsCsv(factoryUnits(3, 2)) }, "don-vi.csv");
    const path = join(mkdtempSync(join(tmpdir(), "sipas-strata-")), "khung.csv");
    writeFileSync(path, frameCsv({ rows: 120, districts: 3, communesPerDistrict: 2, seed: 7 }));
    await importFrameFile(t.db, { roundId: "tang", path, fileName: "khung.csv", mode: "all" });
    const design = { kind: "stratified", strataBy: ["level", "district"], size: { method: "fixed", n: 30 }, allocation: { method: "proportional-min", min: 5 }, reserve: 0 } as const;
    await drawRoundSample(t.db, { roundId: "tang", design, seed: 5, userId: "tester" });
    const codes = await t.db.selectFrom("sample_units").select("invitation_code").where("round_id", "=", "tang").where("role", "=", "sample").execute();
    for (const { invitation_code } of codes.slice(0, 12)) await insertSubmittedForInvitation(t.db, invitation_code!, answers2022("4", "4"), "online");

    const rows = await table((await text(await exportResponses(t.db, "tang"))).body);
    const [key, words] = [rows[0].indexOf("stratum"), rows[0].indexOf("stratum_label")];
    expect(words).toBe(key + 1);
    for (const row of rows.slice(1)) {
      expect(JSON.parse(row[key])).toEqual([expect.stringMatching(/^(district|commune)$/), expect.stringMatching(/^D0\d$/)]);
      expect(row[words]).toMatch(/^cấp (huyện|xã) × .+ \(D0\d\)$/);
      expect(row[words]).toContain(`(${JSON.parse(row[key])[1]})`);
    }
    const english = await table((await text(await exportResponses(t.db, "tang", { labels: "en" }))).body);
    expect(english[1][words]).toMatch(/^(district|commune) × .+ \(D0\d\)$/);
  });

  it("an export imports again into another round with the same answers", async () => {
    const { body } = await text(await exportResponses(t.db, "demo"));
    await createRound(t.db, { id: "copy", definition: DEMO_DEFINITION, name: "Bản sao", units: DEMO_UNITS });
    const report = await importResponsesCsv(t.db, "copy", source("demo-responses.csv", body));
    expect(report.problems.map((p) => formatImportProblem(p))).toEqual([]);
    expect(report.imported).toBe(8);
    // The same answers, key order aside; free text comes back in NFC (the export normalises it).
    const answersOf = async (round: string) =>
      (await t.db.selectFrom("responses").select("answers").where("round_id", "=", round).where("status", "=", "submitted").execute())
        .map((r) => Object.entries(JSON.parse(r.answers) as Record<string, string>).map(([k, v]) => [k, v.normalize("NFC")]).sort())
        .map((entries) => JSON.stringify(entries))
        .sort();
    expect(await answersOf("copy")).toEqual(await answersOf("demo"));
  });

  it("the codebook lists every column of the export", async () => {
    const rows = await table((await text(await exportCodebook(t.db, "demo"))).body);
    const header = (await table((await text(await exportResponses(t.db, "demo"))).body))[0];
    expect(rows[0]).toEqual(["code", "section", "type", "label_vi", "label_en", "options", "positive", "required", "shown_if"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(header);
    expect(rows.find((r) => r[0] === "SV_FB_2")![8]).toBe("Q8_PROC in 1 AND Q8_FEEDBACK in 1");
  });

  it("the index table matches computeRoundIndices, row for row", async () => {
    const request = { roundId: "demo", by: "district", weighted: true };
    const download = await exportIndices(t.db, request, { locale: "en" });
    expect(download.asciiName).toBe("demo-indices-by-district-weighted.csv");
    const rows = await table((await text(download)).body);
    expect(rows[0]).toEqual(["group", "node", "label", "estimate", "se", "ci_low", "ci_high", "n", "weight_sum"]);
    const { result } = await computeRoundIndices(t.db, request);
    const expected = result.groups.flatMap((g) => g.nodes.map((n) => [g.key ?? "", n.code, n.label.en, n.estimate, n.se, n.ciLow, n.ciHigh, n.n, n.weightSum]));
    expect(rows.length - 1).toBe(expected.length);
    expect(download.totalRows).toBe(expected.length);
    rows.slice(1).forEach((row, i) => {
      const want = expected[i];
      expect(row.slice(0, 3)).toEqual(want.slice(0, 3).map(String));
      for (let c = 3; c < 9; c++) {
        if (want[c] === null) expect(row[c]).toBe("");
        else expect(Number(row[c])).toBe(want[c]); // unrounded: the same double
      }
    });
    expect(rows.find((r) => r[0] === "D03" && r[1] === "SERVICE")![3]).toBe("100");
    expect(rows.find((r) => r[0] === "" && r[1] === "SIPAS")).toBeTruthy();
  });
});
