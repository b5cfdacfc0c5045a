import { UserError } from "../domain/errors";
import { msg } from "../domain/messages";

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value`, `--name=value` and bare `--flag`; everything else is positional. */
export function parseArgs(argv: string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    if (eq > 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else if (booleanFlags.includes(arg.slice(2)) || i + 1 >= argv.length || argv[i + 1].startsWith("--")) {
      flags.set(arg.slice(2), true);
    } else {
      flags.set(arg.slice(2), argv[++i]);
    }
  }
  return { positional, flags };
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const value = args.flags.get(name);
  if (value === undefined || value === true) throw new UserError(msg("cli.missingOption", { name }), 2);
  return value;
}

export function optionalFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  if (value === true) throw new UserError(msg("cli.optionNeedsValue", { name }), 2);
  return value;
}

export function rejectUnknownFlags(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (!known.includes(name)) throw new UserError(msg("cli.unknownOption", { name, known: known.length ? known.map((k) => `--${k}`).join(", ") : msg("cli.noOptions") }), 2);
  }
}

/** `--format csv|xlsx` (csv when absent); an .xlsx workbook is binary, so it goes to the file named by `--<fileFlag>`. */
export function formatFlag(args: ParsedArgs, fileFlag = "out"): "csv" | "xlsx" {
  const format = optionalFlag(args, "format") ?? "csv";
  if (format !== "csv" && format !== "xlsx") throw new UserError(msg("cli.badFormat", { value: format }), 2);
  if (format === "xlsx" && optionalFlag(args, fileFlag) === undefined) throw new UserError(msg("cli.xlsxNeedsOut", { flag: fileFlag }), 2);
  return format;
}
