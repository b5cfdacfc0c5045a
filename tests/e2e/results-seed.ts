/**
 * Rounds with known answers for the results e2e tests, written straight into the e2e server's database (the
 * server has migrated it) through the same factory the integration tests use.
 */
import { randomBytes } from "node:crypto";
import { openDatabase, sql } from "../../db/connection";
import { E2E_DB } from "../../playwright.config";
import { createRound } from "../../app/services/rounds/rounds.server";
import { answers2022, insertSubmittedResponses, type FactoryResponse } from "../fixtures/responses-factory";

export const UNITS = [
  { code: "P01", name: "Tỉnh Minh Họa", level: "province" as const },
  { code: "D01", name: "Huyện Đông Sơn", level: "district" as const, parentCode: "P01" },
  { code: "D02", name: "Huyện Tây Hòa", level: "district" as const, parentCode: "P01" },
  { code: "D03", name: "Thị xã Bắc Minh", level: "district" as const, parentCode: "P01" },
];

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

async function withDb<T>(work: (db: ReturnType<typeof openDatabase>["db"]) => Promise<T>): Promise<T> {
  const handle = openDatabase({ url: E2E_DB });
  // The server and other workers write to the same file: wait for the write lock rather than fail.
  await sql`PRAGMA busy_timeout = 60000`.execute(handle.db);
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

export async function seedRound(id: string, definition: string, name: string, rows: FactoryResponse[], provinceCode = "P01"): Promise<void> {
  await withDb(async (db) => {
    // createRound reads then writes in one transaction: SQLite refuses the upgrade at once (SQLITE_BUSY, no waiting)
    // when another writer got in between, so try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await createRound(db, { id, definition, name, provinceCode, units: UNITS });
        break;
      } catch (e) {
        if (attempt >= 30 || !/database is locked/.test(String(e))) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    await insertSubmittedResponses(db, id, rows);
  });
}

/**
 * Huyện Đông Sơn: 60 respondents of weight 2, 45 satisfied with services and 30 with policies.
 * Huyện Tây Hòa: 40 of weight 5, 20 satisfied with services, all 40 with policies. Thị xã Bắc Minh: none.
 * Every item of a domain gets the same answer, so every node equals its domain's share of satisfied people.
 */
export function knownRows2022(): FactoryResponse[] {
  return [
    ...Array.from({ length: 60 }, (_, i) => ({ answers: answers2022(i < 45 ? "5" : "2", i < 30 ? "4" : "3"), unit: "D01", stratum: "D01", weight: 2 })),
    ...Array.from({ length: 40 }, (_, i) => ({ answers: answers2022(i < 20 ? "4" : "1", "4"), unit: "D02", stratum: "D02", weight: 5 })),
  ];
}

/** A 2023 round where everybody is satisfied with everything (the 2023 questionnaire adds items). */
export function allSatisfied2023(n: number): FactoryResponse[] {
  const extra = { P_QUAL_ADMIN: "4", SV_ACC_GEN: "4", SV_PROC_GEN: "4", SV_STAFF_GEN: "4", SV_RES_GEN: "4", SV_FB_GEN: "4" };
  return Array.from({ length: n }, (_, i) => ({
    answers: answers2022("4", "4", extra),
    unit: i % 2 ? "D01" : "D02",
    stratum: i % 2 ? "D01" : "D02",
    weight: 1,
  }));
}

/** Many short responses: more than the results page computes while it waits. */
export function manyRows(n: number): FactoryResponse[] {
  return Array.from({ length: n }, (_, i) => ({ answers: { SV_ACC_1: i % 3 ? "4" : "2", SV_ACC_2: "5" }, unit: "D01", stratum: `S${i % 20}` }));
}
