import { issueLine } from "../domain/definition/parse";
import { UserError } from "../domain/errors";
import { localeFrom, msg, render } from "../domain/messages";
import { listDefinitions, validateDefinitionText } from "../services/definitions/versions.server";
import { importDefinitionFile, readDefinitionFile } from "../services/definitions/shipped-files.server";
import { rejectUnknownFlags } from "./args";
import type { Command, CliContext } from "./main";

function fileArg(ctx: CliContext): string {
  const file = ctx.args.positional[0];
  if (!file) throw new UserError(msg("cli.missingFile"), 2);
  return file;
}

export const definitionCommands: Record<string, Command> = {
  "definitions validate": async (ctx) => {
    rejectUnknownFlags(ctx.args, []);
    const file = fileArg(ctx);
    const report = validateDefinitionText(readDefinitionFile(file));
    if (!report.ok) {
      const locale = localeFrom(process.env.SIPAS_LANG);
      ctx.err(render(msg("definitions.hasProblems", { file, count: report.issues.length }), locale));
      for (const issue of report.issues) ctx.err(`  ${issueLine(issue, locale)}`);
      return 1;
    }
    const d = report.definition;
    const items = d.sections.reduce((n, s) => n + s.items.length, 0);
    ctx.out(`${file}: valid — ${d.key}@${d.version}, ${d.sections.length} sections, ${items} items, ${d.indices.length} index trees, sha256 ${report.hash}`);
  },
  "definitions import": async (ctx) => {
    rejectUnknownFlags(ctx.args, []);
    const file = fileArg(ctx);
    const { db } = await ctx.db();
    const outcome = await importDefinitionFile(db, file);
    ctx.out(outcome.status === "imported" ? `imported ${outcome.id} (sha256 ${outcome.hash})` : `${outcome.id} already published with identical content (sha256 ${outcome.hash})`);
  },
  "definitions list": async (ctx) => {
    rejectUnknownFlags(ctx.args, []);
    const { db } = await ctx.db();
    for (const d of await listDefinitions(db)) ctx.out(`${d.id}\t${d.status}\t${d.content_hash.slice(0, 12)}\t${d.title_vi}`);
  },
};
