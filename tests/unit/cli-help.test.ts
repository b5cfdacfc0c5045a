import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, main } from "../../app/cli/main";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("sipas <command> --help", () => {
  it.each(COMMAND_NAMES)("prints the usage of %s and exits 0, without opening a database", async (name) => {
    for (const flag of ["--help", "-h"]) {
      const res = await run([...name.split(" "), flag]);
      expect(res).toMatchObject({ code: 0, err: "" });
      expect(res.out.split("\n")[0]).toBe("usage:");
      expect(res.out).toContain(`  sipas ${name}`);
      // Only this command: every usage line is one of its own.
      for (const line of res.out.split("\n").slice(1)) if (/^ {2}sipas /.test(line)) expect(line.startsWith(`  sipas ${name}`)).toBe(true);
    }
  });

  it("still refuses an unknown option with exit 2", async () => {
    const res = await run(["rounds", "list", "--bogus"]);
    expect(res.code).toBe(2);
    expect(res.err).toContain("không có tùy chọn --bogus");
  });
});
