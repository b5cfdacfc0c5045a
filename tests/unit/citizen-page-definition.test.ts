import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pageItems, progressPages, questionNumbers, resumePage, visiblePages } from "../../app/domain/answers/pages";
import { checkPage, validateAnswers } from "../../app/domain/answers/validate";
import type { Answers } from "../../app/domain/definition/conditions";
import { definitionForPage } from "../../app/domain/definition/for-page";
import { parseDefinitionText } from "../../app/domain/definition/parse";
import type { Definition } from "../../app/domain/definition/schema";

function load(path: string): Definition {
  const parsed = parseDefinitionText(readFileSync(path, "utf8"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.definition;
}

const def = load("survey-definitions/sipas-2022/1.json");
// Half-way through the 2022 form: no child in school, did a procedure, sent no feedback.
const answers: Answers = { A_SEX: "1", A_AGE: "3", Q8_SCHOOL: "2", Q8_HEALTH: "1", Q8_PROC: "1", Q8_FEEDBACK: "2" };

describe("the definition sent with a page of the citizen form", () => {
  it("is much smaller than the whole definition", () => {
    const whole = JSON.stringify(def).length;
    for (const s of def.sections) expect(JSON.stringify(definitionForPage(def, s.code)).length).toBeLessThan(whole * 0.6);
  });

  it("keeps the page's wording and drops the other pages' question wording and the index trees", () => {
    const sent = definitionForPage(def, "C");
    const c = sent.sections.find((s) => s.code === "C")!;
    expect(c).toEqual(def.sections.find((s) => s.code === "C"));
    const b = sent.sections.find((s) => s.code === "B")!;
    expect(b.title).toEqual(def.sections.find((s) => s.code === "B")!.title); // the progress line names every part
    expect(b.items.every((i) => i.label.vi === "" && !i.help)).toBe(true);
    expect(sent.indices).toEqual([]);
    expect(sent.scales).toEqual({});
    expect(b.items.some((i) => i.positive)).toBe(false);
    expect(sent.title).toEqual(def.title);
  });

  it("is sent to a Vietnamese reader without the English, and to an English reader with both languages", () => {
    const vi = definitionForPage(def, "C", "vi");
    expect(JSON.stringify(vi)).not.toContain('"en"');
    const c = def.sections.find((s) => s.code === "C")!;
    const viC = vi.sections.find((s) => s.code === "C")!;
    expect(viC.items.map((i) => [i.label.vi, i.help?.vi, i.options?.map((o) => o.label.vi)])).toEqual(
      c.items.map((i) => [i.label.vi, i.help?.vi, i.options?.map((o) => o.label.vi)]),
    );
    expect(vi.sections.map((s) => s.title.vi)).toEqual(def.sections.map((s) => s.title.vi));
    expect(vi.title.vi).toBe(def.title.vi);
    const en = definitionForPage(def, "C", "en");
    expect(en.sections.find((s) => s.code === "C")).toEqual(c);
    expect(en.title).toEqual(def.title);
  });

  it.each([undefined, "vi", "en"] as const)("gives the browser (%s) the same pages, numbers, questions shown and checks as the whole definition", (locale) => {
    for (const s of def.sections) {
      const sent = definitionForPage(def, s.code, locale);
      const section = sent.sections.find((x) => x.code === s.code)!;
      expect(visiblePages(sent, answers)).toEqual(visiblePages(def, answers));
      expect(resumePage(sent, answers)).toEqual(resumePage(def, answers));
      expect(progressPages(sent, answers, s.code)).toEqual(progressPages(def, answers, s.code));
      const shown = new Set(s.items.map((i) => i.code));
      expect(questionNumbers(sent, answers, s.code, shown)).toEqual(questionNumbers(def, answers, s.code, shown));
      for (const hydrated of [true, false]) {
        // Which questions, shown or not and why: the item itself is the page's, in the reader's language.
        const decided = (list: ReturnType<typeof pageItems>) => list.map(({ item, ...rest }) => ({ code: item.code, ...rest }));
        expect(decided(pageItems(sent, section, answers, hydrated))).toEqual(decided(pageItems(def, s, answers, hydrated)));
      }
      const blank = Object.fromEntries(s.items.map((i) => [i.code, ""]));
      expect(checkPage(sent, answers, blank, [s.code])).toEqual(checkPage(def, answers, blank, [s.code]));
      expect(validateAnswers(sent, { ...answers, ...blank }, { sections: [s.code], requireAnswers: true })).toEqual(
        validateAnswers(def, { ...answers, ...blank }, { sections: [s.code], requireAnswers: true }),
      );
    }
  });
});
