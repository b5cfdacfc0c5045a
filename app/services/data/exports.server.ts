import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { CODEBOOK_HEADER, codebookRows, exportLayout, INDICES_HEADER, indicesRows } from "../../domain/csv/responses-export";
import { CSV_BOM, csvLine } from "../../domain/csv/write";
import type { Locale } from "../../domain/definition/schema";
import { computeRoundIndices, type Progress, type RoundIndexRequest, type RoundIndices } from "../results/indices.server";
import { stratumDescriber } from "../fieldwork/sampling.server";
import { countSubmitted, readRoundLines } from "../responses/read.server";
import { getRound } from "../rounds/rounds.server";
import type { CsvDownload } from "../platform/downloads.server";
export type { CsvDownload };
import { parallelExportChunks } from "./parallel-export.server";

export const EXPORT_PAGE = 2000;

/** A chunk as text (chunks end at line ends, so no character is cut between two). */
export function chunkText(chunk: string | Uint8Array): string {
  return typeof chunk === "string" ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("utf8");
}

function names(round: { id: string; name: string }, kind: string) {
  const human = `${round.name} - ${kind}.csv`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").normalize("NFC");
  return { filename: human, asciiName: `${round.id}-${kind}.csv` };
}

/**
 * The submitted responses of a round, one row per response, streamed so memory stays flat whatever the size:
 * on SQLite read-only statements over the covering index (rows in stratum, PSU order; a large round written by
 * worker threads, ADR 018), on PostgreSQL keyset pages (rows in id order). Reads only the responses table: contact
 * details (frame_contacts) never enter. The stratum in words is in the labels' language, Vietnamese for a codes export
 * (the same file whoever downloads it).
 */
export async function exportResponses(
  db: Kysely<Database>,
  roundId: string,
  opts: { labels?: Locale | null; pageSize?: number } = {},
): Promise<CsvDownload> {
  const { round, definition } = await getRound(db, roundId);
  const stratumWords = await stratumDescriber(db, roundId, opts.labels ?? "vi");
  const layout = exportLayout(definition, opts.labels ?? null, stratumWords);
  const totalRows = await countSubmitted(db, roundId);
  const pageSize = opts.pageSize ?? EXPORT_PAGE;
  return {
    ...names(round, opts.labels ? `responses-labels-${opts.labels}` : "responses"),
    totalRows,
    chunks: async function* () {
      yield CSV_BOM + csvLine(layout.header);
      const labels = opts.labels ?? null;
      yield* parallelExportChunks(db, { roundId, definition, labels }, totalRows, pageSize, stratumWords) ?? readRoundLines(db, roundId, layout, pageSize);
    },
  };
}

/** The codebook of a round's questionnaire: one row per column of the responses export. */
export async function exportCodebook(db: Kysely<Database>, roundId: string): Promise<CsvDownload> {
  const { round, definition } = await getRound(db, roundId);
  const rows = codebookRows(definition);
  return {
    ...names(round, "codebook"),
    totalRows: rows.length,
    chunks: async function* () {
      yield CSV_BOM + csvLine(CODEBOOK_HEADER) + rows.map((r) => csvLine(r)).join("");
    },
  };
}

/** The indices of a round as a table (computed or taken from the cache by computeRoundIndices). */
export async function exportIndices(
  db: Kysely<Database>,
  request: RoundIndexRequest,
  opts: { locale?: Locale; onProgress?: Progress } = {},
): Promise<IndicesDownload> {
  const { round } = await getRound(db, request.roundId);
  return indicesDownload(round, request, await computeRoundIndices(db, request, opts.onProgress), opts.locale);
}

export type IndicesDownload = CsvDownload & { weighted: boolean };

/** The table of indices already computed (e.g. by the results pages' background job). */
export function indicesDownload(round: { id: string; name: string }, request: RoundIndexRequest, indices: RoundIndices, locale: Locale = "vi"): IndicesDownload {
  const { result } = indices;
  const rows = indicesRows(result, locale);
  const by = request.by && request.by !== "none" ? `-by-${request.by}` : "";
  const weighted = result.options.weighted;
  const kind = `indices${by}-${weighted ? "weighted" : "unweighted"}${result.options.multiUnit === "meanOfUnits" ? "-mean-of-units" : ""}`;
  return {
    ...names(round, kind),
    totalRows: rows.length,
    weighted,
    chunks: async function* () {
      let out = CSV_BOM + csvLine(INDICES_HEADER);
      for (const r of rows) {
        out += csvLine(r);
        if (out.length > 1 << 16) {
          yield out;
          out = "";
        }
      }
      yield out;
    },
  };
}
