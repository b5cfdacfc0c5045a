import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Answers } from "../domain/definition/conditions";
import type { ResponseRecord } from "../domain/indices/types";

export const RECORD_BATCH = 5000;

/**
 * The submitted responses of a round as index-engine records, in batches (keyset pages by id),
 * so memory stays flat whatever the size of the round.
 */
export async function* streamResponseRecords(
  db: Kysely<Database>,
  roundId: string,
  batchSize = RECORD_BATCH,
): AsyncGenerator<ResponseRecord[]> {
  let after = "";
  for (;;) {
    const rows = await db
      .selectFrom("responses")
      .select(["id", "answers", "unit_code", "stratum", "psu", "weight", "fpc"])
      .where("round_id", "=", roundId)
      .where("status", "=", "submitted")
      .where("id", ">", after)
      .orderBy("id")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1].id;
    yield rows.map((r) => ({
      answers: JSON.parse(r.answers) as Answers,
      unit: r.unit_code,
      stratum: r.stratum,
      psu: r.psu,
      weight: r.weight === null ? null : Number(r.weight),
      fpc: r.fpc === null ? null : Number(r.fpc),
    }));
    if (rows.length < batchSize) return;
  }
}

export async function countSubmitted(db: Kysely<Database>, roundId: string): Promise<number> {
  const row = await db
    .selectFrom("responses")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("round_id", "=", roundId)
    .where("status", "=", "submitted")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
