import { sql, type Kysely } from "kysely";
import { isSqlite } from "../../../db/engine";
import type { Database, ResponseRow } from "../../../db/schema";

/**
 * The submitted responses of a round in keyset pages, each page a short query, so memory stays flat and
 * the connection is free between pages (other requests go on during a long export).
 *
 * The key is the one the `(round_id, status)` index already holds in order: SQLite's rowid (every index
 * entry ends with it), PostgreSQL's id (primary key). Paging SQLite by id would sort the whole round
 * again for every page — quadratic: 100,000 responses took 10 s instead of 1 s.
 */
export async function* submittedResponsePages<C extends keyof ResponseRow>(
  db: Kysely<Database>,
  roundId: string,
  columns: readonly C[],
  pageSize: number,
  /** Also `answers_json`: the JSON answers, read only when the answer codes cannot stand in for them. */
  json: "none" | "withoutCodes" | "withoutCodesOrWithText" = "none",
): AsyncGenerator<(Pick<ResponseRow, C> & { answers_json: string | null })[], void, undefined> {
  const byRowid = isSqlite(db);
  let after: string | number = byRowid ? Number.MIN_SAFE_INTEGER : "";
  const jsonColumn =
    json === "withoutCodes"
      ? sql<string | null>`case when answer_codes is null then answers end`
      : json === "withoutCodesOrWithText"
        ? sql<string | null>`case when answer_codes is null or answer_codes like '%~%' then answers end`
        : sql<null>`null`;
  for (;;) {
    let query = db
      .selectFrom("responses")
      .select(columns as readonly (keyof ResponseRow)[])
      .select(jsonColumn.as("answers_json"))
      .where("round_id", "=", roundId)
      .where("status", "=", "submitted")
      .limit(pageSize);
    query = byRowid
      ? query.select(sql<number>`rowid`.as("_key")).where(sql.ref("rowid"), ">", after).orderBy(sql.ref("rowid"))
      : query.select("id as _key").where("id", ">", after as string).orderBy("id");
    const rows = (await query.execute()) as unknown as (Pick<ResponseRow, C> & { answers_json: string | null; _key: string | number })[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]._key;
    yield rows;
    if (rows.length < pageSize) return;
  }
}
