import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { formatImportProblem } from "../domain/csv/responses-import";
import type { Locale } from "../domain/definition/schema";
import { UserError, type Detail } from "../domain/errors";
import { msg } from "../domain/messages";
import { optionsOf } from "../domain/results/query";
import { parseResultsQuery } from "../domain/results/query-parse";
import { chunkText, exportCodebook, exportIndices, exportResponses, type CsvDownload } from "../services/data/exports.server";
import { importResponsesCsv } from "../services/data/responses-import.server";
import { cliActor, recordExport } from "../services/platform/audit.server";
import { exportCodebookXlsx, exportResponsesXlsx, indicesXlsx } from "../services/data/xlsx-exports.server";
import { computeRoundIndices } from "../services/results/indices.server";
import { getRound } from "../services/rounds/rounds.server";
import { writeXlsxFile, type XlsxDownload } from "../services/platform/xlsx-download.server";
import { formatFlag, optionalFlag, rejectUnknownFlags, requireFlag } from "./args";
import type { CliContext, Command } from "./main";
import { about, ABOUT_COLUMN } from "./about";

const PAD = " ".repeat(ABOUT_COLUMN);

/** Usage lines of the commands below, shown by `sipas help`, in the reader's language. */
export const resultsUsage = (locale: Locale): string[] => [
  "responses import --round <id> <file.csv>",
  `${PAD}${about("responsesImport", locale)}`,
  "indices --round <id> [--by <field>] [--unweighted] [--mean-of-units] [--interval wald|logit] [--lang vi|en] [--out <file>] [--format csv|xlsx]",
  `${PAD}${about("indices", locale)}`,
  "export responses --round <id> [--labels] [--lang vi|en] [--out <file>] [--codebook <file>] [--format csv|xlsx]",
  `${PAD}${about("exportResponses", locale)}`,
  "export codebook --round <id> [--out <file>] [--lang vi|en] [--format csv|xlsx]",
  `${PAD}${about("exportCodebook", locale)}`,
];

const PRINTED_PROBLEMS = 100;

function localeFlag(ctx: CliContext): Locale {
  const lang = optionalFlag(ctx.args, "lang") ?? "vi";
  if (lang !== "vi" && lang !== "en") throw new UserError(msg("cli.badLang", { value: lang }), 2);
  return lang;
}

/** Writes a download to a file (through a temporary name, so a failed export leaves no half file) or to stdout. */
async function emit(ctx: CliContext, download: CsvDownload, out: string | undefined): Promise<void> {
  if (!out) {
    // Chunks end with CRLF; `out` adds the final "\n" back, so the bytes are unchanged.
    for await (const chunk of download.chunks()) {
      const text = chunkText(chunk);
      ctx.out(text.endsWith("\n") ? text.slice(0, -1) : text);
    }
    return;
  }
  const part = `${out}.part`;
  try {
    await pipeline(Readable.from(download.chunks()), createWriteStream(part));
    renameSync(part, out);
  } catch (e) {
    rmSync(part, { force: true });
    if (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("E")) throw new UserError(msg("files.cannotWrite", { file: out, reason: e.message }));
    throw e;
  }
}

/** Writes a workbook to its file, naming the file in the CLI's words when it cannot be written. */
async function emitXlsx(download: XlsxDownload, out: string): Promise<void> {
  try {
    await writeXlsxFile(download, out);
  } catch (e) {
    if (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("E")) throw new UserError(msg("files.cannotWrite", { file: out, reason: e.message }));
    throw e;
  }
}

/** "wrote 12 rows (weighted, wald intervals) to f.csv"; the interval method keeps its option name (wald, logit). */
const indicesWritten = (count: number, weighted: boolean, interval: string, file: string) =>
  msg("cliOutput.indicesWritten", { count, weighting: msg(weighted ? "cliOutput.weightedWord" : "cliOutput.unweightedWord"), interval, file });

const importCommand: Command = async (ctx) => {
  rejectUnknownFlags(ctx.args, ["round"]);
  const roundId = requireFlag(ctx.args, "round");
  const [file, extra] = ctx.args.positional;
  if (!file || extra) throw new UserError(msg("cli.usageResponsesImport"), 2);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(msg("files.noSuchFile", { file }));
  const { db } = await ctx.db();
  const report = await importResponsesCsv(db, roundId, { name: file, open: () => createReadStream(file) }, { actor: cliActor() });
  if (!report.ok) {
    const shown: Detail[] = report.problems.slice(0, PRINTED_PROBLEMS).map((p) => ({ vi: `${file}: ${formatImportProblem(p, "vi")}`, en: `${file}: ${formatImportProblem(p, "en")}` }));
    if (report.totalProblems > shown.length) shown.push(msg("cli.andMore", { count: report.totalProblems - shown.length }));
    throw new UserError(msg("data.problems", { file, count: report.totalProblems, rows: report.rows }), 1, shown);
  }
  ctx.say(msg("cliOutput.responsesImported", { count: report.imported, round: roundId }));
  if (report.hiddenAnswers > 0) {
    const ex = report.hiddenExample!;
    ctx.say(msg("cliOutput.hiddenAnswersLeftOut", { count: report.hiddenAnswers, line: ex.line, item: ex.item }));
  }
};

/** The flags as the results page's query, read by its parser: the same defaults, the same checks (a usage mistake: 2). */
function resultsOptionsFlags(ctx: CliContext) {
  const flags = {
    by: optionalFlag(ctx.args, "by"),
    weighted: ctx.args.flags.has("unweighted") ? "false" : undefined,
    multiUnit: ctx.args.flags.has("mean-of-units") ? "meanOfUnits" : undefined,
    interval: optionalFlag(ctx.args, "interval"),
  };
  try {
    return optionsOf(parseResultsQuery(flags));
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.what ?? e.message, 2, e.detailsLocalized, e.localized);
    throw e;
  }
}

const indicesCommand: Command = async (ctx) => {
  rejectUnknownFlags(ctx.args, ["round", "by", "unweighted", "mean-of-units", "interval", "lang", "out", "format"]);
  if (ctx.args.positional.length) throw new UserError(msg("cli.unexpectedArgument", { arg: ctx.args.positional[0] }), 2);
  const out = optionalFlag(ctx.args, "out");
  const format = formatFlag(ctx.args);
  const locale = localeFlag(ctx);
  const options = resultsOptionsFlags(ctx);
  const { db } = await ctx.db();
  const roundId = requireFlag(ctx.args, "round");
  await recordExport(db, { actor: cliActor(), kind: "indices", roundId, details: { out: out ?? "stdout", by: options.by ?? null, format } });
  if (format === "xlsx") {
    const request = { roundId, ...options };
    const { round } = await getRound(db, roundId);
    const indices = await computeRoundIndices(db, request);
    const book = indicesXlsx(round, request, indices, locale);
    await emitXlsx(book, out!);
    ctx.say(indicesWritten(book.totalRows, indices.result.options.weighted, options.interval, out!));
    return;
  }
  const download = await exportIndices(db, { roundId, ...options }, { locale });
  await emit(ctx, download, out);
  if (out) ctx.say(indicesWritten(download.totalRows, download.weighted, options.interval, out));
};

const exportResponsesCommand: Command = async (ctx) => {
  rejectUnknownFlags(ctx.args, ["round", "labels", "lang", "out", "codebook", "format"]);
  if (ctx.args.positional.length) throw new UserError(msg("cli.unexpectedArgument", { arg: ctx.args.positional[0] }), 2);
  const roundId = requireFlag(ctx.args, "round");
  const out = optionalFlag(ctx.args, "out");
  const codebook = optionalFlag(ctx.args, "codebook");
  const format = formatFlag(ctx.args);
  const locale = localeFlag(ctx);
  const { db } = await ctx.db();
  const labels = ctx.args.flags.has("labels") ? locale : null;
  await recordExport(db, { actor: cliActor(), kind: "responses", roundId, details: { labels, out: out ?? "stdout", format } });
  if (format === "xlsx") {
    const book = await exportResponsesXlsx(db, roundId, { locale, labels: !!labels });
    await emitXlsx(book, out!);
    ctx.say(msg("cliOutput.responsesWritten", { count: book.totalRows, file: out! }));
    if (codebook) {
      await recordExport(db, { actor: cliActor(), kind: "codebook", roundId, details: { out: codebook, format } });
      const cb = await exportCodebookXlsx(db, roundId, locale);
      await emitXlsx(cb, codebook);
      ctx.say(msg("cliOutput.codebookWritten", { count: cb.totalRows, file: codebook }));
    }
    return;
  }
  const download = await exportResponses(db, roundId, { labels });
  await emit(ctx, download, out);
  if (out) ctx.say(msg("cliOutput.responsesWritten", { count: download.totalRows, file: out }));
  if (codebook) {
    const book = await exportCodebook(db, roundId);
    await recordExport(db, { actor: cliActor(), kind: "codebook", roundId, details: { out: codebook } });
    await emit(ctx, book, codebook);
    ctx.say(msg("cliOutput.codebookWritten", { count: book.totalRows, file: codebook }));
  }
};

const exportCodebookCommand: Command = async (ctx) => {
  rejectUnknownFlags(ctx.args, ["round", "out", "lang", "format"]);
  if (ctx.args.positional.length) throw new UserError(msg("cli.unexpectedArgument", { arg: ctx.args.positional[0] }), 2);
  const out = optionalFlag(ctx.args, "out");
  const format = formatFlag(ctx.args);
  const locale = localeFlag(ctx);
  const { db } = await ctx.db();
  const roundId = requireFlag(ctx.args, "round");
  await recordExport(db, { actor: cliActor(), kind: "codebook", roundId, details: { out: out ?? "stdout", format } });
  if (format === "xlsx") {
    const cb = await exportCodebookXlsx(db, roundId, locale);
    await emitXlsx(cb, out!);
    ctx.say(msg("cliOutput.codebookWritten", { count: cb.totalRows, file: out! }));
    return;
  }
  const book = await exportCodebook(db, roundId);
  await emit(ctx, book, out);
  if (out) ctx.say(msg("cliOutput.codebookWritten", { count: book.totalRows, file: out }));
};

export const resultsCommands: Record<string, Command> = {
  "responses import": importCommand,
  indices: indicesCommand,
  "export responses": exportResponsesCommand,
  "export codebook": exportCodebookCommand,
};
