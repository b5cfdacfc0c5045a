import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";

/** A database or a transaction on it. */
type Runner = Pick<Kysely<never>, "getExecutor" | "executeQuery">;

/**
 * A query built and compiled once per database, then run with new values: for the statements every citizen POST runs
 * (issue 11 part 4), where building the query (Kysely's immutable nodes) and compiling it cost more than SQLite running
 * it. The query is built with a marker in place of each value; the compiled statement keeps them as parameters, and
 * each run puts the values in their places. It is the query builder's own SQL for this database's dialect, so it stays
 * correct on SQLite and PostgreSQL alike. Only for queries whose shape does not depend on the values (one `key` a shape).
 */
// Kept per dialect adapter, which a Kysely instance shares with its transactions (a transaction is a new instance each
// time, so keying by the instance would compile again inside every one).
const compiled = new WeakMap<object, Map<string, CompiledQuery>>();
const MARK = "\u0000kysely-value:";

export function runCompiledOnce<R>(
  db: Runner,
  key: string,
  build: (value: (name: string) => string) => Compilable<R>,
  values: Record<string, unknown>,
): Promise<QueryResult<R>> {
  const root = db.getExecutor().adapter;
  let byKey = compiled.get(root);
  if (!byKey) compiled.set(root, (byKey = new Map()));
  let query = byKey.get(key);
  if (!query) {
    query = build((name) => MARK + name).compile();
    byKey.set(key, query);
  }
  const parameters = query.parameters.map((p) => {
    if (typeof p !== "string" || !p.startsWith(MARK)) return p;
    const name = p.slice(MARK.length);
    if (!(name in values)) throw new Error(`runCompiledOnce(${key}): no value for ${name}`);
    return values[name];
  });
  return db.executeQuery<R>({ ...query, parameters });
}
