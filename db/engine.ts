import { SqliteAdapter, type Kysely } from "kysely";

/**
 * The few places where the two engines differ are asked here, not by each caller: which engine a handle talks to,
 * and the file behind a SQLite handle (for readers of a whole round on read-only connections of their own and for
 * worker threads, which cannot share a connection).
 */

// Keyed by the dialect's adapter, which instances made by withPlugin() share with their origin.
const sqliteFiles = new WeakMap<object, string>();

export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** The file behind a SQLite database; undefined on PostgreSQL or in memory. */
export function sqliteFileOf(db: Kysely<any>): string | undefined {
  return sqliteFiles.get(db.getExecutor().adapter);
}

/** Called by the connection factory when it opens a SQLite file. */
export function rememberSqliteFile(db: Kysely<any>, file: string): void {
  sqliteFiles.set(db.getExecutor().adapter, file);
}
