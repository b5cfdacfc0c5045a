import { describe, expect, it } from "vitest";
import { parseDefinition, parseDefinitionText } from "../../app/domain/definition/parse";
import { changedDefinition, makeDefinition, type DefinitionInput } from "../fixtures/definition-factory";

/** What a designer reads (English here; Vietnamese below), with the path the editor places it by. */
function issuesOf(def: DefinitionInput, locale: "vi" | "en" = "en") {
  const result = parseDefinition(def);
  return result.ok ? [] : result.issues.map((i) => ({ path: i.path, where: i.where[locale], message: i.message[locale] }));
}
const sectionD = (def: DefinitionInput) => def.sections[1];
const elementNode = (def: DefinitionInput) => def.indices![0].children[0];
const D = "Section D «Dịch vụ hành chính công»";
const SV_1 = `${D} › question SV_1 «Công chức lịch sự»`;
const EL = "Index tree SIPAS «Chỉ số hài lòng» › node EL «Dịch vụ»";

describe("the test factory", () => {
  it("gives a valid definition, so each failure below comes from its one change", () => {
    expect(issuesOf(makeDefinition())).toEqual([]);
  });
});

describe("each kind of mistake is named by the field it concerns, never by a JSON path", () => {
  it("an unknown option code in a skip rule", () => {
    const def = changedDefinition((d) => (sectionD(d).showIf = { item: "Q8_PROC", in: ["3"] }));
    expect(issuesOf(def)).toEqual([
      { path: "$.sections[1].showIf.in[0]", where: `${D} › display rule`, message: 'Question Q8_PROC has no option with code "3" (codes: 1, 2)' },
    ]);
  });

  it("in Vietnamese too", () => {
    const def = changedDefinition((d) => (sectionD(d).showIf = { item: "Q8_PROC", in: ["3"] }));
    expect(issuesOf(def, "vi")).toEqual([
      {
        path: "$.sections[1].showIf.in[0]",
        where: "Phần D «Dịch vụ hành chính công» › điều kiện hiển thị",
        message: "Câu Q8_PROC không có phương án mã “3” (các mã: 1, 2)",
      },
    ]);
  });

  it("an unknown option code deep inside all/not", () => {
    const def = changedDefinition(
      (d) => (sectionD(d).showIf = { all: [{ item: "Q8_PROC", in: ["1"] }, { not: { item: "A_SEX", in: ["9"] } }] }),
    );
    expect(issuesOf(def)).toEqual([
      { path: "$.sections[1].showIf.all[1].not.in[0]", where: `${D} › display rule`, message: 'Question A_SEX has no option with code "9" (codes: 1, 2)' },
    ]);
  });

  it("a skip rule that names a later item", () => {
    const def = changedDefinition((d) => (d.sections[0].items[0].showIf = { item: "Q8_PROC", in: ["1"] }));
    expect(issuesOf(def)).toEqual([
      {
        path: "$.sections[0].items[0].showIf.item",
        where: "Section A «Thông tin chung» › question A_SEX «Giới tính» › display rule",
        message: "The rule uses question Q8_PROC, which comes later in the form; a rule may only use earlier answers",
      },
    ]);
  });

  it("a section rule that names an item of the same section", () => {
    const def = changedDefinition((d) => (sectionD(d).showIf = { item: "SV_1", answered: true }));
    expect(issuesOf(def)).toEqual([
      expect.objectContaining({ path: "$.sections[1].showIf.item", message: expect.stringContaining("comes later in the form") }),
    ]);
  });

  it("a skip rule that names an unknown item", () => {
    const def = changedDefinition((d) => (sectionD(d).showIf = { item: "Q8_PROCEDURE", in: ["1"] }));
    expect(issuesOf(def)).toEqual([
      { path: "$.sections[1].showIf.item", where: `${D} › display rule`, message: "The rule uses question Q8_PROCEDURE, which does not exist" },
    ]);
  });

  it("a skip rule with a misspelt key, even nested, points at the rule itself", () => {
    const def = changedDefinition((d) => (sectionD(d).showIf = { all: [{ item: "Q8_PROC", inn: ["1"] } as never] }));
    expect(issuesOf(def)).toContainEqual({ path: "$.sections[1].showIf.all[0]", where: `${D} › display rule`, message: 'Unknown field: "inn" (misspelt?)' });
  });

  it("a duplicate item code names where it was first used", () => {
    const def = changedDefinition((d) => (d.sections[2].items[0].code = "A_SEX"));
    expect(issuesOf(def)).toEqual([
      {
        path: "$.sections[2].items[0].code",
        where: "Section E «Ý kiến khác» › question A_SEX «Ý kiến khác» › code",
        message: 'Question code "A_SEX" is used twice (first at Section A «Thông tin chung» › question A_SEX «Giới tính»)',
      },
    ]);
  });

  it("an aggregation node that names a missing item", () => {
    const def = changedDefinition((d) => (elementNode(d).children[1] = { item: "SV_9" }));
    expect(issuesOf(def)).toEqual([
      { path: "$.indices[0].children[0].children[1].item", where: `${EL} › entry for question SV_9`, message: "The index tree uses question SV_9, which does not exist" },
    ]);
  });

  it("an index node whose code is also an item code", () => {
    const def = changedDefinition((d) => (elementNode(d).code = "SV_GEN"));
    expect(issuesOf(def)).toEqual([
      {
        path: "$.indices[0].children[0].code",
        where: "Index tree SIPAS «Chỉ số hài lòng» › node SV_GEN «Dịch vụ» › code",
        message: 'Index node code "SV_GEN" is also a question code',
      },
    ]);
  });

  it("a weights vector whose length differs from the number of children", () => {
    const def = changedDefinition((d) => Object.assign(elementNode(d), { rule: "weighted", weights: [1, 2] }));
    expect(issuesOf(def)).toEqual([
      { path: "$.indices[0].children[0].weights", where: `${EL} › weights`, message: "There are 2 weights but the node has 3 children" },
    ]);
  });

  it('rule "item" naming an item that is not a child of the node', () => {
    const def = changedDefinition((d) => Object.assign(elementNode(d), { rule: "item", item: "A_SEX" }));
    expect(issuesOf(def)).toEqual([
      {
        path: "$.indices[0].children[0].item",
        where: `${EL} › question giving the node's index`,
        message: 'Rule "item" names question A_SEX, which is not a child of this node',
      },
    ]);
  });

  it('rule "item" naming one of its children is accepted', () => {
    const def = changedDefinition((d) => Object.assign(elementNode(d), { rule: "item", item: "SV_GEN" }));
    expect(issuesOf(def)).toEqual([]);
  });

  it("an unknown scale", () => {
    const def = changedDefinition((d) => (sectionD(d).items[0].scale = "sat7"));
    expect(issuesOf(def)).toEqual([{ path: "$.sections[1].items[0].scale", where: `${SV_1} › scale`, message: 'There is no scale "sat7" (scales: sat5, yesno)' }]);
  });

  it("a positive code that is not among the options", () => {
    const def = changedDefinition((d) => (sectionD(d).items[0].positive = ["4", "6"]));
    expect(issuesOf(def)).toEqual([
      { path: "$.sections[1].items[0].positive[1]", where: `${SV_1} › positive answers`, message: 'There is no option with code "6" (codes: 1, 2, 3, 4, 5)' },
    ]);
  });

  it("a missing Vietnamese label", () => {
    const def = changedDefinition((d) => (sectionD(d).items[0].label = { en: "Civil servants are courteous" } as never));
    expect(issuesOf(def)).toEqual([
      { path: "$.sections[1].items[0].label.vi", where: `${D} › question SV_1 › text › Vietnamese`, message: "Needs Vietnamese text" },
    ]);
  });

  it("a blank Vietnamese option label inside a shared scale", () => {
    const def = changedDefinition((d) => (d.scales!.sat5[2].label.vi = "  "));
    expect(issuesOf(def)).toEqual([{ path: "$.scales.sat5[2].label.vi", where: "Scale sat5 › option 3 › text › Vietnamese", message: "Needs Vietnamese text" }]);
  });

  it("a missing English text is allowed; a blank one is refused with what to do", () => {
    expect(issuesOf(changedDefinition((d) => (sectionD(d).items[0].label = { vi: "Công chức lịch sự" })))).toEqual([]);
    expect(issuesOf(changedDefinition((d) => (sectionD(d).items[0].label.en = " ")))).toEqual([
      {
        path: "$.sections[1].items[0].label.en",
        where: `${SV_1} › text › English`,
        message: "The English text is blank: write it or leave it out (the Vietnamese is shown then)",
      },
    ]);
  });

  it("an unknown question type lists the known ones", () => {
    const def = changedDefinition((d) => (sectionD(d).items[0].type = "likert" as never));
    expect(issuesOf(def, "vi")).toEqual([
      {
        path: "$.sections[1].items[0].type",
        where: "Phần D «Dịch vụ hành chính công» › câu SV_1 «Công chức lịch sự» › loại câu",
        message: "Phải là một trong: satisfaction5, level3, single, multiple, yesno, number, text, demographic",
      },
    ]);
  });

  it("no message or place is a JSON path or zod's English", () => {
    const def = changedDefinition((d) => {
      sectionD(d).items[0].code = "SV 1";
      sectionD(d).items[1].required = "yes" as never;
      d.sections[0].items[0].options![0].label = { vi: "" };
    });
    const result = parseDefinition(def);
    expect(result.ok).toBe(false);
    for (const issue of result.ok ? [] : result.issues) {
      for (const text of [issue.where.vi, issue.where.en, issue.message.vi, issue.message.en]) {
        expect(text).not.toMatch(/\$\.|\[\d+\]|Invalid input|expected/);
      }
    }
  });
});

describe("invalid JSON is reported with line and column", () => {
  const pretty = () => JSON.stringify(makeDefinition(), null, 2);

  it("a missing comma", () => {
    // Line 3 is `  "version": "1",`; without its comma the parser stops at the next key.
    const result = parseDefinitionText(pretty().replace('"version": "1",', '"version": "1"'));
    expect(result).toMatchObject({ ok: false, issues: [{ path: "line 4, column 3", message: { vi: expect.stringMatching(/^Không phải JSON hợp lệ: /), en: expect.stringMatching(/^Not valid JSON: /) } }] });
  });

  it("a misspelt literal, for which the JSON parser gives no position", () => {
    const text = pretty().replace('"required": false', '"required": flase');
    const line = text.split("\n").findIndex((l) => l.includes("flase")) + 1;
    const column = text.split("\n")[line - 1].indexOf("flase") + 1;
    const result = parseDefinitionText(text);
    expect(result).toMatchObject({ ok: false, issues: [{ path: `line ${line}, column ${column}` }] });
    expect(result.ok || result.issues[0].message.en).not.toMatch(/is not valid JSON|position/);
  });

  it("a file cut short", () => {
    const full = pretty();
    const text = full.slice(0, full.indexOf('"sections"'));
    const lines = text.split("\n");
    const result = parseDefinitionText(text);
    expect(result).toMatchObject({
      ok: false,
      issues: [{ path: `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`, message: { vi: expect.stringMatching(/^Không phải JSON hợp lệ: /), en: expect.stringMatching(/^Not valid JSON: /) } }],
    });
  });

  it("a byte order mark is not an error", () => {
    expect(parseDefinitionText(`\uFEFF${pretty()}`).ok).toBe(true);
  });
});

describe("every problem at once: the shape and the references together", () => {
  it("an empty Vietnamese text does not hide a duplicate code or a skip rule naming an unknown option", () => {
    const def = changedDefinition((d) => {
      sectionD(d).items[0].label.vi = "";
      d.sections[2].items[0].code = "A_SEX";
      sectionD(d).showIf = { item: "Q8_PROC", in: ["3"] };
    });
    expect(issuesOf(def).map((i) => [i.path, i.message])).toEqual([
      ["$.sections[1].items[0].label.vi", "Needs Vietnamese text"],
      ["$.sections[1].showIf.in[0]", 'Question Q8_PROC has no option with code "3" (codes: 1, 2)'],
      ["$.sections[2].items[0].code", expect.stringContaining('Question code "A_SEX" is used twice')],
    ]);
  });

  it("a broken index node and a misspelt field do not hide a leaf naming a missing question", () => {
    const def = changedDefinition((d) => {
      elementNode(d).label = { vi: " " };
      elementNode(d).children[1] = { item: "SV_9" };
      Object.assign(sectionD(d).items[1], { colour: "red" });
    });
    expect(issuesOf(def).map((i) => i.path)).toEqual([
      "$.sections[1].items[1]",
      "$.indices[0].children[0].label.vi",
      "$.indices[0].children[0].children[1].item",
    ]);
  });

  it("a part the checks cannot read (a scale name that is not text, a weight that is not a number) adds no guessed problem", () => {
    const def = changedDefinition((d) => {
      d.sections[0].items[1].scale = 7 as never;
      sectionD(d).showIf = { item: "Q8_PROC", in: ["3"] };
      Object.assign(elementNode(d), { rule: "weighted", weights: [1, "x"] });
    });
    expect(issuesOf(def).map((i) => i.path)).toEqual(["$.sections[0].items[1].scale", "$.indices[0].children[0].weights[1]"]);
  });

  it("a question of an unknown type still has its options checked by the rules that name them", () => {
    const def = changedDefinition((d) => {
      d.sections[0].items[0].type = "gender" as never;
      sectionD(d).showIf = { item: "A_SEX", in: ["3"] };
    });
    expect(issuesOf(def).map((i) => [i.path, i.message])).toEqual([
      ["$.sections[0].items[0].type", expect.stringMatching(/^Must be one of/)],
      ["$.sections[1].showIf.in[0]", 'Question A_SEX has no option with code "3" (codes: 1, 2)'],
    ]);
  });
});
