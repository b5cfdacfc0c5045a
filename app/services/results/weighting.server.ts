import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import type { Weighting } from "../../domain/results/explain";

/**
 * Which weights a round's responses carry, for the results page's explanation: adjusted for non-response (and when),
 * design weights of a sample drawn here, or the weights of imported responses.
 */
export async function roundWeighting(db: Kysely<Database>, roundId: string): Promise<Weighting> {
  const sample = await db.selectFrom("samples").select(["adjusted_at"]).where("round_id", "=", roundId).executeTakeFirst();
  if (!sample) return { kind: "imported" };
  return sample.adjusted_at ? { kind: "adjusted", at: sample.adjusted_at } : { kind: "design" };
}
