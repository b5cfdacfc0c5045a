import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffDefinitions } from "../../app/domain/definition/diff";
import { diffRows } from "../../app/domain/definition/diff-table";
import { parseDefinition } from "../../app/domain/definition/parse";
import type { Definition } from "../../app/domain/definition/schema";

type Raw = { sections: { code: string; items: Record<string, unknown>[] }[] } & Record<string, unknown>;
const v2 = (): Raw => JSON.parse(readFileSync("survey-definitions/sipas-2022/2.json", "utf8"));
const parsed = (raw: unknown): Definition => {
  const p = parseDefinition(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.issues.map((i) => i.message.en)));
  return p.definition;
};
const item = (raw: Raw, code: string) => raw.sections.flatMap((s) => s.items).find((i) => i.code === code)!;

describe("the comparison as a table", () => {
  const a = v2();
  const b = v2();
  b.version = "3";
  (item(b, "Q3_JOIN").label as { vi: string }).vi = "Khi cơ quan nhà nước hỏi ý kiến, Ông/Bà có góp ý không?";
  const opts = item(b, "Q3_JOIN").options as { code: string; label: { vi: string } }[];
  [opts[0], opts[1]] = [opts[1], opts[0]];
  opts[2].label.vi = "Có thể tham gia.";
  opts.pop();
  item(b, "Q3_JOIN").positive = ["3", "4"];
  b.sections[3].items.push({ code: "Q8_ONLINE", type: "yesno", scale: "yesno", label: { vi: "Nộp hồ sơ trực tuyến" } });
  const da = parsed(a);
  const db = parsed(b);
  const rows = diffRows(diffDefinitions(da, db), da, db, "vi");

  it("gives an added question one row saying where it is", () => {
    expect(rows.filter((r) => r.code === "Q8_ONLINE")).toEqual([
      { group: "questions", status: "added", code: "Q8_ONLINE", label: "Nộp hồ sơ trực tuyến", what: "thêm mới", before: "—", after: expect.stringContaining("phần B8") },
    ]);
  });

  it("puts each change of a kept question on its own row, removed words before and added words after", () => {
    const q3 = rows.filter((r) => r.code === "Q3_JOIN");
    const label = q3.find((r) => r.what === "nội dung")!;
    expect(label.before).toContain("[-");
    expect(label.before).not.toContain("{+");
    expect(label.after).toContain("{+");
    expect(label.after).not.toContain("[-");
    const options = q3.find((r) => r.what.startsWith("phương án"))!;
    expect(options.what).toContain("đổi thứ tự");
    expect(options.before).toMatch(/^1 «.*»; 2 «/);
    expect(options.before).toContain("[-5 «");
    expect(options.after).toMatch(/^2 «.*»; 1 «/);
    expect(options.before).toMatch(/3 «Có thể tham gia\[-.*nếu được biết thông tin-\]\.»/); // reworded: the words it lost
    expect(options.after).toContain("3 «Có thể tham gia.»");
    expect(options.after).not.toContain("5 «");
    const positive = q3.find((r) => r.before === "3, 4, 5")!;
    expect(positive.after).toBe("3, 4");
  });

  it("has no rows for two equal versions", () => {
    expect(diffRows(diffDefinitions(da, da), da, da, "en")).toEqual([]);
  });
});
