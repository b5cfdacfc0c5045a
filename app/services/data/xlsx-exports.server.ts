/**
 * The data downloads as Excel workbooks (ADR 029): the same tables as the CSV files (exports.server.ts), with headers in
 * the reader's language, typed cells and a sheet explaining the columns. The responses are read page by page and written
 * row by row; contact details never enter (only the responses table is read).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { unpackAnswerCodes } from "../../domain/answers/answer-codes";
import type { Answers } from "../../domain/definition/conditions";
import type { Locale } from "../../domain/definition/schema";
import { codebookCells, codebookSheet, indicesCells, indicesSheet, responseCells, responsesSheet } from "../../domain/downloads/sheets";
import type { TableCell } from "../../domain/downloads/table";
import { stratumDescriber } from "../fieldwork/sampling.server";
import { nowIso } from "../platform/ids-and-time.server";
import type { XlsxDownload } from "../platform/xlsx-download.server";
import { submittedResponsePages } from "../responses/pages.server";
import { countSubmitted } from "../responses/read.server";
import type { RoundIndexRequest, RoundIndices } from "../results/indices.server";
import { getRound } from "../rounds/rounds.server";
import { EXPORT_PAGE } from "./exports.server";

/** File names as the CSV downloads name them, with .xlsx. */
export function xlsxNames(round: { id: string; name: string }, kind: string) {
  const human = `${round.name} - ${kind}.xlsx`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").normalize("NFC");
  return { filename: human, asciiName: `${round.id}-${kind}.xlsx` };
}

/** The submitted responses of a round as a workbook; with `labels`, option labels in the reader's language. */
export async function exportResponsesXlsx(db: Kysely<Database>, roundId: string, opts: { locale: Locale; labels?: boolean; pageSize?: number }): Promise<XlsxDownload> {
  const { round, definition } = await getRound(db, roundId);
  const layout = responsesSheet(definition, round.name, opts.locale, !!opts.labels);
  const totalRows = await countSubmitted(db, roundId);
  const stratumWords = await stratumDescriber(db, roundId, opts.locale);
  const cache = new Map<string, string>();
  const words = (key: string) => {
    let w = cache.get(key);
    if (w === undefined) cache.set(key, (w = stratumWords(key)));
    return w;
  };
  const columns = ["id", "submitted_at", "entry_mode", "locale", "unit_code", "stratum", "psu", "weight", "fpc", "answer_codes"] as const;
  return {
    ...xlsxNames(round, opts.labels ? `responses-labels-${opts.locale}` : "responses"),
    totalRows,
    sheet: layout.sheet,
    locale: opts.locale,
    madeAt: nowIso(),
    rows: async function* () {
      for await (const page of submittedResponsePages(db, roundId, columns, opts.pageSize ?? EXPORT_PAGE, "withoutCodesOrWithText")) {
        yield page.map((r) => {
          const answers: Answers = r.answers_json ? (JSON.parse(r.answers_json) as Answers) : unpackAnswerCodes(definition, r.answer_codes ?? "");
          return responseCells(
            layout,
            {
              id: r.id,
              submittedAt: r.submitted_at,
              entryMode: r.entry_mode,
              locale: r.locale,
              unit: r.unit_code,
              stratum: r.stratum,
              psu: r.psu,
              weight: r.weight === null ? null : Number(r.weight),
              fpc: r.fpc === null ? null : Number(r.fpc),
              answers,
            },
            opts.locale,
            words,
          );
        });
      }
    },
  };
}

/** The questionnaire's codebook as a workbook. */
export async function exportCodebookXlsx(db: Kysely<Database>, roundId: string, locale: Locale): Promise<XlsxDownload> {
  const { round, definition } = await getRound(db, roundId);
  const rows = codebookCells(definition);
  return {
    ...xlsxNames(round, "codebook"),
    totalRows: rows.length,
    sheet: codebookSheet(round.name, locale),
    locale,
    madeAt: nowIso(),
    rows: async function* () {
      yield rows;
    },
  };
}

/** The index table already computed (e.g. by the results pages' background job) as a workbook. */
export function indicesXlsx(round: { id: string; name: string }, request: RoundIndexRequest, indices: RoundIndices, locale: Locale): XlsxDownload {
  const { result } = indices;
  const rows: TableCell[][] = indicesCells(result, locale);
  const by = request.by && request.by !== "none" ? `-by-${request.by}` : "";
  const kind = `indices${by}-${result.options.weighted ? "weighted" : "unweighted"}${result.options.multiUnit === "meanOfUnits" ? "-mean-of-units" : ""}`;
  return {
    ...xlsxNames(round, kind),
    totalRows: rows.length,
    sheet: indicesSheet(round.name, locale),
    locale,
    madeAt: nowIso(),
    rows: async function* () {
      yield rows;
    },
  };
}
