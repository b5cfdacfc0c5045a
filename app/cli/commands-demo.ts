import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { seedDemo, DEMO_ROUND_ID } from "../services/demo/seed.server";
import { formatCode } from "../domain/codes";
import { answerLinkSigner } from "../services/platform/signing.server";
import { msg, render } from "../domain/messages";
import { rejectUnknownFlags } from "./args";
import type { Command } from "./main";

// Local convenience only: the demo admin's password, kept beside the SQLite file so that
// every `npm start` can print it again. Not used when SIPAS_ADMIN_PASSWORD is set.
const PASSWORD_FILE = "data/demo-admin-password.txt";

export const demoCommands: Record<string, Command> = {
  "demo seed": async (ctx) => {
    rejectUnknownFlags(ctx.args, []);
    const { db } = await ctx.db();
    const fromEnv = process.env.SIPAS_ADMIN_PASSWORD;
    const result = await seedDemo(db, { adminPassword: fromEnv, adminUsername: process.env.SIPAS_ADMIN_USERNAME });
    if (result.admin.created && result.admin.password && !fromEnv) {
      mkdirSync("data", { recursive: true });
      writeFileSync(PASSWORD_FILE, result.admin.password + "\n");
      chmodSync(PASSWORD_FILE, 0o600);
    }
    const port = process.env.PORT ?? "3000";
    const base = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
    const password =
      result.admin.password ??
      (fromEnv ? render(msg("cliOutput.demoPasswordFromEnv"), ctx.locale) : existsSync(PASSWORD_FILE) ? readFileSync(PASSWORD_FILE, "utf8").trim() : render(msg("cliOutput.demoPasswordUnknown"), ctx.locale));
    ctx.out("");
    ctx.out(`──────────────── ${render(msg("cliOutput.demoTitle"), ctx.locale)} ────────────────`);
    for (const d of result.definitions) ctx.say(msg(d.status === "imported" ? "cliOutput.demoDefinitionImported" : "cliOutput.demoDefinitionUnchanged", { id: d.id }));
    ctx.say(msg(result.roundCreated ? "cliOutput.demoRoundCreated" : "cliOutput.demoRoundReady", { round: DEMO_ROUND_ID }));
    ctx.say(msg("cliOutput.demoLogin", { url: `${base}/staff/login`, user: result.admin.username, password }));
    ctx.say(msg("cliOutput.demoCodes"));
    const sign = await answerLinkSigner(db);
    for (const code of result.codes) ctx.out(`  ${formatCode(code)}   ${base}/s/${code}?k=${sign(code)}`);
    ctx.out("─────────────────────────────────────────────");
  },
};
