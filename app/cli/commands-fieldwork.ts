import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { columnLetter } from "../domain/csv/read";
import { CSV_BOM, csvLine } from "../domain/csv/write";
import { UserError, isUserError } from "../domain/errors";
import { msg, render, type Message } from "../domain/messages";
import { formatNumber } from "../domain/results/format";
import { describeDesign, parseAllocation, parseMargin, type SampleDesign } from "../domain/fieldwork/design";
import {
  FRAME_FIELDS,
  describeColumns,
  describeProblem,
  guessMapping,
  undecidedColumns,
  type ColumnChoices,
  type FrameField,
  type FrameMapping,
} from "../domain/fieldwork/frame";
import {
  DASHBOARD_COLUMNS,
  MAIL_MERGE_HEADER,
  applyAdjustment,
  closeRoundAndPurge,
  fieldworkDashboard,
  mailMergeRows,
  previewAdjustment,
  replaceFromReserve,
  setOutcome,
  type Actor,
} from "../services/fieldwork/fieldwork.server";
import { importFrameFile, readCsvHeader, streamRejectedRows, type FrameTarget } from "../services/fieldwork/frame-import.server";
import { listFrameFiles, removeFrameFile } from "../services/fieldwork/frame-files.server";
import { importRoundUnits } from "../services/rounds/units-import.server";
import { cliActor, recordExport } from "../services/platform/audit.server";
import { drawRoundSample, planRoundSample, type PlanView } from "../services/fieldwork/sampling.server";
import { formatFlag, optionalFlag, rejectUnknownFlags, requireFlag, type ParsedArgs } from "./args";
import { fieldworkStatusXlsx, rejectedRowsXlsx } from "../services/fieldwork/xlsx-exports.server";
import { getFrameImport } from "../services/fieldwork/frame-uploads.server";
import { writeXlsxFile } from "../services/platform/xlsx-download.server";
import { getRound } from "../services/rounds/rounds.server";
import type { CliContext, Command } from "./main";
import type { Locale } from "../domain/definition/schema";
import { about, ABOUT_COLUMN } from "./about";

const PAD = " ".repeat(ABOUT_COLUMN);

/** Usage lines of the commands below, shown by `sipas help`, in the reader's language. */
export const fieldworkUsage = (locale: Locale): string[] => [
  `units import --round <id> <units.csv>    ${about("unitsImport", locale)}`,
  "frame import --round <id> <frame.csv> [--valid-only] [--rejected <out.csv|out.xlsx>] [--format csv|xlsx] [--map field=Header|letter,...]",
  `${PAD}${about("frameImport", locale)}`,
  "                   [--keep-columns <col,...>] [--ignore-columns <col,...>] [--add | --replace <import id>]",
  `${PAD}${about("frameImportColumns", locale)}`,
  `frame files --round <id>                 ${about("frameFiles", locale)}`,
  `frame remove --round <id> <import id>    ${about("frameRemove", locale)}`,
  "sample plan --round <id> [--strata <cols>] (--size <n> | --margin <e> | --yamane <e>) [--allocation equal|proportional|min:<m>] [--reserve <k>]",
  `${PAD}${about("samplePlan", locale)}`,
  `sample draw --round <id> ... --seed <n>  ${about("sampleDraw", locale)}`,
  "sample draw --round <id> --stages district=3,commune=2[,village=3],person=31 [--village-column <col>] [--pps district,commune] [--reserve <k>] --seed <n>",
  `${PAD}${about("sampleDrawStages", locale)}`,
  "invitations export --round <id> [--out <file.csv>] [--base-url <url>] [--pending]",
  `${PAD}${about("invitationsExport", locale)}`,
  "outcome set --round <id> --code <code> --outcome sent|refused|unreachable|invalid|pending",
  "outcome replace --round <id> --code <code>",
  `${PAD}${about("outcomeReplace", locale)}`,
  "fieldwork status --round <id> [--csv | --format xlsx --out <file.xlsx> [--lang vi|en]]",
  `${PAD}${about("fieldworkStatus", locale)}`,
  `weights adjust --round <id> [--apply]    ${about("weightsAdjust", locale)}`,
  `rounds close --round <id>                ${about("roundsClose", locale)}`,
];

/** The command line acts as an admin, recorded as `cli:<user>`. */
const cli = (): Actor => ({ id: cliActor(), role: "admin" });

/**
 * A flag without a value. The shared parser takes the word after an unknown bare flag as its value
 * (`--valid-only frame.csv`): give that word back as a positional argument.
 */
function booleanFlag(args: ParsedArgs, name: string): boolean {
  const value = args.flags.get(name);
  if (value === undefined) return false;
  if (typeof value === "string") {
    args.positional.push(value);
    args.flags.set(name, true);
  }
  return true;
}

function onePositional(args: ParsedArgs, what: Message): string {
  if (args.positional.length !== 1) throw new UserError(msg("cli.exactlyOne", { what }), 2);
  return args.positional[0];
}

/** `name=Họ tên,unit=E`: header names (as in the file) or column letters. */
function parseMapOption(text: string, headers: string[]): FrameMapping {
  const mapping = guessMapping(headers);
  for (const part of text.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) throw new UserError(msg("cli.mapNotPair", { part }), 2);
    const field = part.slice(0, eq).trim() as FrameField;
    const column = part.slice(eq + 1).trim();
    if (!FRAME_FIELDS.includes(field)) throw new UserError(msg("cli.mapUnknownField", { field, fields: FRAME_FIELDS.join(", ") }), 2);
    if (column === "" || column === "-") {
      mapping[field] = null;
      continue;
    }
    let index = headers.findIndex((h) => h === column.normalize("NFC"));
    if (index < 0 && /^[A-Z]{1,2}$/.test(column)) index = headers.findIndex((_h, i) => columnLetter(i) === column);
    if (index < 0) throw new UserError(msg("cli.mapNoColumn", { column, columns: headers.join(", ") }), 2);
    mapping[field] = index;
  }
  return mapping;
}

/** A column named by its header or its letter (as --map names them). */
function columnIndex(flag: string, column: string, headers: string[]): number {
  let index = headers.findIndex((h) => h === column.normalize("NFC"));
  if (index < 0 && /^[A-Z]{1,2}$/.test(column)) index = headers.findIndex((_h, i) => columnLetter(i) === column);
  if (index < 0) throw new UserError(msg("cli.columnsNoColumn", { flag, column, columns: headers.join(", ") }), 2);
  return index;
}

/** --keep-columns and --ignore-columns: what to do with the columns no field uses. */
function columnChoices(args: ParsedArgs, headers: string[]): ColumnChoices {
  const list = (flag: string) =>
    (optionalFlag(args, flag) ?? "")
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => columnIndex(`--${flag}`, c, headers));
  const choices = { keep: list("keep-columns"), ignore: list("ignore-columns") };
  const both = choices.keep.find((i) => choices.ignore.includes(i));
  if (both !== undefined) throw new UserError(msg("cli.columnsBoth", { column: headers[both] }), 2);
  return choices;
}

function wholeNumber(args: ParsedArgs, name: string): number | undefined {
  const text = optionalFlag(args, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UserError(msg("cli.wholeNumber", { name, value: text }), 2);
  return Number(text);
}

const DESIGN_FLAGS = ["round", "strata", "size", "margin", "yamane", "allocation", "reserve", "stages", "village-column", "pps", "channel"];

function designFromArgs(args: ParsedArgs): SampleDesign {
  const reserve = wholeNumber(args, "reserve");
  const channel = (optionalFlag(args, "channel") ?? "paper") as "paper" | "link" | "sms";
  const stages = optionalFlag(args, "stages");
  if (stages) {
    const counts = new Map<string, number>();
    for (const part of stages.split(",")) {
      const m = /^\s*(district|commune|village|person)\s*[=:]\s*(\d+)\s*$/.exec(part);
      if (!m) throw new UserError(msg("cli.stagesNotPair", { part }), 2);
      counts.set(m[1], Number(m[2]));
    }
    for (const s of ["district", "commune", "person"]) if (!counts.has(s)) throw new UserError(msg("cli.stagesNeeds", { stage: s }), 2);
    const pps = new Set(
      (optionalFlag(args, "pps") ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    );
    const villageColumn = optionalFlag(args, "village-column") ?? null;
    if (counts.has("village") !== !!villageColumn)
      throw new UserError(msg("cli.villageNeedsColumn"), 2);
    const stage = (name: string) => ({ select: counts.get(name)!, method: pps.has(name) ? ("pps-systematic" as const) : ("srs" as const) });
    return {
      kind: "multistage",
      district: stage("district"),
      commune: stage("commune"),
      villageColumn,
      village: villageColumn ? stage("village") : null,
      person: { select: counts.get("person")!, reserve: reserve ?? 0 },
      channel,
    };
  }
  const sizes = ["size", "margin", "yamane"].filter((f) => args.flags.has(f));
  if (sizes.length !== 1) throw new UserError(msg("cli.oneSize"), 2);
  let size: Extract<SampleDesign, { kind: "stratified" }>["size"];
  if (sizes[0] === "size") size = { method: "fixed", n: wholeNumber(args, "size")! };
  else {
    const text = requireFlag(args, sizes[0]);
    const e = parseMargin(text);
    if (e === null) throw new UserError(msg("cli.badMargin", { name: sizes[0], value: text }), 2);
    size = sizes[0] === "margin" ? { method: "margin", e } : { method: "yamane", e };
  }
  const allocText = optionalFlag(args, "allocation") ?? "proportional";
  const allocation = parseAllocation(allocText);
  if (!allocation) throw new UserError(msg("cli.badAllocation", { value: allocText }), 2);
  const strata = optionalFlag(args, "strata");
  return {
    kind: "stratified",
    strataBy: strata
      ? strata
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    size,
    allocation,
    reserve: reserve ?? 0,
    channel,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * The plan's table is tab-separated data under column keys (the method's symbols N_h, pi_h and the stage and method
 * names of --stages and --pps), the same in both languages so scripts can read it; the summary lines are for people.
 */
function printPlan(ctx: CliContext, plan: PlanView) {
  if (plan.kind === "stratified") {
    ctx.out(["stratum", "N_h", "n_h", "reserve", "pi_h", "weight"].join("\t"));
    for (const h of plan.strata) {
      ctx.out(
        [h.label, h.frameSize, h.sampleSize, h.reserveSize, h.inclusionProbability.toFixed(6), h.designWeight === null ? "-" : h.designWeight.toFixed(4)].join(
          "\t"
        )
      );
    }
  } else {
    ctx.out(["stage", "method", "units", "parents", "per parent", "parents taken whole"].join("\t"));
    for (const s of plan.stages) ctx.out([s.name, s.method, s.units, s.parents, s.requestedPerParent, s.takeAllParents].join("\t"));
    if (plan.probabilityRange)
      ctx.say(msg("cliOutput.probabilityRange", { low: decimal(plan.probabilityRange[0].toPrecision(4), ctx), high: decimal(plan.probabilityRange[1].toPrecision(4), ctx) }));
  }
  const summary = { N: plan.frameSize, n: plan.sampleSize, sum: formatNumber(plan.sumOfProbabilities, 6, ctx.locale) };
  ctx.say(plan.reserveSize ? msg("cliOutput.planSummaryReserve", { ...summary, reserve: plan.reserveSize }) : msg("cliOutput.planSummary", summary));
  for (const w of plan.warnings) ctx.err(render(msg("cliOutput.warning", { text: w }), ctx.locale));
}

/** A number already written with a point ("0.01333"), with the reader's decimal mark. */
const decimal = (text: string, ctx: CliContext) => (ctx.locale === "vi" ? text.replace(".", ",") : text);

async function writeLines(path: string, lines: AsyncIterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for await (const line of lines) if (!out.write(line)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

export const fieldworkCommands: Record<string, Command> = {
  "units import": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["round"]);
    const file = onePositional(ctx.args, msg("cli.unitsFile"));
    const { db } = await ctx.db();
    const r = await importRoundUnits(db, requireFlag(ctx.args, "round"), { path: file }, file, cli().id);
    ctx.say(msg("cliOutput.unitsImported", { added: r.added, updated: r.updated, units: r.units }));
  },

  "frame import": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["round", "valid-only", "rejected", "map", "format", "keep-columns", "ignore-columns", "add", "replace"]);
    const validOnly = booleanFlag(ctx.args, "valid-only");
    const add = booleanFlag(ctx.args, "add");
    const replaces = optionalFlag(ctx.args, "replace");
    if (add && replaces) throw new UserError(msg("cli.addOrReplace"), 2);
    const target: FrameTarget = add ? { action: "add" } : replaces ? { action: "replace", importId: replaces } : { action: "replace_all" };
    const rejectedFormat = formatFlag(ctx.args, "rejected");
    const file = onePositional(ctx.args, msg("cli.frameFile"));
    const roundId = requireFlag(ctx.args, "round");
    const rejectedPath = optionalFlag(ctx.args, "rejected");
    if (rejectedPath && !validOnly) throw new UserError(msg("cli.rejectedNeedsValidOnly"), 2);
    const mapText = optionalFlag(ctx.args, "map");
    const headers = await readCsvHeader(file);
    const mapping = mapText ? parseMapOption(mapText, headers) : guessMapping(headers);
    // A column no field uses is never kept silently (a date under an unknown header would skip the date checks).
    const columns = columnChoices(ctx.args, headers);
    const { db } = await ctx.db();
    const tty = process.stderr.isTTY;
    let shown = 0;
    const report = await importFrameFile(db, {
      roundId,
      path: file,
      fileName: file,
      mapping,
      columns,
      mode: validOnly ? "valid-only" : "all",
      userId: cli().id,
      target,
      onProgress: (p) => {
        if (tty && p.rowsRead - shown >= 100_000) {
          shown = p.rowsRead;
          ctx.err(render(msg("cliOutput.frameProgress", { rows: p.rowsRead, percent: Math.round((100 * p.bytesRead) / Math.max(p.fileSize, 1)) }), ctx.locale));
        }
      },
    }).catch((e: unknown) => {
      // The service names the columns; the command line also says which options decide them.
      if (!isUserError(e) || e.what?.key !== "frame.undecidedColumns") throw e;
      throw new UserError(msg("cli.undecidedColumns", { file, columns: describeColumns(undecidedColumns(headers, mapping, columns), headers) }));
    });
    if (report.fileError) throw new UserError(report.fileError.what ?? report.fileError.message);
    for (const p of report.problems) ctx.err(`${file}: ${describeProblem(p, report.headers, ctx.locale)}`);
    if (report.problemCount > report.problems.length) ctx.err(render(msg("cliOutput.frameMoreProblems", { count: report.problemCount - report.problems.length }), ctx.locale));
    if (rejectedPath && report.imported) {
      await recordExport(db, { actor: cli().id, kind: "rejected_rows", roundId: requireFlag(ctx.args, "round"), details: { import: report.importId, format: rejectedFormat } });
    }
    if (rejectedPath && report.imported && rejectedFormat === "xlsx") {
      await writeXlsxFile(rejectedRowsXlsx(db, await getFrameImport(db, roundId, report.importId), ctx.locale), rejectedPath);
    } else if (rejectedPath && report.imported) {
      await writeLines(
        rejectedPath,
        (async function* () {
          // Column keys stay for scripts; the problems are sentences, in the reader's language as on the web page.
          yield CSV_BOM + csvLine(["line", ...report.headers, "problems"]);
          for await (const r of streamRejectedRows(db, report.importId)) {
            yield csvLine([
              r.line,
              ...report.headers.map((_h, i) => r.cells[i] ?? ""),
              r.problems.map((p) => describeProblem(p, report.headers, ctx.locale)).join("; "),
            ]);
          }
        })()
      );
    }
    if (!report.imported) {
      const counts = { count: report.problemCount, rejected: report.rowsRejected, rows: report.rowsRead };
      ctx.err(`sipas: ${render(msg(validOnly ? "cliOutput.frameRefused" : "cliOutput.frameRefusedValidOnly", counts), ctx.locale)}`);
      return 1;
    }
    const imported = { count: report.rowsImported, file, seconds: formatNumber(report.seconds, 1, ctx.locale) };
    if (!report.rowsRejected) ctx.say(msg("cliOutput.frameImported", imported));
    else if (!rejectedPath) ctx.say(msg("cliOutput.frameImportedLeftOut", { ...imported, rejected: report.rowsRejected }));
    else ctx.say(msg("cliOutput.frameImportedLeftOutWritten", { ...imported, rejected: report.rowsRejected, out: rejectedPath }));
  },

  "frame files": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["round"]);
    const { db } = await ctx.db();
    const files = await listFrameFiles(db, requireFlag(ctx.args, "round"));
    for (const f of files) {
      const accepted = render(msg("cliOutput.frameFileAccepted", { count: f.rowsAccepted }), ctx.locale);
      const leftOut = render(msg("cliOutput.frameFileLeftOut", { count: f.rowsLeftOut }), ctx.locale);
      ctx.out([f.importId, f.fileName, accepted, leftOut, f.importedBy, f.importedAt ?? ""].join("\t"));
    }
    ctx.say(msg("cliOutput.frameFilesTotal", { persons: files.reduce((n, f) => n + f.rowsAccepted, 0), files: files.length }));
  },

  "frame remove": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["round"]);
    const importId = onePositional(ctx.args, msg("cli.frameFileId"));
    const { db } = await ctx.db();
    const { fileName, removed } = await removeFrameFile(db, { roundId: requireFlag(ctx.args, "round"), importId, actor: cli().id });
    ctx.say(msg("cliOutput.frameRemoved", { file: fileName, count: removed }));
  },

  "sample plan": async (ctx) => {
    rejectUnknownFlags(ctx.args, DESIGN_FLAGS);
    const design = designFromArgs(ctx.args);
    const { db } = await ctx.db();
    printPlan(ctx, await planRoundSample(db, requireFlag(ctx.args, "round"), design, ctx.locale, cli().id));
  },

  "sample draw": async (ctx) => {
    rejectUnknownFlags(ctx.args, [...DESIGN_FLAGS, "seed"]);
    const design = designFromArgs(ctx.args);
    const seedText = optionalFlag(ctx.args, "seed");
    if (seedText === undefined)
      throw new UserError(msg("cli.missingSeed"), 2);
    if (!/^\d{1,16}$/.test(seedText) || !Number.isSafeInteger(Number(seedText)))
      throw new UserError(msg("cli.seedRange", { max: String(Number.MAX_SAFE_INTEGER) }), 2);
    const { db } = await ctx.db();
    const result = await drawRoundSample(db, { roundId: requireFlag(ctx.args, "round"), design, seed: Number(seedText), userId: cli().id, locale: ctx.locale });
    printPlan(ctx, result.plan);
    // The seed as typed (never grouped like a count), so it can be copied into the next command.
    const drawn = { count: result.sampled, design: describeDesign(design, ctx.locale), reserve: result.reserve, codes: result.codes, seed: String(result.seed) };
    ctx.say(msg("cliOutput.drawn", drawn));
  },

  "invitations export": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["round", "out", "base-url", "pending"]);
    const roundId = requireFlag(ctx.args, "round");
    const baseUrl = optionalFlag(ctx.args, "base-url") ?? process.env.PUBLIC_URL ?? "http://localhost:3000";
    const out = optionalFlag(ctx.args, "out");
    const { db } = await ctx.db();
    const rows = mailMergeRows(db, roundId, cli(), { baseUrl, only: booleanFlag(ctx.args, "pending") ? "pending" : "all" });
    const lines = (async function* () {
      yield (out ? CSV_BOM : "") + csvLine(MAIL_MERGE_HEADER);
      for await (const r of rows) yield csvLine(r);
    })();
    if (out) {
      let n = -1;
      await writeLines(
        out,
        (async function* () {
          for await (const l of lines) {
            n++;
            yield l;
          }
        })()
      );
      ctx.say(msg("cliOutput.invitationsWritten", { count: n, file: out }));
    } else for await (const l of lines) ctx.out(l.replace(/\r\n$/, ""));
  },

  "outcome set": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["round", "code", "outcome"]);
    const { db } = await ctx.db();
    await setOutcome(db, { roundId: requireFlag(ctx.args, "round"), code: requireFlag(ctx.args, "code"), outcome: requireFlag(ctx.args, "outcome"), actor: cli().id });
    ctx.say(msg("cliOutput.outcomeSet"));
  },

  "outcome replace": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["round", "code"]);
    const { db } = await ctx.db();
    const r = await replaceFromReserve(db, { roundId: requireFlag(ctx.args, "round"), code: requireFlag(ctx.args, "code"), actor: cli().id });
    const dashed = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
    ctx.say(msg("cliOutput.replaced", { code: dashed(r.code), replaced: dashed(r.replacedCode), order: String(r.reserveOrder), weight: String(r.weight) }));
  },

  "fieldwork status": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["round", "csv", "format", "out", "lang"]);
    const format = formatFlag(ctx.args);
    const { db } = await ctx.db();
    if (format === "xlsx") {
      const { round } = await getRound(db, requireFlag(ctx.args, "round"));
      const lang = optionalFlag(ctx.args, "lang") ?? ctx.locale;
      if (lang !== "vi" && lang !== "en") throw new UserError(msg("cli.badLang", { value: lang }), 2);
      const out = optionalFlag(ctx.args, "out")!;
      await recordExport(db, { actor: cli().id, kind: "fieldwork", roundId: round.id, details: { format } });
      await writeXlsxFile(await fieldworkStatusXlsx(db, round, lang), out);
      ctx.say(msg("cliOutput.statusWritten", { file: out }));
      return;
    }
    const d = await fieldworkDashboard(db, requireFlag(ctx.args, "round"));
    const csv = booleanFlag(ctx.args, "csv");
    const cells = (r: (typeof d.rows)[number]) =>
      DASHBOARD_COLUMNS.map((c) => (c.key === "responseRate" ? (r.responseRate === null ? "" : csv ? r.responseRate : pct(r.responseRate)) : r[c.key]));
    if (csv) {
      await recordExport(db, { actor: cli().id, kind: "fieldwork", roundId: requireFlag(ctx.args, "round") });
      ctx.out(csvLine(DASHBOARD_COLUMNS.map((c) => c.key)).trimEnd());
      for (const r of [...d.rows, d.total]) ctx.out(csvLine(cells(r) as (string | number | null)[]).trimEnd());
      return;
    }
    // A table for people (scripts take --csv, with column keys): headers in the reader's language.
    ctx.out(DASHBOARD_COLUMNS.map((c) => c.label[ctx.locale]).join("\t"));
    for (const r of [...d.rows, d.total])
      ctx.out(
        cells(r)
          .map((v) => v ?? "-")
          .join("\t")
      );
  },

  "weights adjust": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["round", "apply"]);
    const roundId = requireFlag(ctx.args, "round");
    const { db } = await ctx.db();
    const view = booleanFlag(ctx.args, "apply") ? await applyAdjustment(db, roundId, cli().id) : await previewAdjustment(db, roundId);
    ctx.say(msg("cliOutput.weightsHeader"));
    for (const s of view.strata) {
      ctx.out(
        [
          s.label,
          s.sampled,
          s.respondents,
          s.responseRate === null ? "-" : pct(s.responseRate),
          s.factor === null ? "-" : s.factor.toFixed(4),
          s.designWeight?.toFixed(4) ?? "-",
          s.adjustedWeight?.toFixed(4) ?? "-",
        ].join("\t")
      );
      if (s.problem) ctx.err(render(msg("cliOutput.warning", { text: `${s.label}: ${render(s.problem, ctx.locale)}` }), ctx.locale));
    }
    const applied = view.applied;
    ctx.say(
      !applied
        ? msg("cliOutput.weightsNotApplied")
        : msg(applied.stale ? "cliOutput.weightsAppliedStale" : "cliOutput.weightsApplied", { at: applied.at, by: applied.by }),
    );
  },

  "rounds close": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["round"]);
    const { db } = await ctx.db();
    const purge = await closeRoundAndPurge(db, requireFlag(ctx.args, "round"), cli());
    ctx.say(msg("cliOutput.roundClosed", { count: purge.rowsPurged, at: purge.purgedAt, id: purge.id }));
  },
};
