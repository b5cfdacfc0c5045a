/**
 * Benchmark data: `count` responses to sipas-2022 over 63 provinces, each province two strata (urban/rural)
 * of about 260 villages (PSUs), design weights N_h / n_h with a non-response factor, and N_h as FPC.
 * Deterministic (xoshiro128** from the sampling module, fixed seed); written once into a SQLite file and reused.
 */
import { storedAnswers } from "../../app/domain/answers/answer-codes";
import SqliteDatabase from "better-sqlite3";
import { existsSync, rmSync } from "node:fs";
import { migrateToLatest, openDatabase } from "../../db/connection";
import { evaluateCondition, type Answers } from "../../app/domain/definition/conditions";
import type { Definition } from "../../app/domain/definition/schema";
import { createRng, type Rng } from "../../app/domain/sampling";
import { importShippedDefinitions } from "../../app/services/definitions/shipped-files.server";
import { getDefinition } from "../../app/services/definitions/versions.server";
import { createRound } from "../../app/services/rounds/rounds.server";

export const SEED = 20221;
export const PROVINCES = 63;
const VILLAGES_PER_STRATUM = 262;
const DATA_VERSION = "bench-data-v3"; // v3: answer_codes written beside the JSON, as the app does

export interface BenchRound {
  id: string;
  responses: number;
}

const COMMENTS = [
  "Cán bộ nhiệt tình, hướng dẫn dễ hiểu.",
  'Thời gian chờ còn lâu, đề nghị "một cửa" bố trí thêm ghế.',
  "Phí, lệ phí cần niêm yết rõ hơn;\nnên có thêm hướng dẫn trực tuyến.",
  "=Đề nghị rút ngắn thời gian giải quyết",
  "-Không có ý kiến thêm",
  "Thủ tục đất đai còn rườm rà, phải đi lại nhiều lần.",
];

/**
 * Answer shares by question, in the spirit of published national splits: most people report no harassment (Q4)
 * and no informal payment (Q5); "very interested" (Q1) and "very much" (expectations) are the largest single
 * answers but not a majority.
 */
const SKEWED: Record<string, [string, number][]> = {
  Q4_: [["1", 0.9], ["2", 0.08], ["3", 0.02]],
  Q5_: [["1", 0.93], ["2", 0.06], ["3", 0.01]],
  Q1_: [["3", 0.45], ["2", 0.4], ["1", 0.15]],
  EXP: [["3", 0.55], ["2", 0.35], ["1", 0.1]],
};

function draw(rng: Rng, shares: [string, number][]): string {
  let r = rng.nextFloat();
  for (const [code, p] of shares) if ((r -= p) < 0) return code;
  return shares[shares.length - 1][0];
}

function pick(rng: Rng, codes: readonly string[]): string {
  return codes[rng.nextInt(codes.length)];
}

/** One respondent's answers, following the questionnaire's skip logic. */
function makeAnswers(def: Definition, rng: Rng, satisfied: number, urban: boolean): Answers {
  const a: Answers = {};
  for (const section of def.sections) {
    if (section.showIf && !evaluateCondition(section.showIf, a)) continue;
    for (const item of section.items) {
      if (item.showIf && !evaluateCondition(item.showIf, a)) continue;
      const codes = (item.options ?? []).map((o) => o.code);
      if (item.code === "A_AREA") a[item.code] = urban ? "1" : "2";
      else if (item.type === "satisfaction5") {
        const r = rng.nextFloat();
        if (r < 0.03) continue; // left blank
        a[item.code] = rng.nextFloat() < satisfied ? (rng.nextFloat() < 0.7 ? "4" : "5") : pick(rng, ["1", "2", "3", "3"]);
      } else if (item.type === "yesno") a[item.code] = rng.nextFloat() < 0.65 ? codes[0] : codes[1];
      else if (SKEWED[item.code.slice(0, 3)]) a[item.code] = draw(rng, SKEWED[item.code.slice(0, 3)]);
      else if (item.type === "text") {
        if (rng.nextFloat() < 0.05) a[item.code] = pick(rng, COMMENTS);
      } else if (codes.length) a[item.code] = pick(rng, codes);
    }
  }
  return a;
}

function uuidLike(rng: Rng): string {
  let s = "";
  for (let i = 0; i < 4; i++) s += rng.nextUint32().toString(16).padStart(8, "0");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-8${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

/**
 * Makes (or reuses) the benchmark database: round `bench-1m` with `total` responses and round `bench-100k`
 * with the first `subset` of the same responses.
 */
export async function ensureBenchData(file: string, total: number, subset: number, log: (s: string) => void): Promise<BenchRound[]> {
  const marker = `${DATA_VERSION}:${SEED}:${total}:${subset}`;
  const rounds: BenchRound[] = [
    { id: "bench-1m", responses: total },
    { id: "bench-100k", responses: subset },
  ];
  if (existsSync(file)) {
    const check = new SqliteDatabase(file, { readonly: true });
    const row = check.prepare("SELECT value FROM settings WHERE key = 'bench_data'").get() as { value: string } | undefined;
    check.close();
    if (row?.value === marker) {
      // Same data: bring its schema (indexes) up to the app's latest migrations.
      const handle = openDatabase({ url: file });
      await migrateToLatest(handle.db);
      await handle.close();
      return rounds;
    }
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const started = Date.now();
  const handle = openDatabase({ url: file });
  await migrateToLatest(handle.db);
  await importShippedDefinitions(handle.db);
  const units = Array.from({ length: PROVINCES }, (_, i) => ({ code: `P${String(i + 1).padStart(2, "0")}`, name: `Tỉnh số ${i + 1}`, level: "province" as const }));
  for (const r of rounds) await createRound(handle.db, { id: r.id, definition: "sipas-2022@1", name: `Benchmark ${r.id}`, units });
  const def = await getDefinition(handle.db, "sipas-2022@1");
  await handle.close();

  const db = new SqliteDatabase(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const insert = db.prepare(
    `INSERT INTO responses (id, round_id, invitation_code, definition_id, status, answers, answer_codes, locale, entry_mode, fpc, unit_code, stratum, psu, weight, created_at, updated_at, submitted_at)
     VALUES (?, ?, NULL, 'sipas-2022@1', 'submitted', ?, ?, 'vi', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rng = createRng(SEED, "responses");
  // Province satisfaction levels and stratum population sizes are fixed per province.
  const design = createRng(SEED, "design");
  const level = Array.from({ length: PROVINCES }, () => 0.7 + 0.22 * design.nextFloat());
  const popSize = Array.from({ length: PROVINCES * 2 }, () => 150_000 + Math.floor(1_500_000 * design.nextFloat()));
  const expectedPerStratum = total / (PROVINCES * 2);
  const villageEffect = Array.from({ length: PROVINCES * 2 * VILLAGES_PER_STRATUM }, () => (design.nextFloat() - 0.5) * 0.1);
  const base = Date.parse("2022-09-01T00:00:00Z");
  const tx = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const p = rng.nextInt(PROVINCES);
      const urban = rng.nextFloat() < 0.35;
      const s = p * 2 + (urban ? 0 : 1);
      const v = rng.nextInt(VILLAGES_PER_STRATUM);
      const unit = `P${String(p + 1).padStart(2, "0")}`;
      const stratum = `${unit}-${urban ? "U" : "R"}`;
      const psu = `${stratum}-V${v}`;
      const weight = (popSize[s] / expectedPerStratum) * (0.85 + 0.3 * rng.nextFloat());
      const { answers, answer_codes: codes } = storedAnswers(def, makeAnswers(def, rng, level[p] + villageEffect[s * VILLAGES_PER_STRATUM + v], urban));
      const at = new Date(base + i * 1000).toISOString();
      const mode = i % 10 === 0 ? "paper" : "online";
      const id = uuidLike(rng);
      insert.run(id, "bench-1m", answers, codes, mode, popSize[s], unit, stratum, psu, weight, at, at, at);
      if (i < subset) insert.run(`s${id.slice(1)}`, "bench-100k", answers, codes, mode, popSize[s], unit, stratum, psu, weight, at, at, at);
    }
  });
  const step = 50_000;
  for (let from = 0; from < total; from += step) {
    tx(from, Math.min(total, from + step));
    log(`  generated ${Math.min(total, from + step).toLocaleString("en")} / ${total.toLocaleString("en")} responses`);
  }
  db.prepare("INSERT INTO settings (key, value) VALUES ('bench_data', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(marker);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  log(`  data ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return rounds;
}
