/**
 * What a citizen reads while skip logic works: "Part i of n" that never counts up behind their back, and question
 * numbers 1, 2, 3… over the questions shown, with no gap where a hidden one sits.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { progressPages, questionNumbers, visiblePages } from "../../app/domain/answers/pages";
import { computeVisibility, type Answers } from "../../app/domain/definition/conditions";
import { parseDefinitionText } from "../../app/domain/definition/parse";
import type { Definition } from "../../app/domain/definition/schema";
import { code as codeWords, citizen } from "../../app/domain/messages/areas/citizen";

function load(path: string): Definition {
  const parsed = parseDefinitionText(readFileSync(path, "utf8"));
  if (!parsed.ok) throw new Error("definition does not parse");
  return parsed.definition;
}

const def2022 = load("survey-definitions/sipas-2022/1.json");
const profile = (answers: Answers) => answers;

describe("the progress line", () => {
  it("counts the part that skip logic may still show, so the total only goes down and the current part moves one at a time", () => {
    // On the first page the answer deciding part D (did a procedure, on page B) is not given yet.
    const start = progressPages(def2022, {}, "A");
    expect(visiblePages(def2022, {})).toEqual(["A", "B", "C", "E"]); // what the old line counted: 4
    expect(start).toEqual(["A", "B", "C", "D", "E"]);
    expect(start.indexOf("A") + 1).toBe(1);

    // Did a procedure: D is shown; the line read "part 3 of 5" on C, as it will on every later page.
    const withProcedure = profile({ Q8_PROC: "1", Q8_SCHOOL: "2", Q8_HEALTH: "2", Q8_FEEDBACK: "2" });
    expect(progressPages(def2022, withProcedure, "B")).toEqual(["A", "B", "C", "D", "E"]);
    expect(progressPages(def2022, withProcedure, "C")).toEqual(["A", "B", "C", "D", "E"]);
    expect(progressPages(def2022, withProcedure, "D").indexOf("D") + 1).toBe(4);

    // No procedure: D is ruled out once the answer is given, so the total drops to 4 and never rises again.
    const without = profile({ Q8_PROC: "2" });
    expect(progressPages(def2022, without, "C")).toEqual(["A", "B", "C", "E"]);
    expect(progressPages(def2022, without, "E")).toEqual(["A", "B", "C", "E"]);
    for (const [page, answers] of [
      ["A", {}],
      ["B", {}],
      ["C", without],
      ["E", without],
    ] as const) {
      const pages = progressPages(def2022, answers, page);
      expect(pages).toContain(page);
      expect(pages.length).toBeGreaterThanOrEqual(visiblePages(def2022, answers).length);
    }
  });
});

describe("question numbers", () => {
  it("number the questions shown 1, 2, 3… with no gap for a hidden one, on the page and before it", () => {
    const answers: Answers = { Q8_PROC: "1", Q8_HEALTH: "2", Q8_SCHOOL: "2", Q8_FEEDBACK: "2" };
    const { items } = computeVisibility(def2022, answers);
    const onPage = (code: string) => new Set(def2022.sections.find((s) => s.code === code)!.items.filter((i) => items.has(i.code)).map((i) => i.code));
    for (const page of ["C", "D", "E"]) {
      const numbers = questionNumbers(def2022, answers, page, onPage(page));
      const shown = [...numbers.values()];
      expect(shown).toEqual(shown.map((_, i) => i + 1)); // consecutive from 1
    }
    // The health and school questions of part C are hidden: the next question takes the number after the last shown.
    const c = questionNumbers(def2022, answers, "C", onPage("C"));
    expect(c.has("P_QUAL_HEALTH")).toBe(false);
    expect(c.has("P_QUAL_EDU")).toBe(false);
    const d = questionNumbers(def2022, answers, "D", onPage("D"));
    expect(d.has("SV_FB_2")).toBe(false);
    // The first question of D follows the last question shown in C (two were hidden there).
    const firstOfD = def2022.sections.find((s) => s.code === "D")!.items[0].code;
    expect(d.get(firstOfD)).toBe(Math.max(...c.values()) + 1);
    const fixedNumber = def2022.sections.flatMap((s) => s.items).findIndex((i) => i.code === firstOfD) + 1;
    expect(d.get(firstOfD)).toBe(fixedNumber - 2);
  });
});

describe("the code box", () => {
  it("says the same as its hint: upper or lower case both work", () => {
    expect(citizen.codeHint.vi).toMatch(/Không phân biệt chữ hoa, chữ thường/);
    expect(codeWords.characters.vi).not.toMatch(/chữ in hoa/);
    expect(codeWords.characters.vi).toMatch(/chữ hoa hay chữ thường đều được/);
    expect(codeWords.characters.en).toMatch(/upper or lower case both work/);
  });
});
