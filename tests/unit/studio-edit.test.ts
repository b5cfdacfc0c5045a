import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDefinition } from "../../app/domain/definition/parse";
import { applyEdit, conditionToRows, proposeItemCode, readItemFields, readRule, rowsToCondition, type Raw } from "../../app/domain/studio/edit";
import { outlineOf } from "../../app/domain/studio/outline";
import { placeProblem } from "../../app/domain/studio/places";
import { keptCodeWarnings } from "../../app/domain/studio/warnings";

const v2 = (): Raw => JSON.parse(readFileSync("survey-definitions/sipas-2022/2.json", "utf8"));
const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};
const codes = (raw: Raw, section: string) => ((raw.sections as { code: string; items: { code: string }[] }[]).find((s) => s.code === section)?.items ?? []).map((i) => i.code);

describe("the studio's editor changes", () => {
  it("proposes a code no question, section or node uses", () => {
    const raw = v2();
    const code = proposeItemCode(raw, "B8");
    expect(code).toMatch(/^B8_\d+$/);
    expect(JSON.stringify(raw)).not.toContain(`"${code}"`);
  });

  it("adds a yes/no question with a proposed code at the end of its section, and leaves the input alone", () => {
    const raw = v2();
    const before = JSON.stringify(raw);
    const { raw: after, focus } = applyEdit(raw, { op: "addItem", section: "B8" });
    expect(JSON.stringify(raw)).toBe(before);
    expect(codes(after, "B8").at(-1)).toBe(focus?.code);
    expect(parseDefinition(after).ok).toBe(false); // the new question has no text yet: the validator says so
  });

  it("saves a question from the editor's form with its skip rule (is / is not / is one of, and/or)", () => {
    const raw = applyEdit(v2(), { op: "addItem", section: "B8" }).raw;
    const code = codes(raw, "B8").at(-1)!;
    const f = form([
      ["code", "B8_NEW"],
      ["type", "yesno"],
      ["label_vi", "Ông/bà có dùng dịch vụ công trực tuyến không?"],
      ["label_en", ""],
      ["required", "1"],
      ["opt_code", "1"],
      ["opt_vi", "Có"],
      ["opt_en", "Yes"],
      ["opt_code", "2"],
      ["opt_vi", "Không"],
      ["opt_en", ""],
      ["opt_code", ""],
      ["opt_vi", ""],
      ["opt_en", ""],
      ["rule_mode", "rows"],
      ["rule_join", "any"],
      ["rule_item", "Q8_PROC"],
      ["rule_op", "is"],
      ["rule_values", "1"],
      ["rule_item", "Q8_SCHOOL"],
      ["rule_op", "isNot"],
      ["rule_values", "2"],
    ]);
    const rule = readRule(f);
    expect(rule.ok).toBe(true);
    const saved = applyEdit(raw, { op: "saveItem", code, fields: readItemFields(f, rule.ok ? rule.showIf : undefined) }).raw;
    const parsed = parseDefinition(saved);
    expect(parsed.ok).toBe(true);
    const item = outlineOf(saved).sections.flatMap((s) => s.items).find((i) => i.code === "B8_NEW")!;
    expect(item.label).toEqual({ vi: "Ông/bà có dùng dịch vụ công trực tuyến không?" }); // English left out, not blank
    expect(item.options.map((o) => o.code)).toEqual(["1", "2"]);
    expect(item.showIf?.vi).toContain("hoặc");
  });

  it("turns a rule into builder rows and back, and leaves a nested rule to the text field", () => {
    const rule = { any: [{ item: "A", in: ["1"] }, { not: { item: "B", in: ["2", "3"] } }] };
    const rows = conditionToRows(rule)!;
    expect(rows.rows.map((r) => r.op)).toEqual(["is", "isNot"]);
    expect(rowsToCondition(rows)).toEqual(rule);
    expect(conditionToRows({ all: [{ item: "A", in: ["1"] }, { any: [{ item: "B", in: ["1"] }, { item: "C", in: ["1"] }] }] })).toBeNull();
    expect(readRule(form([["rule_mode", "text"], ["rule_text", "A = 1 và"]])).ok).toBe(false);
  });

  it("moves a question down past the end of its section into the next one, and back", () => {
    const raw = v2();
    const last = codes(raw, "B8").at(-1)!;
    const moved = applyEdit(raw, { op: "moveItem", code: last, by: 1 }).raw;
    expect(codes(moved, "C")[0]).toBe(last);
    expect(codes(applyEdit(moved, { op: "moveItem", code: last, by: -1 }).raw, "B8").at(-1)).toBe(last);
  });

  it("puts a validator problem next to the field it concerns (never as a JSON path)", () => {
    const raw = applyEdit(v2(), { op: "addItem", section: "B8" }).raw;
    const parsed = parseDefinition(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const placed = parsed.issues.map((i) => placeProblem(raw, i));
    expect(placed).toContainEqual(expect.objectContaining({ kind: "item", code: codes(raw, "B8").at(-1), prop: "label" }));
    for (const p of placed) expect(p.where.vi).not.toContain("$.");
  });

  it("warns when a kept code changes its type or its options", () => {
    const base = v2();
    const raw = structuredClone(base) as Raw;
    const item = (raw.sections as { items: Record<string, unknown>[] }[]).flatMap((s) => s.items).find((i) => i.code === "Q8_PROC")!;
    item.type = "single";
    expect(keptCodeWarnings(base, raw).map((w) => w.code)).toEqual(["Q8_PROC"]);
  });
});

describe("the studio's preview step", () => {
  it("checks a page as the citizen's form does, and goes on only when it is complete", async () => {
    const { previewStep, readPreviewAnswers } = await import("../../app/domain/studio/preview");
    const parsed = parseDefinition(v2());
    if (!parsed.ok) throw new Error("sipas-2022@2 must parse");
    const def = parsed.definition;
    const first = def.sections[0];
    const refused = previewStep(def, {}, {}, first.code, "next");
    expect(refused.ok).toBe(false);
    const raw = Object.fromEntries(first.items.filter((i) => i.options).map((i) => [i.code, i.type === "multiple" ? [i.options![0].code] : i.options![0].code]));
    const step = previewStep(def, {}, raw, first.code, "next");
    expect(step.ok && step.page).toBe(def.sections[1].code);
    // Answers come back from the page only for the questionnaire's own codes.
    expect(readPreviewAnswers(def, JSON.stringify({ A_SEX: "1", nope: "x", A_AGE: { $gt: 1 } }))).toEqual({ A_SEX: "1" });
    expect(readPreviewAnswers(def, "not json")).toEqual({});
  });
});
