import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, main } from "../../app/cli/main";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Runs with SIPAS_LANG set as given (undefined: unset, the Vietnamese default). */
async function runIn(lang: "en" | undefined, argv: string[]) {
  const before = process.env.SIPAS_LANG;
  if (lang) process.env.SIPAS_LANG = lang;
  else delete process.env.SIPAS_LANG;
  try {
    return await run(argv);
  } finally {
    if (before === undefined) delete process.env.SIPAS_LANG;
    else process.env.SIPAS_LANG = before;
  }
}

describe("sipas <command> --help", () => {
  it.each(COMMAND_NAMES)("prints the usage of %s and exits 0, without opening a database", async (name) => {
    for (const [flag, lang, heading] of [["--help", undefined, "cách dùng:"], ["-h", undefined, "cách dùng:"], ["--help", "en", "usage:"]] as const) {
      const res = await runIn(lang, [...name.split(" "), flag]);
      expect(res).toMatchObject({ code: 0, err: "" });
      expect(res.out.split("\n")[0]).toBe(heading);
      expect(res.out).toContain(`  sipas ${name}`);
      // Only this command: every usage line is one of its own.
      for (const line of res.out.split("\n").slice(1)) if (/^ {2}sipas /.test(line)) expect(line.startsWith(`  sipas ${name}`)).toBe(true);
    }
  });

  it("says what a command does in Vietnamese, or in English with SIPAS_LANG=en; the command line stays as typed", async () => {
    const vi = await runIn(undefined, ["weights", "adjust", "--help"]);
    expect(vi.out).toBe("cách dùng:\n  sipas weights adjust --round <id> [--apply]    điều chỉnh trọng số do không trả lời theo từng tầng (xem trước; ghi khi có --apply)");
    const en = await runIn("en", ["weights", "adjust", "--help"]);
    expect(en.out).toBe("usage:\n  sipas weights adjust --round <id> [--apply]    non-response adjustment per stratum (shown; written with --apply)");
    // A description of two lines keeps its second line in the description column.
    const diff = (await runIn(undefined, ["definitions", "diff", "--help"])).out.split("\n");
    expect(diff[1]).toMatch(/^ {2}sipas definitions diff <key>@<v1> <key>@<v2> những gì đã thay đổi/);
    expect(diff[2]).toBe(`${" ".repeat(41)}(mã thoát 0: không khác, 1: có khác, 2: có trục trặc)`);
    const all = await runIn(undefined, ["help"]);
    expect(all.out.split("\n")[0]).toBe("cách dùng: sipas <lệnh>");
    expect(all.out).toContain("Cơ sở dữ liệu là DATABASE_URL");
    expect((await runIn("en", ["help"])).out.split("\n")[0]).toBe("usage: sipas <command>");
  });

  it("still refuses an unknown option with exit 2", async () => {
    const res = await run(["rounds", "list", "--bogus"]);
    expect(res.code).toBe(2);
    expect(res.err).toContain("không có tùy chọn --bogus");
  });
});
