import { sql, type Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { formatCode, normalizeCode } from "../../domain/codes";
import type { Locale } from "../../domain/definition/schema";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { OUTCOME_LABELS, REPLACEABLE_OUTCOMES, effectiveOutcome, isSettableOutcome, responseStatus, type Outcome } from "../../domain/fieldwork/outcomes";
import { adjustForNonResponse, type StratumAdjustment } from "../../domain/sampling";
import type { DashboardRow } from "../../domain/fieldwork/dashboard";
export { DASHBOARD_COLUMNS, type DashboardRow } from "../../domain/fieldwork/dashboard";
import { can, type StaffRole } from "../../domain/roles";
import { discardOtherUploads } from "./frame-uploads.server";
import { bumpDataVersion } from "../responses/store.server";
import { issueCodesFor, type PlanView } from "./sampling.server";
import { newId, nowIso } from "../platform/ids-and-time.server";
import { recordAudit, type AuditActor } from "../platform/audit.server";
import { answerLinkSigner } from "../platform/signing.server";

/** Who is asking: services that show personal data check the role themselves, not only the route. */
export interface Actor {
  id: string;
  role: StaffRole;
}

export function requireContacts(actor: Actor): void {
  if (!can(actor.role, "viewContacts")) throw new UserError(msg("fieldwork.noContactsRole"), 403);
}

async function requireSample(db: Kysely<Database>, roundId: string) {
  const sample = await db.selectFrom("samples").selectAll().where("round_id", "=", roundId).executeTakeFirst();
  if (!sample) throw new UserError(msg("fieldwork.noSample", { round: roundId }), 409);
  return sample;
}

async function requireOpenRound(db: Kysely<Database>, roundId: string) {
  const round = await db.selectFrom("rounds").select(["status", "data_version"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new UserError(msg("rounds.unknown", { round: roundId }), 404);
  if (round.status !== "open") throw new UserError(msg("rounds.closed", { round: roundId }), 409);
  return round;
}

/** Stratum key → readable label, from the plan shown at the draw (multi-stage strata are units). */
function strataLabels(plan: PlanView, unitNames: Map<string, string>): (key: string) => string {
  const labels = new Map(plan.strata.map((s) => [s.key, s.label]));
  return (key) => labels.get(key) ?? (unitNames.has(key) ? `${unitNames.get(key)} (${key})` : key);
}

// ---------------------------------------------------------------------------------------------
// The people in the field

export interface FieldUnit {
  personId: string;
  code: string;
  stratum: string;
  stratumLabel: string;
  unitCode: string;
  role: "sample" | "reserve";
  position: number;
  outcome: Outcome;
  entryMode: "online" | "paper" | "import" | null;
  designWeight: number;
  adjustedWeight: number | null;
  replacesCode: string | null;
  replacedByCode: string | null;
  contact: { name: string; phone: string | null; address: string | null } | null;
}

export interface FieldUnitQuery {
  outcome?: Outcome | "replaceable" | "all";
  /** A code (any spelling) or part of a name (names only with the contacts permission). */
  search?: string;
  page?: number;
  pageSize?: number;
}

/** Sampled persons and replacements in use, with their outcome; contacts only for roles that may see them. */
export async function listFieldUnits(db: Kysely<Database>, roundId: string, actor: Actor, query: FieldUnitQuery = {}) {
  const sample = await requireSample(db, roundId);
  const withContacts = can(actor.role, "viewContacts");
  const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 500);
  const page = Math.max(query.page ?? 1, 1);
  let q = baseFieldQuery(db, sample.id);
  const search = query.search?.trim();
  if (search) {
    const code = normalizeCode(search);
    if (code.ok) q = q.where("su.invitation_code", "=", code.code);
    else if (withContacts) {
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("frame_contacts as fc")
            .select("fc.person_id")
            .whereRef("fc.person_id", "=", "su.person_id")
            .where(sql`lower(fc.name)`, "like", `%${search.toLowerCase().replace(/[%_]/g, "")}%`)
        )
      );
    } else q = q.where("su.invitation_code", "=", search.toUpperCase());
  }
  const outcome = query.outcome ?? "all";
  if (outcome === "returned") q = q.where("r.id", "is not", null);
  else if (outcome === "replaceable")
    q = q
      .where("r.id", "is", null)
      .where("su.outcome", "in", [...REPLACEABLE_OUTCOMES])
      .where(notReplaced);
  else if (outcome !== "all") q = q.where("r.id", "is", null).where("su.outcome", "=", outcome);
  const total = Number(
    (
      await q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirst()
    )?.n ?? 0
  );
  const rows = await q
    .orderBy("su.stratum")
    .orderBy("su.role", "desc")
    .orderBy("su.position")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const units = await toFieldUnits(db, roundId, sample, rows, withContacts);
  return { units, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The unit is the end of its chain: nobody replaces it. */
const notReplaced = sql<boolean>`not exists (select 1 from sample_units nx where nx.sample_id = su.sample_id and nx.replaces_person_id = su.person_id)`;

function baseFieldQuery(db: Kysely<Database>, sampleId: string) {
  return db
    .selectFrom("sample_units as su")
    .innerJoin("frame_persons as fp", "fp.id", "su.person_id")
    .leftJoin("responses as r", (j) => j.onRef("r.invitation_code", "=", "su.invitation_code").on("r.status", "=", "submitted"))
    .select([
      "su.person_id",
      "su.invitation_code",
      "su.stratum",
      "su.role",
      "su.position",
      "su.outcome",
      "su.design_weight",
      "su.adjusted_weight",
      "su.replaces_person_id",
      "fp.unit_code",
      "r.id as response_id",
      "r.entry_mode",
    ])
    .where("su.sample_id", "=", sampleId)
    .where("su.invitation_code", "is not", null);
}

type FieldRow = Awaited<ReturnType<ReturnType<typeof baseFieldQuery>["execute"]>>[number];

async function toFieldUnits(
  db: Kysely<Database>,
  roundId: string,
  sample: { id: string; plan: string },
  rows: FieldRow[],
  withContacts: boolean
): Promise<FieldUnit[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.person_id);
  const replacedIds = rows.map((r) => r.replaces_person_id).filter((x): x is string => !!x);
  const [contacts, replacedBy, replaces, units] = await Promise.all([
    withContacts
      ? db.selectFrom("frame_contacts").select(["person_id", "name", "phone", "address"]).where("person_id", "in", ids).execute()
      : Promise.resolve([]),
    db
      .selectFrom("sample_units")
      .select(["replaces_person_id", "invitation_code"])
      .where("sample_id", "=", sample.id)
      .where("replaces_person_id", "in", ids)
      .execute(),
    replacedIds.length
      ? db
          .selectFrom("sample_units")
          .select(["person_id", "invitation_code"])
          .where("sample_id", "=", sample.id)
          .where("person_id", "in", replacedIds)
          .execute()
      : Promise.resolve([]),
    db.selectFrom("round_units").select(["code", "name"]).where("round_id", "=", roundId).execute(),
  ]);
  const contactOf = new Map(contacts.map((c) => [c.person_id, c]));
  const byReplaced = new Map(replacedBy.map((r) => [r.replaces_person_id!, r.invitation_code]));
  const codeOf = new Map(replaces.map((r) => [r.person_id, r.invitation_code]));
  const labels = strataLabels(JSON.parse(sample.plan) as PlanView, new Map(units.map((u) => [u.code, u.name])));
  return rows.map((r) => {
    const c = contactOf.get(r.person_id);
    return {
      personId: r.person_id,
      code: r.invitation_code!,
      stratum: r.stratum,
      stratumLabel: labels(r.stratum),
      unitCode: r.unit_code,
      role: r.role,
      position: Number(r.position),
      outcome: effectiveOutcome(r.outcome, r.response_id !== null),
      entryMode: r.entry_mode ?? null,
      designWeight: Number(r.design_weight),
      adjustedWeight: r.adjusted_weight === null ? null : Number(r.adjusted_weight),
      replacesCode: r.replaces_person_id ? codeOf.get(r.replaces_person_id) ?? null : null,
      replacedByCode: byReplaced.get(r.person_id) ?? null,
      contact: withContacts ? { name: c?.name ?? "", phone: c?.phone ?? null, address: c?.address ?? null } : null,
    };
  });
}

async function unitByCode(db: Kysely<Database>, roundId: string, rawCode: string) {
  const check = normalizeCode(rawCode);
  if (!check.ok) throw new UserError(msg("fieldwork.notACode", { code: rawCode }));
  const unit = await db
    .selectFrom("sample_units as su")
    .leftJoin("responses as r", (j) => j.onRef("r.invitation_code", "=", "su.invitation_code").on("r.status", "=", "submitted"))
    .select(["su.sample_id", "su.person_id", "su.outcome", "su.replacement_group", "su.stratum", "su.design_weight", "r.id as response_id"])
    .where("su.round_id", "=", roundId)
    .where("su.invitation_code", "=", check.code)
    .executeTakeFirst();
  if (!unit) throw new UserError(msg("fieldwork.noPersonWithCode", { code: formatCode(check.code) }), 404);
  const replacement = await db
    .selectFrom("sample_units")
    .select("invitation_code")
    .where("sample_id", "=", unit.sample_id)
    .where("replaces_person_id", "=", unit.person_id)
    .executeTakeFirst();
  return { ...unit, code: check.code, replacedBy: replacement ? replacement.invitation_code ?? "…" : null };
}

/** Records what happened to an invitation: sent, refused, unreachable, invalid (or back to not sent). */
export async function setOutcome(db: Kysely<Database>, input: { roundId: string; code: string; outcome: string; actor?: AuditActor }): Promise<void> {
  await requireOpenRound(db, input.roundId);
  const outcome = input.outcome;
  if (!isSettableOutcome(outcome)) {
    throw new UserError(msg("fieldwork.outcomeNotSettable", { outcome }));
  }
  const unit = await unitByCode(db, input.roundId, input.code);
  if (unit.response_id) throw new UserError(msg("fieldwork.alreadyReturned", { code: formatCode(unit.code) }), 409);
  if (unit.replacedBy) throw new UserError(msg("fieldwork.replacedStays", { code: formatCode(unit.code), by: formatCode(unit.replacedBy) }), 409);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("sample_units")
      .set({ outcome, updated_at: nowIso() })
      .where("sample_id", "=", unit.sample_id)
      .where("person_id", "=", unit.person_id)
      .execute();
    if (input.actor) {
      await recordAudit(trx, { actor: input.actor, action: "outcome.set", roundId: input.roundId, target: formatCode(unit.code), details: { outcome: input.outcome, was: unit.outcome } });
    }
  });
}

/** After the mail-merge file went out: every invitation not yet sent is marked sent. */
export async function markAllSent(db: Kysely<Database>, roundId: string, actor?: AuditActor): Promise<number> {
  await requireOpenRound(db, roundId);
  const sample = await requireSample(db, roundId);
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable("sample_units")
      .set({ outcome: "sent", updated_at: nowIso() })
      .where("sample_id", "=", sample.id)
      .where("invitation_code", "is not", null)
      .where("outcome", "=", "pending")
      .executeTakeFirst();
    const marked = Number(res.numUpdatedRows);
    if (actor) await recordAudit(trx, { actor, action: "outcome.set", roundId, target: null, details: { outcome: "sent", all_pending: marked } });
    return marked;
  });
}

export interface Replacement {
  replacedCode: string;
  code: string;
  personId: string;
  reserveOrder: number;
  weight: number;
}

/**
 * Replaces a refused, unreachable or invalid person by the next unused reserve person of the same
 * group (the stratum, or the village in a multi-stage sample). The replacement gets a code with
 * the slot's weight (ADR 011: substitution) and `replaces_person_id` keeps the chain.
 */
export async function replaceFromReserve(
  db: Kysely<Database>,
  input: { roundId: string; code: string; channel?: "paper" | "link" | "sms"; actor?: AuditActor }
): Promise<Replacement> {
  await requireOpenRound(db, input.roundId);
  const unit = await unitByCode(db, input.roundId, input.code);
  if (unit.response_id) throw new UserError(msg("fieldwork.nothingToReplace", { code: formatCode(unit.code) }), 409);
  if (!REPLACEABLE_OUTCOMES.includes(unit.outcome as Outcome)) {
    throw new UserError(msg("fieldwork.recordWhyFirst", { code: formatCode(unit.code), outcome: OUTCOME_LABELS[effectiveOutcome(unit.outcome, false)] }), 409);
  }
  if (unit.replacedBy) throw new UserError(msg("fieldwork.alreadyReplaced", { code: formatCode(unit.code), by: formatCode(unit.replacedBy) }), 409);

  for (let attempt = 0; attempt < 5; attempt++) {
    const next = await db
      .selectFrom("sample_units as su")
      .innerJoin("frame_persons as fp", "fp.id", "su.person_id")
      .select(["su.person_id", "su.position", "su.stratum", "su.design_weight", "su.psu", "su.fpc", "fp.unit_code"])
      .where("su.sample_id", "=", unit.sample_id)
      .where("su.role", "=", "reserve")
      .where("su.replacement_group", "=", unit.replacement_group)
      .where("su.replaces_person_id", "is", null)
      .orderBy("su.position")
      .executeTakeFirst();
    if (!next)
      throw new UserError(msg("fieldwork.reserveUsedUp", { group: unit.replacement_group ?? "—", code: formatCode(unit.code) }), 409);
    let claimed = 0;
    try {
      const res = await db
        .updateTable("sample_units")
        .set({ replaces_person_id: unit.person_id, updated_at: nowIso() })
        .where("sample_id", "=", unit.sample_id)
        .where("person_id", "=", next.person_id)
        .where("replaces_person_id", "is", null)
        .executeTakeFirst();
      claimed = Number(res.numUpdatedRows);
    } catch (e) {
      // The unique index on (sample, replaces_person_id): someone replaced this person a moment ago.
      if (/UNIQUE|duplicate key/i.test(String(e))) throw new UserError(msg("fieldwork.justReplaced", { code: formatCode(unit.code) }), 409);
      throw e;
    }
    if (claimed === 0) continue; // another replacement took this reserve person first
    const weight = Number(next.design_weight);
    const codes = await issueCodesFor(
      db,
      input.roundId,
      [{ personId: next.person_id, unitCode: next.unit_code, stratum: next.stratum, psu: next.psu, designWeight: weight, fpc: Number(next.fpc) }],
      input.channel ?? "paper"
    );
    const code = codes.get(next.person_id)!;
    await db
      .updateTable("sample_units")
      .set({ invitation_code: code })
      .where("sample_id", "=", unit.sample_id)
      .where("person_id", "=", next.person_id)
      .execute();
    if (input.actor) {
      await recordAudit(db, {
        actor: input.actor,
        action: "outcome.replace",
        roundId: input.roundId,
        target: formatCode(unit.code),
        details: { replaced_by: formatCode(code), reserve_order: Number(next.position), outcome: unit.outcome },
      });
    }
    return { replacedCode: unit.code, code, personId: next.person_id, reserveOrder: Number(next.position), weight };
  }
  throw new UserError(msg("fieldwork.reserveBusy"), 409);
}

/** The chain of replacements ending at (or starting from) a code: first sampled person first. */
export async function replacementChain(db: Kysely<Database>, roundId: string, rawCode: string): Promise<{ code: string; outcome: Outcome; role: string }[]> {
  const unit = await unitByCode(db, roundId, rawCode);
  const all = await db
    .selectFrom("sample_units as su")
    .leftJoin("responses as r", (j) => j.onRef("r.invitation_code", "=", "su.invitation_code").on("r.status", "=", "submitted"))
    .select(["su.person_id", "su.replaces_person_id", "su.invitation_code", "su.outcome", "su.role", "r.id as response_id"])
    .where("su.sample_id", "=", unit.sample_id)
    .where("su.replacement_group", "=", unit.replacement_group)
    .where("su.invitation_code", "is not", null)
    .execute();
  const byId = new Map(all.map((u) => [u.person_id, u]));
  const byReplaced = new Map(all.filter((u) => u.replaces_person_id).map((u) => [u.replaces_person_id!, u]));
  let head = byId.get(unit.person_id)!;
  while (head.replaces_person_id && byId.has(head.replaces_person_id)) head = byId.get(head.replaces_person_id)!;
  const chain = [];
  for (let u: (typeof all)[number] | undefined = head; u; u = byReplaced.get(u.person_id)) {
    chain.push({ code: u.invitation_code!, outcome: effectiveOutcome(u.outcome, u.response_id !== null), role: u.role });
  }
  return chain;
}

// ---------------------------------------------------------------------------------------------
// Dashboard

export interface Dashboard {
  rows: DashboardRow[];
  total: DashboardRow;
  dataVersion: number;
  generatedAt: string;
  sample: { id: string; drawnAt: string; seed: string } | null;
}

const sum = (cond: string) => sql<number>`sum(case when ${sql.raw(cond)} then 1 else 0 end)`;

/** Per stratum: frame size, sampled, sent, returned, response rate, replacements, keyed, verified; read live. */
export async function fieldworkDashboard(db: Kysely<Database>, roundId: string): Promise<Dashboard> {
  const round = await db.selectFrom("rounds").select(["data_version"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new UserError(msg("rounds.unknown", { round: roundId }), 404);
  const sample = await db.selectFrom("samples").selectAll().where("round_id", "=", roundId).executeTakeFirst();
  const empty = (stratum: string, label: string): DashboardRow => ({
    stratum,
    label,
    frameSize: 0,
    sampled: 0,
    sent: 0,
    returned: 0,
    returnedOnline: 0,
    returnedPaper: 0,
    refused: 0,
    unreachable: 0,
    invalid: 0,
    replacements: 0,
    responseRate: null,
    keyed: 0,
    verified: 0,
  });
  if (!sample) {
    const frame = await db
      .selectFrom("frame_persons")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("round_id", "=", roundId)
      .executeTakeFirst();
    const total = { ...empty("", "Σ"), frameSize: Number(frame?.n ?? 0) };
    return { rows: [], total, dataVersion: Number(round.data_version), generatedAt: nowIso(), sample: null };
  }
  const rows = await db
    .selectFrom("sample_units as su")
    .leftJoin("responses as r", (j) => j.onRef("r.invitation_code", "=", "su.invitation_code").on("r.status", "=", "submitted"))
    .select([
      "su.stratum",
      sum("su.role = 'sample'").as("sampled"),
      sum("su.role = 'reserve'").as("replacements"),
      sum("r.id is not null or su.outcome <> 'pending'").as("sent"),
      sum("r.id is not null").as("returned"),
      sum("r.entry_mode = 'online'").as("online"),
      sum("r.entry_mode = 'paper'").as("paper"),
      sum("r.id is null and su.outcome = 'refused'").as("refused"),
      sum("r.id is null and su.outcome = 'unreachable'").as("unreachable"),
      sum("r.id is null and su.outcome = 'invalid'").as("invalid"),
      sum("exists (select 1 from paper_entries pe where pe.invitation_code = su.invitation_code)").as("keyed"),
    ])
    .where("su.sample_id", "=", sample.id)
    .where("su.invitation_code", "is not", null)
    .groupBy("su.stratum")
    .execute();
  const plan = JSON.parse(sample.plan) as PlanView;
  const units = await db.selectFrom("round_units").select(["code", "name"]).where("round_id", "=", roundId).execute();
  const labels = strataLabels(plan, new Map(units.map((u) => [u.code, u.name])));
  const frameSize = new Map<string, number>([...plan.strata.map((s) => [s.key, s.frameSize] as const), ...Object.entries(plan.frameSizes ?? {})]);
  const byStratum = new Map(rows.map((r) => [r.stratum, r]));
  const keys = [...new Set([...frameSize.keys(), ...byStratum.keys()])].sort();
  const out: DashboardRow[] = keys.map((key) => {
    const r = byStratum.get(key);
    const row = empty(key, labels(key));
    row.frameSize = frameSize.get(key) ?? null;
    if (r) {
      row.sampled = Number(r.sampled);
      row.replacements = Number(r.replacements);
      row.sent = Number(r.sent);
      row.returned = Number(r.returned);
      row.returnedOnline = Number(r.online);
      row.returnedPaper = Number(r.paper);
      row.refused = Number(r.refused);
      row.unreachable = Number(r.unreachable);
      row.invalid = Number(r.invalid);
      row.keyed = Number(r.keyed);
      row.verified = Number(r.paper);
    }
    row.responseRate = row.sampled + row.replacements > 0 ? row.returned / (row.sampled + row.replacements) : null;
    return row;
  });
  const total = empty("", "Σ");
  total.frameSize = 0;
  for (const r of out) {
    for (const k of [
      "sampled",
      "sent",
      "returned",
      "returnedOnline",
      "returnedPaper",
      "refused",
      "unreachable",
      "invalid",
      "replacements",
      "keyed",
      "verified",
    ] as const)
      total[k] += r[k];
    total.frameSize = total.frameSize === null || r.frameSize === null ? null : total.frameSize + r.frameSize;
  }
  total.responseRate = total.sampled + total.replacements > 0 ? total.returned / (total.sampled + total.replacements) : null;
  return {
    rows: out,
    total,
    dataVersion: Number(round.data_version),
    generatedAt: nowIso(),
    sample: { id: sample.id, drawnAt: sample.created_at, seed: sample.seed },
  };
}

// ---------------------------------------------------------------------------------------------
// Non-response adjustment

export interface AdjustmentView {
  strata: (StratumAdjustment & { label: string; adjustedWeight: number | null; designWeight: number | null })[];
  unrepresentedStrata: string[];
  unrepresentedWeight: number;
  eligibleWeight: number;
  respondents: number;
  applied: { at: string; by: string; stale: boolean } | null;
}

/**
 * The weighting-class adjustment (classes = strata) over the slots of the sample: each sampled
 * person, or the last replacement in its chain (a replaced person is represented by its
 * replacement, so substitution and adjustment never both apply to one slot).
 */
async function computeAdjustment(db: Kysely<Database>, roundId: string) {
  const sample = await requireSample(db, roundId);
  const rows = await db
    .selectFrom("sample_units as su")
    .leftJoin("responses as r", (j) => j.onRef("r.invitation_code", "=", "su.invitation_code").on("r.status", "=", "submitted"))
    .select(["su.person_id", "su.stratum", "su.design_weight", "su.outcome", "su.invitation_code", "r.id as response_id"])
    .where("su.sample_id", "=", sample.id)
    .where("su.invitation_code", "is not", null)
    .where(notReplaced)
    .execute();
  const adjustment = adjustForNonResponse(
    rows.map((r) => ({
      id: r.person_id,
      stratum: r.stratum,
      designWeight: Number(r.design_weight),
      status: responseStatus(effectiveOutcome(r.outcome, r.response_id !== null)),
    }))
  );
  const codeOf = new Map(rows.map((r) => [r.person_id, r.invitation_code!]));
  return { sample, adjustment, codeOf };
}

export async function previewAdjustment(db: Kysely<Database>, roundId: string): Promise<AdjustmentView> {
  const { sample, adjustment } = await computeAdjustment(db, roundId);
  const units = await db.selectFrom("round_units").select(["code", "name"]).where("round_id", "=", roundId).execute();
  const labels = strataLabels(JSON.parse(sample.plan) as PlanView, new Map(units.map((u) => [u.code, u.name])));
  const round = await db.selectFrom("rounds").select("data_version").where("id", "=", roundId).executeTakeFirstOrThrow();
  const by = sample.adjusted_by ? await db.selectFrom("staff_users").select("display_name").where("id", "=", sample.adjusted_by).executeTakeFirst() : undefined;
  const weights = new Map<string, number>();
  for (const u of adjustment.units) if (!weights.has(u.stratum)) weights.set(u.stratum, u.designWeight);
  return {
    strata: adjustment.strata.map((s) => {
      const w = weights.get(s.stratum) ?? null;
      return { ...s, label: labels(s.stratum), designWeight: w, adjustedWeight: w !== null && s.factor !== null ? w * s.factor : null };
    }),
    unrepresentedStrata: adjustment.unrepresentedStrata.map((k) => labels(k)),
    unrepresentedWeight: adjustment.unrepresentedWeight,
    eligibleWeight: adjustment.eligibleWeight,
    respondents: adjustment.units.filter((u) => u.status === "respondent").length,
    applied: sample.adjusted_at
      ? { at: sample.adjusted_at, by: by?.display_name ?? sample.adjusted_by ?? "", stale: Number(sample.adjusted_data_version) !== Number(round.data_version) }
      : null,
  };
}

/**
 * Writes the adjusted weights: to the sampled persons, to the respondents' invitations and to
 * their responses; then moves the round's data version on so cached indices are recomputed.
 */
export async function applyAdjustment(db: Kysely<Database>, roundId: string, userId: string): Promise<AdjustmentView> {
  await requireOpenRound(db, roundId);
  const { sample, adjustment, codeOf } = await computeAdjustment(db, roundId);
  if (!adjustment.units.some((u) => u.status === "respondent")) throw new UserError(msg("fieldwork.nothingToAdjust"), 409);
  // Group by weight so a round of 36,000 respondents is a few hundred statements, not 100,000.
  const groups = new Map<number, { persons: string[]; codes: string[] }>();
  for (const u of adjustment.units) {
    const g = groups.get(u.adjustedWeight) ?? { persons: [], codes: [] };
    g.persons.push(u.id);
    if (u.status === "respondent") g.codes.push(codeOf.get(u.id)!);
    groups.set(u.adjustedWeight, g);
  }
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("sample_units").set({ adjusted_weight: null }).where("sample_id", "=", sample.id).execute();
    for (const [weight, g] of groups) {
      for (let i = 0; i < g.persons.length; i += 500) {
        await trx
          .updateTable("sample_units")
          .set({ adjusted_weight: weight })
          .where("sample_id", "=", sample.id)
          .where("person_id", "in", g.persons.slice(i, i + 500))
          .execute();
      }
      for (let i = 0; i < g.codes.length; i += 500) {
        const codes = g.codes.slice(i, i + 500);
        await trx.updateTable("invitations").set({ weight }).where("code", "in", codes).execute();
        await trx.updateTable("responses").set({ weight, updated_at: now }).where("invitation_code", "in", codes).where("status", "=", "submitted").execute();
      }
    }
    await bumpDataVersion(trx, roundId);
    const round = await trx.selectFrom("rounds").select("data_version").where("id", "=", roundId).executeTakeFirstOrThrow();
    await trx
      .updateTable("samples")
      .set({
        adjustment: JSON.stringify({
          strata: adjustment.strata,
          unrepresentedStrata: adjustment.unrepresentedStrata,
          unrepresentedWeight: adjustment.unrepresentedWeight,
        }),
        adjusted_at: now,
        adjusted_by: userId,
        adjusted_data_version: Number(round.data_version),
      })
      .where("id", "=", sample.id)
      .execute();
    await recordAudit(trx, { actor: userId, action: "weights.adjust", roundId, details: { strata: adjustment.strata.length, data_version: Number(round.data_version) } });
  });
  return previewAdjustment(db, roundId);
}

// ---------------------------------------------------------------------------------------------
// Closing a round: contacts are purged, and the purge is recorded

export interface ContactPurge {
  id: string;
  purgedAt: string;
  purgedBy: string;
  rowsPurged: number;
}

export async function closeRoundAndPurge(db: Kysely<Database>, roundId: string, actor: Actor): Promise<ContactPurge> {
  if (!can(actor.role, "closeRound")) throw new UserError(msg("fieldwork.noCloseRole"), 403);
  const id = newId();
  const now = nowIso();
  let rowsPurged = 0;
  await db.transaction().execute(async (trx) => {
    const closed = await trx.updateTable("rounds").set({ status: "closed" }).where("id", "=", roundId).where("status", "=", "open").executeTakeFirst();
    if (Number(closed.numUpdatedRows) === 0) {
      const exists = await trx.selectFrom("rounds").select("id").where("id", "=", roundId).executeTakeFirst();
      throw new UserError(exists ? msg("rounds.alreadyClosed", { round: roundId }) : msg("rounds.unknown", { round: roundId }), exists ? 409 : 404);
    }
    const purged = await trx.deleteFrom("frame_contacts").where("round_id", "=", roundId).executeTakeFirst();
    rowsPurged = Number(purged.numDeletedRows);
    // Rows left out of a valid-only import hold names and phone numbers too.
    await trx.deleteFrom("frame_rejected_rows").where("round_id", "=", roundId).execute();
    await trx.insertInto("contact_purges").values({ id, round_id: roundId, purged_at: now, purged_by: actor.id, rows_purged: rowsPurged }).execute();
    // Two records of one act: the round's state changed, and personal data was destroyed (each is looked for on its own).
    await recordAudit(trx, { actor: actor.id, action: "round.close", roundId });
    await recordAudit(trx, { actor: actor.id, action: "contacts.purge", roundId, target: id, details: { rows: rowsPurged } });
  });
  await discardOtherUploads(db, roundId, null);
  return { id, purgedAt: now, purgedBy: actor.id, rowsPurged };
}

/** How many persons of the round's frame still have contact details (what closing would purge). */
export async function countContacts(db: Kysely<Database>, roundId: string): Promise<number> {
  const row = await db
    .selectFrom("frame_contacts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("round_id", "=", roundId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listContactPurges(db: Kysely<Database>, roundId: string): Promise<ContactPurge[]> {
  const rows = await db
    .selectFrom("contact_purges as p")
    .leftJoin("staff_users as s", "s.id", "p.purged_by")
    .select(["p.id", "p.purged_at", "p.purged_by", "p.rows_purged", "s.display_name"])
    .where("p.round_id", "=", roundId)
    .orderBy("p.purged_at")
    .execute();
  return rows.map((r) => ({ id: r.id, purgedAt: r.purged_at, purgedBy: r.display_name ?? r.purged_by, rowsPurged: Number(r.rows_purged) }));
}

// ---------------------------------------------------------------------------------------------
// Mail merge

export const MAIL_MERGE_HEADER = ["ma_khao_sat", "duong_dan", "ho_ten", "so_dien_thoai", "dia_chi", "ma_don_vi", "don_vi", "tinh_trang", "thay_the_cho"];

/**
 * Rows for a mail merge or SMS tool: one per invitation in the field (sampled persons and the
 * replacements in use), with name, contact, code and link. Personal data: the caller's role is checked.
 */
export async function* mailMergeRows(
  db: Kysely<Database>,
  roundId: string,
  actor: Actor,
  options: { baseUrl: string; only?: "pending" | "all"; locale?: Locale }
): AsyncGenerator<(string | null)[]> {
  requireContacts(actor);
  const sample = await requireSample(db, roundId);
  // Recorded as the file starts: who took contact details, whether or not they read it to the end.
  await recordAudit(db, { actor: actor.id, action: "invitations.mail_merge", roundId, details: { only: options.only ?? "all" } });
  const units = new Map((await db.selectFrom("round_units").select(["code", "name"]).where("round_id", "=", roundId).execute()).map((u) => [u.code, u.name]));
  const base = options.baseUrl.replace(/\/+$/, "");
  const sign = await answerLinkSigner(db);
  let after = "";
  for (;;) {
    let q = db
      .selectFrom("sample_units as su")
      .innerJoin("frame_persons as fp", "fp.id", "su.person_id")
      .leftJoin("frame_contacts as fc", "fc.person_id", "su.person_id")
      .leftJoin("responses as r", (j) => j.onRef("r.invitation_code", "=", "su.invitation_code").on("r.status", "=", "submitted"))
      .leftJoin("sample_units as rep", (j) => j.onRef("rep.sample_id", "=", "su.sample_id").onRef("rep.person_id", "=", "su.replaces_person_id"))
      .select([
        "su.invitation_code",
        "su.outcome",
        "fp.unit_code",
        "fc.name",
        "fc.phone",
        "fc.address",
        "r.id as response_id",
        "rep.invitation_code as replaces_code",
      ])
      .where("su.sample_id", "=", sample.id)
      .where("su.invitation_code", "is not", null)
      .where("su.invitation_code", ">", after)
      .orderBy("su.invitation_code")
      .limit(2000);
    if (options.only === "pending") q = q.where("su.outcome", "=", "pending").where("r.id", "is", null);
    const rows = await q.execute();
    if (rows.length === 0) return;
    for (const r of rows) {
      const code = r.invitation_code!;
      const outcome = effectiveOutcome(r.outcome, r.response_id !== null);
      yield [
        formatCode(code),
        `${base}/s/${code}?k=${sign(code)}`,
        r.name,
        r.phone,
        r.address,
        r.unit_code,
        units.get(r.unit_code) ?? null,
        OUTCOME_LABELS[outcome][options.locale ?? "vi"],
        r.replaces_code ? formatCode(r.replaces_code) : null,
      ];
    }
    after = rows[rows.length - 1].invitation_code!;
  }
}
