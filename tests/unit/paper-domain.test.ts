import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDefinitionText } from "../../app/domain/definition/parse";
import type { Definition } from "../../app/domain/definition/schema";
import { findItem } from "../../app/domain/definition/conditions";
import { answerText, applyResolution, compareEntries, sameAnswer } from "../../app/domain/paper/compare-entries";
import { itemNumbers, nextVisibleItem, optionForKey, optionKeys } from "../../app/domain/paper/keys";
import { describeCondition, numberList, sectionName, skipNotes } from "../../app/domain/paper/skip-text";
import { BLANK_FIELD, BLANK_VALUE, buildPaperEntrySchema, validatePaperEntry } from "../../app/domain/paper/validate-entry";

function load(path: string): Definition {
  const parsed = parseDefinitionText(readFileSync(path, "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.definition;
}
const mini = load("tests/fixtures/definitions/mini/1.json");
const sipas2022 = load("survey-definitions/sipas-2022/1.json");
const sipas2022v2 = load("survey-definitions/sipas-2022/2.json");
const item = (def: Definition, code: string) => findItem(def, code)!.item;

describe("option keys", () => {
  it("keeps digit option codes as keys, so the printed number, the key and the stored code agree", () => {
    expect(optionKeys(item(sipas2022, "P_INFO_1")).map((k) => k.key)).toEqual(["1", "2", "3", "4", "5"]);
    expect(optionForKey(item(sipas2022, "P_INFO_1"), "4")).toBe("4");
    expect(optionForKey(item(sipas2022, "Q8_PROC"), "2")).toBe("2");
    expect(optionForKey(item(sipas2022, "Q8_PROC"), "3")).toBeUndefined();
    expect(optionForKey(item(sipas2022, "Q8_PROC"), "0")).toBeUndefined();
  });

  it("falls back to positions when codes are not the digits 1–9, and gives no key past the ninth", () => {
    const letters = { ...item(mini, "A_SEX"), options: ["a", "b", "c"].map((code) => ({ code, label: { vi: code, en: code } })) };
    expect(optionKeys(letters)).toEqual([
      { code: "a", key: "1" },
      { code: "b", key: "2" },
      { code: "c", key: "3" },
    ]);
    const many = { ...letters, options: Array.from({ length: 11 }, (_, i) => ({ code: `o${i}`, label: { vi: "x", en: "x" } })) };
    expect(optionKeys(many).map((k) => k.key)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", null, null]);
    const zeroCode = { ...letters, options: ["0", "1"].map((code) => ({ code, label: { vi: code, en: code } })) };
    expect(optionForKey(zeroCode, "1")).toBe("0"); // "0" is the blank key, so codes 0/1 are keyed by position
  });

  it("moves to the next question shown, skipping questions and parts hidden by the answers so far", () => {
    expect(nextVisibleItem(mini, {}, null)).toBe("A_SEX");
    expect(nextVisibleItem(mini, {}, "A_SEX")).toBe("A_BIRTH");
    // No procedure: part D is skipped.
    expect(nextVisibleItem(mini, { Q8_PROC: "2" }, "Q8_PROC")).toBe("COMMENT");
    expect(nextVisibleItem(mini, { Q8_PROC: "1" }, "Q8_PROC")).toBe("SV_ACC_1");
    expect(nextVisibleItem(mini, { Q8_PROC: "2" }, "COMMENT")).toBeNull();
    expect(nextVisibleItem(mini, { Q8_PROC: "2" }, "COMMENT", -1)).toBe("Q8_PROC");
    // 2022: with no school child, question 35 (P_QUAL_EDU) is skipped.
    expect(nextVisibleItem(sipas2022, { Q8_SCHOOL: "2", Q8_HEALTH: "1" }, "P_QUAL_HEALTH")).toBe("P_QUAL_ORDER");
    expect(itemNumbers(sipas2022).get("Q8_PROC")).toBe(26);
  });
});

describe("paper entry validation", () => {
  it("applies the citizens' rules to the whole form: required, options, ranges, skip logic", () => {
    const result = validatePaperEntry(mini, { A_SEX: "3", A_BIRTH: "1800", Q8_PROC: "2", SV_ACC_1: "5" });
    expect(Object.keys(result.errors)).toEqual(["A_SEX", "A_BIRTH"]);
    expect(result.errors.A_SEX.vi).toBe("Lựa chọn không hợp lệ, vui lòng chọn lại.");
    expect(result.errors.A_BIRTH.vi).toBe("Số nhỏ nhất có thể nhập là 1900.");
    expect(result.answers).toEqual({ Q8_PROC: "2" }); // the hidden part D answer is dropped
  });

  it("reports a question not keyed, pointing to the blank key", () => {
    const result = validatePaperEntry(mini, { A_SEX: "1", Q8_PROC: "1", SV_ACC_1: "4" });
    expect(Object.keys(result.errors)).toEqual(["SV_STAFF_1"]);
    expect(result.errors.SV_STAFF_1.vi).toContain("chọn 0 (Bỏ trống)");
  });

  it("accepts a required question marked blank and stores it as missing", () => {
    const result = validatePaperEntry(mini, { A_SEX: BLANK_VALUE, Q8_PROC: "1", SV_ACC_1: "4", SV_STAFF_1: BLANK_VALUE, [BLANK_FIELD]: ["COMMENT"] });
    expect(result.errors).toEqual({});
    expect(result.answers).toEqual({ Q8_PROC: "1", SV_ACC_1: "4" });
    expect(result.blanks).toEqual(["A_SEX", "SV_STAFF_1", "COMMENT"]);
  });

  it("refuses a question both marked blank and answered, and ignores blank marks on hidden questions", () => {
    const result = validatePaperEntry(mini, { A_SEX: "1", Q8_PROC: "2", COMMENT: "tốt", [BLANK_FIELD]: ["COMMENT", "SV_ACC_1"] });
    expect(Object.keys(result.errors)).toEqual(["COMMENT"]);
    expect(result.blanks).toEqual(["COMMENT"]);
  });

  it("gives the browser the same errors through the zod schema", () => {
    const schema = buildPaperEntrySchema(mini, "vi");
    const bad = schema.safeParse({ A_SEX: "1", Q8_PROC: "1" });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues.map((i) => i.path[0])).toEqual(["SV_ACC_1", "SV_STAFF_1"]);
    const good = schema.safeParse({ A_SEX: "1", Q8_PROC: "2" });
    expect(good.success && good.data.answers).toEqual({ A_SEX: "1", Q8_PROC: "2" });
  });
});

describe("double entry comparison", () => {
  const first = { A_SEX: "1", A_BIRTH: 1970, Q8_PROC: "1", SV_ACC_1: "4", SV_STAFF_1: "5", COMMENT: "Phục vụ  tốt" };

  it("finds no mismatch in identical entries, and ignores spacing and Unicode form in free text", () => {
    const second = { ...first, COMMENT: " Phục vụ tốt ".normalize("NFD") };
    const result = compareEntries(mini, first, second);
    expect(result.mismatches).toEqual([]);
    expect(result.agreed).toEqual(first);
  });

  it("lists every differing question in form order with both values, including blank against answered", () => {
    const second = { A_SEX: "1", A_BIRTH: 1907, Q8_PROC: "1", SV_ACC_1: "4", COMMENT: "Phục vụ tốt" };
    const result = compareEntries(mini, first, second);
    expect(result.mismatches).toEqual([
      { item: "A_BIRTH", section: "A", number: 2, first: 1970, second: 1907 },
      { item: "SV_STAFF_1", section: "D", number: 5, first: "5", second: undefined },
    ]);
    expect(result.agreed).toEqual({ A_SEX: "1", Q8_PROC: "1", SV_ACC_1: "4", COMMENT: "Phục vụ  tốt" });
  });

  it("lists a routing disagreement with the questions only one clerk keyed", () => {
    const result = compareEntries(mini, first, { A_SEX: "1", A_BIRTH: 1970, Q8_PROC: "2", COMMENT: "Phục vụ tốt" });
    expect(result.mismatches.map((m) => m.item)).toEqual(["Q8_PROC", "SV_ACC_1", "SV_STAFF_1"]);
  });

  it("compares multiple choices as sets and numbers by value", () => {
    const multi = { ...item(mini, "A_SEX"), type: "multiple" as const };
    expect(sameAnswer(multi, ["1", "2"], ["2", "1"])).toBe(true);
    expect(sameAnswer(multi, ["1"], ["1", "2"])).toBe(false);
    expect(sameAnswer(item(mini, "A_BIRTH"), 1970, 1970.0)).toBe(true);
    expect(sameAnswer(item(mini, "A_SEX"), "1", undefined)).toBe(false);
    expect(sameAnswer(item(mini, "A_SEX"), undefined, undefined)).toBe(true);
  });

  it("builds the resolved form from agreed answers and the supervisor's picks", () => {
    const comparison = compareEntries(mini, first, { ...first, A_BIRTH: 1907, SV_STAFF_1: "3" });
    expect(applyResolution(comparison, { A_BIRTH: "1970", SV_STAFF_1: "3", A_SEX: "2" })).toEqual({ ...first, A_BIRTH: "1970", SV_STAFF_1: "3" });
  });

  it("writes answers as a supervisor reads them", () => {
    expect(answerText(item(sipas2022, "P_INFO_1"), "4", "vi")).toBe("4 · Hài lòng");
    expect(answerText(item(sipas2022, "P_INFO_1"), undefined, "vi")).toBe("(bỏ trống)");
    expect(answerText(item(mini, "A_BIRTH"), 1970, "en")).toBe("1970");
  });
});

describe("skip logic in words", () => {
  it("tells the person on paper where to go, as the SIPAS forms do", () => {
    const notes = skipNotes(sipas2022, "vi");
    expect(notes.routes.get("Q8_PROC")).toEqual(["Nếu trả lời “Không” ở câu 26, chuyển sang phần E."]);
    expect(notes.sections.get("D")).toBe("Chỉ trả lời phần này nếu câu 26 trả lời “Có”.");
    expect(notes.items.get("SV_FB_2")).toBe("Chỉ trả lời nếu câu 27 trả lời “Có”.");
    expect(notes.routes.get("Q8_FEEDBACK")).toEqual(["Nếu trả lời “Không” ở câu 27, bỏ qua câu 60–61."]);
    expect(notes.routes.get("Q8_SCHOOL")).toEqual(["Nếu trả lời “Không” ở câu 22, bỏ qua câu 35."]);
    expect(skipNotes(sipas2022, "en").routes.get("Q8_PROC")).toEqual(["If you answer “No” to question 26, go to part E."]);
  });

  it("on a form whose parts share one name (sipas-2022@2: six parts titled \"Phần B. Câu …\"), sends the person to a question number", () => {
    const vi = skipNotes(sipas2022v2, "vi");
    // Part D (Câu 9 – II) is questions 45–63; Câu 10 starts at 64. "chuyển sang phần B" would send them back.
    expect(vi.routes.get("Q8_PROC")).toEqual(["Nếu trả lời “Chưa từng / Không có” ở câu 27, chuyển sang câu 64."]);
    expect(vi.sections.get("D")).toBe("Chỉ trả lời phần này nếu câu 27 trả lời “Đã từng / Có”.");
    expect(skipNotes(sipas2022v2, "en").routes.get("Q8_PROC")).toEqual(["If you answer “No, never / No” to question 27, go to question 64."]);
  });

  it("quotes an option that ends with a full stop without it, so the sentence ends with one stop", () => {
    const vi = skipNotes(sipas2022v2, "vi");
    expect(vi.items.get("Q2_OTHER")).toBe("Chỉ trả lời nếu câu 17 trả lời “Qua hình thức khác (xin ghi cụ thể)”.");
    expect(vi.routes.get("Q2_FOLLOW")?.[0]).toMatch(/^Nếu trả lời “Qua loa phát thanh xã” hoặc “Qua họp, sinh hoạt, thông báo tại khu dân cư” hoặc /);
    expect(skipNotes(sipas2022v2, "en").items.get("Q2_OTHER")).toBe("Answer only if question 17 is answered “Another way (please specify)”.");
  });

  it("describes compound rules and names parts", () => {
    const cond = { all: [{ item: "Q8_PROC", in: ["1"] }, { not: { item: "A_SEX", answered: true } }] };
    expect(describeCondition(mini, cond, "vi")).toBe("câu 3 trả lời “Có” và không phải trường hợp đã trả lời câu 1");
    expect(describeCondition(mini, { any: [{ item: "A_SEX", in: ["1", "2"] }, { item: "A_BIRTH", answered: false }] }, "en")).toBe(
      "question 1 is answered “Male” or “Female” or question 2 is left blank",
    );
    expect(sectionName(sipas2022.sections[4], "vi")).toBe("phần E");
    expect(sectionName(mini.sections[0], "vi")).toBe(`“${mini.sections[0].title.vi}”`);
    expect(numberList([61, 33, 60, 35, 34, 40])).toBe("33–35, 40, 60–61");
  });
});

describe("printed layout", () => {
  it("prints runs of questions sharing an option set as one grid, other questions on their own", async () => {
    const { blocksOf } = await import("../../app/components/print/paper-questionnaire");
    const shape = (code: string) =>
      blocksOf(sipas2022.sections.find((s) => s.code === code)!.items).map((b) => (b.kind === "item" ? b.item.code : b.items.map((i) => i.code).join("+")));
    expect(shape("A")).toEqual(["A_SEX", "A_AGE", "A_ETHNIC", "A_EDU", "A_JOB", "A_AREA", "A_TERRAIN"]);
    const b = shape("B");
    expect(b[0]).toBe("Q1_ECON+Q1_HEALTH+Q1_EDU+Q1_ORDER+Q1_ROAD+Q1_POWER+Q1_WATER+Q1_SOCIAL");
    expect(b.slice(1)).toEqual(["Q2_CHANNEL", "Q3_COMMENT", "Q4_HARASS+Q5_PAYMENT", "Q6_DOSSIER+Q7_INFO", "Q8_SCHOOL+Q8_HEALTH+Q8_SOCIAL+Q8_AGENCY+Q8_PROC+Q8_FEEDBACK+Q8_POLICY"]);
    expect(shape("E")).toEqual(["EXP_INFO+EXP_PART+EXP_QUAL+EXP_IMPL+EXP_ACCESS+EXP_PROC+EXP_STAFF+EXP_RESULT+EXP_FEEDBACK+EXP_ONLINE", "COMMENT"]);
  });
});
