import { migrateToLatest, openDatabase, type DbHandle } from "../db/connection";

let ready: Promise<DbHandle> | undefined;

/**
 * The process-wide database, opened from DATABASE_URL (SQLite file by default) and migrated on
 * first use, so the web server, the CLI and a fresh checkout need no set-up step.
 */
export function getDb(): Promise<DbHandle> {
  if (!ready) {
    ready = (async () => {
      const handle = openDatabase({ url: process.env.DATABASE_URL });
      await migrateToLatest(handle.db, handle.schema);
      return handle;
    })();
    ready.catch(() => {
      ready = undefined;
    });
  }
  return ready;
}
