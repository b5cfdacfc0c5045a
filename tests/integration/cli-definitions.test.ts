/**
 * `sipas definitions export | import | diff | publish | retire`: the studio's services from the command line, with
 * the exit codes the issue names (diff: 0 no differences, 1 differences, 2 trouble).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { main } from "../../app/cli/main";
import { importShippedDefinitions } from "../../app/services/definitions/shipped-files.server";
import { listDefinitions } from "../../app/services/definitions/versions.server";
import { listAudit } from "../../app/services/platform/audit.server";
import { createTestDatabase, describeEachDialect, keepEnv, type TestDatabase } from "./harness";

async function sipas(url: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const restore = keepEnv("DATABASE_URL", "SIPAS_LANG");
  process.env.DATABASE_URL = url;
  process.env.SIPAS_LANG = "en";
  try {
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out, err };
  } finally {
    restore();
  }
}

describeEachDialect("sipas definitions (studio commands)", (dialect) => {
  let t: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), "sipas-defs-"));
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await importShippedDefinitions(t.db);
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  it("exports a version to .xlsx, imports it back as a draft under a new version, and finds no differences", async () => {
    const xlsx = join(dir, `2022-${dialect}.xlsx`);
    expect(await sipas(t.url, "definitions", "export", "sipas-2022@2", "--out", xlsx)).toMatchObject({ code: 0, out: [`sipas-2022@2 → ${xlsx}`] });
    const imported = await sipas(t.url, "definitions", "import", xlsx, "--as", "sipas-2022@rt", "--draft");
    expect(imported).toMatchObject({ code: 0, out: [expect.stringMatching(/^draft sipas-2022@rt \(.+\), 0 problems$/)] });
    expect(await sipas(t.url, "definitions", "diff", "sipas-2022@2", "sipas-2022@rt")).toEqual({ code: 0, out: ["sipas-2022@2 → sipas-2022@rt", "no differences"], err: [] });
    expect(await sipas(t.url, "definitions", "publish", "sipas-2022@rt")).toMatchObject({ code: 0, out: [expect.stringMatching(/^published sipas-2022@rt \(sha256 [0-9a-f]{64}\)$/)] });
    expect((await listDefinitions(t.db)).find((d) => d.id === "sipas-2022@rt")).toMatchObject({ status: "published", published_by: expect.stringMatching(/^cli:/) });
    expect((await listAudit(t.db, { action: "definition.publish" }, { offset: 0, limit: 5 })).records.map((r) => r.target)).toEqual(["sipas-2022@rt"]);
  });

  it("diffs @1 and @2 of 2022: the changes and which indices stay comparable, exit 1", async () => {
    const res = await sipas(t.url, "definitions", "diff", "sipas-2022@1", "sipas-2022@2");
    expect(res.code).toBe(1);
    const text = res.out.join("\n");
    expect(text).toContain("+ SV_ACC_CLEAN «The office that receives dossiers and returns results is clean and well kept.»");
    expect(text).toContain("− SV_ACC_2 «The waiting area has enough seats»");
    expect(text).toContain("Year-over-year comparability\n  stay comparable: POL_PART, POL_QUAL, EL_PROC, EL_STAFF, EL_RESULT, EL_FEEDBACK, INTEREST");
    expect(text).toContain("EL_ACCESS «Access»: items changed: +SV_ACC_CLEAN −SV_ACC_2");
  });

  it("exits 2 on trouble: an unknown version, a malformed reference", async () => {
    const unknown = await sipas(t.url, "definitions", "diff", "sipas-2022@1", "sipas-2022@99");
    expect(unknown).toMatchObject({ code: 2, out: [] });
    expect(unknown.err.join("\n")).toMatch(/Unknown definition sipas-2022@99/);
    expect((await sipas(t.url, "definitions", "diff", "sipas-2022", "sipas-2022@2")).code).toBe(2);
  });

  it("refuses a workbook with problems, naming sheet, row and column, and creates nothing", async () => {
    const good = join(dir, `good-${dialect}.xlsx`);
    await sipas(t.url, "definitions", "export", "sipas-2022@2", "--out", good);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(good);
    const ws = wb.getWorksheet("Câu hỏi")!;
    ws.getCell(4, 2).value = "A_SEX"; // A_AGE's code, now a duplicate
    const bad = join(dir, `bad-${dialect}.xlsx`);
    await wb.xlsx.writeFile(bad);
    const res = await sipas(t.url, "definitions", "import", bad, "--as", "sipas-2022@bad");
    expect(res.code).toBe(1);
    expect(res.err.join("\n")).toContain(`Sheet "Câu hỏi", row 4, column "Mã": Question code "A_SEX" is used twice`);
    expect((await listDefinitions(t.db)).map((d) => d.id)).not.toContain("sipas-2022@bad");
  });

  it("imports JSON under another version, exports JSON, and retires a version", async () => {
    const json = join(dir, `2017-${dialect}.json`);
    await sipas(t.url, "definitions", "export", "sipas-2017@1", "--out", json);
    expect(JSON.parse(readFileSync(json, "utf8"))).toMatchObject({ key: "sipas-2017", version: "1" });
    writeFileSync(json, readFileSync(json, "utf8"));
    expect(await sipas(t.url, "definitions", "import", json, "--as", "sipas-2017@1b")).toMatchObject({ code: 0, out: [expect.stringMatching(/^imported sipas-2017@1b/)] });
    expect(await sipas(t.url, "definitions", "retire", "sipas-2017@1")).toMatchObject({ code: 0 });
    const round = await sipas(t.url, "rounds", "create", "--definition", "sipas-2017@1", "--name", "x");
    expect(round.code).toBe(1);
    expect(round.err.join("\n")).toMatch(/sipas-2017@1 is retired and cannot be used for a new round/);
    expect((await sipas(t.url, "definitions", "publish", "sipas-2017@1b")).err.join("\n")).toMatch(/only a draft can be published/);
  });
});
