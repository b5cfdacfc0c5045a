import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe } from "vitest";
import { migrateToLatest, openDatabase, type DbHandle, type Dialect } from "../../db/connection";

export const DIALECTS: Dialect[] = ["sqlite", "postgres"];

export interface TestDatabase extends DbHandle {
  /** A DATABASE_URL that reaches this same database (for the CLI and second connections). */
  url: string;
  open(): DbHandle;
  drop(): Promise<void>;
}

function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error("TEST_DATABASE_URL is not set: the PostgreSQL suite needs a server (npm test starts one; see tests/run-all.sh)");
  }
  return url;
}

/** A fresh, migrated database: a SQLite file in a temp folder, or a new PostgreSQL schema. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "sipas-test-"));
    const url = join(dir, "test.sqlite");
    const handle = openDatabase({ url });
    await migrateToLatest(handle.db);
    return { ...handle, url, open: () => openDatabase({ url }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = postgresUrl();
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const sep = base.includes("?") ? "&" : "?";
  const url = `${base}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const handle = openDatabase({ url });
  await migrateToLatest(handle.db, schema);
  return {
    ...handle,
    url,
    open: () => openDatabase({ url }),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** Runs the same suite on SQLite and on PostgreSQL. */
export function describeEachDialect(name: string, suite: (dialect: Dialect) => void) {
  for (const dialect of DIALECTS) describe(`${name} [${dialect}]`, () => suite(dialect));
}

/** Remembers the given environment variables now; the function returned puts them back as they were. */
export function keepEnv(...keys: string[]): () => void {
  const saved = keys.map((k) => [k, process.env[k]] as const);
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
