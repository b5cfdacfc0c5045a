import { describe, expect, it } from "vitest";
import { parseDefinition, parseDefinitionText, type DefinitionIssue } from "../../app/domain/definition/parse";
import { changedDefinition, makeDefinition, type DefinitionInput } from "../fixtures/definition-factory";

function issuesOf(def: DefinitionInput): DefinitionIssue[] {
  const result = parseDefinition(def);
  return result.ok ? [] : result.issues;
}
const sectionD = (def: DefinitionInput) => def.sections[1];
const elementNode = (def: DefinitionInput) => def.indices![0].children[0];

describe("the test factory", () => {
  it("gives a valid definition, so each failure below comes from its one change", () => {
    expect(issuesOf(makeDefinition())).toEqual([]);
  });
});

describe("each kind of mistake is reported at its JSON path", () => {
  it("an unknown option code in a skip rule", () => {
    const def = changedDefinition((d) => (sectionD(d).showIf = { item: "Q8_PROC", in: ["3"] }));
    expect(issuesOf(def)).toEqual([
      { path: "$.sections[1].showIf.in[0]", message: 'unknown option code "3" for item "Q8_PROC" (options: 1, 2)' },
    ]);
  });

  it("an unknown option code deep inside all/not", () => {
    const def = changedDefinition(
      (d) => (sectionD(d).showIf = { all: [{ item: "Q8_PROC", in: ["1"] }, { not: { item: "A_SEX", in: ["9"] } }] }),
    );
    expect(issuesOf(def)).toEqual([
      { path: "$.sections[1].showIf.all[1].not.in[0]", message: 'unknown option code "9" for item "A_SEX" (options: 1, 2)' },
    ]);
  });

  it("a skip rule that names a later item", () => {
    const def = changedDefinition((d) => (d.sections[0].items[0].showIf = { item: "Q8_PROC", in: ["1"] }));
    expect(issuesOf(def)).toEqual([
      {
        path: "$.sections[0].items[0].showIf.item",
        message: 'skip rule refers to "Q8_PROC", which comes later in the form; a rule may only use earlier answers',
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
    expect(issuesOf(def)).toEqual([{ path: "$.sections[1].showIf.item", message: 'skip rule refers to unknown item "Q8_PROCEDURE"' }]);
  });

  it("a skip rule with a misspelt key, even nested, points at the rule itself", () => {
    const def = changedDefinition((d) => (sectionD(d).showIf = { all: [{ item: "Q8_PROC", inn: ["1"] } as never] }));
    expect(issuesOf(def)).toContainEqual({ path: "$.sections[1].showIf.all[0]", message: 'Unrecognized key: "inn"' });
  });

  it("a duplicate item code", () => {
    const def = changedDefinition((d) => (d.sections[2].items[0].code = "A_SEX"));
    expect(issuesOf(def)).toEqual([
      { path: "$.sections[2].items[0].code", message: 'duplicate item code "A_SEX" (first used at $.sections[0].items[0])' },
    ]);
  });

  it("an aggregation node that names a missing item", () => {
    const def = changedDefinition((d) => (elementNode(d).children[1] = { item: "SV_9" }));
    expect(issuesOf(def)).toEqual([{ path: "$.indices[0].children[0].children[1].item", message: 'aggregation names a missing item "SV_9"' }]);
  });

  it("an index node whose code is also an item code", () => {
    const def = changedDefinition((d) => (elementNode(d).code = "SV_GEN"));
    expect(issuesOf(def)).toEqual([{ path: "$.indices[0].children[0].code", message: 'index node code "SV_GEN" is also an item code' }]);
  });

  it("a weights vector whose length differs from the number of children", () => {
    const def = changedDefinition((d) => Object.assign(elementNode(d), { rule: "weighted", weights: [1, 2] }));
    expect(issuesOf(def)).toEqual([
      { path: "$.indices[0].children[0].weights", message: "weights has 2 entries but the node has 3 children" },
    ]);
  });

  it('rule "item" naming an item that is not a child of the node', () => {
    const def = changedDefinition((d) => Object.assign(elementNode(d), { rule: "item", item: "A_SEX" }));
    expect(issuesOf(def)).toEqual([
      { path: "$.indices[0].children[0].item", message: 'rule "item" names "A_SEX", which is not a child item of this node' },
    ]);
  });

  it('rule "item" naming one of its children is accepted', () => {
    const def = changedDefinition((d) => Object.assign(elementNode(d), { rule: "item", item: "SV_GEN" }));
    expect(issuesOf(def)).toEqual([]);
  });

  it("an unknown scale", () => {
    const def = changedDefinition((d) => (sectionD(d).items[0].scale = "sat7"));
    expect(issuesOf(def)).toEqual([{ path: "$.sections[1].items[0].scale", message: 'unknown scale "sat7" (defined: sat5, yesno)' }]);
  });

  it("a positive code that is not among the options", () => {
    const def = changedDefinition((d) => (sectionD(d).items[0].positive = ["4", "6"]));
    expect(issuesOf(def)).toEqual([
      { path: "$.sections[1].items[0].positive[1]", message: 'unknown option code "6" (options: 1, 2, 3, 4, 5)' },
    ]);
  });

  it("a missing Vietnamese label", () => {
    const def = changedDefinition((d) => (sectionD(d).items[0].label = { en: "Civil servants are courteous" } as never));
    expect(issuesOf(def)).toEqual([{ path: "$.sections[1].items[0].label.vi", message: "needs Vietnamese text" }]);
  });

  it("a blank Vietnamese option label inside a shared scale", () => {
    const def = changedDefinition((d) => (d.scales!.sat5[2].label.vi = "  "));
    expect(issuesOf(def)).toEqual([{ path: "$.scales.sat5[2].label.vi", message: "needs Vietnamese text" }]);
  });
});

describe("invalid JSON is reported with line and column", () => {
  const pretty = () => JSON.stringify(makeDefinition(), null, 2);

  it("a missing comma", () => {
    // Line 3 is `  "version": "1",`; without its comma the parser stops at the next key.
    const result = parseDefinitionText(pretty().replace('"version": "1",', '"version": "1"'));
    expect(result).toMatchObject({ ok: false, issues: [{ path: "line 4, column 3", message: expect.stringMatching(/^not valid JSON: /) }] });
  });

  it("a misspelt literal, for which the JSON parser gives no position", () => {
    const text = pretty().replace('"required": false', '"required": flase');
    const line = text.split("\n").findIndex((l) => l.includes("flase")) + 1;
    const column = text.split("\n")[line - 1].indexOf("flase") + 1;
    const result = parseDefinitionText(text);
    expect(result).toMatchObject({ ok: false, issues: [{ path: `line ${line}, column ${column}` }] });
    expect(result.ok || result.issues[0].message).not.toMatch(/is not valid JSON|position/);
  });

  it("a file cut short", () => {
    const full = pretty();
    const text = full.slice(0, full.indexOf('"sections"'));
    const lines = text.split("\n");
    const result = parseDefinitionText(text);
    expect(result).toMatchObject({
      ok: false,
      issues: [{ path: `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`, message: expect.stringMatching(/^not valid JSON: /) }],
    });
  });

  it("a byte order mark is not an error", () => {
    expect(parseDefinitionText(`\uFEFF${pretty()}`).ok).toBe(true);
  });
});
