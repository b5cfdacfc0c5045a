import { migrateToLatest, openDatabase, type DbHandle } from "../../db/connection";
import { isUserError, UserError } from "../domain/errors";
import type { Locale } from "../domain/definition/schema";
import { localeFrom, msg, render, type MessageLike } from "../domain/messages";
import { parseArgs, type ParsedArgs } from "./args";
import { definitionCommands } from "./commands-definitions";
import { roundCommands } from "./commands-rounds";
import { demoCommands } from "./commands-demo";
import { staffCommands } from "./commands-staff";
import { auditCommands } from "./commands-audit";
import { fieldworkCommands, fieldworkUsage } from "./commands-fieldwork";
import { resultsCommands, resultsUsage } from "./commands-results";
import "../services/platform/zod-english.server";

export interface CliContext {
  args: ParsedArgs;
  /** Lines for scripts as they are (ids, codes, CSV/TSV, JSON); sentences for people go through `say`. */
  out: (line: string) => void;
  err: (line: string) => void;
  /** The reader's language: SIPAS_LANG=en, otherwise Vietnamese, as for the errors. */
  locale: Locale;
  /** Prints a catalogue message in `locale` on stdout. */
  say: (message: MessageLike) => void;
  /** Opens and migrates the database of DATABASE_URL on first use. */
  db: () => Promise<DbHandle>;
}

export type Command = (ctx: CliContext) => Promise<number | void>;

const commands: Record<string, Command> = {
  ...definitionCommands,
  ...roundCommands,
  ...demoCommands,
  ...staffCommands,
  ...auditCommands,
  ...fieldworkCommands,
  ...resultsCommands,
  "db migrate": async (ctx) => {
    await ctx.db();
    ctx.say(msg("cliOutput.databaseReady"));
  },
};

/** Every command's name, e.g. "sample draw". */
export const COMMAND_NAMES: readonly string[] = Object.keys(commands);

const USAGE = `usage: sipas <command>

  definitions validate <file>            check a questionnaire definition, list every problem
  definitions import <file.json|file.xlsx> [--as <key>@<version>] [--draft]
                                         publish a version (immutable once published), or keep it as a draft
  definitions export <key>@<version> --out <file.xlsx|file.json>
                                         a version or a draft as an Excel workbook or JSON
  definitions diff <key>@<v1> <key>@<v2> what changed and what it means for year-over-year results
                                         (exit 0: no differences, 1: differences, 2: trouble)
  definitions publish <key>@<version>    publish a draft
  definitions retire <key>@<version>     offer a version to no new round (rounds that use it keep it)
  definitions list                       list stored definition versions
  rounds create --definition <key>@<version> --name <name> [--id <id>] [--province <code>]
                [--from <YYYY-MM-DD>] [--to <YYYY-MM-DD>] [--contact <help contact>]
                                         create a survey round; prints its id
  rounds list                            list rounds with their codes, drafts and submissions
  codes issue --round <id> --count <n> [--channel paper|link|sms] [--unit <code>]
                                         issue one-time codes, printed one a line
  staff create --username <u> --role admin|manager|clerk|analyst [--province <code>]
                                         create a staff login (password from SIPAS_NEW_PASSWORD)
  audit export [--round <id>] [--since <date>] --out <file.csv>
                                         the audit trail (who did what, when, on which round) as CSV
  demo seed                              shipped definitions, round "demo", first admin, a few codes
  db migrate                             bring the database schema up to date
${[...fieldworkUsage, ...resultsUsage].map((l) => `  ${l}`).join("\n")}

The database is DATABASE_URL (postgres://...) or the SQLite file data/sipas.sqlite.`;

/** The usage lines of one command (its line or lines in USAGE, with their continuation lines). */
export function usageOf(name: string): string[] {
  const lines = USAGE.split("\n");
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    const text = line.trim();
    if (/^ {2}\S/.test(line)) inside = text === name || text.startsWith(`${name} `);
    else if (!/^ {20,}\S/.test(line)) inside = false;
    if (inside) out.push(/^ {2}\S/.test(line) ? `  sipas ${text}` : line);
  }
  return out;
}

/** Runs one command; returns the exit code. Errors go to stderr, never as a stack trace for a user mistake. */
export async function main(
  argv: string[],
  io: { out?: (s: string) => void; err?: (s: string) => void } = {},
): Promise<number> {
  const out = io.out ?? ((s: string) => process.stdout.write(s + "\n"));
  const err = io.err ?? ((s: string) => process.stderr.write(s + "\n"));
  let handle: DbHandle | undefined;
  const ctxDb = async () => {
    if (!handle) {
      handle = openDatabase({ url: process.env.DATABASE_URL });
      await migrateToLatest(handle.db, handle.schema);
    }
    return handle;
  };
  try {
    if (argv.length === 0 || argv[0] === "help" || argv[0] === "--help") {
      out(USAGE);
      return argv.length === 0 ? 2 : 0;
    }
    const name = [`${argv[0]} ${argv[1] ?? ""}`.trim(), argv[0]].find((n) => commands[n]);
    if (!name) throw new UserError(msg("cli.unknownCommand", { command: argv.slice(0, 2).join(" "), usage: USAGE }), 2);
    const rest = argv.slice(name.split(" ").length);
    if (rest.includes("--help") || rest.includes("-h")) {
      out(["usage:", ...usageOf(name)].join("\n"));
      return 0;
    }
    const locale = localeFrom(process.env.SIPAS_LANG);
    const say = (message: MessageLike) => out(render(message, locale));
    const code = await commands[name]({ args: parseArgs(rest, ["labels", "unweighted", "mean-of-units", "json", "draft"]), out, err, locale, say, db: ctxDb });
    return code ?? 0;
  } catch (e) {
    // Messages in the language of SIPAS_LANG (vi unless "en"), like the pages in the reader's language.
    const locale = localeFrom(process.env.SIPAS_LANG);
    if (isUserError(e)) {
      err(`sipas: ${e.text(locale)}`);
      for (const d of e.detailTexts(locale)) err(`  ${d}`);
      return e.status === 2 ? 2 : 1;
    }
    err(`sipas: ${render(msg("cli.unexpected", { detail: e instanceof Error ? e.message : String(e) }), locale)}`);
    if (process.env.SIPAS_DEBUG) err(e instanceof Error ? (e.stack ?? "") : "");
    return 1;
  } finally {
    await handle?.close();
  }
}
