import type { Kysely } from "kysely";
import { randomBytes } from "node:crypto";
import type { Database } from "../../../db/schema";
import { importShippedDefinitions } from "../definitions/shipped-files.server";
import { issueCodes } from "../fieldwork/invitations.server";
import { createRound, type RoundUnitInput } from "../rounds/rounds.server";
import { passwordProblems } from "../../domain/password-policy";
import { cliActor } from "../platform/audit.server";
import { countStaffUsers, createStaffUser } from "../staff/accounts.server";

export const DEMO_ROUND_ID = "demo";
export const DEMO_DEFINITION = "sipas-2022@2";

/** A province and three districts: enough to see results per unit. */
export const DEMO_UNITS: RoundUnitInput[] = [
  { code: "P01", name: "Tỉnh Minh Họa", level: "province" },
  { code: "D01", name: "Huyện Đông Sơn", level: "district", parentCode: "P01" },
  { code: "D02", name: "Huyện Tây Hòa", level: "district", parentCode: "P01" },
  { code: "D03", name: "Thành phố Bắc Giang Minh Họa", level: "district", parentCode: "P01" },
];

export interface DemoSeedResult {
  definitions: { id: string; status: string }[];
  roundCreated: boolean;
  admin: { username: string; password: string | null; created: boolean };
  codes: string[];
}

/**
 * Makes the demo ready to answer: shipped definitions, round `demo` on sipas-2022, a first
 * admin, and a few unused codes. Safe to run at every start.
 */
export async function seedDemo(
  db: Kysely<Database>,
  opts: { adminPassword?: string; adminUsername?: string; codes?: number } = {},
): Promise<DemoSeedResult> {
  const definitions = (await importShippedDefinitions(db)).map((d) => ({ id: d.id, status: d.status }));

  let roundCreated = false;
  const round = await db.selectFrom("rounds").select("id").where("id", "=", DEMO_ROUND_ID).executeTakeFirst();
  if (!round) {
    await createRound(db, {
      id: DEMO_ROUND_ID,
      definition: DEMO_DEFINITION,
      name: "SIPAS 2022 – đợt minh họa (demo)",
      periodStart: "2022-08-01",
      periodEnd: "2022-10-31",
      provinceCode: "P01",
      units: DEMO_UNITS,
      actor: cliActor(),
    });
    roundCreated = true;
  }

  const username = opts.adminUsername ?? "admin";
  let admin: DemoSeedResult["admin"] = { username, password: null, created: false };
  if ((await countStaffUsers(db)) === 0) {
    let password = opts.adminPassword ?? "";
    // A random password may, rarely, look like a common one: draw again.
    while (!opts.adminPassword && passwordProblems(password, username).length) password = randomBytes(9).toString("base64url");
    await createStaffUser(db, { username, password, displayName: "Quản trị viên", role: "admin", actor: cliActor() });
    admin = { username, password, created: true };
  }

  const wanted = opts.codes ?? 5;
  const unused = await db
    .selectFrom("invitations")
    .select("code")
    .where("round_id", "=", DEMO_ROUND_ID)
    .where("status", "=", "issued")
    .orderBy("created_at")
    .limit(wanted)
    .execute();
  const codes = unused.map((r) => r.code);
  const districts = DEMO_UNITS.filter((u) => u.level === "district");
  for (let i = codes.length; i < wanted; i++) {
    const unit = districts[i % districts.length];
    codes.push(...(await issueCodes(db, { roundId: DEMO_ROUND_ID, count: 1, channel: "link", unitCode: unit.code, stratum: unit.code, actor: cliActor() })));
  }
  return { definitions, roundCreated, admin, codes };
}
