import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { main } from "../../app/cli/main";
import { seedDemo } from "../../app/services/demo/seed.server";
import { createTestDatabase, describeEachDialect, keepEnv, type TestDatabase } from "./harness";

async function sipas(url: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out, err };
  } finally {
    process.env.DATABASE_URL = before;
  }
}

/** The same, with SIPAS_LANG=en, for the lines a test reads in English. */
async function sipasEn(url: string, ...argv: string[]) {
  const restore = keepEnv("SIPAS_LANG");
  process.env.SIPAS_LANG = "en";
  try {
    return await sipas(url, ...argv);
  } finally {
    restore();
  }
}

describeEachDialect("sipas responses import, indices, export", (dialect) => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, { adminPassword: "integration-password", codes: 0 });
    dir = mkdtempSync(join(tmpdir(), `sipas-cli-results-${dialect}-`));
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("imports a responses file and says how many, in Vietnamese unless SIPAS_LANG=en", async () => {
    const file = join(dir, "good.csv");
    const rows = Array.from({ length: 30 }, (_, i) => `D0${(i % 3) + 1};D0${(i % 3) + 1};${10 + i};${(i % 2) + 1};1;${(i % 5) + 1};${i % 4 === 0 ? 5 : 4};"ý kiến ""${i}"""`);
    writeFileSync(file, `\uFEFFunit;stratum;weight;A_SEX;Q8_PROC;SV_ACC_1;P_INFO_1;COMMENT\r\n${rows.join("\r\n")}\r\n`);
    const res = await sipas(t.url, "responses", "import", "--round", "demo", file);
    expect(res).toEqual({ code: 0, out: ["đã nhập 30 phiếu trả lời vào đợt demo"], err: [] });
    // The same file into a round of its own, in English.
    expect((await sipas(t.url, "rounds", "create", "--definition", "sipas-2022@2", "--name", "English", "--id", "in-english")).code).toBe(0);
    expect(await sipasEn(t.url, "responses", "import", "--round", "in-english", file)).toEqual({ code: 0, out: ["imported 30 responses into round in-english"], err: [] });

    // An answer to a question the skip logic hides is left out, and the command says so.
    const hidden = join(dir, "hidden.csv");
    writeFileSync(hidden, "unit;A_ETHNIC;A_ETHNIC_OTHER\r\nD01;1;Tày\r\n");
    expect((await sipas(t.url, "rounds", "create", "--definition", "sipas-2022@2", "--name", "Ẩn", "--id", "hidden-vi")).code).toBe(0);
    expect((await sipas(t.url, "responses", "import", "--round", "hidden-vi", hidden)).out).toEqual([
      "đã nhập 1 phiếu trả lời vào đợt hidden-vi",
      "lưu ý: đã bỏ 1 câu trả lời cho các câu hỏi bị ẩn theo điều kiện hiển thị, như phiếu trực tuyến (đầu tiên: dòng 2, câu A_ETHNIC_OTHER)",
    ]);
    expect((await sipasEn(t.url, "responses", "import", "--round", "in-english", hidden)).out).toEqual([
      "imported 1 response into round in-english",
      "note: 1 answer to questions hidden by skip logic was left out, as the online form does (first: line 2, A_ETHNIC_OTHER)",
    ]);
  });

  it("reports every problem of a bad file on stderr, imports nothing, exits 1", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, "unit,weight,A_SEX,SV_ACC_1\nD01,-2,1,4\nD01,1,x,4\nD04,1,1,4\n");
    const vi = await sipas(t.url, "responses", "import", "--round", "demo", file);
    expect(vi.code).toBe(1);
    expect(vi.err[0]).toBe(`sipas: ${file}: có 3 lỗi trong 3 dòng; không có dòng nào được nhập.`);
    expect(vi.err[1]).toMatch(/^  .*bad\.csv: dòng 2, cột B \(weight\): /);
    const restore = keepEnv("SIPAS_LANG");
    process.env.SIPAS_LANG = "en";
    const res = await sipas(t.url, "responses", "import", "--round", "demo", file).finally(restore);
    expect(res.code).toBe(1);
    expect(res.out).toEqual([]);
    expect(res.err).toEqual([
      `sipas: ${file}: 3 problems in 3 rows; nothing was imported`,
      `  ${file}: line 2, column B (weight): the weight must be a number greater than 0 (got "-2")`,
      `  ${file}: line 3, column C (A_SEX): "x" is not an option of A_SEX (codes: 1, 2)`,
      `  ${file}: line 4, column A (unit): "D04" is not a unit of this round (codes: D01, D02, D03, P01)`,
    ]);
    const count = await t.db.selectFrom("responses").select((eb) => eb.fn.countAll<number>().as("n")).where("round_id", "=", "demo").executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(30);
  });

  it("writes the index table to a file or to stdout", async () => {
    const out = join(dir, "indices.csv");
    const res = await sipasEn(t.url, "indices", "--round", "demo", "--by", "district", "--out", out);
    expect(res.code).toBe(0);
    expect(res.out[0]).toMatch(/^wrote \d+ rows \(weighted, wald intervals\) to .*indices\.csv$/);
    const rows = Number(/^wrote (\d+)/.exec(res.out[0])![1]);
    const vi = await sipas(t.url, "indices", "--round", "demo", "--by", "district", "--unweighted", "--out", out);
    expect(vi.out).toEqual([`đã ghi ${rows} dòng (không trọng số, khoảng tin cậy wald) vào ${out}`]);
    expect((await sipas(t.url, "indices", "--round", "demo", "--by", "district", "--out", out)).out[0]).toMatch(/^đã ghi \d+ dòng \(có trọng số, khoảng tin cậy wald\)/);
    const body = readFileSync(out, "utf8");
    expect(body.startsWith("\uFEFFgroup,node,label,estimate,se,ci_low,ci_high,n,weight_sum\r\n")).toBe(true);
    expect(body).toMatch(/\r\n,SIPAS,Chỉ số hài lòng[^,]*,[0-9.]+,/);
    expect(body).toMatch(/\r\nD02,SERVICE,/);
    expect(existsSync(`${out}.part`)).toBe(false);

    const stdout = await sipas(t.url, "indices", "--round", "demo", "--unweighted", "--mean-of-units", "--lang", "en");
    expect(stdout.code).toBe(0);
    const text = stdout.out.join("\n") + "\n";
    expect(text.startsWith("\uFEFFgroup,node,label,")).toBe(true);
    expect(text).toContain(",SIPAS,Satisfaction Index of Public Administrative Services (SIPAS),");
    expect(text.split("\r\n").every((l) => !l.includes("\n"))).toBe(true);
  });

  it("takes the results page's interval choice: --interval logit gives the logit intervals of the same estimates", async () => {
    const table = async (...flags: string[]) => {
      const res = await sipas(t.url, "indices", "--round", "demo", "--by", "district", ...flags);
      expect(res.code).toBe(0);
      const rows = res.out.join("\n").split("\r\n").slice(1).filter(Boolean).map((l) => l.split(","));
      return new Map(rows.map((r) => [`${r[0]}/${r[1]}`, r.slice(-6).map(Number)]));
    };
    const wald = await table();
    const logit = await table("--interval", "logit");
    expect([...logit.keys()]).toEqual([...wald.keys()]);
    const [estimate, , low, high] = logit.get("D02/SERVICE")!;
    const [waldEstimate, , waldLow, waldHigh] = wald.get("D02/SERVICE")!;
    expect(estimate).toBe(waldEstimate);
    expect(waldHigh - waldEstimate).toBeCloseTo(waldEstimate - waldLow, 9);
    expect(Math.abs(high - estimate - (estimate - low))).toBeGreaterThan(0.01);

    const bad = await sipas(t.url, "indices", "--round", "demo", "--interval", "exact");
    expect(bad.code).toBe(2);
    expect(bad.err.join("\n")).toContain("interval: wald or logit");
  });

  it("exports responses and the codebook, byte for byte the same on stdout as in a file", async () => {
    const file = join(dir, "responses.csv");
    const book = join(dir, "codebook.csv");
    const res = await sipasEn(t.url, "export", "responses", "--round", "demo", "--out", file, "--codebook", book);
    expect(res).toMatchObject({ code: 0, err: [] });
    // 10 columns of design and metadata, then one per item of the demo questionnaire (sipas-2022@2 has 73).
    expect(res.out).toEqual([`wrote 30 responses to ${file}`, `wrote the codebook (${10 + 73} columns) to ${book}`]);
    const vi = await sipas(t.url, "export", "responses", "--round", "demo", "--out", file, "--codebook", book);
    expect(vi.out).toEqual([`đã ghi 30 phiếu trả lời vào ${file}`, `đã ghi sổ mã (${10 + 73} cột) vào ${book}`]);
    const body = readFileSync(file, "utf8");
    expect(body.startsWith("\uFEFFresponse_id,submitted_at,entry_mode,locale,unit,stratum,stratum_label,psu,weight,fpc,A_SEX,")).toBe(true);
    expect(body.split("\r\n")).toHaveLength(32);
    expect(body).toContain('"ý kiến ""7"""');
    const stdout = await sipas(t.url, "export", "responses", "--round", "demo");
    expect(stdout.out.join("\n") + "\n").toBe(body);
    expect(readFileSync(book, "utf8").startsWith("\uFEFFcode,section,type,label_vi,label_en,options,positive,required,shown_if\r\n")).toBe(true);

    const labels = await sipas(t.url, "export", "responses", "--round", "demo", "--labels", "--lang", "en");
    expect(labels.out.join("\n")).toContain(",Very satisfied,");
    const codebook = await sipas(t.url, "export", "codebook", "--round", "demo");
    expect(codebook.out.join("\n")).toContain("SV_ACC_1,D,satisfaction5,");
  });

  it("writes the same tables as Excel workbooks with --format xlsx (headers in --lang, typed cells)", async () => {
    const open = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb;
    };
    const indices = join(dir, "chi-so.xlsx");
    expect((await sipas(t.url, "indices", "--round", "demo", "--format", "xlsx", "--out", indices)).code).toBe(0);
    const iws = (await open(indices)).worksheets[0];
    expect(iws.getRow(1).getCell(4).value).toBe("Ước lượng");
    expect(iws.getRow(2).getCell(4).type).toBe(ExcelJS.ValueType.Number);
    const responses = join(dir, "responses.xlsx");
    const codebook = join(dir, "codebook.xlsx");
    const res = await sipas(t.url, "export", "responses", "--round", "demo", "--format", "xlsx", "--lang", "en", "--out", responses, "--codebook", codebook);
    expect(res.code).toBe(0);
    const rws = (await open(responses)).worksheets[0];
    expect(rws.getRow(1).getCell(1).value).toBe("Response id");
    expect(rws.rowCount).toBe(31);
    expect((await open(codebook)).worksheets[0].getRow(1).getCell(1).value).toBe("Column code");
    const alone = join(dir, "so-ma.xlsx");
    expect((await sipas(t.url, "export", "codebook", "--round", "demo", "--format", "xlsx", "--out", alone)).code).toBe(0);
    expect((await open(alone)).worksheets.map((w) => w.name)).toEqual(["Sổ mã", "Giải thích cột"]);
    const noOut = await sipas(t.url, "indices", "--round", "demo", "--format", "xlsx");
    expect(noOut.code).toBe(2);
    expect(noOut.err.join("\n")).toMatch(/--format xlsx ghi ra tệp: hãy thêm --out/);
    const badFormat = await sipas(t.url, "export", "codebook", "--round", "demo", "--format", "ods", "--out", alone);
    expect(badFormat.code).toBe(2);
    expect(badFormat.err.join("\n")).toMatch(/--format phải là csv hoặc xlsx/);
  });

  it("reports mistakes on stderr with a non-zero exit and no stack trace", async () => {
    const cases: [string[], RegExp][] = [
      [["responses", "import", "--round", "demo"], /cách dùng: sipas responses import --round <mã đợt> <tệp.csv>/],
      [["responses", "import", "--round", "demo", join(dir, "missing.csv")], /Không đọc được .*missing.csv: không có tệp này/],
      [["responses", "import", "--round", "nope", join(dir, "good.csv")], /Không có đợt khảo sát “nope”/],
      [["indices", "--round", "demo", "--by", "shoe_size"], /Không phân nhóm được đợt khảo sát “demo” theo “shoe_size”. Chọn một trong: none, unit, province, district, A_SEX/],
      [["indices", "--round", "demo", "--lang", "fr"], /--lang phải là vi hoặc en/],
      [["indices", "--by", "district"], /thiếu --round/],
      [["export", "responses", "--round", "demo", "--colour", "red"], /không có tùy chọn --colour/],
      [["export", "responses", "--round", "demo", "--out", join(dir, "no-such-dir", "x.csv")], /Không ghi được .*x.csv/],
      [["export", "everything", "--round", "demo"], /không có lệnh “export everything”/],
    ];
    for (const [argv, message] of cases) {
      const res = await sipas(t.url, ...argv);
      expect(res.code, argv.join(" ")).not.toBe(0);
      expect(res.out, argv.join(" ")).toEqual([]);
      expect(res.err.join("\n"), argv.join(" ")).toMatch(message);
      expect(res.err.join("\n")).not.toMatch(/\n\s+at /);
    }
  });
});
