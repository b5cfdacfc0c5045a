/**
 * The sampling frame as a file: which columns mean what, and what a valid row is. Pure: the
 * service streams the file through `createRowValidator` and stores what comes out.
 */
import type { Locale, LocalizedText } from "../definition/schema";
import { columnLetter } from "../csv/read";
import { fill, msg, type Message } from "../messages";
import { files } from "../messages/areas/files";
import { frameFields, frameProblemKinds, frameRowProblems } from "../messages/areas/frame-rows";

export const FRAME_FIELDS = ["name", "phone", "address", "unit", "level", "field", "returned_on", "dossier_id", "sex", "birth_year"] as const;
export type FrameField = (typeof FRAME_FIELDS)[number];

export const UNIT_LEVELS = ["province", "district", "commune", "agency"] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Column index of each field in the file, or null when the file has no such column. */
export type FrameMapping = Record<FrameField, number | null>;

export const FIELD_LABELS: Record<FrameField, LocalizedText> = frameFields;

/** Needed in every frame: who, how to reach them (phone and/or address), and where they were served. */
export const REQUIRED_FIELDS: readonly FrameField[] = ["name", "unit"];
export const CONTACT_FIELDS: readonly FrameField[] = ["phone", "address"];

/** Header spellings recognised without a mapping step, compared after `foldHeader`. */
const ALIASES: Record<FrameField, string[]> = {
  name: [
    "ho ten",
    "ho va ten",
    "hoten",
    "ten",
    "name",
    "full name",
    "ten nguoi nop",
    "nguoi nop ho so",
    "chu ho so",
    "ten chu ho so",
    "ten to chuc ca nhan",
    "to chuc ca nhan",
  ],
  phone: ["so dien thoai", "dien thoai", "sdt", "so dt", "dt", "phone", "mobile", "telephone", "dien thoai lien he"],
  address: ["dia chi", "dia chi lien he", "noi o", "address"],
  unit: ["don vi", "ma don vi", "unit", "unit code", "bo phan mot cua", "co quan", "co quan giai quyet", "noi tiep nhan", "agency"],
  level: ["cap", "cap don vi", "cap hanh chinh", "level", "unit level"],
  field: ["linh vuc", "linh vuc tthc", "linh vuc thu tuc", "service field", "field"],
  returned_on: ["ngay tra ket qua", "ngay tra kq", "ngay tra", "ngay nhan ket qua", "returned", "returned on", "date returned", "result date"],
  dossier_id: ["ma ho so", "so ho so", "ma hs", "dossier", "dossier id"],
  sex: ["gioi tinh", "sex", "gender"],
  birth_year: ["nam sinh", "birth year", "year of birth"],
};

/** Lower case, no diacritics, no punctuation: "Số điện thoại (*)" → "so dien thoai". */
export function foldHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\(\*\)|\*/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function emptyMapping(): FrameMapping {
  return Object.fromEntries(FRAME_FIELDS.map((f) => [f, null])) as FrameMapping;
}

/** Fields recognised by their header; the first matching column wins. */
export function guessMapping(headers: readonly string[]): FrameMapping {
  const mapping = emptyMapping();
  const folded = headers.map(foldHeader);
  for (const field of FRAME_FIELDS) {
    const i = folded.findIndex((h, j) => ALIASES[field].includes(h) && !Object.values(mapping).includes(j));
    if (i >= 0) mapping[field] = i;
  }
  return mapping;
}

/** What is missing for an import to start, as field names; [] when the mapping is usable. */
export function missingFields(mapping: FrameMapping): FrameField[] {
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === null);
  if (CONTACT_FIELDS.every((f) => mapping[f] === null)) missing.push("phone");
  return missing;
}

/** A mapping from a form or the CLI: column indexes in range, no column used twice. */
export function checkMapping(mapping: FrameMapping, headers: readonly string[]): Message[] {
  const problems: Message[] = [];
  const used = new Map<number, FrameField>();
  for (const f of FRAME_FIELDS) {
    const i = mapping[f];
    if (i === null) continue;
    if (!Number.isInteger(i) || i < 0 || i >= headers.length) problems.push(msg("frame.mappingNoColumn", { field: FIELD_LABELS[f], column: String(i) }));
    else if (used.has(i)) problems.push(msg("frame.mappingColumnTwice", { column: columnLetter(i), first: FIELD_LABELS[used.get(i)!], second: FIELD_LABELS[f] }));
    else used.set(i, f);
  }
  return problems;
}

/**
 * What to do with each column of a file that no frame field uses: keep it (an extra column, usable as a stratum or
 * the village of a multi-stage design) or ignore it. A column left undecided stops the import, so a date column under
 * an unknown header (`completed_on`) is never kept silently while the return-date check is skipped.
 */
export interface ColumnChoices {
  keep: number[];
  ignore: number[];
}

export function noColumnChoices(): ColumnChoices {
  return { keep: [], ignore: [] };
}

/** Columns with a header that no field of the mapping uses, in file order. */
export function unmatchedColumns(headers: readonly string[], mapping: FrameMapping): number[] {
  const mapped = new Set(FRAME_FIELDS.map((f) => mapping[f]).filter((i): i is number => i !== null));
  return headers.map((h, i) => ({ h, i })).filter(({ h, i }) => h.trim() !== "" && !mapped.has(i)).map(({ i }) => i);
}

/** Unmatched columns that are neither kept nor ignored: what the import must still be told. */
export function undecidedColumns(headers: readonly string[], mapping: FrameMapping, choices: ColumnChoices): number[] {
  const decided = new Set([...choices.keep, ...choices.ignore]);
  return unmatchedColumns(headers, mapping).filter((i) => !decided.has(i));
}

/** "E (completed_on)" for each column, for a message. */
export function describeColumns(columns: readonly number[], headers: readonly string[]): string[] {
  return columns.map((i) => `${columnLetter(i)} (${headers[i] ?? ""})`);
}

export interface FrameUnitRef {
  code: string;
  name: string;
  level: UnitLevel;
}

export interface FrameRecord {
  line: number;
  dossierId: string | null;
  name: string;
  phone: string | null;
  address: string | null;
  unitCode: string;
  unitLevel: UnitLevel;
  field: string | null;
  returnedOn: string | null;
  sex: "1" | "2" | null;
  birthYear: number | null;
  /** Unmapped columns by header (non-empty cells only), usable as strata. */
  extra: Record<string, string>;
}

export type ProblemKind =
  | "missing_value"
  | "missing_contact"
  | "unknown_unit"
  | "ambiguous_unit"
  | "bad_level"
  | "level_mismatch"
  | "bad_date"
  | "date_outside_period"
  | "bad_phone"
  | "bad_sex"
  | "bad_birth_year"
  | "too_long"
  | "extra_cells"
  | "duplicate_dossier"
  | "duplicate_dossier_other_file";

export interface FrameProblem {
  line: number;
  /** 0-based column of the file, null for a problem of the whole row. */
  column: number | null;
  kind: ProblemKind;
  /** The offending cell (shortened), or a detail such as the first line of a duplicate. */
  value?: string;
  detail?: string;
  /** The other file of the frame a duplicate dossier id is in. */
  file?: string;
}

export type RowResult = { ok: true; record: FrameRecord } | { ok: false; problems: FrameProblem[] };

export interface RowValidatorOptions {
  headers: readonly string[];
  mapping: FrameMapping;
  units: readonly FrameUnitRef[];
  /** The round's period: a result returned outside it is not in the population. */
  period?: { start: string | null; end: string | null };
  /** For birth years; passed in so the domain reads no clock. */
  currentYear: number;
  /** The unmatched columns kept as extra columns; absent: every unmatched column (test fixtures only). */
  keep?: readonly number[];
}

const LEVEL_WORDS = new Map<string, UnitLevel>(
  Object.entries({
    province: "province",
    provincial: "province",
    tinh: "province",
    "cap tinh": "province",
    district: "district",
    huyen: "district",
    "cap huyen": "district",
    quan: "district",
    commune: "commune",
    xa: "commune",
    "cap xa": "commune",
    phuong: "commune",
    "thi tran": "commune",
    agency: "agency",
    so: "agency",
    nganh: "agency",
    "so nganh": "agency",
    "co quan": "agency",
  }) as [string, UnitLevel][]
);

// Levels and sexes repeat on every row: fold each distinct spelling once.
const folded = new Map<string, string>();
function foldCached(text: string): string {
  let f = folded.get(text);
  if (f === undefined) {
    f = foldHeader(text);
    if (folded.size < 10_000) folded.set(text, f);
  }
  return f;
}

export function parseLevel(text: string): UnitLevel | null {
  return LEVEL_WORDS.get(foldCached(text)) ?? null;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

const pad = (n: number) => String(n).padStart(2, "0");

/** YYYY-MM-DD, or day first as Vietnamese write it: DD/MM/YYYY, D-M-YYYY, DD.MM.YYYY (a time after it is ignored). */
export function parseDate(text: string): string | null {
  const t = text.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, "");
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  return null;
}

/**
 * A Vietnamese phone number as 0xxxxxxxxx: +84/84 becomes 0; spaces, dots, dashes and brackets go.
 * Nine digits starting like a mobile number get their 0 back (Excel drops it from numbers).
 */
export function parsePhone(text: string): string | null {
  let digits = text.trim().replace(/[\s.\-()]/g, "");
  if (/^\+?84\d{9,10}$/.test(digits)) digits = "0" + digits.replace(/^\+?84/, "");
  if (/^[35789]\d{8}$/.test(digits)) digits = "0" + digits;
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

/** The codes of the questionnaires' A_SEX item: 1 male, 2 female. */
export function parseSex(text: string): "1" | "2" | null {
  const t = foldCached(text);
  if (["1", "nam", "male", "m"].includes(t)) return "1";
  if (["2", "nu", "female", "f"].includes(t)) return "2";
  return null;
}

const MAX_LENGTH: Partial<Record<FrameField, number>> = { name: 200, address: 500, dossier_id: 100, field: 200, phone: 40 };

function shorten(text: string): string {
  const t = text.trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/** Validates rows one at a time; keeps nothing between rows (duplicates are the service's job). */
export function createRowValidator(options: RowValidatorOptions): (line: number, cells: readonly string[]) => RowResult {
  const { headers, mapping, period, currentYear } = options;
  const byCode = new Map<string, FrameUnitRef>();
  const byName = new Map<string, FrameUnitRef | "ambiguous">();
  for (const u of options.units) {
    byCode.set(u.code.trim().toUpperCase(), u);
    const key = u.name.normalize("NFC").trim().toLowerCase();
    byName.set(key, byName.has(key) ? "ambiguous" : u);
  }
  const mapped = new Set(Object.values(mapping).filter((i): i is number => i !== null));
  const kept = options.keep ? new Set(options.keep) : null;
  const extraColumns = headers.map((h, i) => ({ h, i })).filter(({ h, i }) => h !== "" && !mapped.has(i) && (!kept || kept.has(i)));

  const fieldIndex = FRAME_FIELDS.map((f) => mapping[f]);
  // Text with a combining mark may be decomposed (files saved on a Mac); only that needs NFC.
  const combining = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
  const nfc = (x: string) => (combining.test(x) ? x.normalize("NFC") : x).trim();
  const lengthChecks = FRAME_FIELDS.map((f, i) => ({ f, i, max: MAX_LENGTH[f] })).filter((x) => x.max !== undefined);

  return (line, cells) => {
    // Each mapped cell once: NFC (a file from a Mac may be decomposed), trimmed.
    const v = {} as Record<FrameField, string>;
    for (let i = 0; i < FRAME_FIELDS.length; i++) {
      const c = fieldIndex[i];
      const raw = c === null ? "" : cells[c] ?? "";
      v[FRAME_FIELDS[i]] = raw === "" ? "" : nfc(raw);
    }
    let problems: FrameProblem[] | null = null;
    const problem = (f: FrameField | null, kind: ProblemKind, value?: string, detail?: string) => {
      (problems ??= []).push({
        line,
        column: f === null ? null : mapping[f],
        kind,
        ...(value !== undefined ? { value: shorten(value) } : {}),
        ...(detail ? { detail } : {}),
      });
    };

    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== "")) {
      problem(null, "extra_cells", undefined, `${cells.length}/${headers.length}`);
    }
    for (const { f, max } of lengthChecks) if (v[f].length > max!) problem(f, "too_long", v[f], String(max));

    const name = v.name;
    if (!name) problem("name", "missing_value");

    const address = v.address || null;
    let phone: string | null = null;
    if (v.phone) {
      phone = parsePhone(v.phone);
      if (!phone) problem("phone", "bad_phone", v.phone);
    } else if (!address) {
      (problems ??= []).push({ line, column: mapping.phone ?? mapping.address, kind: "missing_contact" });
    }

    const unitText = v.unit;
    let unit: FrameUnitRef | undefined;
    if (!unitText) problem("unit", "missing_value");
    else {
      unit = byCode.get(unitText.toUpperCase());
      if (!unit) {
        const named = byName.get(unitText.toLowerCase());
        if (named === "ambiguous") problem("unit", "ambiguous_unit", unitText);
        else if (!named) problem("unit", "unknown_unit", unitText);
        else unit = named;
      }
    }

    if (v.level) {
      const level = parseLevel(v.level);
      if (!level) problem("level", "bad_level", v.level);
      else if (unit && unit.level !== level) problem("level", "level_mismatch", v.level, unit.level);
    }

    const field = v.field || null;
    if (mapping.field !== null && !field) problem("field", "missing_value");

    let returnedOn: string | null = null;
    if (mapping.returned_on !== null && !v.returned_on) problem("returned_on", "missing_value");
    else if (v.returned_on) {
      returnedOn = parseDate(v.returned_on);
      if (!returnedOn) problem("returned_on", "bad_date", v.returned_on);
      else if (period && ((period.start && returnedOn < period.start) || (period.end && returnedOn > period.end))) {
        problem("returned_on", "date_outside_period", v.returned_on, `${period.start ?? "…"} – ${period.end ?? "…"}`);
      }
    }

    const sex = v.sex ? parseSex(v.sex) : null;
    if (v.sex && !sex) problem("sex", "bad_sex", v.sex);

    let birthYear: number | null = null;
    if (v.birth_year) {
      birthYear = /^\d{4}$/.test(v.birth_year) ? Number(v.birth_year) : NaN;
      if (!(birthYear >= 1900 && birthYear <= currentYear)) {
        problem("birth_year", "bad_birth_year", v.birth_year, String(currentYear));
        birthYear = null;
      }
    }

    if (problems) return { ok: false, problems };
    const extra: Record<string, string> = {};
    for (const { h, i } of extraColumns) {
      const x = cells[i];
      if (x) {
        const t = nfc(x);
        if (t) extra[h] = t;
      }
    }
    return {
      ok: true,
      record: {
        line,
        dossierId: v.dossier_id || null,
        name,
        phone,
        address,
        unitCode: unit!.code,
        unitLevel: unit!.level,
        field,
        returnedOn,
        sex,
        birthYear,
        extra,
      },
    };
  };
}


/** "line 12, column C (Số điện thoại): …" in the reader's language. */
export function describeProblem(p: FrameProblem, headers: readonly string[], locale: Locale): string {
  const where =
    p.column === null ? "" : `, ${fill(files.columnAt, { column: columnLetter(p.column) }, locale)}${headers[p.column] ? ` (${headers[p.column]})` : ""}`;
  return `${fill(files.lineAt, { line: String(p.line) }, locale)}${where}: ${fill(frameRowProblems[p.kind], { value: p.value ?? "", detail: p.detail ?? "", file: p.file ?? "" }, locale)}`;
}

export const PROBLEM_KIND_LABELS: Record<ProblemKind, LocalizedText> = frameProblemKinds;
