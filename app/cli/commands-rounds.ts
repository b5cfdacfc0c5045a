import { UserError } from "../domain/errors";
import { msg } from "../domain/messages";
import { issueCodes } from "../services/fieldwork/invitations.server";
import { cliActor } from "../services/platform/audit.server";
import { createRound, listRounds } from "../services/rounds/rounds.server";
import { optionalFlag, rejectUnknownFlags, requireFlag } from "./args";
import type { Command } from "./main";

const CHANNELS = ["paper", "link", "sms"] as const;

export const roundCommands: Record<string, Command> = {
  "rounds create": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["definition", "name", "id", "province", "from", "to", "contact"]);
    const { db } = await ctx.db();
    const round = await createRound(db, {
      definition: requireFlag(ctx.args, "definition"),
      name: requireFlag(ctx.args, "name"),
      id: optionalFlag(ctx.args, "id"),
      provinceCode: optionalFlag(ctx.args, "province") ?? null,
      periodStart: optionalFlag(ctx.args, "from") ?? null,
      periodEnd: optionalFlag(ctx.args, "to") ?? null,
      actor: cliActor(),
      helpContact: optionalFlag(ctx.args, "contact") ?? null,
    });
    // The id alone, in any language, so a script can take it: `round=$(sipas rounds create …)`.
    ctx.out(round.id);
  },
  "rounds list": async (ctx) => {
    rejectUnknownFlags(ctx.args, []);
    const { db } = await ctx.db();
    const rounds = await listRounds(db);
    // Tab-separated data under column keys, the same in both languages so scripts can read it.
    ctx.out(["id", "definition", "codes", "drafts", "submitted", "name"].join("\t"));
    for (const r of rounds) ctx.out([r.id, r.definitionId, r.codes, r.drafts, r.submitted, r.name].join("\t"));
  },
  "codes issue": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["round", "count", "channel", "unit"]);
    const countText = requireFlag(ctx.args, "count");
    if (!/^\d+$/.test(countText)) throw new UserError(msg("cli.wholeNumber", { name: "count", value: countText }), 2);
    const channel = optionalFlag(ctx.args, "channel") ?? "paper";
    if (!CHANNELS.includes(channel as (typeof CHANNELS)[number])) throw new UserError(msg("cli.oneOf", { name: "channel", choices: CHANNELS.join(", ") }), 2);
    const unit = optionalFlag(ctx.args, "unit") ?? null;
    const { db } = await ctx.db();
    const codes = await issueCodes(db, {
      roundId: requireFlag(ctx.args, "round"),
      count: Number(countText),
      channel: channel as (typeof CHANNELS)[number],
      unitCode: unit,
      stratum: unit,
      actor: cliActor(),
    });
    for (const code of codes) ctx.out(code); // one a line, nothing else: the output is fed to printing and mailing
  },
};
