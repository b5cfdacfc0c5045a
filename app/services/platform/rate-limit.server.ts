import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../../db/schema";

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/** Failed code look-ups per client: enough for a person's typos, hopeless for guessing. */
export const CODE_LOOKUP_LIMIT: RateLimit = { limit: 10, windowSeconds: 600 };
export const LOGIN_LIMIT: RateLimit = { limit: 10, windowSeconds: 600 };

function windowStart(limit: RateLimit, now: Date): string {
  const ms = limit.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString();
}

/**
 * Counters live in the database so that several app servers share them. Fixed windows: simple,
 * and the worst case (twice the limit across a boundary) is still hopeless for guessing.
 */
export async function isRateLimited(db: Kysely<Database>, bucket: string, limit: RateLimit, now = new Date()): Promise<boolean> {
  const row = await db
    .selectFrom("rate_limits")
    .select("count")
    .where("bucket", "=", bucket)
    .where("window_start", "=", windowStart(limit, now))
    .executeTakeFirst();
  return (row ? Number(row.count) : 0) >= limit.limit;
}

export async function recordFailure(db: Kysely<Database>, bucket: string, limit: RateLimit, now = new Date()): Promise<void> {
  const start = windowStart(limit, now);
  await db
    .insertInto("rate_limits")
    .values({ bucket, window_start: start, count: 1 })
    .onConflict((oc) => oc.columns(["bucket", "window_start"]).doUpdateSet({ count: sql`rate_limits.count + 1` }))
    .execute();
  // Old windows are useless; trim them now and then rather than by a separate job.
  if (Math.random() < 0.01) {
    await db.deleteFrom("rate_limits").where("window_start", "<", new Date(now.getTime() - 86_400_000).toISOString()).execute();
  }
}
