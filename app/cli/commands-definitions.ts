import { readFileSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { diffDefinitions } from "../domain/definition/diff";
import { diffLines } from "../domain/definition/diff-text";
import { issueLine, parseDefinition, type DefinitionIssue } from "../domain/definition/parse";
import { placeText, type SheetProblem } from "../domain/definition/sheets";
import { isUserError, UserError } from "../domain/errors";
import { localeFrom, msg, render } from "../domain/messages";
import { createDraft, loadByRef, publishDraft, type RawDefinition } from "../services/definitions/drafts.server";
import { importDefinitionFile, readDefinitionFile } from "../services/definitions/shipped-files.server";
import { importDefinition, listDefinitions, retireVersion, validateDefinitionText } from "../services/definitions/versions.server";
import { definitionToXlsx, readDefinitionXlsx } from "../services/definitions/xlsx.server";
import { cliActor } from "../services/platform/audit.server";
import { optionalFlag, rejectUnknownFlags } from "./args";
import type { Command, CliContext } from "./main";

const locale = () => localeFrom(process.env.SIPAS_LANG);
const say = (m: Parameters<typeof render>[0]) => render(m, locale());
/** The command line works on every draft (no province), as the CLI's actor. */
const scope = () => ({ actor: cliActor(), provinceCode: null });

function fileArg(ctx: CliContext): string {
  const file = ctx.args.positional[0];
  if (!file) throw new UserError(msg("cli.missingFile"), 2);
  return file;
}

function refArg(ctx: CliContext, n = 0): string {
  const ref = ctx.args.positional[n];
  if (!ref) throw new UserError(msg("studio.badRef", { ref: "" }), 2);
  return ref;
}

function printProblems(ctx: CliContext, file: string, lines: string[]) {
  ctx.err(say(msg("definitions.hasProblems", { file, count: lines.length })));
  for (const line of lines) ctx.err(`  ${line}`);
}
const issueLines = (issues: DefinitionIssue[]) => issues.map((i) => issueLine(i, locale()));
const sheetLines = (problems: SheetProblem[]) => problems.map((p) => (p.sheet ? `${placeText(p)[locale()]}: ${p.message[locale()]}` : p.message[locale()]));

/** `--as key@version`: the key and version the imported content takes. */
function asRef(ctx: CliContext): { key?: string; version?: string } {
  const as = optionalFlag(ctx.args, "as");
  if (as === undefined) return {};
  const at = as.lastIndexOf("@");
  if (at <= 0 || at === as.length - 1) throw new UserError(msg("studio.badRef", { ref: as }), 2);
  return { key: as.slice(0, at), version: as.slice(at + 1) };
}

const importedMessage = (o: { status: "imported" | "unchanged"; id: string; hash: string }) =>
  msg(o.status === "imported" ? "cliOutput.definitionImported" : "cliOutput.definitionUnchanged", { id: o.id, hash: o.hash });

export const definitionCommands: Record<string, Command> = {
  "definitions validate": async (ctx) => {
    rejectUnknownFlags(ctx.args, []);
    const file = fileArg(ctx);
    const report = validateDefinitionText(readDefinitionFile(file));
    if (!report.ok) {
      printProblems(ctx, file, issueLines(report.issues));
      return 1;
    }
    const d = report.definition;
    const items = d.sections.reduce((n, s) => n + s.items.length, 0);
    ctx.say(msg("cliOutput.definitionValid", { file, ref: `${d.key}@${d.version}`, sections: d.sections.length, items, trees: d.indices.length, hash: report.hash }));
  },

  /** A .json or .xlsx file: published at once (the content is checked first), or kept as a draft with --draft. */
  "definitions import": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["as", "draft"]);
    const file = fileArg(ctx);
    const target = asRef(ctx);
    const asDraft = ctx.args.flags.get("draft") === true;
    let raw: RawDefinition;
    if (extname(file).toLowerCase() === ".xlsx") {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        throw new UserError(msg("files.cannotRead", { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
      }
      const read = await readDefinitionXlsx(bytes, target);
      if (!read.ok) {
        printProblems(ctx, file, sheetLines(read.problems));
        return 1;
      }
      raw = read.raw;
    } else {
      if (!asDraft && target.key === undefined) {
        const { db } = await ctx.db();
        const outcome = await importDefinitionFile(db, file, cliActor());
        ctx.say(importedMessage(outcome));
        return;
      }
      const text = readDefinitionFile(file).replace(/^\uFEFF/, "");
      try {
        raw = JSON.parse(text) as RawDefinition;
      } catch {
        const report = validateDefinitionText(text);
        printProblems(ctx, file, report.ok ? [] : issueLines(report.issues));
        return 1;
      }
      Object.assign(raw, target.key ? { key: target.key, version: target.version } : {});
    }
    const { db } = await ctx.db();
    if (asDraft) {
      const draft = await createDraft(db, { raw, key: target.key, version: target.version }, scope());
      ctx.say(msg("cliOutput.draftCreated", { ref: `${draft.key}@${draft.version}`, id: draft.id, count: draft.issues.length }));
      for (const line of issueLines(draft.issues)) ctx.err(`  ${line}`);
      return;
    }
    const outcome = await importDefinition(db, JSON.stringify(raw), file, { actor: cliActor() });
    ctx.say(importedMessage(outcome));
  },

  "definitions export": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["out"]);
    const ref = refArg(ctx);
    const out = optionalFlag(ctx.args, "out");
    if (!out) throw new UserError(msg("cli.missingOption", { name: "out" }), 2);
    const { db } = await ctx.db();
    const found = await loadByRef(db, ref, scope());
    if (extname(out).toLowerCase() === ".xlsx") writeFileSync(out, await definitionToXlsx(found.raw));
    else writeFileSync(out, `${JSON.stringify(found.raw, null, 2)}\n`);
    ctx.out(`${ref} → ${out}`); // no words to translate
  },

  /** Exit 0 and "no differences" when there are none, 1 when there are, 2 on trouble (an unknown or broken version). */
  "definitions diff": async (ctx) => {
    try {
      rejectUnknownFlags(ctx.args, []);
      const { db } = await ctx.db();
      const [a, b] = await Promise.all([loadByRef(db, refArg(ctx, 0), scope()), loadByRef(db, refArg(ctx, 1), scope())]);
      const pa = parseDefinition(a.raw);
      const pb = parseDefinition(b.raw);
      for (const [ref, p] of [[refArg(ctx, 0), pa], [refArg(ctx, 1), pb]] as const) {
        if (!p.ok) {
          printProblems(ctx, ref, issueLines(p.issues));
          return 2;
        }
      }
      if (!pa.ok || !pb.ok) return 2;
      const diff = diffDefinitions(pa.definition, pb.definition);
      for (const line of diffLines(diff, pa.definition, pb.definition, locale())) ctx.out(line);
      return diff.same ? 0 : 1;
    } catch (e) {
      if (!isUserError(e)) throw e;
      ctx.err(`sipas: ${e.text(locale())}`);
      for (const d of e.detailTexts(locale())) ctx.err(`  ${d}`);
      return 2;
    }
  },

  /** Publishes the draft named key@version (refused while the validator finds a problem). */
  "definitions publish": async (ctx) => {
    rejectUnknownFlags(ctx.args, []);
    const ref = refArg(ctx);
    const { db } = await ctx.db();
    const found = await loadByRef(db, ref, scope());
    if (found.kind !== "draft") throw new UserError(msg("studio.notADraft", { id: found.id }), 409);
    const outcome = await publishDraft(db, found.id, { revision: found.draft.revision }, scope());
    ctx.say(msg("cliOutput.definitionPublished", { id: outcome.id, hash: outcome.hash }));
  },

  "definitions retire": async (ctx) => {
    rejectUnknownFlags(ctx.args, []);
    const ref = refArg(ctx);
    const { db } = await ctx.db();
    const found = await loadByRef(db, ref, scope());
    await retireVersion(db, found.id, cliActor());
    ctx.say(msg("cliOutput.definitionRetired", { id: found.id }));
  },

  "definitions list": async (ctx) => {
    rejectUnknownFlags(ctx.args, []);
    const { db } = await ctx.db();
    // Tab-separated data for scripts (id, status, hash, title), the same in both languages.
    for (const d of await listDefinitions(db)) ctx.out(`${d.id}\t${d.status}\t${d.content_hash.slice(0, 12)}\t${d.title_vi}`);
  },
};
