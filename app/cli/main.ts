import { migrateToLatest, openDatabase, type DbHandle } from "../../db/connection";
import { isUserError, UserError } from "../domain/errors";
import type { Locale } from "../domain/definition/schema";
import { localeFrom, msg, render, type MessageLike } from "../domain/messages";
import { about } from "./about";
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

/** The usage text in the reader's language: the command lines as typed, what each does in words from the catalogue. */
function usageText(locale: Locale): string {
  const a = (name: Parameters<typeof about>[0]) => about(name, locale);
  return `${a("usageCommand")}

  definitions validate <file>            ${a("definitionsValidate")}
  definitions import <file.json|file.xlsx> [--as <key>@<version>] [--draft]
                                         ${a("definitionsImport")}
  definitions export <key>@<version> --out <file.xlsx|file.json>
                                         ${a("definitionsExport")}
  definitions diff <key>@<v1> <key>@<v2> ${a("definitionsDiff")}
  definitions publish <key>@<version>    ${a("definitionsPublish")}
  definitions retire <key>@<version>     ${a("definitionsRetire")}
  definitions list                       ${a("definitionsList")}
  rounds create --definition <key>@<version> --name <name> [--id <id>] [--province <code>]
                [--from <YYYY-MM-DD>] [--to <YYYY-MM-DD>] [--contact <help contact>]
                                         ${a("roundsCreate")}
  rounds list                            ${a("roundsList")}
  codes issue --round <id> --count <n> [--channel paper|link|sms] [--unit <code>]
                                         ${a("codesIssue")}
  staff create --username <u> --role admin|manager|clerk|analyst [--province <code>]
                                         ${a("staffCreate")}
  audit export [--round <id>] [--since <date>] --out <file.csv|file.xlsx> [--format csv|xlsx]
                                         ${a("auditExport")}
  demo seed                              ${a("demoSeed")}
  db migrate                             ${a("dbMigrate")}
${[...fieldworkUsage(locale), ...resultsUsage(locale)]
  .flatMap((l) => l.split("\n"))
  .map((l) => `  ${l}`)
  .join("\n")}

${a("database")}`;
}

/** The usage lines of one command (its line or lines in USAGE, with their continuation lines). */
export function usageOf(name: string, locale: Locale = "en"): string[] {
  const lines = usageText(locale).split("\n");
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
  const locale = localeFrom(process.env.SIPAS_LANG);
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
      out(usageText(locale));
      return argv.length === 0 ? 2 : 0;
    }
    const name = [`${argv[0]} ${argv[1] ?? ""}`.trim(), argv[0]].find((n) => commands[n]);
    if (!name) throw new UserError(msg("cli.unknownCommand", { command: argv.slice(0, 2).join(" "), usage: usageText(locale) }), 2);
    const rest = argv.slice(name.split(" ").length);
    if (rest.includes("--help") || rest.includes("-h")) {
      out([about("usage", locale), ...usageOf(name, locale)].join("\n"));
      return 0;
    }
    const say = (message: MessageLike) => out(render(message, locale));
    const code = await commands[name]({ args: parseArgs(rest, ["labels", "unweighted", "mean-of-units", "json", "draft"]), out, err, locale, say, db: ctxDb });
    return code ?? 0;
  } catch (e) {
    // Messages in the language of SIPAS_LANG (vi unless "en"), like the pages in the reader's language.
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
