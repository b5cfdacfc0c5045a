/**
 * docs/downloads.md documents every column of every CSV download: a column added to a file without a line there fails.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CODEBOOK_HEADER, EXPORT_DESIGN_COLUMNS, INDICES_HEADER } from "../../app/domain/csv/responses-export";
import { DASHBOARD_COLUMNS } from "../../app/domain/fieldwork/dashboard";
import { MAIL_MERGE_HEADER } from "../../app/services/fieldwork/fieldwork.server";

const doc = readFileSync(new URL("../../docs/downloads.md", import.meta.url), "utf8");

/** The table rows of the section whose heading starts with `heading`. */
function documented(heading: string): string[] {
  const start = doc.indexOf(`## ${heading}`);
  expect(start, `a section "${heading}"`).toBeGreaterThan(-1);
  const end = doc.indexOf("\n## ", start + 1);
  const section = doc.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]);
}

describe("docs/downloads.md", () => {
  it("explains every column of indices.csv, responses.csv, codebook.csv, the fieldwork status and the mail merge", () => {
    expect(documented("indices.csv")).toEqual(INDICES_HEADER);
    expect(documented("responses.csv")).toEqual([...EXPORT_DESIGN_COLUMNS]);
    expect(documented("codebook.csv")).toEqual(CODEBOOK_HEADER);
    expect(documented("The fieldwork status")).toEqual([...DASHBOARD_COLUMNS.map((c) => c.key), "stratum"]);
    expect(documented("The mail-merge list")).toEqual(MAIL_MERGE_HEADER);
  });

  it("says what the numbers are: percent for estimates, a fraction for the response rate, UTC for times", () => {
    expect(doc).toMatch(/`estimate` \| .*in percent \(0–100\)/);
    expect(doc).toMatch(/`responseRate` .*as a fraction from 0 to 1/);
    expect(doc).toMatch(/`submitted_at` \| .*UTC, ISO 8601/);
  });
});
