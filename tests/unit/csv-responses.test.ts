import { packAnswerCodes } from "../../app/domain/answers/answer-codes";
import { describe, expect, it } from "vitest";
import { createAnswersDecoder, createAnswersScanner } from "../../app/domain/answers/stored-json";
import { codebookRows, codesExportIsVerbatim, createLineWriter, exportLayout, exportRow, indicesRows, INDICES_HEADER, stratumWordsFrom, type ExportSource } from "../../app/domain/csv/responses-export";
import {
  createStratumCheck,
  formatImportProblem,
  mapImportHeader,
  parseDecimal,
  parseImportRow,
  type ImportProblem,
} from "../../app/domain/csv/responses-import";
import { csvLine } from "../../app/domain/csv/write";
import type { Answers } from "../../app/domain/definition/conditions";
import { parseDefinition } from "../../app/domain/definition/parse";
import type { Definition } from "../../app/domain/definition/schema";
import { computeIndices } from "../../app/domain/indices";
import { contentDisposition } from "../../app/services/platform/downloads.server";
import { makeDefinitionWithChoices } from "../fixtures/definition-factory";

function definition(): Definition {
  const parsed = parseDefinition(makeDefinitionWithChoices());
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message.en).join("; "));
  return parsed.definition;
}

const def = definition();
const en = (p: ImportProblem) => formatImportProblem(p, "en");

function rows(header: string[], ...data: string[][]) {
  const { layout, problems } = mapImportHeader(def, header);
  const parsed = data.map((cells, i) => parseImportRow(def, layout, cells, i + 2, { units: new Set(["D01", "D02"]) }));
  return { layout, headerProblems: problems.map(en), parsed, problems: parsed.flatMap((p) => p.problems.map(en)) };
}

describe("responses import: header", () => {
  it("maps design columns and item codes, case-insensitively, and passes over export-only columns", () => {
    const { layout, headerProblems } = rows(["Unit", "WEIGHT", "stratum", "psu", "fpc", "a_sex", "Q8_PROC", "response_id", "submitted_at"]);
    expect(headerProblems).toEqual([]);
    expect(layout.columns.map((c) => (c.kind === "design" ? c.field : c.kind === "item" ? c.item.code : c.kind))).toEqual([
      "unit",
      "weight",
      "stratum",
      "psu",
      "fpc",
      "A_SEX",
      "Q8_PROC",
      "passed",
      "passed",
    ]);
  });

  it("reports unknown and repeated columns with their letter, and a file without item columns", () => {
    expect(rows(["unit", "A_SEX", "SV_9", "a_sex"]).headerProblems).toEqual([
      'line 1, column C (SV_9): unknown column "SV_9": not an item code of test@1 nor one of unit, stratum, psu, weight, fpc',
      'line 1, column D (a_sex): column "a_sex" repeats column B',
    ]);
    expect(rows(["unit", "weight"]).headerProblems).toEqual(["line 1: the file has no item column (one column per item, headed by the item code)"]);
  });
});

describe("responses import: rows", () => {
  it("turns a row into a response: option codes, multiple choice with | ; or , , numbers with a decimal comma, NFC text", () => {
    const { parsed, problems } = rows(
      ["unit", "stratum", "psu", "weight", "fpc", "A_SEX", "Q8_PROC", "SV_1", "CHANNELS", "VISITS", "COMMENT"],
      ["D01", " S1 ", "V7", "1,5", "3366", "2", "1", "4", "zalo|tv", "3", "Hòa".normalize("NFD") + " tốt"],
      ["D02", "S1", "", "2", "3366", "1", "1", "", "web; tv", "", ""],
    );
    expect(problems).toEqual([]);
    expect(parsed[0].response).toEqual({
      answers: { A_SEX: "2", Q8_PROC: "1", SV_1: "4", CHANNELS: ["tv", "zalo"], VISITS: 3, COMMENT: "Hòa tốt" },
      unit: "D01",
      stratum: "S1",
      psu: "V7",
      weight: 1.5,
      fpc: 3366,
      hidden: [],
    });
    expect(parsed[1].response!.answers).toEqual({ A_SEX: "1", Q8_PROC: "1", CHANNELS: ["tv", "web"] });
    expect(parsed[1].response!.psu).toBeNull();
  });

  it("reports every bad cell with line, column letter, column name and a plain reason", () => {
    const { problems } = rows(
      ["unit", "weight", "fpc", "A_SEX", "Q8_PROC", "SV_1", "CHANNELS", "VISITS"],
      ["D09", "-1", "0.2", "3", "Có", "6", "tv|radio", "2.5"],
      ["D01", "", "", "1", "1", "4", "", "51"],
      ["D01", "abc", "", "1", "1", "4", "", "x", "extra"],
    );
    expect(problems).toEqual([
      'line 2, column A (unit): "D09" is not a unit of this round (codes: D01, D02)',
      'line 2, column B (weight): the weight must be a number greater than 0 (got "-1")',
      'line 2, column C (fpc): fpc is the stratum\'s population size (e.g. 3366), a number of at least 1, not a sampling fraction (got "0.2")',
      'line 2, column D (A_SEX): "3" is not an option of A_SEX (codes: 1, 2)',
      'line 2, column E (Q8_PROC): "Có" is a label; write its code 1',
      'line 2, column F (SV_1): "6" is not an option of SV_1 (codes: 1, 2, 3, 4, 5)',
      'line 2, column G (CHANNELS): "radio" is not an option of CHANNELS (codes: tv, web, zalo)',
      'line 2, column H (VISITS): VISITS needs a whole number (got "2.5")',
      "line 3, column B (weight): the weight is missing (leave out the whole weight column for unweighted data)",
      "line 3, column H (VISITS): VISITS is at most 50 (got 51)",
      'line 4, column B (weight): the weight must be a number greater than 0 (got "abc")',
      'line 4, column H (VISITS): "x" is not a number',
      "line 4, column I: a value beyond the last column (the header has 8 columns)",
    ]);
  });

  it("gives the messages in Vietnamese too", () => {
    const { layout } = mapImportHeader(def, ["weight", "A_SEX"]);
    const [p] = parseImportRow(def, layout, ["0", "1"], 7).problems;
    expect(formatImportProblem(p, "vi")).toBe('dòng 7, cột A (weight): trọng số phải là số dương (giá trị "0")');
  });

  it("refuses a row without any answer, and reads a short row as blanks", () => {
    const { problems, parsed } = rows(["unit", "A_SEX", "Q8_PROC"], ["D01", "", ""], ["D01", "1"]);
    expect(problems).toEqual(["line 2: the row holds no answer"]);
    expect(parsed[1].response!.answers).toEqual({ A_SEX: "1" });
  });

  it("leaves out answers to questions hidden by skip logic, as the online form does", () => {
    const { parsed } = rows(["A_SEX", "Q8_PROC", "SV_1", "SV_2"], ["1", "2", "5", "4"]);
    expect(parsed[0].response!.answers).toEqual({ A_SEX: "1", Q8_PROC: "2" });
    expect(parsed[0].response!.hidden).toEqual(["SV_1", "SV_2"]);
  });

  it("reads back the apostrophe the export puts before formula-like text", () => {
    const { parsed } = rows(["A_SEX", "COMMENT"], ["1", "'=1+1 là công thức"]);
    expect(parsed[0].response!.answers.COMMENT).toBe("=1+1 là công thức");
  });

  it("checks one population size per stratum, on every row or none, and not below the stratum's responses", () => {
    const { layout } = mapImportHeader(def, ["stratum", "fpc", "A_SEX"]);
    const check = createStratumCheck(layout);
    const found: string[] = [];
    const feed = (line: number, cells: string[]) => {
      const p = check.add(parseImportRow(def, layout, cells, line).response!, line);
      if (p) found.push(en(p));
    };
    feed(2, ["S1", "2", "1"]);
    feed(3, ["S1", "2", "1"]);
    feed(4, ["S1", "2", "1"]);
    feed(5, ["S2", "100", "1"]);
    feed(6, ["S2", "", "1"]);
    found.push(...check.finish().map(en));
    expect(found).toEqual([
      'line 6, column B (fpc): stratum "S2" has population size 100 on line 5 but trống/blank here; one fpc per stratum',
      'line 2, column B (fpc): stratum "S1" has 3 responses in the file, more than its population size fpc = 2',
    ]);
  });

  it("refuses a blank PSU in a stratum whose other rows have one, at its line and column, once per stratum", () => {
    const { layout } = mapImportHeader(def, ["stratum", "psu", "A_SEX"]);
    const check = createStratumCheck(layout);
    const found: string[] = [];
    const feed = (line: number, cells: string[]) => {
      const p = check.add(parseImportRow(def, layout, cells, line).response!, line);
      if (p) found.push(en(p));
    };
    feed(2, ["S1", "V1", "1"]);
    feed(3, ["S1", "", "1"]);
    feed(4, ["S1", "", "1"]);
    feed(5, ["S2", "", "1"]); // a stratum without PSUs at all is fine (each row its own unit)
    feed(6, ["S2", "", "1"]);
    feed(7, ["S3", "", "1"]); // the blank may come first
    feed(8, ["S3", "V9", "1"]);
    expect(found).toEqual([
      'line 3, column B (psu): the PSU is blank while other rows of stratum "S1" have one (e.g. line 2); every row of the stratum needs its PSU',
      'line 7, column B (psu): the PSU is blank while other rows of stratum "S3" have one (e.g. line 8); every row of the stratum needs its PSU',
    ]);
  });

  it("quotes a long bad value as a short excerpt, never whole", () => {
    const huge = "9".repeat(40) + "x".repeat(50_000);
    const { parsed } = rows(["A_SEX", "WEIGHT"], [huge, huge]);
    const messages = parsed[0].problems.map(en);
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      expect(m).toContain(`"${"9".repeat(40)}…"`);
      expect(m.length).toBeLessThan(200);
    }
  });

  it("reads numbers as people type them", () => {
    expect(["1.5", "1,5", " 2 ", "+3", "1e3", ",5"].map(parseDecimal)).toEqual([1.5, 1.5, 2, 3, 1000, 0.5]);
    expect(["1.000,5", "1,2,3", "", "abc", "Infinity"].map(parseDecimal)).toEqual([null, null, null, null, null]);
  });
});

const source = (answers: Answers, extra: Partial<ExportSource> = {}): ExportSource => ({
  id: "r-1",
  submittedAt: "2022-09-01T08:00:00.000Z",
  entryMode: "online",
  locale: "vi",
  unit: "D01",
  stratum: "S1",
  psu: null,
  weight: 12.5,
  fpc: null,
  answers,
  ...extra,
});

describe("responses export", () => {
  it("writes codes by default and labels with their question in the header on request", () => {
    const codes = exportLayout(def);
    expect(codes.header.slice(0, 13)).toEqual(["response_id", "submitted_at", "entry_mode", "locale", "unit", "stratum", "stratum_label", "psu", "weight", "fpc", "A_SEX", "Q8_PROC", "CHANNELS"]);
    const answers: Answers = { A_SEX: "2", Q8_PROC: "1", SV_1: "5", CHANNELS: ["tv", "zalo"], VISITS: 3 };
    expect(exportRow(codes, source(answers)).slice(10)).toEqual(["2", "1", "tv|zalo", 3, "5", null, null, null]);
    const labels = exportLayout(def, "vi");
    expect(labels.header[10]).toBe("A_SEX · Giới tính");
    expect(exportRow(labels, source(answers)).slice(10, 14)).toEqual(["Nữ", "Có", "Truyền hình | Zalo", 3]);
    expect(exportRow(exportLayout(def, "en"), source(answers))[10]).toBe("Female");
  });

  it("writes the stratum twice: its stored key for software, and in words for a person", () => {
    const key = JSON.stringify(["district", "D01"]);
    const words = stratumWordsFrom([[key, "cấp huyện × Huyện Minh Họa 1 (D01)"]]);
    const layout = exportLayout(def, null, words);
    const row = exportRow(layout, source({}, { stratum: key }));
    expect(row.slice(5, 7)).toEqual([key, "cấp huyện × Huyện Minh Họa 1 (D01)"]);
    expect(csvLine(row)).toContain(`"[""district"",""D01""]",cấp huyện × Huyện Minh Họa 1 (D01),`);
    // No stratum, no words; a key the list does not know is written as it is rather than lost.
    expect(exportRow(layout, source({}, { stratum: null })).slice(5, 7)).toEqual([null, null]);
    expect(exportRow(layout, source({}, { stratum: "S9" })).slice(5, 7)).toEqual(["S9", "S9"]);
    const write = createLineWriter(layout);
    for (const stratum of [key, null, "S9", key]) {
      const r = source({ A_SEX: "1" }, { stratum });
      expect(write({ ...r, answers: null, answerCodes: packAnswerCodes(def, r.answers) })).toBe(csvLine(exportRow(layout, r)));
    }
  });

  it("keeps formulas from running, NFC text, and one kind of line ending inside cells", () => {
    const line = csvLine(exportRow(exportLayout(def), source({ A_SEX: "1", COMMENT: "=HYPERLINK(\"x\")\r\ndòng hai" }, { unit: "@D01", stratum: "+S" })));
    expect(line).toContain(`'@D01,'+S,'+S,`);
    expect(line).toContain(`"'=HYPERLINK(""x"")\ndòng hai"`);
    expect(line.match(/\r\n/g)).toHaveLength(1);
  });

  it("the fast line writer gives the same bytes as csvLine(exportRow(…)), scanned or parsed", () => {
    const samples: Answers[] = [
      {},
      { A_SEX: "1" },
      { A_SEX: "2", Q8_PROC: "1", SV_1: "4", SV_2: "5", SV_GEN: "3", CHANNELS: ["web"], VISITS: 12, COMMENT: 'nói "tốt", rất\ntốt \\ ok' },
      { COMMENT: "=cmd|' /C calc'!A0", VISITS: -0, SV_1: "10", UNKNOWN_ITEM: "x", CHANNELS: [] },
      { SV_GEN: "4", A_SEX: "1" }, // out of questionnaire order
      { A_SEX: "é" },
    ];
    for (const labels of [null, "vi", "en"] as const) {
      const layout = exportLayout(def, labels);
      const write = createLineWriter(layout);
      for (const answers of samples) {
        const r = source(answers, { psu: "V-1", fpc: 400, weight: null, id: answers.A_SEX === "1" ? "=1,2" : "r-1" });
        expect(write({ ...r, answers: JSON.stringify(answers), answerCodes: null })).toBe(csvLine(exportRow(layout, r)));
        // A text that is not the compact JSON the app stores is parsed instead.
        expect(write({ ...r, answers: JSON.stringify(answers, null, 1), answerCodes: null })).toBe(csvLine(exportRow(layout, r)));
        // Rows without free text are written from their answer codes alone, to the same bytes.
        if (!answers.COMMENT) expect(write({ ...r, answers: null, answerCodes: packAnswerCodes(def, answers) })).toBe(csvLine(exportRow(layout, r)));
      }
    }
  });

  it("knows when answer codes can stand for the item cells: codes export, no option code needing a guard", () => {
    expect(codesExportIsVerbatim(exportLayout(def))).toBe(true);
    expect(codesExportIsVerbatim(exportLayout(def, "vi"))).toBe(false);
    const minus = structuredClone(def);
    minus.sections[0].items.find((i) => i.options?.length)!.options![0].code = "-1";
    expect(codesExportIsVerbatim(exportLayout(minus))).toBe(false);
  });

  it("a codebook row for every column: design columns, then items with options, positive set and skip rule", () => {
    const book = codebookRows(def);
    expect(book.map((r) => r[0])).toEqual([...exportLayout(def).header]);
    expect(book.find((r) => r[0] === "SV_1")).toEqual([
      "SV_1",
      "D",
      "satisfaction5",
      "Công chức lịch sự",
      "Civil servants are courteous",
      "1 = Rất không hài lòng / Very dissatisfied; 2 = Không hài lòng / Dissatisfied; 3 = Bình thường / Neutral; 4 = Hài lòng / Satisfied; 5 = Rất hài lòng / Very satisfied",
      "4|5",
      true,
      "Q8_PROC in 1",
    ]);
  });

  it("index rows: one per group and node, group empty for the whole round, estimates unrounded", () => {
    const result = computeIndices(
      def,
      [
        { answers: { Q8_PROC: "1", SV_1: "4", SV_2: "2", SV_GEN: "5" }, unit: "D01", stratum: null, psu: null, weight: 3, fpc: null },
        { answers: { Q8_PROC: "1", SV_1: "1", SV_2: "5", SV_GEN: "5" }, unit: "D02", stratum: null, psu: null, weight: 1, fpc: null },
      ],
      { groupBy: "unit" },
    );
    const table = indicesRows(result, "en");
    expect(INDICES_HEADER).toEqual(["group", "node", "label", "estimate", "se", "ci_low", "ci_high", "n", "weight_sum"]);
    const whole = table.find((r) => r[0] === "" && r[1] === "SV_1")!;
    expect(whole).toEqual(["", "SV_1", "Civil servants are courteous", 75, expect.any(Number), expect.any(Number), expect.any(Number), 2, 4]);
    expect(table.filter((r) => r[0] === "D01")).toHaveLength(result.groups[1].nodes.length);
    expect(table.find((r) => r[0] === "" && r[1] === "SIPAS")![3]).toBeCloseTo((75 + 25 + 100) / 3, 12);
  });
});

describe("answers scanner", () => {
  it("finds each item's raw token, in any key order, and refuses what is not compact JSON", () => {
    const scanner = createAnswersScanner(["A", "B", "C_1"]);
    const text = '{"C_1":["x","y"],"Z":"skip \\" me","A":"é\\n","B":-1.5e3}';
    expect(scanner.scan(text)).toBe(true);
    const token = (k: number) => (scanner.start[k] < 0 ? undefined : text.slice(scanner.start[k], scanner.end[k]));
    expect([0, 1, 2].map(token)).toEqual(['"é\\n"', "-1.5e3", '["x","y"]']);
    expect(scanner.scan("{}")).toBe(true);
    expect(token(0)).toBeUndefined();
    for (const bad of ["", "[]", '{"A":1', '{"A" :1}', '{"A":1} ', '{"A\\"":1}']) expect(scanner.scan(bad), bad).toBe(false);
  });
});

describe("answers decoder for the index engine", () => {
  it("gives the same answers as JSON.parse (unanswered items undefined) and the same indices", () => {
    const codes = def.sections.flatMap((s) => s.items.map((i) => i.code));
    const decode = createAnswersDecoder(codes);
    const texts = [
      JSON.stringify({ A_SEX: "1", Q8_PROC: "1", SV_1: "4", SV_2: "2", SV_GEN: "5", CHANNELS: ["tv", "web"], VISITS: 2, COMMENT: "Tốt\n\"lắm\"" }),
      JSON.stringify({ Q8_PROC: "2", SV_1: "5", OLD_ITEM: "x" }),
      JSON.stringify({ SV_GEN: "3", Q8_PROC: "1" }),
      '{ "SV_1": "4" }',
      "{}",
    ];
    for (const text of texts) {
      const parsed = JSON.parse(text) as Answers;
      const decoded = decode(text);
      for (const code of codes) expect(decoded[code], `${text} ${code}`).toEqual(parsed[code]);
    }
    const records = (read: (t: string) => Answers) => texts.map((t, i) => ({ answers: read(t), unit: `U${i % 2}`, stratum: null, psu: null, weight: i + 1, fpc: null }));
    const options = { groupBy: "unit", applySkipLogic: true } as const;
    expect(computeIndices(def, records(decode), options)).toEqual(computeIndices(def, records((t) => JSON.parse(t) as Answers), options));
  });
});

describe("download names", () => {
  it("gives an ASCII name and the UTF-8 name", () => {
    expect(contentDisposition("Lạng Sơn 2022 - responses.csv", "lang-son-2022-responses.csv")).toBe(
      `attachment; filename="lang-son-2022-responses.csv"; filename*=UTF-8''L%E1%BA%A1ng%20S%C6%A1n%202022%20-%20responses.csv`,
    );
    expect(contentDisposition("Đợt 1.csv", "Đợt 1.csv")).toMatch(/^attachment; filename="Dot-1.csv"; /);
  });
});
