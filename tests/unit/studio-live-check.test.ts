import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Raw } from "../../app/domain/studio/edit";
import { editFromForm, moveOption, readOptionMove } from "../../app/domain/studio/form-edit";
import { checkEditForm, pathOf } from "../../app/domain/studio/live-check";

const v2 = (): Raw => JSON.parse(readFileSync("survey-definitions/sipas-2022/2.json", "utf8"));
const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

/** The editor's form of question Q3_JOIN as the page renders it (its five options, two blank rows, its positive answers, no skip rule). */
function q3Form(change: Record<string, string> = {}, extra: [string, string][] = []): FormData {
  const fields: Record<string, string> = {
    intent: "saveItem",
    target: "Q3_JOIN",
    code: "Q3_JOIN",
    type: "single",
    label_vi: "Ông/bà có tham gia góp ý không?",
    label_en: "",
    help_vi: "",
    help_en: "",
    required: "1",
    rule_mode: "rows",
    rule_join: "all",
    ...change,
  };
  const entries: [string, string][] = Object.entries(fields);
  const options = [["1", "Có"], ["2", "Không"], ["3", "Đôi khi"], ["4", "Không biết"], ["5", "Khác"], ["", ""], ["", ""]];
  for (const [code, vi] of options) entries.push(["opt_code", code], ["opt_vi", vi], ["opt_en", ""]);
  entries.push(["positive", "3"], ["positive", "4"], ["positive", "5"]);
  for (let i = 0; i < 2; i++) entries.push(["rule_item", change[`rule_item_${i}`] ?? ""], ["rule_op", "is"], ["rule_values", change[`rule_values_${i}`] ?? ""]);
  return form([...entries.filter(([k]) => !k.startsWith("rule_item_") && !k.startsWith("rule_values_")), ...extra]);
}

describe("the check as you type", () => {
  it("finds nothing in a question's form as the page shows it", () => {
    const check = checkEditForm(v2(), q3Form());
    expect(check).toEqual({ here: [], all: [] });
  });

  it("puts an empty Vietnamese text beside the question's text, in words, and counts it", () => {
    const check = checkEditForm(v2(), q3Form({ label_vi: "  " }))!;
    expect(check.here).toHaveLength(1);
    expect(check.here[0]).toMatchObject({ kind: "item", code: "Q3_JOIN", prop: "label" });
    expect(check.here[0].message.vi).toMatch(/tiếng Việt/);
    expect(check.here[0].message.vi).not.toMatch(/\$|sections\[/);
    expect(check.all).toHaveLength(1);
  });

  it("says a code is taken beside the code field, wherever the other holder sits", () => {
    const later = checkEditForm(v2(), q3Form({ code: "Q7_INFO" }))!; // a question after this one
    const earlier = checkEditForm(v2(), q3Form({ code: "A_SEX" }))!; // a question before it
    for (const check of [later, earlier]) {
      expect(check.here.map((p) => p.prop)).toContain("code");
      expect(check.here.find((p) => p.prop === "code")!.message.vi).toMatch(/trùng|đã dùng|đã có/i);
    }
  });

  it("names an option that does not exist in a skip rule beside the rule, and fixing it removes the problem", () => {
    const bad = checkEditForm(v2(), q3Form({ rule_item_0: "Q2_FOLLOW", rule_values_0: "9" }))!;
    expect(bad.here).toHaveLength(1);
    expect(bad.here[0].prop).toBe("showIf");
    expect(bad.here[0].message.vi).toContain("Q2_FOLLOW");
    expect(checkEditForm(v2(), q3Form({ rule_item_0: "Q2_FOLLOW", rule_values_0: "1" }))!.here).toEqual([]);
  });

  it("shows every problem of the form at once: an empty text does not hide a taken code or an unknown option in a rule", () => {
    const check = checkEditForm(v2(), q3Form({ label_vi: "", code: "A_SEX", rule_item_0: "Q2_FOLLOW", rule_values_0: "9" }))!;
    expect(check.here.map((p) => p.prop).sort()).toEqual(["code", "label", "showIf"]);
  });

  it("shows an index tree's problem with the question it names, beside its positive answers", () => {
    const f = q3Form();
    f.delete("positive");
    const check = checkEditForm(v2(), f)!;
    expect(check.here).toEqual([expect.objectContaining({ kind: "item", code: "Q3_JOIN", prop: "positive", question: "Q3_JOIN" })]);
    expect(check.here[0].message.en).toMatch(/positive/);
    expect(check.all).toEqual([expect.objectContaining({ kind: "node", question: "Q3_JOIN" })]);
  });

  it("says why a skip rule written as text does not parse, beside the rule", () => {
    const f = q3Form({ rule_mode: "text" }, [["rule_text", "Q2_FOLLOW = = ("]]);
    const check = checkEditForm(v2(), f)!;
    expect(check.here.map((p) => p.prop)).toEqual(["showIf"]);
    expect(check.all).toHaveLength(1);
  });

  it("counts a problem the change makes elsewhere (a skip rule on a renamed question) but shows it with that question", () => {
    const raw = v2();
    // Q2_OTHER is shown after an answer to Q2_FOLLOW: renaming Q2_FOLLOW breaks Q2_OTHER's rule.
    const f = form([
      ["intent", "saveItem"], ["target", "Q2_FOLLOW"], ["code", "Q2_RENAMED"], ["type", "single"], ["label_vi", "Theo dõi"], ["required", "1"],
      ["rule_mode", "rows"], ["rule_join", "all"],
      ...["1", "2", "3", "4", "5", "6", "7"].flatMap((c): [string, string][] => [["opt_code", c], ["opt_vi", `P${c}`], ["opt_en", ""]]),
    ]);
    const check = checkEditForm(raw, f)!;
    expect(check.all.some((p) => p.code === "Q2_OTHER" && p.prop === "showIf")).toBe(true);
    expect(check.here.some((p) => p.code === "Q2_OTHER")).toBe(false);
  });

  it("checks a section's, a node's and the details' forms, and nothing for a tool's", () => {
    const raw = v2();
    const section = checkEditForm(raw, form([["intent", "saveSection"], ["target", "B"], ["code", "B"], ["title_vi", ""], ["rule_mode", "rows"]]))!;
    expect(section.here.map((p) => [p.kind, p.prop])).toEqual([["section", "title"]]);
    const meta = checkEditForm(raw, form([["intent", "saveMeta"], ["title_vi", ""], ["basis", "x"]]))!;
    expect(meta.here.map((p) => [p.kind, p.prop])).toEqual([["meta", "title"]]);
    const node = checkEditForm(raw, form([["intent", "saveNode"], ["target", "EXPECT"], ["code", "EXPECT"], ["label_vi", "Kỳ vọng"], ["kind", "expectation"], ["rule", "weighted"], ["child", "EXP_INFO"], ["weight", ""]]))!;
    expect(node.here.length).toBeGreaterThan(0);
    expect(node.here.every((p) => p.kind === "node" && p.code === "EXPECT")).toBe(true);
    expect(checkEditForm(raw, form([["intent", "moveItem"], ["target", "Q3_JOIN"], ["by", "1"]]))).toBeNull();
    expect(checkEditForm(raw, form([["intent", "saveItem"], ["target", "NOPE"], ["code", "NOPE"]]))).toBeNull();
  });

  it("finds where a thing sits", () => {
    const raw = v2();
    expect(pathOf(raw, { kind: "item", code: "Q3_JOIN" })).toEqual(["sections", 2, "items", 2]);
    expect(pathOf(raw, { kind: "section", code: "B8" })).toEqual(["sections", 3]);
    expect(pathOf(raw, { kind: "meta", code: "" })).toEqual([]);
    expect(pathOf(raw, { kind: "node", code: "EXPECT" })).toEqual(["indices", 3]);
    expect(pathOf(raw, { kind: "item", code: "NOPE" })).toBeNull();
  });
});

describe("options moved with buttons", () => {
  it("reads the move button's value, and nothing else", () => {
    expect(readOptionMove("3:-1")).toEqual({ index: 3, by: -1 });
    expect(readOptionMove("0:1")).toEqual({ index: 0, by: 1 });
    for (const bad of ["", "3", "3:2", "-1:1", "a:1", null, 7]) expect(readOptionMove(bad)).toBeNull();
  });

  it("moves an option with its labels and its missing flag, keeping what was typed in the form", () => {
    const read = editFromForm(q3Form({ label_vi: "Nội dung mới" }, [["opt_missing", "3"], ["option_move", "3:-1"]]))!;
    expect(read.edit.op).toBe("saveItem");
    const fields = (read.edit as Extract<typeof read.edit, { op: "saveItem" }>).fields;
    expect(fields.labelVi).toBe("Nội dung mới");
    expect(fields.options.slice(0, 5).map((o) => [o.code, o.missing])).toEqual([["1", false], ["2", false], ["4", true], ["3", false], ["5", false]]);
  });

  it("changes nothing for a move past either end or of a blank row", () => {
    const fields = (editFromForm(q3Form())!.edit as { fields: Parameters<typeof moveOption>[0] }).fields;
    expect(moveOption(fields, 0, -1)).toBe(fields);
    expect(moveOption(fields, 4, 1)).toBe(fields);
    expect(moveOption(fields, 5, -1)).toBe(fields);
    expect(moveOption(fields, 4, -1).options.map((o) => o.code).slice(0, 5)).toEqual(["1", "2", "3", "5", "4"]);
  });
});
