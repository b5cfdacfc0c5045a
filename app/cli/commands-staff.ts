import { UserError } from "../domain/errors";
import { msg } from "../domain/messages";
import { cliActor } from "../services/platform/audit.server";
import { createStaffUser, type StaffRole } from "../services/staff/accounts.server";
import { optionalFlag, rejectUnknownFlags, requireFlag } from "./args";
import type { Command } from "./main";

export const staffCommands: Record<string, Command> = {
  "staff create": async (ctx) => {
    rejectUnknownFlags(ctx.args, ["username", "role", "province", "name"]);
    // The password comes from the environment, not argv, so it is not left in shell history or `ps`.
    const password = process.env.SIPAS_NEW_PASSWORD;
    if (!password) throw new UserError(msg("cli.newPassword"), 2);
    const { db } = await ctx.db();
    const user = await createStaffUser(db, {
      username: requireFlag(ctx.args, "username"),
      role: requireFlag(ctx.args, "role") as StaffRole,
      provinceCode: optionalFlag(ctx.args, "province") ?? null,
      displayName: optionalFlag(ctx.args, "name"),
      password,
      actor: cliActor(),
    });
    const role = msg(`staff.role_${user.role}`);
    ctx.say(
      user.provinceCode
        ? msg("cliOutput.staffCreatedProvince", { username: user.username, role, province: user.provinceCode })
        : msg("cliOutput.staffCreated", { username: user.username, role }),
    );
  },
};
