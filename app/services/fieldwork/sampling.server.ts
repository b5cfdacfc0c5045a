import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { UserError } from "../../domain/errors";
import { msg, type Message } from "../../domain/messages";
import { describeStratum, stratumValueWords, type StratumDesign } from "../../domain/fieldwork/strata";
import {
  BUILTIN_STRATA,
  BUILTIN_STRATA_LABELS,
  SampleDesignSchema,
  toStratifiedDesign,
  type MultiStageDesignInput,
  type SampleDesign,
  type StratifiedDesignInput,
} from "../../domain/fieldwork/design";
import type { FrameMapping } from "../../domain/fieldwork/frame";
import type { Locale } from "../../domain/definition/schema";
import {
  MULTISTAGE_ALGORITHM,
  SAMPLING_ALGORITHM,
  SamplingError,
  drawMultiStage,
  drawSample,
  planMultiStage,
  planSample,
  type FrameUnit,
  type FrameValue,
  type MultiStageDesign,
  type SamplePlan,
  type StageUnit,
} from "../../domain/sampling";
import { issueCodes } from "./invitations.server";
import { discardOtherUploads } from "./frame-uploads.server";
import { newId, nowIso } from "../platform/ids-and-time.server";
import { recordAudit, type AuditActor } from "../platform/audit.server";

export interface StrataColumn {
  key: string;
  label: string;
  builtin: boolean;
}

/** Columns a design may stratify by: the built-in frame attributes, then the file's other columns. */
export async function listStrataColumns(db: Kysely<Database>, roundId: string, locale: Locale = "en"): Promise<StrataColumn[]> {
  const builtins = BUILTIN_STRATA.map((key) => ({ key, label: BUILTIN_STRATA_LABELS[key][locale], builtin: true }));
  return [...builtins, ...(await extraColumns(db, roundId)).map((key) => ({ key, label: key, builtin: false }))];
}

/** Unmapped columns of the file the current frame came from. */
async function extraColumns(db: Kysely<Database>, roundId: string): Promise<string[]> {
  const last = await db
    .selectFrom("frame_imports")
    .select(["headers", "mapping"])
    .where("round_id", "=", roundId)
    .where("status", "=", "imported")
    .orderBy("finished_at", "desc")
    .executeTakeFirst();
  if (!last) return [];
  const mapped = new Set(Object.values(JSON.parse(last.mapping) as FrameMapping));
  return (JSON.parse(last.headers) as string[]).filter((h, i) => h !== "" && !mapped.has(i) && !(BUILTIN_STRATA as readonly string[]).includes(h));
}

async function roundForSampling(db: Kysely<Database>, roundId: string) {
  const round = await db.selectFrom("rounds").select(["id", "status", "province_code"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new UserError(msg("rounds.unknown", { round: roundId }), 404);
  const units = await db.selectFrom("round_units").select(["code", "name", "level", "parent_code"]).where("round_id", "=", roundId).execute();
  return { round, units };
}

type UnitRow = { code: string; name: string; level: string; parent_code: string | null };

function districtOf(units: Map<string, UnitRow>, code: string): string | null {
  for (let u = units.get(code), guard = 0; u && guard < 16; u = u.parent_code ? units.get(u.parent_code) : undefined, guard++) {
    if (u.level === "district") return u.code;
  }
  return null;
}

interface FramePersonLite {
  id: string;
  unit: string;
  attributes: Record<string, FrameValue>;
}

/** The round's frame, read in pages by id, with the attributes asked for. */
async function loadFrame(db: Kysely<Database>, roundId: string, columns: readonly string[], units: Map<string, UnitRow>): Promise<FramePersonLite[]> {
  const needsExtra = columns.some((c) => !(BUILTIN_STRATA as readonly string[]).includes(c));
  const out: FramePersonLite[] = [];
  let after = "";
  for (;;) {
    const rows = await db
      .selectFrom("frame_persons")
      .select(["id", "unit_code", "unit_level", "service_field", "sex", "returned_on", ...(needsExtra ? (["extra"] as const) : [])])
      .where("round_id", "=", roundId)
      .where("id", ">", after)
      .orderBy("id")
      .limit(20_000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const extra = needsExtra ? (JSON.parse((r as { extra: string }).extra) as Record<string, string>) : {};
      const attributes: Record<string, FrameValue> = {};
      for (const c of columns) {
        attributes[c] =
          c === "level"
            ? r.unit_level
            : c === "unit"
            ? r.unit_code
            : c === "district"
            ? districtOf(units, r.unit_code)
            : c === "field"
            ? r.service_field
            : c === "sex"
            ? r.sex
            : c === "month"
            ? r.returned_on
              ? r.returned_on.slice(0, 7)
              : null
            : extra[c];
      }
      out.push({ id: r.id, unit: r.unit_code, attributes });
    }
    after = rows[rows.length - 1].id;
  }
  if (out.length === 0) throw new UserError(msg("sampling.noFrame", { round: roundId }), 409);
  return out;
}

function sampling<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    // The sampling module's messages are written for staff; they become ordinary user errors.
    if (e instanceof SamplingError) throw new UserError(e.what);
    throw e;
  }
}

function parseDesign(design: unknown): SampleDesign {
  const parsed = SampleDesignSchema.safeParse(design);
  if (!parsed.success) {
    throw new UserError(
      msg("sampling.designInvalid"),
      400,
      parsed.error.issues.map((i) => `${i.path.join(".") || "design"}: ${i.message}`)
    );
  }
  return parsed.data;
}

export interface StratumView {
  key: string;
  label: string;
  frameSize: number;
  sampleSize: number;
  reserveSize: number;
  inclusionProbability: number;
  designWeight: number | null;
}

export interface MultiStageStageView {
  name: string;
  method: string;
  units: number;
  parents: number;
  requestedPerParent: number;
  takeAllParents: number;
}

export interface PlanView {
  kind: SampleDesign["kind"];
  frameSize: number;
  sampleSize: number;
  reserveSize: number;
  /** Σ π over every unit of the frame: equals the sample size (or its expectation for PPS). */
  sumOfProbabilities: number;
  strata: StratumView[];
  stages: MultiStageStageView[];
  probabilityRange: [number, number] | null;
  /** Multi-stage: persons in the frame per stratum (first-stage parent). */
  frameSizes?: Record<string, number>;
  warnings: Message[];
}

function labelValue(column: string, value: string, units: Map<string, UnitRow>, locale: Locale): string {
  return stratumValueWords(column, value, units, locale);
}

/**
 * Stratum keys of the round's sample in words, in the reader's language (the plan stored at the draw holds the
 * labels of the draw's language only).
 */
export async function stratumDescriber(db: Kysely<Database>, roundId: string, locale: Locale): Promise<(key: string) => string> {
  const [sample, units] = await Promise.all([
    db.selectFrom("samples").select("design").where("round_id", "=", roundId).executeTakeFirst(),
    db.selectFrom("round_units").select(["code", "name"]).where("round_id", "=", roundId).execute(),
  ]);
  const design = sample ? (JSON.parse(sample.design) as StratumDesign) : null;
  const byCode = new Map(units.map((u) => [u.code, u]));
  return (key) => describeStratum(key, design, byCode, locale);
}

function stratifiedView(plan: SamplePlan, strataBy: readonly string[], units: Map<string, UnitRow>, locale: Locale): PlanView {
  return {
    kind: "stratified",
    frameSize: plan.frameSize,
    sampleSize: plan.sampleSize,
    reserveSize: plan.reserveSize,
    sumOfProbabilities: plan.strata.reduce((s, h) => s + h.frameSize * h.inclusionProbability, 0),
    strata: plan.strata.map((h) => ({
      key: h.key,
      label: strataBy.length === 0 ? "—" : strataBy.map((c) => labelValue(c, h.values[c], units, locale)).join(" × "),
      frameSize: h.frameSize,
      sampleSize: h.sampleSize,
      reserveSize: h.reserveSize,
      inclusionProbability: h.inclusionProbability,
      designWeight: h.designWeight,
    })),
    stages: [],
    probabilityRange: null,
    warnings: plan.warnings,
  };
}

interface MultiStageBuild {
  design: MultiStageDesign;
  unitOf: Map<string, string>;
  districtsPerStratum: Map<string, number>;
  personsPerStratum: Record<string, number>;
}

/** The stages of a resident survey built from the frame: district → commune → (village) → person. */
function buildMultiStage(frame: FramePersonLite[], d: MultiStageDesignInput, units: Map<string, UnitRow>, fallbackStratum: string): MultiStageBuild {
  const districts = new Map<string, StageUnit>();
  const communes = new Map<string, StageUnit>();
  const villages = new Map<string, StageUnit>();
  const persons: StageUnit[] = [];
  const unitOf = new Map<string, string>();
  const personsPerStratum: Record<string, number> = {};
  const problems: Message[] = [];
  for (const p of frame) {
    const commune = units.get(p.unit);
    const district = commune?.parent_code ? units.get(commune.parent_code) : undefined;
    if (commune?.level !== "commune" || district?.level !== "district") {
      if (problems.length < 10) problems.push(msg("sampling.notACommune", { row: p.id, unit: p.unit }));
      continue;
    }
    const stratum = district.parent_code ?? fallbackStratum;
    bump(districts, district.code, stratum);
    bump(communes, commune.code, district.code);
    let parent = commune.code;
    if (d.villageColumn) {
      const v = p.attributes[d.villageColumn];
      if (v === null || v === undefined || String(v).trim() === "") {
        if (problems.length < 10) problems.push(msg("sampling.noVillageValue", { row: p.id, column: d.villageColumn }));
        continue;
      }
      parent = JSON.stringify([commune.code, String(v)]);
      bump(villages, parent, commune.code);
    }
    persons.push({ id: p.id, parentId: parent });
    unitOf.set(p.id, commune.code);
    personsPerStratum[stratum] = (personsPerStratum[stratum] ?? 0) + 1;
  }
  if (problems.length) throw new UserError(msg("sampling.frameNotMultistage"), 400, problems);
  const stages: MultiStageDesign["stages"][number][] = [
    { name: "district", units: [...districts.values()], method: d.district.method, select: d.district.select },
    { name: "commune", units: [...communes.values()], method: d.commune.method, select: d.commune.select },
  ];
  if (d.villageColumn && d.village) stages.push({ name: "village", units: [...villages.values()], method: d.village.method, select: d.village.select });
  stages.push({ name: "person", units: persons, method: "srs", select: d.person.select, reserve: d.person.reserve });
  const districtsPerStratum = new Map<string, number>();
  for (const u of districts.values()) districtsPerStratum.set(u.parentId, (districtsPerStratum.get(u.parentId) ?? 0) + 1);
  return { design: { stages }, unitOf, districtsPerStratum, personsPerStratum };
}

function bump(map: Map<string, StageUnit>, id: string, parentId: string) {
  const u = map.get(id);
  if (u) u.size = (u.size ?? 0) + 1;
  else map.set(id, { id, parentId, size: 1 });
}

function multiStageView(build: MultiStageBuild): PlanView {
  const plan = sampling(() => planMultiStage(build.design));
  const last = plan.stages[plan.stages.length - 1];
  let lo = Infinity;
  let hi = 0;
  let sum = 0;
  for (const u of last.units) {
    lo = Math.min(lo, u.inclusionProbability);
    hi = Math.max(hi, u.inclusionProbability);
    sum += u.inclusionProbability;
  }
  return {
    kind: "multistage",
    frameSize: last.units.length,
    sampleSize: Math.round(plan.expectedSampleSize),
    reserveSize: 0,
    sumOfProbabilities: sum,
    strata: [],
    stages: plan.stages.map((s, i) => ({
      name: s.name,
      method: s.method,
      units: s.units.length,
      parents: s.parents.length,
      requestedPerParent: Number(build.design.stages[i].select),
      takeAllParents: s.parents.filter((p) => p.takeAll).length,
    })),
    probabilityRange: last.units.length ? [lo, hi] : null,
    frameSizes: build.personsPerStratum,
    warnings: [],
  };
}

/** What staff see before drawing: stratum sizes, n_h, inclusion probabilities and weights. */
/** Labels of strata are in `locale`; a drawn sample keeps those of the person who drew it. */
/** With an actor, the plan shown is recorded (who looked at which design before drawing). */
export async function planRoundSample(db: Kysely<Database>, roundId: string, rawDesign: unknown, locale: Locale = "vi", actor?: AuditActor): Promise<PlanView> {
  const design = parseDesign(rawDesign);
  const { round, units } = await roundForSampling(db, roundId);
  const byCode = new Map(units.map((u) => [u.code, u]));
  let plan: PlanView;
  if (design.kind === "stratified") {
    await requireKnownColumns(db, roundId, design.strataBy);
    const frame = await loadFrame(db, roundId, design.strataBy, byCode);
    plan = stratifiedView(sampling(() => planSample(frame as FrameUnit[], toStratifiedDesign(design))), design.strataBy, byCode, locale);
  } else {
    if (design.villageColumn) await requireKnownColumns(db, roundId, [design.villageColumn]);
    const frame = await loadFrame(db, roundId, design.villageColumn ? [design.villageColumn] : [], byCode);
    plan = multiStageView(buildMultiStage(frame, design, byCode, round.province_code ?? "all"));
  }
  if (actor) await recordAudit(db, { actor, action: "sample.plan", roundId, details: { design: JSON.stringify(design).slice(0, 500), size: plan.sampleSize } });
  return plan;
}

async function requireKnownColumns(db: Kysely<Database>, roundId: string, columns: readonly string[]) {
  const known = new Set((await listStrataColumns(db, roundId)).map((c) => c.key));
  const unknown = columns.filter((c) => !known.has(c));
  if (unknown.length) throw new UserError(msg("sampling.unknownColumns", { columns: unknown.map((c) => `“${c}”`).join(", "), known: [...known].join(", ") }));
}

interface UnitToStore {
  personId: string;
  unitCode: string;
  stratum: string;
  role: "sample" | "reserve";
  position: number;
  inclusionProbability: number;
  designWeight: number;
  psu: string | null;
  fpc: number;
  replacementGroup: string;
}

export interface DrawResult {
  sampleId: string;
  seed: number;
  algorithm: string;
  sampled: number;
  reserve: number;
  codes: number;
  plan: PlanView;
}

/**
 * Draws the round's sample (once: a drawn sample is kept for audit) and gives every sampled
 * person a one-time code carrying stratum, PSU, design weight and FPC. Reserve persons get a code
 * when they replace someone.
 */
export async function drawRoundSample(
  db: Kysely<Database>,
  input: { roundId: string; design: unknown; seed: number; userId: string; locale?: Locale }
): Promise<DrawResult> {
  const design = parseDesign(input.design);
  if (!Number.isSafeInteger(input.seed) || input.seed < 0) throw new UserError(msg("sampling.badSeed", { max: String(Number.MAX_SAFE_INTEGER) }));
  const { round, units } = await roundForSampling(db, input.roundId);
  if (round.status !== "open") throw new UserError(msg("rounds.closed", { round: input.roundId }), 409);
  if (await db.selectFrom("samples").select("id").where("round_id", "=", input.roundId).executeTakeFirst()) {
    throw new UserError(msg("sampling.alreadyDrawn", { round: input.roundId }), 409);
  }
  const byCode = new Map(units.map((u) => [u.code, u]));
  let toStore: UnitToStore[];
  let plan: PlanView;
  let algorithm: string;
  if (design.kind === "stratified") {
    await requireKnownColumns(db, input.roundId, design.strataBy);
    const frame = await loadFrame(db, input.roundId, design.strataBy, byCode);
    const unitOf = new Map(frame.map((p) => [p.id, p.unit]));
    const drawn = sampling(() => drawSample(frame as FrameUnit[], toStratifiedDesign(design), input.seed));
    const N = new Map(drawn.plan.strata.map((h) => [h.key, h]));
    plan = stratifiedView(drawn.plan, design.strataBy, byCode, input.locale ?? "vi");
    algorithm = drawn.algorithm;
    toStore = [
      ...drawn.sample.map((u) => ({
        personId: u.id,
        unitCode: unitOf.get(u.id)!,
        stratum: u.stratum,
        role: "sample" as const,
        position: u.drawOrder,
        inclusionProbability: u.inclusionProbability,
        designWeight: u.designWeight,
        psu: null,
        fpc: N.get(u.stratum)!.frameSize,
        replacementGroup: u.stratum,
      })),
      ...drawn.reserve.map((u) => ({
        personId: u.id,
        unitCode: unitOf.get(u.id)!,
        stratum: u.stratum,
        role: "reserve" as const,
        position: u.reserveOrder,
        inclusionProbability: N.get(u.stratum)!.inclusionProbability,
        designWeight: u.designWeight,
        psu: null,
        fpc: N.get(u.stratum)!.frameSize,
        replacementGroup: u.stratum,
      })),
    ];
  } else {
    if (design.villageColumn) await requireKnownColumns(db, input.roundId, [design.villageColumn]);
    const frame = await loadFrame(db, input.roundId, design.villageColumn ? [design.villageColumn] : [], byCode);
    const build = buildMultiStage(frame, design, byCode, round.province_code ?? "all");
    const drawn = sampling(() => drawMultiStage(build.design, input.seed));
    plan = multiStageView(build);
    plan.sampleSize = drawn.units.length;
    algorithm = drawn.algorithm;
    const persons = drawn.stages[drawn.stages.length - 1];
    const order = new Map(persons.selected.map((s) => [s.id, s]));
    toStore = [
      ...drawn.units.map((u) => ({
        personId: u.id,
        unitCode: build.unitOf.get(u.id)!,
        stratum: u.stratum,
        role: "sample" as const,
        position: order.get(u.id)!.drawOrder,
        inclusionProbability: u.inclusionProbability,
        designWeight: u.designWeight,
        psu: u.psu,
        fpc: build.districtsPerStratum.get(u.stratum)!,
        replacementGroup: order.get(u.id)!.parentId,
      })),
      ...persons.reserve.map((u) => ({
        personId: u.id,
        unitCode: build.unitOf.get(u.id)!,
        stratum: u.stratum,
        role: "reserve" as const,
        position: u.reserveOrder,
        inclusionProbability: u.inclusionProbability,
        designWeight: u.designWeight,
        psu: u.psu,
        fpc: build.districtsPerStratum.get(u.stratum)!,
        replacementGroup: u.parentId,
      })),
    ];
  }

  // Codes first (issueCodes has its own transaction), then the sample in one transaction; if that fails the codes go.
  const sampled = toStore.filter((u) => u.role === "sample");
  const codes = await issueCodesFor(db, input.roundId, sampled, design.channel);
  const sampleId = newId();
  const now = nowIso();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("samples")
        .values({
          id: sampleId,
          round_id: input.roundId,
          design: JSON.stringify(design),
          seed: String(input.seed),
          algorithm,
          plan: JSON.stringify(plan),
          created_at: now,
          created_by: input.userId,
          adjustment: null,
          adjusted_at: null,
          adjusted_by: null,
          adjusted_data_version: null,
        })
        .execute();
      for (let i = 0; i < toStore.length; i += 500) {
        await trx
          .insertInto("sample_units")
          .values(
            toStore.slice(i, i + 500).map((u) => ({
              sample_id: sampleId,
              person_id: u.personId,
              round_id: input.roundId,
              stratum: u.stratum,
              role: u.role,
              position: u.position,
              inclusion_probability: u.inclusionProbability,
              design_weight: u.designWeight,
              adjusted_weight: null,
              outcome: "pending" as const,
              replaces_person_id: null,
              invitation_code: codes.get(u.personId) ?? null,
              updated_at: now,
              psu: u.psu,
              fpc: u.fpc,
              replacement_group: u.replacementGroup,
            }))
          )
          .execute();
      }
      await recordAudit(trx, {
        actor: input.userId,
        action: "sample.draw",
        roundId: input.roundId,
        target: sampleId,
        details: { seed: String(input.seed), algorithm, design: JSON.stringify(design).slice(0, 500), sampled: sampled.length, reserve: toStore.length - sampled.length },
      });
    });
  } catch (e) {
    const issued = [...codes.values()];
    for (let i = 0; i < issued.length; i += 500)
      await db
        .deleteFrom("invitations")
        .where("code", "in", issued.slice(i, i + 500))
        .execute();
    if (/UNIQUE constraint failed: samples\.round_id|samples_round_unique/.test(String(e)))
      throw new UserError(msg("sampling.alreadyDrawn", { round: input.roundId }), 409);
    throw e;
  }
  // Uploads still waiting beside the frame can never be imported now, and they hold personal data.
  await discardOtherUploads(db, input.roundId, null);
  return { sampleId, seed: input.seed, algorithm, sampled: sampled.length, reserve: toStore.length - sampled.length, codes: codes.size, plan };
}

/** One code per person; issued in groups that share unit, stratum, PSU, weight and FPC. */
export async function issueCodesFor(
  db: Kysely<Database>,
  roundId: string,
  persons: readonly Pick<UnitToStore, "personId" | "unitCode" | "stratum" | "psu" | "designWeight" | "fpc">[],
  channel: "paper" | "link" | "sms"
): Promise<Map<string, string>> {
  const groups = new Map<string, (typeof persons)[number][]>();
  for (const p of persons) {
    const key = JSON.stringify([p.unitCode, p.stratum, p.psu, p.designWeight, p.fpc]);
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  const codes = new Map<string, string>();
  for (const group of groups.values()) {
    const p = group[0];
    const issued = await issueCodes(db, {
      roundId,
      count: group.length,
      channel,
      unitCode: p.unitCode,
      stratum: p.stratum,
      psu: p.psu,
      weight: p.designWeight,
      fpc: p.fpc,
    });
    group.forEach((person, i) => codes.set(person.personId, issued[i]));
  }
  return codes;
}

export interface SampleSummary {
  id: string;
  design: SampleDesign;
  seed: string;
  algorithm: string;
  plan: PlanView;
  createdAt: string;
  createdBy: string;
  sampled: number;
  reserve: number;
  reserveUsed: number;
  adjustedAt: string | null;
}

export async function getSampleSummary(db: Kysely<Database>, roundId: string): Promise<SampleSummary | null> {
  const s = await db.selectFrom("samples").selectAll().where("round_id", "=", roundId).executeTakeFirst();
  if (!s) return null;
  const counts = await db
    .selectFrom("sample_units")
    .select((eb) => ["role", eb.fn.countAll<number>().as("n"), eb.fn.count<number>("replaces_person_id").as("used")])
    .where("sample_id", "=", s.id)
    .groupBy("role")
    .execute();
  const of = (role: string) => counts.find((c) => c.role === role);
  const creator = await db.selectFrom("staff_users").select("display_name").where("id", "=", s.created_by).executeTakeFirst();
  return {
    id: s.id,
    design: JSON.parse(s.design) as SampleDesign,
    seed: s.seed,
    algorithm: s.algorithm,
    plan: JSON.parse(s.plan) as PlanView,
    createdAt: s.created_at,
    createdBy: creator?.display_name ?? s.created_by,
    sampled: Number(of("sample")?.n ?? 0),
    reserve: Number(of("reserve")?.n ?? 0),
    reserveUsed: Number(of("reserve")?.used ?? 0),
    adjustedAt: s.adjusted_at,
  };
}

export const ALGORITHMS = { stratified: SAMPLING_ALGORITHM, multistage: MULTISTAGE_ALGORITHM };
export type { StratifiedDesignInput };
