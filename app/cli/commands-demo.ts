import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { seedDemo, DEMO_ROUND_ID } from "../services/demo/seed.server";
import { formatCode } from "../domain/codes";
import { answerLinkSigner } from "../services/platform/signing.server";
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
    const password = result.admin.password ?? (fromEnv ? "(from SIPAS_ADMIN_PASSWORD)" : existsSync(PASSWORD_FILE) ? readFileSync(PASSWORD_FILE, "utf8").trim() : "(set when the admin was created)");
    ctx.out("");
    ctx.out("──────────────── SIPAS demo ────────────────");
    for (const d of result.definitions) ctx.out(`definition ${d.id}: ${d.status}`);
    ctx.out(`round "${DEMO_ROUND_ID}" ${result.roundCreated ? "created" : "ready"}`);
    ctx.out(`staff login: ${base}/staff/login   user: ${result.admin.username}   password: ${password}`);
    ctx.out("invitation codes (type one at the home page, or open the link):");
    const sign = await answerLinkSigner(db);
    for (const code of result.codes) ctx.out(`  ${formatCode(code)}   ${base}/s/${code}?k=${sign(code)}`);
    ctx.out("─────────────────────────────────────────────");
  },
};
