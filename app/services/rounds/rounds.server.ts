import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../../db/schema";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { getDefinition, resolveDefinitionRef } from "../definitions/versions.server";
import { recordAudit, type AuditActor } from "../platform/audit.server";
import { newId, nowIso } from "../platform/ids-and-time.server";

export interface RoundUnitInput {
  code: string;
  name: string;
  level: "province" | "district" | "commune" | "agency";
  parentCode?: string | null;
}

export interface CreateRoundInput {
  definition: string; // key@version or key
  name: string;
  id?: string;
  periodStart?: string | null;
  periodEnd?: string | null;
  provinceCode?: string | null;
  units?: RoundUnitInput[];
  /** Who creates it (recorded in the audit trail); absent only for test fixtures. */
  actor?: AuditActor;
}

const ROUND_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export async function createRound(db: Kysely<Database>, input: CreateRoundInput): Promise<{ id: string; definitionId: string }> {
  const name = input.name.trim();
  if (!name) throw new UserError(msg("rounds.needsName"));
  const id = input.id ?? newId().slice(0, 8);
  if (!ROUND_ID.test(id)) throw new UserError(msg("rounds.badId", { id }));
  const definitionId = await resolveDefinitionRef(db, input.definition);
  for (const d of [input.periodStart, input.periodEnd]) {
    if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new UserError(msg("rounds.badDate", { date: d }));
  }
  await db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom("rounds").select("id").where("id", "=", id).executeTakeFirst();
    if (clash) throw new UserError(msg("rounds.idTaken", { id }), 409);
    await trx
      .insertInto("rounds")
      .values({
        id,
        definition_id: definitionId,
        name,
        period_start: input.periodStart ?? null,
        period_end: input.periodEnd ?? null,
        province_code: input.provinceCode ?? null,
        status: "open",
        created_at: nowIso(),
        data_version: 0,
      })
      .execute();
    for (const u of input.units ?? []) {
      await trx
        .insertInto("round_units")
        .values({ round_id: id, code: u.code, name: u.name, level: u.level, parent_code: u.parentCode ?? null })
        .execute();
    }
    if (input.actor) {
      await recordAudit(trx, {
        actor: input.actor,
        action: "round.create",
        roundId: id,
        target: definitionId,
        details: { name, province: input.provinceCode ?? null, from: input.periodStart ?? null, to: input.periodEnd ?? null },
      });
    }
  });
  return { id, definitionId };
}

export interface StaffScope {
  /** Null: sees every province. */
  provinceCode: string | null;
}

export interface RoundSummary {
  id: string;
  name: string;
  definitionId: string;
  provinceCode: string | null;
  status: string;
  periodStart: string | null;
  periodEnd: string | null;
  codes: number;
  drafts: number;
  submitted: number;
}

/** Rounds with their counts of codes, drafts and submissions, limited to what the staff member may see. */
export async function listRounds(db: Kysely<Database>, scope: StaffScope = { provinceCode: null }): Promise<RoundSummary[]> {
  let query = db
    .selectFrom("rounds as r")
    .select((eb) => [
      "r.id",
      "r.name",
      "r.definition_id",
      "r.province_code",
      "r.status",
      "r.period_start",
      "r.period_end",
      eb.selectFrom("invitations as i").whereRef("i.round_id", "=", "r.id").select(eb.fn.countAll<number>().as("n")).as("codes"),
      eb
        .selectFrom("responses as s")
        .whereRef("s.round_id", "=", "r.id")
        .where("s.status", "=", "draft")
        .select(eb.fn.countAll<number>().as("n"))
        .as("drafts"),
      eb
        .selectFrom("responses as s")
        .whereRef("s.round_id", "=", "r.id")
        .where("s.status", "=", "submitted")
        .select(eb.fn.countAll<number>().as("n"))
        .as("submitted"),
    ])
    .orderBy("r.created_at", "desc")
    .orderBy("r.id");
  if (scope.provinceCode !== null) query = query.where("r.province_code", "=", scope.provinceCode);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    definitionId: r.definition_id,
    provinceCode: r.province_code,
    status: r.status,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    codes: Number(r.codes ?? 0),
    drafts: Number(r.drafts ?? 0),
    submitted: Number(r.submitted ?? 0),
  }));
}

export async function getRound(db: Kysely<Database>, id: string, scope: StaffScope = { provinceCode: null }) {
  const round = await db.selectFrom("rounds").selectAll().where("id", "=", id).executeTakeFirst();
  // A round outside the staff member's province is reported exactly like a missing one.
  if (!round || (scope.provinceCode !== null && round.province_code !== scope.provinceCode)) {
    throw new UserError(msg("rounds.unknown", { round: id }), 404);
  }
  const units = await db.selectFrom("round_units").selectAll().where("round_id", "=", id).orderBy("code").execute();
  return { round, units, definition: await getDefinition(db, round.definition_id) };
}

export { sql };
