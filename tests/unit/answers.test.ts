import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mergePageAnswers } from "../../app/domain/answers/merge";
import { neighbourPage, pageItems, resumePage, visiblePages } from "../../app/domain/answers/pages";
import { checkPage, rawAnswersFromEntries, validateAnswers } from "../../app/domain/answers/validate";
import { parseDefinitionText } from "../../app/domain/definition/parse";
import type { Definition } from "../../app/domain/definition/schema";

function load(path: string): Definition {
  const parsed = parseDefinitionText(readFileSync(path, "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.definition;
}
const mini = load("tests/fixtures/definitions/mini/1.json");
const sipas2022 = load("survey-definitions/sipas-2022/1.json");

describe("answer validation", () => {
  it("requires visible required items only, and drops answers to hidden ones", () => {
    const noProcedure = validateAnswers(mini, { A_SEX: "1", Q8_PROC: "2", SV_ACC_1: "5" }, { requireAnswers: true });
    expect(noProcedure.errors).toEqual({});
    expect(noProcedure.answers).toEqual({ A_SEX: "1", Q8_PROC: "2" });

    const procedure = validateAnswers(mini, { A_SEX: "1", Q8_PROC: "1", SV_ACC_1: "5" }, { requireAnswers: true });
    expect(Object.keys(procedure.errors)).toEqual(["SV_STAFF_1"]);
    expect(procedure.errors.SV_STAFF_1.vi).toBe("Vui lòng trả lời câu hỏi này.");
  });

  it("reads numbers as people write them and checks their range", () => {
    const check = (v: string) => validateAnswers(mini, { A_BIRTH: v }, { sections: ["A"], requireAnswers: false });
    expect(check(" 1 975 ").answers.A_BIRTH).toBe(1975);
    expect(check("1975,5").errors.A_BIRTH.en).toBe("Please enter a whole number.");
    expect(check("abc").errors.A_BIRTH.en).toMatch(/enter a number/);
    expect(check("1850").errors.A_BIRTH.vi).toBe("Số nhỏ nhất có thể nhập là 1900.");
  });

  it("refuses option codes that are not in the item's options", () => {
    const res = validateAnswers(mini, { A_SEX: "3" }, { sections: ["A"], requireAnswers: false });
    expect(res.errors.A_SEX.en).toMatch(/not valid/);
    expect(res.answers.A_SEX).toBeUndefined();
  });

  it("keeps free text in NFC and within its length", () => {
    const decomposed = "Ý kiến".normalize("NFD");
    const res = validateAnswers(mini, { COMMENT: decomposed }, { requireAnswers: false });
    expect(res.answers.COMMENT).toBe("Ý kiến".normalize("NFC"));
    expect(validateAnswers(mini, { COMMENT: "x".repeat(2001) }, { requireAnswers: false }).errors.COMMENT.en).toMatch(/at most 2000/);
  });

  it("checks one page over the other pages' answers, as the browser and the server both do", () => {
    // Q8_PROC = 1 on an earlier page shows the staff question on page D: unanswered, it is the page's only error.
    const bad = checkPage(mini, { Q8_PROC: "1" }, { SV_ACC_1: "4" }, ["D"]);
    expect(bad.errors).toEqual({ SV_STAFF_1: { vi: "Vui lòng trả lời câu hỏi này.", en: "Please answer this question." } });
    const good = checkPage(mini, { Q8_PROC: "1" }, { SV_ACC_1: "4", SV_STAFF_1: "2" }, ["D"]);
    expect(good.errors).toEqual({});
    expect(good.answers).toEqual({ Q8_PROC: "1", SV_ACC_1: "4", SV_STAFF_1: "2" });
    // Hidden by the earlier page's answer, the staff question is not asked.
    expect(checkPage(mini, { Q8_PROC: "2" }, { SV_ACC_1: "4" }, ["D"]).errors).toEqual({});
  });

  it("reads repeated form fields of a multiple-choice item as a list", () => {
    const def = structuredClone(mini);
    def.sections[0].items.push({ code: "CH", type: "multiple", required: false, label: { vi: "Kênh", en: "Channel" }, options: mini.sections[0].items[0].options });
    const raw = rawAnswersFromEntries([["CH", "2"], ["CH", "1"], ["A_SEX", "1"]], def);
    expect(raw).toEqual({ CH: ["2", "1"], A_SEX: "1" });
    expect(validateAnswers(def, raw, { requireAnswers: false }).answers.CH).toEqual(["1", "2"]);
  });
});

describe("pages", () => {
  it("follow skip logic: the 2022 service part is a page only after 'did a procedure'", () => {
    expect(visiblePages(sipas2022, { Q8_PROC: "2" })).toEqual(["A", "B", "C", "E"]);
    expect(visiblePages(sipas2022, { Q8_PROC: "1" })).toEqual(["A", "B", "C", "D", "E"]);
    expect(neighbourPage(["A", "B", "C"], "B", 1)).toBe("C");
    expect(neighbourPage(["A", "B", "C"], "A", -1)).toBeNull();
  });

  it("resume where a required answer is missing", () => {
    expect(resumePage(mini, {})).toBe("A");
    expect(resumePage(mini, { A_SEX: "1", Q8_PROC: "1" })).toBe("D");
    expect(resumePage(mini, { A_SEX: "1", Q8_PROC: "2" })).toBe("E");
  });

  it("show same-page conditional items to a server render and apply them live in the browser", () => {
    const def = structuredClone(mini);
    def.sections[0].items[1].showIf = { item: "A_SEX", in: ["2"] };
    const server = pageItems(def, def.sections[0], { A_SEX: "1" }, false).find((p) => p.item.code === "A_BIRTH")!;
    const browser = pageItems(def, def.sections[0], { A_SEX: "1" }, true).find((p) => p.item.code === "A_BIRTH")!;
    expect(server).toMatchObject({ shown: true, dependsOnPage: true });
    expect(browser).toMatchObject({ shown: false, dependsOnPage: true });
  });

  it("merging a page clears what the page cleared and keeps the rest", () => {
    const merged = mergePageAnswers(mini, { A_SEX: "1", A_BIRTH: 1970, SV_ACC_1: "4" }, { A_SEX: "2" }, ["A"]);
    expect(merged).toEqual({ A_SEX: "2", SV_ACC_1: "4" });
  });
});
