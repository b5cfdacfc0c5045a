import { createWriteStream, renameSync, rmSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { UserError } from "../domain/errors";
import { localeFrom, msg, render } from "../domain/messages";
import { auditDownload, cliActor, recordExport, type AuditFilter } from "../services/platform/audit.server";
import { auditXlsx } from "../services/platform/audit-xlsx.server";
import { writeXlsxFile } from "../services/platform/xlsx-download.server";
import { formatFlag, optionalFlag, rejectUnknownFlags } from "./args";
import type { Command } from "./main";

/** `--since 2026-12-01` (a Vietnam calendar day) or `--since 2026-12-01T03:00:00Z` (an instant). */
function sinceFilter(since: string | undefined): Pick<AuditFilter, "from" | "since"> {
  if (!since) return {};
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) return { from: since };
  const ms = Date.parse(since);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(since) || Number.isNaN(ms)) throw new UserError(msg("audit.badDate", { date: since }), 2);
  return { since: new Date(ms).toISOString() };
}

export const auditCommands: Record<string, Command> = {
  "audit export": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["round", "since", "out", "format"]);
    const out = optionalFlag(ctx.args, "out");
    if (!out || ctx.args.positional.length) throw new UserError(msg("audit.cliUsage"), 2);
    const format = formatFlag(ctx.args);
    const roundId = optionalFlag(ctx.args, "round");
    const filter: AuditFilter = { roundId, ...sinceFilter(optionalFlag(ctx.args, "since")) };
    const { db } = await ctx.db();
    const locale = localeFrom(process.env.SIPAS_LANG);
    const download = format === "xlsx" ? await auditXlsx(db, filter, locale) : await auditDownload(db, filter, locale);
    if ("sheet" in download) await writeXlsxFile(download, out);
    else {
      // Through a temporary name, so a failed export leaves no half file.
      const part = `${out}.part`;
      try {
        await pipeline(Readable.from(download.chunks()), createWriteStream(part));
        renameSync(part, out);
      } catch (e) {
        rmSync(part, { force: true });
        throw e;
      }
    }
    await recordExport(db, { actor: cliActor(), kind: "audit", roundId: roundId ?? null, details: { out, format, since: optionalFlag(ctx.args, "since") ?? null } });
    ctx.out(render(msg("audit.wrote", { count: download.totalRows, file: out }), localeFrom(process.env.SIPAS_LANG)));
  },
};
