import { describe, expect, it } from "vitest";
import { formatCondition, parseCondition } from "../../app/domain/definition/rule-syntax";
import type { Condition } from "../../app/domain/definition/schema";

const read = (text: string) => {
  const r = parseCondition(text);
  return r.ok ? r.condition : r.message.en;
};

describe("skip rules in a cell", () => {
  const rules: Condition[] = [
    { item: "Q8_PROC", in: ["1"] },
    { item: "Q2", in: ["1", "3"] },
    { item: "Q5", answered: true },
    { item: "Q5", answered: false },
    { not: { item: "A_AGE", in: ["1"] } },
    { all: [{ item: "Q8_SCHOOL", in: ["1"] }, { any: [{ item: "A", in: ["1"] }, { item: "B", in: ["2"] }] }] },
    { any: [{ all: [{ item: "A", in: ["1"] }, { item: "B", in: ["2"] }] }, { not: { item: "C", answered: true } }] },
    { all: [{ item: "A", in: ["1"] }, { all: [{ item: "B", in: ["2"] }, { item: "C", in: ["x.1"] }] }] },
  ];
  it.each(rules.map((r) => [formatCondition(r), r]))("%s reads back as written", (text, rule) => {
    expect(read(text)).toEqual(rule);
  });

  it("reads English words and XLSForm's spelling", () => {
    expect(read("Q8_PROC = 1 and not Q2 in (1, 2)")).toEqual({ all: [{ item: "Q8_PROC", in: ["1"] }, { not: { item: "Q2", in: ["1", "2"] } }] });
    expect(read("${Q8_PROC} = '1' or selected(${Q2}, '3')")).toEqual({ any: [{ item: "Q8_PROC", in: ["1"] }, { item: "Q2", in: ["3"] }] });
    expect(read("Q4 != 1")).toEqual({ not: { item: "Q4", in: ["1"] } });
    expect(read("Q4 để trống hoặc Q5 đã trả lời")).toEqual({ any: [{ item: "Q4", answered: false }, { item: "Q5", answered: true }] });
  });

  it("says where a rule stops making sense", () => {
    expect(read("Q8_PROC == 1")).toMatch(/^The rule cannot be read at character 10 \("= 1"\): expected an option code/);
    expect(read("Q8_PROC = 1 và")).toMatch(/at the end: expected a question code/);
    expect(read("(Q8_PROC = 1")).toMatch(/at the end: expected a "\)"/);
    expect(read("")).toMatch(/expected a rule/);
  });
});
