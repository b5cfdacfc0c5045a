import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/schema";
import { drawSample } from "../../app/domain/sampling";
import { importShippedDefinitions } from "../../app/services/definitions/shipped-files.server";
import { importFrameFile } from "../../app/services/fieldwork/frame-import.server";
import { importRoundUnits } from "../../app/services/rounds/units-import.server";
import { createRound } from "../../app/services/rounds/rounds.server";
import { drawRoundSample, getSampleSummary, planRoundSample } from "../../app/services/fieldwork/sampling.server";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "sipas-sample-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FRAME = join(dir, "frame.csv");
writeFileSync(FRAME, frameCsv({ rows: 600, districts: 3, communesPerDistrict: 2, seed: 42, villages: 3 }));
const RESIDENTS = join(dir, "residents.csv");
writeFileSync(RESIDENTS, frameCsv({ rows: 480, districts: 3, communesPerDistrict: 2, seed: 43, villages: 3, atDistrict: 0 }));
const UNITS = unitsCsv(factoryUnits(3, 2));

const STRATIFIED = {
  kind: "stratified",
  strataBy: ["level", "district"],
  size: { method: "fixed", n: 120 },
  allocation: { method: "proportional-min", min: 10 },
  reserve: 3,
} as const;

/** A round with units and the 600-person frame. */
export async function prepareRound(db: Kysely<Database>, id: string, provinceCode: string | null = null, frame = FRAME) {
  await importShippedDefinitions(db);
  await createRound(db, { id, definition: "sipas-2022@1", name: `Chọn mẫu ${id}`, provinceCode });
  await importRoundUnits(db, id, { text: UNITS }, "don-vi.csv");
  const report = await importFrameFile(db, { roundId: id, path: frame, fileName: "frame.csv", mode: "all" });
  expect(report.problems).toEqual([]);
}

async function sampleRows(db: Kysely<Database>, roundId: string) {
  return db
    .selectFrom("sample_units")
    .select(["person_id", "stratum", "role", "position", "inclusion_probability", "design_weight", "fpc"])
    .where("round_id", "=", roundId)
    .orderBy("stratum")
    .orderBy("role")
    .orderBy("position")
    .execute();
}

describeEachDialect("sample design and draw", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await prepareRound(t.db, "r1");
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  it("shows stratum sizes, n_h and inclusion probabilities before the draw; Σπ over the frame is n", async () => {
    const plan = await planRoundSample(t.db, "r1", STRATIFIED);
    expect(plan.frameSize).toBe(600);
    expect(plan.sampleSize).toBe(120);
    expect(plan.sumOfProbabilities).toBeCloseTo(120, 9);
    expect(plan.strata).toHaveLength(6); // district level × 3 districts, commune level × 3 districts
    expect(plan.strata.reduce((s, h) => s + h.frameSize, 0)).toBe(600);
    expect(plan.strata.reduce((s, h) => s + h.sampleSize, 0)).toBe(120);
    for (const h of plan.strata) {
      expect(h.sampleSize).toBeGreaterThanOrEqual(10);
      expect(h.inclusionProbability).toBeCloseTo(h.sampleSize / h.frameSize, 12);
      expect(h.designWeight).toBeCloseTo(h.frameSize / h.sampleSize, 12);
      expect(h.reserveSize).toBe(3);
    }
    expect(plan.strata.map((h) => h.label)).toContain("cấp huyện × Huyện Minh Họa 1 (D01)");
    expect((await planRoundSample(t.db, "r1", STRATIFIED, "en")).strata.map((h) => h.label)).toContain("district × Huyện Minh Họa 1 (D01)");

    const yamane = await planRoundSample(t.db, "r1", { ...STRATIFIED, size: { method: "yamane", e: 0.05 } });
    expect(yamane.sampleSize).toBe(240); // 600 / (1 + 600·0.0025) = 240
    const margin = await planRoundSample(t.db, "r1", { ...STRATIFIED, size: { method: "margin", e: 0.05 }, allocation: { method: "equal" } });
    expect(margin.sampleSize).toBe(235); // n0 = 384.16 → 384.16 / (1 + 383.16/600) = 234.5 → 235
    expect(margin.sumOfProbabilities).toBeCloseTo(235, 9);
  });

  it("explains a design it cannot use", async () => {
    await expect(planRoundSample(t.db, "r1", { ...STRATIFIED, strataBy: ["shoe size"] })).rejects.toThrow(/Khung mẫu không có cột “shoe size”/);
    await expect(planRoundSample(t.db, "r1", { ...STRATIFIED, size: { method: "fixed", n: 700 } })).rejects.toThrow(/Cỡ mẫu n = 700 lớn hơn số người trong khung mẫu \(N = 600\)/);
    await expect(planRoundSample(t.db, "r1", { ...STRATIFIED, size: { method: "fixed", n: 20 } })).rejects.toThrow(/Mỗi tầng tối thiểu 10 người thì cần tổng cộng 60 người, nhiều hơn cỡ mẫu n = 20/);
    await expect(planRoundSample(t.db, "r1", { kind: "stratified" })).rejects.toMatchObject({
      details: expect.arrayContaining([expect.stringMatching(/^strataBy:/)]),
    });
  });

  it("draws the sample and an ordered reserve per stratum; each sampled person gets a code with stratum, weight and FPC", async () => {
    const result = await drawRoundSample(t.db, { roundId: "r1", design: STRATIFIED, seed: 20221, userId: "tester" });
    expect(result).toMatchObject({ sampled: 120, reserve: 18, codes: 120 });
    const rows = await sampleRows(t.db, "r1");
    const plan = await planRoundSample(t.db, "r1", STRATIFIED);
    for (const h of plan.strata) {
      const sample = rows.filter((r) => r.stratum === h.key && r.role === "sample");
      const reserve = rows.filter((r) => r.stratum === h.key && r.role === "reserve");
      expect(sample.map((r) => Number(r.position))).toEqual(Array.from({ length: h.sampleSize }, (_, i) => i + 1));
      expect(reserve.map((r) => Number(r.position))).toEqual([1, 2, 3]);
      for (const r of sample) {
        expect(Number(r.inclusion_probability)).toBeCloseTo(h.inclusionProbability, 12);
        expect(Number(r.design_weight)).toBeCloseTo(h.designWeight!, 12);
        expect(Number(r.fpc)).toBe(h.frameSize);
      }
    }
    const invitations = await t.db
      .selectFrom("sample_units as su")
      .innerJoin("invitations as i", "i.code", "su.invitation_code")
      .innerJoin("frame_persons as fp", "fp.id", "su.person_id")
      .select([
        "su.stratum",
        "su.design_weight",
        "su.fpc",
        "i.stratum as i_stratum",
        "i.weight",
        "i.fpc as i_fpc",
        "i.unit_code",
        "fp.unit_code as person_unit",
      ])
      .where("su.round_id", "=", "r1")
      .execute();
    expect(invitations).toHaveLength(120);
    for (const i of invitations) {
      expect(i.i_stratum).toBe(i.stratum);
      expect(Number(i.weight)).toBe(Number(i.design_weight));
      expect(Number(i.i_fpc)).toBe(Number(i.fpc));
      expect(i.unit_code).toBe(i.person_unit);
    }
    // Reserve persons have no code until they replace someone.
    expect(rows.filter((r) => r.role === "reserve")).toHaveLength(18);
    const reserveCodes = await t.db.selectFrom("sample_units").select("invitation_code").where("round_id", "=", "r1").where("role", "=", "reserve").execute();
    expect(reserveCodes.every((r) => r.invitation_code === null)).toBe(true);

    const summary = await getSampleSummary(t.db, "r1");
    expect(summary).toMatchObject({ seed: "20221", sampled: 120, reserve: 18, reserveUsed: 0, design: { kind: "stratified" } });
    await expect(drawRoundSample(t.db, { roundId: "r1", design: STRATIFIED, seed: 1, userId: "tester" })).rejects.toThrow(/đã có mẫu/);
  });

  it("is the draw of the sampling module on the stored frame: the same sample from the frame, design and seed alone", async () => {
    const frame = await t.db.selectFrom("frame_persons").select(["id", "unit_level", "unit_code"]).where("round_id", "=", "r1").execute();
    const districtOf = (u: string) => u.slice(0, 3);
    const again = drawSample(
      frame.reverse().map((p) => ({ id: p.id, attributes: { level: p.unit_level, district: districtOf(p.unit_code) } })),
      { strataBy: ["level", "district"], size: { method: "fixed", n: 120 }, allocation: { method: "proportional-min", min: 10 }, reserve: 3 },
      20221
    );
    const stored = await sampleRows(t.db, "r1");
    const key = (r: { stratum: string; id: string; n: number; role: string }) => `${r.role} ${r.stratum} ${r.n} ${r.id}`;
    expect(stored.map((r) => key({ stratum: r.stratum, id: r.person_id, n: Number(r.position), role: r.role })).sort()).toEqual(
      [
        ...again.sample.map((u) => key({ stratum: u.stratum, id: u.id, n: u.drawOrder, role: "sample" })),
        ...again.reserve.map((u) => key({ stratum: u.stratum, id: u.id, n: u.reserveOrder, role: "reserve" })),
      ].sort()
    );
  });

  it("draws a multi-stage sample: districts → communes → villages → persons, probabilities multiplied", async () => {
    await prepareRound(t.db, "r2", "P01", RESIDENTS);
    const design = {
      kind: "multistage",
      district: { select: 2, method: "srs" },
      commune: { select: 1, method: "pps-systematic" },
      villageColumn: "Thôn",
      village: { select: 2, method: "srs" },
      person: { select: 5, reserve: 2 },
    };
    const plan = await planRoundSample(t.db, "r2", design);
    expect(plan.kind).toBe("multistage");
    expect(plan.stages.map((s) => [s.name, s.units])).toEqual([
      ["district", 3],
      ["commune", 6],
      ["village", 18],
      ["person", 480],
    ]);
    expect(plan.sumOfProbabilities).toBeCloseTo(2 * 1 * 2 * 5, 6);
    const result = await drawRoundSample(t.db, { roundId: "r2", design, seed: 7, userId: "tester" });
    expect(result.sampled).toBe(20);
    const rows = await t.db.selectFrom("sample_units").selectAll().where("round_id", "=", "r2").where("role", "=", "sample").execute();
    const districts = new Set(rows.map((r) => r.psu));
    expect(districts.size).toBe(2);
    for (const r of rows) {
      expect(r.stratum).toBe("P01");
      expect(Number(r.fpc)).toBe(3);
      expect(Number(r.design_weight)).toBeCloseTo(1 / Number(r.inclusion_probability), 9);
      expect(r.replacement_group).toMatch(/^\["D0\d-C0\d","Thôn \d"\]$/);
    }
  }, 20_000);
});

describe("the draw is reproducible across engines", () => {
  it("gives the same sample and reserve on SQLite and PostgreSQL for the same frame, design and seed", async () => {
    const dbs = await Promise.all([createTestDatabase("sqlite"), createTestDatabase("postgres")]);
    try {
      const samples = [];
      for (const t of dbs) {
        await prepareRound(t.db, "same");
        await drawRoundSample(t.db, {
          roundId: "same",
          design: { ...STRATIFIED, strataBy: ["unit", "field"], allocation: { method: "proportional" } },
          seed: 987654321,
          userId: "tester",
        });
        samples.push(
          (await sampleRows(t.db, "same")).map((r) => [
            r.person_id,
            r.stratum,
            r.role,
            Number(r.position),
            Number(r.inclusion_probability),
            Number(r.design_weight),
          ])
        );
      }
      expect(samples[0].length).toBeGreaterThan(120);
      expect(samples[1]).toEqual(samples[0]);
      const other = dbs[0];
      await other.db.deleteFrom("sample_units").execute();
      await other.db.deleteFrom("invitations").execute();
      await other.db.deleteFrom("samples").execute();
      await drawRoundSample(other.db, {
        roundId: "same",
        design: { ...STRATIFIED, strataBy: ["unit", "field"], allocation: { method: "proportional" } },
        seed: 987654322,
        userId: "tester",
      });
      const changed = (await sampleRows(other.db, "same")).map((r) => r.person_id);
      expect(changed).not.toEqual(samples[0].map((r) => r[0]));
    } finally {
      for (const t of dbs) {
        await t.close();
        await t.drop();
      }
    }
  }, 30_000);
});
