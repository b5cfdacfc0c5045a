import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { normalizeCode } from "../../app/domain/codes";
import { main } from "../../app/cli/main";
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

describeEachDialect("sipas command", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  it("validates a definition file and lists every problem on stderr, by the field it concerns, never by a JSON path", async () => {
    const ok = await sipas(t.url, "definitions", "validate", "survey-definitions/sipas-2022/1.json");
    expect(ok.code).toBe(0);
    expect(ok.out[0]).toMatch(/^survey-definitions\/sipas-2022\/1\.json: hợp lệ — sipas-2022@1, 5 phần, \d+ câu, \d+ cây chỉ số, sha256 [0-9a-f]{64}$/);
    expect((await sipasEn(t.url, "definitions", "validate", "survey-definitions/sipas-2022/1.json")).out[0]).toMatch(/valid — sipas-2022@1, 5 sections/);

    const bad = join(tmpdir(), `bad-${dialect}.json`);
    writeFileSync(bad, JSON.stringify({ key: "x", version: "1", title: { vi: "Thử", en: "Test" }, sections: [{ code: "A", title: { vi: "A", en: "A" }, items: [{ code: "Q1", type: "yesno", label: { vi: "Hỏi", en: "Ask" }, options: [], showIf: { item: "Q9", in: ["1"] } }] }] }));
    const res = await sipas(t.url, "definitions", "validate", bad);
    expect(res.code).toBe(1);
    expect(res.out).toEqual([]);
    const err = res.err.join("\n");
    expect(err).toContain("Phần A «A» › câu Q1 «Hỏi» › điều kiện hiển thị: Điều kiện dựa vào câu Q9, không có câu nào mang mã này");
    expect(err).toContain("Phần A «A» › câu Q1 «Hỏi» › phương án: Câu loại yesno cần có phương án trả lời hoặc thang đo");
    expect(err).not.toContain("$.");
  });

  it("imports, creates a round with a given id, issues codes one a line, lists the round", async () => {
    expect((await sipas(t.url, "definitions", "import", "survey-definitions/sipas-2022/1.json")).out[0]).toMatch(/^đã nhập và công bố sipas-2022@1 \(sha256 [0-9a-f]{64}\)$/);
    expect((await sipas(t.url, "definitions", "import", "survey-definitions/sipas-2022/1.json")).out[0]).toMatch(/^sipas-2022@1 đã được công bố với nội dung giống hệt/);
    expect((await sipasEn(t.url, "definitions", "import", "survey-definitions/sipas-2022/1.json")).out[0]).toMatch(/already published with identical content/);

    const created = await sipas(t.url, "rounds", "create", "--definition", "sipas-2022@1", "--name", "Sở Nội vụ – đợt 1", "--id", "lang-son-2022");
    expect(created).toMatchObject({ code: 0, out: ["lang-son-2022"] });
    const generated = await sipas(t.url, "rounds", "create", "--definition", "sipas-2022", "--name", "Không có mã");
    expect(generated.out[0]).toMatch(/^[a-z0-9-]+$/);

    const issued = await sipas(t.url, "codes", "issue", "--round", "lang-son-2022", "--count", "25");
    expect(issued.code).toBe(0);
    expect(issued.out).toHaveLength(25);
    for (const c of issued.out) expect(normalizeCode(c).ok).toBe(true);

    const list = await sipas(t.url, "rounds", "list");
    expect(list).toMatchObject({ code: 0, err: [] });
    expect(list.out.find((l) => l.startsWith("lang-son-2022"))).toBe("lang-son-2022\tsipas-2022@1\t25\t0\t0\tSở Nội vụ – đợt 1");
  });

  it("reports mistakes on stderr with a non-zero exit", async () => {
    const cases: [string[], RegExp][] = [
      [["rounds", "create", "--definition", "sipas-1999@1", "--name", "x"], /Chưa công bố bộ câu hỏi sipas-1999@1/],
      [["rounds", "create", "--definition", "sipas-2022@1"], /thiếu --name/],
      [["rounds", "create", "--definition", "sipas-2022@1", "--name", "x", "--id", "lang-son-2022"], /Đã có đợt khảo sát với mã “lang-son-2022”/],
      [["rounds", "create", "--definition", "sipas-2022@1", "--name", "x", "--id", "Bad Id"], /chỉ được gồm chữ thường/],
      [["codes", "issue", "--round", "nope", "--count", "2"], /Không có đợt khảo sát “nope”/],
      [["codes", "issue", "--round", "lang-son-2022", "--count", "many"], /--count phải là số nguyên/],
      [["codes", "issue", "--round", "lang-son-2022", "--count", "3", "--colour", "red"], /không có tùy chọn --colour/],
      [["definitions", "import", "no-such-file.json"], /Không đọc được no-such-file.json: ENOENT/],
      [["frobnicate"], /không có lệnh “frobnicate”/],
    ];
    for (const [argv, message] of cases) {
      const res = await sipas(t.url, ...argv);
      expect(res.code, argv.join(" ")).not.toBe(0);
      expect(res.out, argv.join(" ")).toEqual([]);
      expect(res.err.join("\n"), argv.join(" ")).toMatch(message);
      expect(res.err.join("\n")).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it("prints its messages in Vietnamese, or in English with SIPAS_LANG=en", async () => {
    const restore = keepEnv("SIPAS_LANG");
    try {
      delete process.env.SIPAS_LANG;
      expect((await sipas(t.url, "frobnicate")).err[0]).toMatch(/^sipas: không có lệnh “frobnicate”\n/);
      process.env.SIPAS_LANG = "en";
      expect((await sipas(t.url, "frobnicate")).err[0]).toMatch(/^sipas: unknown command "frobnicate"\n/);
    } finally {
      restore();
    }
  });
});
