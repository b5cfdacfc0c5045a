import SqliteDatabase from "better-sqlite3";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packAnswerCodes } from "../../app/domain/answers/answer-codes";
import { parseDefinitionText } from "../../app/domain/definition/parse";
import type { Definition } from "../../app/domain/definition/schema";
import type { Answers } from "../../app/domain/definition/conditions";
import { parseDefinition } from "../../app/domain/definition/parse";
import { makeDefinitionWithChoices } from "../fixtures/definition-factory";
import type { ResponseRecord } from "../../app/domain/indices";
import { RECORD_BATCH, recordDecoder, sqliteRecords, streamStrataRecords } from "../../app/services/responses/sqlite-round-reader.server";
import { sqliteExportChunks } from "../../app/services/responses/sqlite-export-reader.server";
import { createLineWriter, exportLayout } from "../../app/domain/csv/responses-export";

const parsed = parseDefinitionText(readFileSync("survey-definitions/sipas-2022/1.json", "utf8"));
if (!parsed.ok) throw new Error("bad fixture");
const def: Definition = parsed.definition;

const dir = mkdtempSync(join(tmpdir(), "sipas-reader-"));
const file = join(dir, "r.sqlite");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  stratum: string | null;
  psu: string | null;
  unit_code: string | null;
  weight: number | null;
  fpc: number | null;
  answers: Record<string, string>;
  withCodes: boolean;
}

const SUBMITTED = "2026-11-20T08:00:00.000Z";
const rows: Row[] = [
  // Two rows of one PSU (their design strings are shared), weights that need 17 digits.
  { stratum: "HN-urban", psu: "v1", unit_code: "HN", weight: 0.1 + 0.2, fpc: 1650000, answers: { Q1: "1" }, withCodes: true },
  { stratum: "HN-urban", psu: "v1", unit_code: "HN", weight: 0.1 + 0.2, fpc: 1650000, answers: { Q1: "2" }, withCodes: true },
  { stratum: "HN-urban", psu: "v1", unit_code: "HN", weight: 1 / 3, fpc: 1650000, answers: {}, withCodes: true },
  // Missing design fields, an empty stratum name, an older row without answer codes.
  { stratum: null, psu: null, unit_code: null, weight: null, fpc: null, answers: { Q1: "3" }, withCodes: true },
  { stratum: "", psu: "", unit_code: "", weight: 2, fpc: null, answers: { Q1: "1" }, withCodes: false },
  // A stratum name holding the reader's own field separator (U+001F): read through the JSON way.
  { stratum: "odd\u001fname", psu: "p\u001e", unit_code: "DN", weight: 1234.5678901234567, fpc: 7, answers: { Q1: "2" }, withCodes: true },
  // Free text lives only in the JSON; a stratum that needs a formula guard in the CSV.
  { stratum: "=S", psu: "v2", unit_code: "HN", weight: 5, fpc: null, answers: { Q1: "1", COMMENT: 'Tốt, "rất" tốt' }, withCodes: true },
];

function writeFile(): void {
  const db = new SqliteDatabase(file);
  // The columns the readers use, and the covering index they require (migrations 007-008).
  db.exec(`CREATE TABLE responses (id TEXT PRIMARY KEY, round_id TEXT, status TEXT, stratum TEXT, psu TEXT, unit_code TEXT,
    weight REAL, fpc REAL, answer_codes TEXT, answers TEXT, submitted_at TEXT, entry_mode TEXT, locale TEXT);
    CREATE INDEX responses_round_read ON responses (round_id, status, stratum, psu, unit_code, weight, fpc, answer_codes, id, submitted_at, entry_mode, locale)`);
  const insert = db.prepare(
    "INSERT INTO responses (id, round_id, status, stratum, psu, unit_code, weight, fpc, answer_codes, answers, submitted_at, entry_mode, locale) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
  );
  rows.forEach((r, i) => {
    const codes = r.withCodes ? packAnswerCodes(def, r.answers) : null;
    insert.run(`id-${i}`, "r1", "submitted", r.stratum, r.psu, r.unit_code, r.weight, r.fpc, codes, JSON.stringify(r.answers), SUBMITTED, "online", "vi");
  });
  insert.run("draft", "r1", "draft", "HN-urban", "v1", "HN", 1, null, packAnswerCodes(def, {}), "{}", null, "online", "vi");
  insert.run("other", "r2", "submitted", "HN-urban", "v1", "HN", 1, null, packAnswerCodes(def, {}), "{}", SUBMITTED, "paper", "vi");
  db.close();
}
writeFile();

/** What the reader must give for a row: the same decoder fed the row's own values. */
const expected = (r: Row): ResponseRecord =>
  recordDecoder(def)(r.withCodes ? packAnswerCodes(def, r.answers) : null, r.withCodes ? null : JSON.stringify(r.answers), r.unit_code, r.stratum, r.psu, r.weight, r.fpc);

async function readAll(gen: AsyncGenerator<ResponseRecord[]>): Promise<ResponseRecord[]> {
  const out: ResponseRecord[] = [];
  for await (const batch of gen) out.push(...batch);
  return out;
}

const key = (r: ResponseRecord) => JSON.stringify([r.stratum, r.psu, r.unit, r.weight, r.fpc, r.codes ?? null, r.answers]);

describe("reading a round from a SQLite file, one text per row", () => {
  it("gives every submitted response of the round with its design fields and answers exactly as stored", async () => {
    const got = await readAll(sqliteRecords(file, "r1", RECORD_BATCH, recordDecoder(def)));
    expect(got.map(key).sort()).toEqual(rows.map(expected).map(key).sort());
    // Weights keep every binary digit (a rounded 0.30000000000000004 would change the estimates' last digits).
    expect(got.filter((r) => r.weight === 0.1 + 0.2)).toHaveLength(2);
    expect(got.some((r) => r.weight === 1 / 3)).toBe(true);
    expect(got.some((r) => r.weight === 1234.5678901234567 && r.stratum === "odd\u001fname" && r.psu === "p\u001e")).toBe(true);
  });

  it("reads the strata of one part only, the missing stratum included when asked", async () => {
    const part = await readAll(streamStrataRecords(file, "r1", ["", null], def));
    expect(part.map(key).sort()).toEqual(rows.filter((r) => r.stratum === "" || r.stratum === null).map(expected).map(key).sort());
    const urban = await readAll(streamStrataRecords(file, "r1", ["HN-urban"], def));
    expect(urban).toHaveLength(3);
  });

  it("cuts the round into batches of the asked size", async () => {
    const sizes: number[] = [];
    for await (const batch of sqliteRecords(file, "r1", 4, recordDecoder(def))) sizes.push(batch.length);
    expect(sizes).toEqual([4, 3]);
  });
});

describe("exporting a round from a SQLite file, one text per row", () => {
  it.each([["codes", null], ["labels", "vi"]] as const)("writes the same lines as the line writer fed each row's own values (%s)", async (_, labels) => {
    // The stratum in words goes in after its key, in the fast pass over the bytes as in the line writer.
    const layout = exportLayout(def, labels, (key) => `tầng ${key}`);
    const write = createLineWriter(layout);
    const expectedLines = rows.map((r, i) => {
      const codes = r.withCodes ? packAnswerCodes(def, r.answers) : null;
      const needsJson = codes === null || codes.includes("~");
      return write({ id: `id-${i}`, submittedAt: SUBMITTED, entryMode: "online", locale: "vi", unit: r.unit_code, stratum: r.stratum, psu: r.psu, weight: r.weight, fpc: r.fpc, answers: needsJson ? JSON.stringify(r.answers) : null, answerCodes: codes });
    });
    let body = "";
    const chunks: string[] = [];
    for await (const chunk of sqliteExportChunks(file, "r1", layout, 4)) chunks.push(chunk);
    body = chunks.join("");
    expect(chunks).toHaveLength(2);
    const lines = body.split("\r\n").slice(0, -1).map((l) => l + "\r\n");
    expect(lines.sort()).toEqual(expectedLines.sort());
    expect(body).toContain(`"Tốt, ""rất"" tốt"`);
    expect(body).toContain(",'=S,");
    expect(body).toContain(",0.3333333333333333,1650000,"); // as JavaScript writes it; SQLite's text has a 17th digit
    expect(body).toContain(",HN-urban,tầng HN-urban,");
  });
});

describe("exporting a questionnaire with multiple choices, numbers and free text from SQLite", () => {
  it("writes each kind of answer as the line writer does, through every way a row can take", async () => {
    const parsedChoices = parseDefinition(makeDefinitionWithChoices());
    if (!parsedChoices.ok) throw new Error("bad factory definition");
    const choices = parsedChoices.definition;
    const answers: Answers[] = [
      { A_SEX: "1", CHANNELS: ["tv", "zalo"], VISITS: 3, SV_1: "4" },
      { A_SEX: "2", CHANNELS: ["web"], VISITS: 0, COMMENT: "Nhanh + gọn, \"tốt\"\r\n=1+1" },
      { CHANNELS: [], COMMENT: "   " },
      { VISITS: 12, COMMENT: "-bớt giấy tờ" },
    ];
    const db = new SqliteDatabase(file);
    const insert = db.prepare(
      "INSERT INTO responses (id, round_id, status, stratum, psu, unit_code, weight, fpc, answer_codes, answers, submitted_at, entry_mode, locale) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
    );
    const expectedLines: string[] = [];
    const write = createLineWriter(exportLayout(choices));
    answers.forEach((a, i) => {
      for (const stratum of ["S1", "+S", null]) {
        const id = `c-${i}-${stratum}`;
        const codes = packAnswerCodes(choices, a);
        insert.run(id, "r3", "submitted", stratum, "v1", "D01", 2.5, 100, codes, JSON.stringify(a), SUBMITTED, "paper", "vi");
        // As every export reads a row: the JSON only when the codes mark free text (a blank comment is no answer).
        const json = codes.includes("~") ? JSON.stringify(a) : null;
        expectedLines.push(write({ id, submittedAt: SUBMITTED, entryMode: "paper", locale: "vi", unit: "D01", stratum, psu: "v1", weight: 2.5, fpc: 100, answers: json, answerCodes: codes }));
      }
    });
    db.close();
    const body = (await readChunks(sqliteExportChunks(file, "r3", exportLayout(choices), 5))).join("");
    expect(body.split("\r\n").slice(0, -1).map((l) => l + "\r\n").sort()).toEqual(expectedLines.sort());
    expect(body).toContain(",tv|zalo,3,");
    expect(body).toContain(`"Nhanh + gọn, ""tốt""\n=1+1"`);
    expect(body).toContain(",'-bớt giấy tờ");
  });
});

async function readChunks(gen: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of gen) out.push(c);
  return out;
}
