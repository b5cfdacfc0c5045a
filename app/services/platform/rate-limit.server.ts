import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../../db/schema";
import { runCompiledOnce } from "../../../db/compiled-once";

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * The budgets of ADR 023. Unknown codes: 10 per browser and 30 per address in 10 minutes (a person's
 * typos pass the check character rarely; guessing 45-bit codes stays hopeless at these rates).
 */
export const CODE_LOOKUP_PER_BROWSER: RateLimit = { limit: 10, windowSeconds: 600 };
export const CODE_LOOKUP_PER_ADDRESS: RateLimit = { limit: 30, windowSeconds: 600 };
/** Failed staff sign-ins from browsers the account never signed in on: per address and per account. */
export const LOGIN_PER_ADDRESS: RateLimit = { limit: 10, windowSeconds: 600 };
export const LOGIN_PER_ACCOUNT: RateLimit = { limit: 20, windowSeconds: 600 };
/** Failed sign-ins of an account from a browser it signed in on before (its owner's phone or desk). */
export const LOGIN_KNOWN_BROWSER: RateLimit = { limit: 10, windowSeconds: 600 };

function windowStart(limit: RateLimit, now: Date): string {
  const ms = limit.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString();
}

/** The window before the current one, and how much of it still lies inside the last `windowSeconds` (1 at a boundary, 0 at the end). */
function previousWindow(limit: RateLimit, now: Date): { start: string; share: number } {
  const ms = limit.windowSeconds * 1000;
  const current = Math.floor(now.getTime() / ms) * ms;
  return { start: new Date(current - ms).toISOString(), share: 1 - (now.getTime() - current) / ms };
}

/**
 * Attempts counted in the last `windowSeconds`, estimated from two fixed windows: the current one and the part of
 * the previous one still inside the span (the usual sliding-window estimate). With fixed windows alone a budget would refill at
 * every boundary: twice the budget across one, and a run of attempts cut in two by a boundary would start afresh.
 */
async function carriedOver(db: Kysely<Database>, bucket: string, limit: RateLimit, now: Date): Promise<number> {
  const previous = previousWindow(limit, now);
  const [row] = (await runCompiledOnce(db, "rateLimits.count", (value) => countQuery(db, value("bucket"), value("start")), { bucket, start: previous.start })).rows;
  return row ? Number(row.count) * previous.share : 0;
}

function countQuery(db: Kysely<Database>, bucket: string, start: string) {
  return db.selectFrom("rate_limits").select("count").where("bucket", "=", bucket).where("window_start", "=", start);
}

/** One attempt taken from a bucket; `giveBack` returns it (a look-up that found a real code costs nothing). */
export interface Attempt {
  allowed: boolean;
  giveBack(): Promise<void>;
}

/**
 * Takes one attempt from each bucket in one statement per bucket (insert or add one, returning the new
 * count), so that concurrent requests on any number of app servers cannot all read "under the limit" before
 * any of them records: the database serialises the increments. Counters live in the database so that
 * several app servers share them. The count is the current window's plus the previous window's share of the last
 * span (ADR 023): a boundary neither refills a budget nor doubles it. A refused attempt is given back at once, so a client that goes
 * on knocking does not keep the window full for the other buckets it shares.
 */
export async function takeAttempt(
  db: Kysely<Database>,
  buckets: readonly { bucket: string; limit: RateLimit }[],
  now = new Date(),
): Promise<Attempt> {
  const taken: { bucket: string; start: string }[] = [];
  const giveBack = async () => {
    for (const t of taken.splice(0)) {
      // Every first look-up of a real code runs these three statements: each built and compiled once (db/compiled-once.ts).
      await runCompiledOnce(
        db,
        "rateLimits.giveBack",
        (value) => db.updateTable("rate_limits").set({ count: sql`count - 1` }).where("bucket", "=", value("bucket")).where("window_start", "=", value("start")).where("count", ">", 0),
        t,
      );
    }
  };
  for (const { bucket, limit } of buckets) {
    const start = windowStart(limit, now);
    const [row] = (
      await runCompiledOnce(
        db,
        "rateLimits.take",
        (value) =>
          db
            .insertInto("rate_limits")
            .values({ bucket: value("bucket"), window_start: value("start"), count: 1 })
            .onConflict((oc) => oc.columns(["bucket", "window_start"]).doUpdateSet({ count: sql`rate_limits.count + 1` }))
            .returning("count"),
        { bucket, start },
      )
    ).rows;
    taken.push({ bucket, start });
    if (Number(row.count) + (await carriedOver(db, bucket, limit, now)) > limit.limit) {
      await giveBack();
      return { allowed: false, giveBack: async () => {} };
    }
  }
  trimOldWindows(db, now);
  return { allowed: true, giveBack };
}

/** Whether a bucket's budget is spent (for a page that only wants to say so). */
export async function isRateLimited(db: Kysely<Database>, bucket: string, limit: RateLimit, now = new Date()): Promise<boolean> {
  const row = await countQuery(db, bucket, windowStart(limit, now)).executeTakeFirst();
  return (row ? Number(row.count) : 0) + (await carriedOver(db, bucket, limit, now)) >= limit.limit;
}

// Old windows are useless; trim them now and then rather than by a separate job.
function trimOldWindows(db: Kysely<Database>, now: Date) {
  if (Math.random() >= 0.01) return;
  void db
    .deleteFrom("rate_limits")
    .where("window_start", "<", new Date(now.getTime() - 86_400_000).toISOString())
    .execute()
    .catch(() => {});
}
