import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../../db/schema";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { getDefinition, resolveDefinitionRef } from "../definitions/versions.server";
import { parseRoundSettings, settingsChanges, type RoundSettings, type RoundSettingsField, type SettingsLock } from "../../domain/round-settings";
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
  helpContact?: string | null;
  units?: RoundUnitInput[];
  /** Another round whose units the new round starts with (the "pick" of the create page). */
  unitsFrom?: string | null;
  /** Who creates it (recorded in the audit trail): a staff user's id, or `cli:<user>`; absent only for test fixtures. */
  actor?: AuditActor;
}

const ROUND_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Ids that are pages under /staff/rounds/, so a round with one could never be opened. */
const RESERVED_IDS = new Set(["new"]);

/** The settings as the domain checks them; the first refusal is raised (the CLI's and the services' way). */
function checkedSettings(input: Partial<Record<RoundSettingsField, string | null | undefined>>): RoundSettings {
  const parsed = parseRoundSettings(Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v ?? ""])));
  if (parsed.ok) return parsed.value;
  const fields = Object.keys(parsed.errors) as RoundSettingsField[];
  throw new UserError(parsed.errors[fields[0]]!, 400, fields.slice(1).map((f) => parsed.errors[f]!));
}

export async function createRound(db: Kysely<Database>, input: CreateRoundInput): Promise<{ id: string; definitionId: string }> {
  const settings = checkedSettings({
    name: input.name,
    provinceCode: input.provinceCode,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    helpContact: input.helpContact,
  });
  const id = input.id?.trim() || newId().slice(0, 8);
  if (!ROUND_ID.test(id)) throw new UserError(msg("rounds.badId", { id }));
  if (RESERVED_IDS.has(id)) throw new UserError(msg("roundSetup.reservedId", { id }));
  const definitionId = await resolveDefinitionRef(db, input.definition);
  await db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom("rounds").select("id").where("id", "=", id).executeTakeFirst();
    if (clash) throw new UserError(msg("rounds.idTaken", { id }), 409);
    let units = input.units ?? [];
    if (input.unitsFrom) {
      const from = await trx.selectFrom("rounds").select("id").where("id", "=", input.unitsFrom).executeTakeFirst();
      if (!from) throw new UserError(msg("roundSetup.noSuchUnitsRound", { round: input.unitsFrom }), 404);
      const rows = await trx.selectFrom("round_units").selectAll().where("round_id", "=", input.unitsFrom).orderBy("code").execute();
      units = rows.map((u) => ({ code: u.code, name: u.name, level: u.level, parentCode: u.parent_code }));
    }
    await trx
      .insertInto("rounds")
      .values({
        id,
        definition_id: definitionId,
        name: settings.name,
        period_start: settings.periodStart,
        period_end: settings.periodEnd,
        province_code: settings.provinceCode,
        help_contact: settings.helpContact,
        status: "open",
        created_at: nowIso(),
        data_version: 0,
      })
      .execute();
    for (const u of units) {
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
        details: {
          name: settings.name,
          province: settings.provinceCode,
          from: settings.periodStart,
          to: settings.periodEnd,
          units: units.length,
          unitsFrom: input.unitsFrom ?? null,
        },
      });
    }
  });
  return { id, definitionId };
}

/**
 * Why a round's settings can no longer change, or null while they can. The period filters the frame and the
 * province decides who sees the round, so both are fixed once the sample is drawn or a code is out.
 */
export async function settingsLock(db: Kysely<Database>, roundId: string): Promise<SettingsLock | null> {
  const round = await db.selectFrom("rounds").select("status").where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new UserError(msg("rounds.unknown", { round: roundId }), 404);
  if (round.status !== "open") return "closed";
  if (await db.selectFrom("samples").select("id").where("round_id", "=", roundId).executeTakeFirst()) return "sampled";
  if (await db.selectFrom("invitations").select("code").where("round_id", "=", roundId).limit(1).executeTakeFirst()) return "codes";
  return null;
}

const LOCK_MESSAGES = { closed: "roundSetup.lockedClosed", sampled: "roundSetup.lockedSampled", codes: "roundSetup.lockedCodes" } as const;

export function settingsOf(round: Pick<Database["rounds"], "name" | "province_code" | "period_start" | "period_end" | "help_contact">): RoundSettings {
  return {
    name: round.name,
    provinceCode: round.province_code,
    periodStart: round.period_start,
    periodEnd: round.period_end,
    helpContact: round.help_contact,
  };
}

/**
 * Changes a round's name, province, period and help contact, refused once it is locked (see settingsLock). Returns
 * what changed (old → new per field), which the audit trail records; nothing is recorded when nothing changed.
 */
export async function updateRoundSettings(
  db: Kysely<Database>,
  roundId: string,
  input: Partial<Record<RoundSettingsField, string | null>>,
  actor: AuditActor
): Promise<Record<string, string | null>> {
  const settings = checkedSettings(input);
  return db.transaction().execute(async (trx) => {
    const lock = await settingsLock(trx, roundId);
    if (lock) throw new UserError(msg(LOCK_MESSAGES[lock], { round: roundId }), 409);
    const round = await trx.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
    const changes = settingsChanges(settingsOf(round), settings);
    if (Object.keys(changes).length === 0) return changes;
    await trx
      .updateTable("rounds")
      .set({
        name: settings.name,
        province_code: settings.provinceCode,
        period_start: settings.periodStart,
        period_end: settings.periodEnd,
        help_contact: settings.helpContact,
      })
      .where("id", "=", roundId)
      .execute();
    await recordAudit(trx, { actor, action: "round.edit", roundId, details: changes });
    return changes;
  });
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

/** Rounds the staff member may see that have units, with how many: what a new round can take its units from. */
export async function listUnitSources(db: Kysely<Database>, scope: StaffScope = { provinceCode: null }) {
  let query = db
    .selectFrom("rounds as r")
    .innerJoin("round_units as u", "u.round_id", "r.id")
    .select((eb) => ["r.id", "r.name", eb.fn.countAll<number>().as("units")])
    .groupBy(["r.id", "r.name", "r.created_at"])
    .orderBy("r.created_at", "desc")
    .orderBy("r.id");
  if (scope.provinceCode !== null) query = query.where("r.province_code", "=", scope.provinceCode);
  return (await query.execute()).map((r) => ({ id: r.id, name: r.name, units: Number(r.units) }));
}
