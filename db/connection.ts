import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Database } from "./schema";
import { migrationProvider } from "./migrations/index";
import { rememberSqliteFile } from "./engine";


export type Dialect = "sqlite" | "postgres";

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL schema named by the connection (search_path), if any. */
  schema?: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** `postgres://...` selects PostgreSQL; anything else (or nothing) is a SQLite file path. */
  url?: string;
  /** PostgreSQL schema to use (tests run each suite in a fresh schema). */
  pgSchema?: string;
}

export const DEFAULT_SQLITE_PATH = "data/sipas.sqlite";

export function isPostgresUrl(url: string | undefined): boolean {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** Opens the database named by `url` (default: the embedded SQLite file) without migrating. */
export function openDatabase(options: ConnectOptions = {}): DbHandle {
  const url = options.url;
  if (url && isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.PG_POOL_SIZE ?? 10),
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", schema: options.pgSchema ?? searchPathOf(url), close: () => db.destroy() };
  }
  const file = url ? url.replace(/^sqlite:(\/\/)?/, "") : DEFAULT_SQLITE_PATH;
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Transactions take the write lock when they begin (BEGIN IMMEDIATE). A deferred transaction
  // that reads and then writes fails at once with SQLITE_BUSY if another process (the CLI, a
  // second server) wrote meanwhile; an immediate one waits its turn under busy_timeout.
  const database = {
    prepare: cachedPrepare(sqlite),
    close: () => sqlite.close(),
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: database as unknown as SqliteDatabase.Database }) });
  if (file !== ":memory:") rememberSqliteFile(db, file);
  return { db, dialect: "sqlite", close: () => db.destroy() };
}

/** Statements kept prepared per SQLite connection; past this the oldest is dropped (batch inserts vary in length). */
const STATEMENT_CACHE = 256;

/**
 * Kysely prepares every statement afresh; SQLite then parses and plans it each time (about a tenth of a citizen's
 * POST). The texts Kysely compiles are the same for the same query shape, so a prepared statement is kept per text and
 * run again with new parameters. Safe because the Kysely SQLite driver runs one statement at a time on its single
 * connection (a streamed query holds the connection until its iterator ends).
 */
function cachedPrepare(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return (query: string): SqliteDatabase.Statement => {
    let stmt = cache.get(query);
    if (stmt) return stmt;
    stmt = sqlite.prepare(/^\s*begin\s*$/i.test(query) ? "begin immediate" : query);
    // A statement that changes the schema may make the cached ones stale: SQLite re-prepares them itself (sqlite3_prepare_v3).
    if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    cache.set(query, stmt);
    return stmt;
  };
}

/** The schema of `options=-c search_path=<schema>` in a connection URL. */
function searchPathOf(url: string): string | undefined {
  const options = new URL(url).searchParams.get("options");
  return options ? /search_path=([A-Za-z0-9_]+)/.exec(options)?.[1] : undefined;
}

/**
 * Brings the schema up to date; safe to call from several processes (Kysely locks). On
 * PostgreSQL with a schema of its own, Kysely must be told the schema: otherwise it sees the
 * migration tables of other schemas and skips creating its own.
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`Database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function createSchemaIfMissing(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

export { sql };
