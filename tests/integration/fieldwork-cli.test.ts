import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { main } from "../../app/cli/main";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
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

const dir = mkdtempSync(join(tmpdir(), "sipas-fw-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describeEachDialect("sipas fieldwork commands", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await sipas(t.url, "definitions", "import", "survey-definitions/sipas-2022/1.json");
    await sipas(t.url, "rounds", "create", "--definition", "sipas-2022@1", "--name", "Đợt thực địa", "--id", "cli-fw");
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  it("imports units and a frame; a bad frame imports nothing and lists line and column on stderr", async () => {
    const unitsFile = path("units.csv", unitsCsv(factoryUnits(2, 2)));
    const units = await sipasEn(t.url, "units", "import", "--round", "cli-fw", unitsFile);
    expect(units).toMatchObject({ code: 0, out: ["units: 7 added, 0 updated, 7 in the round"] });
    expect(await sipas(t.url, "units", "import", "--round", "cli-fw", unitsFile)).toMatchObject({ code: 0, out: ["đơn vị: thêm 0, cập nhật 7; đợt khảo sát có 7 đơn vị"] });

    const bad = path(
      "bad.csv",
      frameCsv({ rows: 5, districts: 2 })
        .replace("D01", "Z9")
        .replace(/,09\d{8},/, ",12,")
    );
    const refused = await sipasEn(t.url, "frame", "import", "--round", "cli-fw", bad);
    expect(refused.code).toBe(1);
    expect(refused.out).toEqual([]);
    expect(refused.err.join("\n")).toMatch(/bad\.csv: line \d, column (C|E) \((Số điện thoại|Đơn vị)\): /);
    expect(refused.err.at(-1)).toMatch(/nothing was imported \(use --valid-only to import the valid rows\)/);
    const refusedVi = await sipas(t.url, "frame", "import", "--round", "cli-fw", bad);
    expect(refusedVi.err.join("\n")).toMatch(/bad\.csv: dòng \d, cột (C|E) \((Số điện thoại|Đơn vị)\): /);
    expect(refusedVi.err.at(-1)).toMatch(/^sipas: \d+ lỗi ở [12] trong 5 dòng; chưa nhập dòng nào \(dùng --valid-only để nhập các dòng hợp lệ\)$/);

    const rejected = join(dir, "rejected.csv");
    const partial = await sipasEn(t.url, "frame", "import", "--round", "cli-fw", "--valid-only", bad, "--rejected", rejected);
    expect(partial.code).toBe(0);
    expect(partial.out[0]).toMatch(/^imported [34] persons from .*bad\.csv in [\d.]+ s; [12] rows? left out \(written to .*rejected\.csv\)$/);
    const lines = readFileSync(rejected, "utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("\uFEFFline,Mã hồ sơ,Họ và tên,Số điện thoại,Địa chỉ,Đơn vị,Cấp,Lĩnh vực,Ngày trả kết quả,Giới tính,Năm sinh,problems");
    expect(lines.slice(1).every((l) => /^\d,HS-2022-/.test(l))).toBe(true);

    const good = await sipas(
      t.url,
      "frame",
      "import",
      "--round",
      "cli-fw",
      path("good.csv", frameCsv({ rows: 300, districts: 2, communesPerDistrict: 2, seed: 8 }))
    );
    expect(good.out[0]).toMatch(/^đã nhập 300 người từ .*good\.csv trong [\d,]+ giây$/);
  });

  it("maps differently named columns with --map", async () => {
    await sipas(t.url, "rounds", "create", "--definition", "sipas-2022@1", "--name", "Ánh xạ", "--id", "cli-map");
    await sipas(t.url, "units", "import", "--round", "cli-map", path("units2.csv", unitsCsv(factoryUnits(1, 1))));
    const file = path("mapped.csv", "Người nộp,Liên hệ,Nơi giải quyết\nNguyễn Văn An,0912345678,D01\nTrần Thị Bình,0912345679,D01-C01\n");
    const missing = await sipas(t.url, "frame", "import", "--round", "cli-map", file);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/không có cột cho Họ và tên, Đơn vị \(mã hoặc tên\), số điện thoại hoặc địa chỉ\. Các cột trong tệp: Người nộp, Liên hệ, Nơi giải quyết/);
    const mapped = await sipasEn(t.url, "frame", "import", "--round", "cli-map", file, "--map", "name=Người nộp,phone=B,unit=Nơi giải quyết");
    expect(mapped.out[0]).toMatch(/^imported 2 persons/);
  });

  it("refuses a column no field uses until --map, --keep-columns or --ignore-columns says what to do with it", async () => {
    await sipas(t.url, "rounds", "create", "--definition", "sipas-2022@1", "--name", "Cột lạ", "--id", "cli-cols", "--from", "2021-01-01", "--to", "2021-12-31");
    await sipas(t.url, "units", "import", "--round", "cli-cols", path("units3.csv", unitsCsv(factoryUnits(1, 1))));
    const file = path(
      "completed.csv",
      "Họ và tên,Số điện thoại,Đơn vị,completed_on,Ghi chú\nNguyễn Văn An,0912345678,D01,15/03/2021,\nTrần Thị Bình,0912345679,D01-C01,31/02/2021,gọi lại\n"
    );
    const refused = await sipas(t.url, "frame", "import", "--round", "cli-cols", file);
    expect(refused.code).toBe(1);
    expect(refused.err.join("\n")).toContain("các cột sau chưa được ghép với thông tin nào: D (completed_on), E (Ghi chú). Chưa nhập dòng nào.");
    expect(refused.err.join("\n")).toContain("--ignore-columns");
    // Ignoring only one is not enough; mapping the date column makes its impossible date show.
    const half = await sipas(t.url, "frame", "import", "--round", "cli-cols", file, "--ignore-columns", "Ghi chú");
    expect(half.err.join("\n")).toContain("D (completed_on)");
    expect(half.err.join("\n")).not.toContain("E (Ghi chú)");
    const mapped = await sipasEn(t.url, "frame", "import", "--round", "cli-cols", file, "--map", "returned_on=completed_on", "--ignore-columns", "E");
    expect(mapped.code).toBe(1);
    expect(mapped.err.join("\n")).toMatch(/line 3, column D \(completed_on\): "31\/02\/2021" is not a valid date/);
    const kept = await sipasEn(t.url, "frame", "import", "--round", "cli-cols", file, "--ignore-columns", "completed_on", "--keep-columns", "Ghi chú");
    expect(kept.out[0]).toMatch(/^imported 2 persons/);
    const both = await sipas(t.url, "frame", "import", "--round", "cli-cols", file, "--ignore-columns", "E", "--keep-columns", "Ghi chú");
    expect(both.code).toBe(2);
  });

  it("plans and draws a stratified sample, reproducibly from the seed", async () => {
    const planArgs = ["sample", "plan", "--round", "cli-fw", "--strata", "level,district", "--margin", "10%", "--allocation", "min:5", "--reserve", "2"];
    const plan = await sipasEn(t.url, ...planArgs);
    expect(plan.code).toBe(0);
    expect(plan.out[0]).toBe("stratum\tN_h\tn_h\treserve\tpi_h\tweight");
    expect(plan.out.at(-1)).toMatch(/^frame N = 300, sample n = 73, reserve 8, sum of inclusion probabilities = 73\.000000$/);
    // In Vietnamese the table keeps its column keys (scripts read it); the summary speaks Vietnamese.
    const planVi = await sipas(t.url, ...planArgs);
    expect(planVi.out[0]).toBe("stratum\tN_h\tn_h\treserve\tpi_h\tweight");
    expect(planVi.out.at(-1)).toBe("khung mẫu N = 300, cỡ mẫu n = 73, dự phòng 8, tổng xác suất chọn = 73,000000");

    const noSeed = await sipas(t.url, "sample", "draw", "--round", "cli-fw", "--strata", "level", "--size", "40");
    expect(noSeed.code).toBe(2);
    expect(noSeed.err[0]).toMatch(/thiếu --seed/);
    const drawn = await sipas(
      t.url,
      "sample",
      "draw",
      "--round",
      "cli-fw",
      "--strata",
      "level,district",
      "--margin",
      "0.1",
      "--allocation",
      "min:5",
      "--reserve",
      "2",
      "--seed",
      "31337"
    );
    expect(drawn.code).toBe(0);
    expect(drawn.out.at(-1)).toBe("đã chọn 73 người (sai số ±10% (95%); tỷ lệ, tối thiểu 5; dự phòng 2), dự phòng 8, đã cấp 73 mã khảo sát; hạt giống 31337");
    const again = await sipas(t.url, "sample", "draw", "--round", "cli-fw", "--size", "10", "--seed", "1");
    expect(again.err[0]).toMatch(/đã có mẫu; mẫu đã chọn được giữ nguyên/);
  });

  it("exports the mail-merge file, records outcomes, replaces from the reserve, shows status, adjusts weights, closes the round", async () => {
    const out = join(dir, "thu-moi.csv");
    const exported = await sipas(t.url, "invitations", "export", "--round", "cli-fw", "--out", out, "--base-url", "https://sipas.example.vn");
    expect(exported.out).toEqual([`đã ghi 73 thư mời vào ${out}`]);
    const again = join(dir, "invitations-en.csv");
    expect((await sipasEn(t.url, "invitations", "export", "--round", "cli-fw", "--out", again, "--base-url", "https://sipas.example.vn")).out).toEqual([`73 invitations written to ${again}`]);
    expect(readFileSync(again, "utf8")).toBe(readFileSync(out, "utf8"));
    const csv = readFileSync(out, "utf8").split("\r\n");
    expect(csv[0]).toBe("\uFEFFma_khao_sat,duong_dan,ho_ten,so_dien_thoai,dia_chi,ma_don_vi,don_vi,tinh_trang,thay_the_cho");
    const [code, link] = csv[1].split(",");
    expect(link).toMatch(new RegExp(`^https://sipas\\.example\\.vn/s/${code.replace("-", "")}\\?k=[\\w-]{16}$`));

    expect((await sipasEn(t.url, "outcome", "set", "--round", "cli-fw", "--code", code, "--outcome", "refused")).out).toEqual(["ok"]);
    const replaced = await sipasEn(t.url, "outcome", "replace", "--round", "cli-fw", "--code", code);
    expect(replaced.out[0]).toMatch(new RegExp(`^[2-9A-Z]{5}-[2-9A-Z]{5}\\treplaces ${code}\\treserve #1\\tweight [\\d.]+$`));
    const wrong = await sipas(t.url, "outcome", "set", "--round", "cli-fw", "--code", code, "--outcome", "lost");
    expect(wrong.err[0]).toMatch(/Không thể ghi tay kết quả “lost”/);

    const status = await sipasEn(t.url, "fieldwork", "status", "--round", "cli-fw");
    expect(status.out[0]).toBe("Stratum\tFrame size\tSampled\tSent\tReturned\tResponse rate\tReplacements\tRefused\tUnreachable\tInvalid\tKeyed\tVerified");
    expect(status.out.at(-1)).toBe("Σ\t300\t73\t1\t0\t0.00%\t1\t1\t0\t0\t0\t0");
    const statusVi = await sipas(t.url, "fieldwork", "status", "--round", "cli-fw");
    expect(statusVi.out[0].split("\t")).toHaveLength(12);
    expect(statusVi.out[0]).toMatch(/^Tầng\t/);
    expect(statusVi.out.at(-1)).toBe(status.out.at(-1));
    const statusCsv = await sipas(t.url, "fieldwork", "status", "--csv", "--round", "cli-fw");
    expect(statusCsv.out[0]).toBe("label,frameSize,sampled,sent,returned,responseRate,replacements,refused,unreachable,invalid,keyed,verified");

    const adjust = await sipas(t.url, "weights", "adjust", "--round", "cli-fw", "--apply");
    expect(adjust.code).toBe(1);
    expect(adjust.err[0]).toMatch(/Chưa có phiếu nào được gửi về/);
    const preview = await sipasEn(t.url, "weights", "adjust", "--round", "cli-fw");
    expect(preview.out.at(-1)).toBe("not applied (add --apply to write the adjusted weights)");
    expect(preview.err[0]).toMatch(/^warning: .+: no respondents among \d+ eligible sampled units: the stratum cannot be adjusted/);
    const previewVi = await sipas(t.url, "weights", "adjust", "--round", "cli-fw");
    expect(previewVi.out[0]).toBe("tầng\tđược chọn\tđã trả lời\ttỷ lệ trả lời\thệ số\ttrọng số thiết kế\ttrọng số sau điều chỉnh");
    expect(previewVi.out.at(-1)).toBe("chưa áp dụng (thêm --apply để ghi trọng số sau điều chỉnh)");
    expect(previewVi.err[0]).toMatch(/^cảnh báo: .+: không có ai trả lời trong \d+ người được chọn thuộc đối tượng khảo sát: không điều chỉnh được tầng này/);

    const closed = await sipasEn(t.url, "rounds", "close", "--round", "cli-fw");
    expect(closed.out[0]).toMatch(/^round closed; 300 contact records purged at \S+ \(record [0-9a-f-]+\)$/);
    const after = await sipas(t.url, "invitations", "export", "--round", "cli-fw");
    expect(after.out.slice(1).every((l) => l.split(",")[2] === "")).toBe(true); // no names left
  });

  it("plans and draws a multi-stage sample of residents", async () => {
    await sipas(t.url, "rounds", "create", "--definition", "sipas-2022@1", "--name", "Người dân", "--id", "cli-ms", "--province", "P01");
    await sipas(t.url, "units", "import", "--round", "cli-ms", path("units3.csv", unitsCsv(factoryUnits(3, 2))));
    await sipas(
      t.url,
      "frame",
      "import",
      "--round",
      "cli-ms",
      path("residents.csv", frameCsv({ rows: 240, districts: 3, communesPerDistrict: 2, villages: 3, atDistrict: 0, seed: 6 })),
      "--keep-columns",
      "Thôn"
    );
    const args = [
      "--round",
      "cli-ms",
      "--stages",
      "district=2,commune=1,village=2,person=4",
      "--village-column",
      "Thôn",
      "--pps",
      "district",
      "--reserve",
      "1",
    ];
    const plan = await sipasEn(t.url, "sample", "plan", ...args);
    expect(plan.out.slice(0, 5)).toEqual([
      "stage\tmethod\tunits\tparents\tper parent\tparents taken whole",
      "district\tpps-systematic\t3\t1\t2\t0",
      "commune\tsrs\t6\t3\t1\t0",
      "village\tsrs\t18\t6\t2\t0",
      "person\tsrs\t240\t18\t4\t0",
    ]);
    expect(plan.out.at(-1)).toMatch(/^frame N = 240, sample n = 16, sum of inclusion probabilities = 16\.000000$/);
    const drawn = await sipasEn(t.url, "sample", "draw", ...args, "--seed", "2024");
    expect(drawn.out.at(-1)).toMatch(
      /^drew 16 persons \(2 districts → 1 communes each → 2 villages each → 4 persons each\), reserve 4, 16 codes issued; seed 2024$/
    );
  });

  it("reports mistakes on stderr with a non-zero exit and no stack trace", async () => {
    const cases: [string[], RegExp][] = [
      [["frame", "import", "--round", "cli-fw"], /cần đúng một tệp khung mẫu/],
      [["frame", "import", "--round", "nope", path("x.csv", "a\n1\n")], /Không có đợt khảo sát “nope”/],
      [["frame", "import", "--round", "cli-fw", "missing.csv"], /đã đóng|ENOENT|không có tệp này/],
      [["sample", "plan", "--round", "cli-map", "--size", "1", "--margin", "5%"], /hãy cho một trong --size/],
      [["sample", "plan", "--round", "cli-map", "--margin", "seven"], /--margin phải là sai số/],
      [["sample", "plan", "--round", "cli-map", "--size", "1", "--allocation", "random"], /--allocation phải là equal, proportional hoặc min/],
      [["sample", "plan", "--round", "cli-map", "--stages", "district=1,person=2"], /--stages cần commune=<số>/],
      [["sample", "draw", "--round", "cli-map", "--size", "1", "--seed", "-4"], /--seed phải là số nguyên|thiếu --seed/],
      [["units", "import", "--round", "cli-map", path("u.csv", "Mã,Tên\nX,Y\n")], /không có cột Cấp/],
    ];
    for (const [argv, message] of cases) {
      const res = await sipas(t.url, ...argv);
      expect(res.code, argv.join(" ")).not.toBe(0);
      expect(res.err.join("\n"), argv.join(" ")).toMatch(message);
      expect(res.err.join("\n")).not.toMatch(/\n\s+at /);
    }
  });
});
