import type { Kysely } from "kysely";
import type { Database, DefinitionRow } from "../../../db/schema";
import { canonicalJson, issueLine, issueText, parseDefinition, parseDefinitionText, type DefinitionIssue } from "../../domain/definition/parse";
import type { Definition } from "../../domain/definition/schema";
import { textIn } from "../../domain/definition/text";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { recordAudit } from "../platform/audit.server";
import { nowIso, sha256 } from "../platform/ids-and-time.server";

export type ValidationReport = { ok: true; definition: Definition; hash: string } | { ok: false; issues: DefinitionIssue[] };

/** Validates definition text. The hash covers the canonical form, so reformatting a file does not change it. */
export function validateDefinitionText(text: string): ValidationReport {
  const parsed = parseDefinitionText(text);
  if (!parsed.ok) return parsed;
  return { ok: true, definition: parsed.definition, hash: sha256(canonicalJson(parsed.raw)) };
}

export function definitionId(key: string, version: string) {
  return `${key}@${version}`;
}

export interface ImportOutcome {
  id: string;
  status: "imported" | "unchanged";
  hash: string;
}

/** Who published or retired a version: a staff user's id, or `cli:<user>` (as the audit trail names actors). */
export type Actor = string;

/**
 * Stores a definition as a published, immutable version. Importing the same content again is
 * a no-op; different content under an existing key and version is refused.
 */
export async function importDefinition(
  db: Kysely<Database>,
  text: string,
  source: string,
  options: { actor?: Actor; basedOn?: string | null } = {},
): Promise<ImportOutcome> {
  const report = validateDefinitionText(text);
  if (!report.ok) {
    throw new UserError(msg("definitions.hasProblems", { file: source, count: report.issues.length }), 400, report.issues.map(issueText));
  }
  const stored = JSON.stringify(JSON.parse(text.replace(/^\uFEFF/, "")));
  return db.transaction().execute((trx) => storeVersion(trx, { definition: report.definition, hash: report.hash, stored, source, ...options }));
}

/**
 * Writes one published version inside the caller's transaction (the file import and the studio's publish share it,
 * so the immutability check and the hash are the same), with the audit record when a person published it.
 */
export async function storeVersion(
  trx: Kysely<Database>,
  input: { definition: Definition; hash: string; stored: string; source: string; actor?: Actor; basedOn?: string | null },
): Promise<ImportOutcome> {
  const { definition, hash } = input;
  const id = definitionId(definition.key, definition.version);
  const existing = await trx.selectFrom("definitions").select(["content_hash", "source"]).where("id", "=", id).executeTakeFirst();
  if (existing) {
    if (existing.content_hash === hash) return { id, status: "unchanged", hash };
    throw new UserError(msg("definitions.alreadyPublished", { id, stored: existing.content_hash.slice(0, 12), incoming: hash.slice(0, 12) }), 409);
  }
  const now = nowIso();
  await trx
    .insertInto("definitions")
    .values({
      id,
      key: definition.key,
      version: definition.version,
      title_vi: definition.title.vi,
      title_en: textIn(definition.title, "en"),
      content: input.stored,
      content_hash: hash,
      status: "published",
      source: input.source,
      created_at: now,
      published_at: now,
      published_by: input.actor ? await actorName(trx, input.actor) : null,
      based_on: input.basedOn ?? null,
      retired_at: null,
      retired_by: null,
    })
    .execute();
  if (input.actor) {
    await recordAudit(trx, { actor: input.actor, action: "definition.publish", target: id, details: { hash, basedOn: input.basedOn ?? null, source: input.source } });
  }
  return { id, status: "imported", hash };
}

/** A staff user's name for the "published by" column (the audit trail keeps the id too). */
export async function actorName(db: Kysely<Database>, actor: Actor): Promise<string> {
  if (actor.startsWith("cli:")) return actor;
  const user = await db.selectFrom("staff_users").select("username").where("id", "=", actor).executeTakeFirst();
  return user?.username ?? actor;
}

/**
 * Retires a version: no new round can use it; the rounds that use it keep it, unchanged. Retiring twice is refused
 * with a message, not silently repeated in the trail.
 */
export async function retireVersion(db: Kysely<Database>, id: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("definitions").select(["status"]).where("id", "=", id).executeTakeFirst();
    if (!row) throw new UserError(msg("definitions.unknown", { id }), 404);
    if (row.status === "retired") throw new UserError(msg("studio.alreadyRetired", { id }), 409);
    await trx
      .updateTable("definitions")
      .set({ status: "retired", retired_at: nowIso(), retired_by: await actorName(trx, actor) })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, { actor, action: "definition.retire", target: id });
  });
}

/** The version as it was written (shared scales by name), for a new draft, the workbook and the editor. */
export async function getVersionRaw(db: Kysely<Database>, id: string): Promise<{ row: DefinitionRow; raw: Record<string, unknown> }> {
  const row = await db.selectFrom("definitions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new UserError(msg("definitions.unknown", { id }), 404);
  return { row, raw: JSON.parse(row.content) as Record<string, unknown> };
}

/** Parses a stored definition. Stored content was validated on import; a failure here means tampering. */
export function definitionFromRow(row: Pick<DefinitionRow, "id" | "content">): Definition {
  const parsed = parseDefinition(JSON.parse(row.content));
  if (!parsed.ok) throw new Error(`Stored definition ${row.id} no longer validates: ${parsed.issues[0] && issueLine(parsed.issues[0], "en")}`);
  return parsed.definition;
}

const cache = new Map<string, Definition>();

/** Published versions never change, so a parsed copy can be kept for the life of the process. */
export async function getDefinition(db: Kysely<Database>, id: string): Promise<Definition> {
  const hit = cache.get(id);
  if (hit) return hit;
  const row = await db.selectFrom("definitions").select(["id", "content"]).where("id", "=", id).executeTakeFirst();
  if (!row) throw new UserError(msg("definitions.unknown", { id }), 404);
  const def = definitionFromRow(row);
  cache.set(id, def);
  return def;
}

/** `key@version`, or `key` alone for its latest published version. */
export async function resolveDefinitionRef(db: Kysely<Database>, ref: string): Promise<string> {
  const [key, version] = ref.split("@");
  let query = db.selectFrom("definitions").select(["id", "version", "published_at"]).where("key", "=", key).where("status", "=", "published");
  if (version) query = query.where("version", "=", version);
  const rows = (await query.execute()).sort((a, b) => (b.published_at ?? "").localeCompare(a.published_at ?? "") || compareVersions(b.version, a.version));
  if (rows.length === 0) {
    if (version) {
      const retired = await db.selectFrom("definitions").select("id").where("id", "=", definitionId(key, version)).where("status", "=", "retired").executeTakeFirst();
      if (retired) throw new UserError(msg("studio.retiredForRounds", { id: retired.id }), 409);
    }
    const known = await db.selectFrom("definitions").select("id").where("status", "=", "published").orderBy("id").execute();
    throw new UserError(msg("definitions.noPublished", { ref, known: known.length ? known.map((r) => r.id).join(", ") : msg("definitions.noneYet") }), 404);
  }
  return rows[0].id;
}

export async function listDefinitions(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("definitions")
    .select(["id", "key", "version", "title_vi", "title_en", "content_hash", "status", "source", "published_at", "published_by", "based_on", "retired_at", "retired_by"])
    .execute();
  return rows.sort((a, b) => a.key.localeCompare(b.key) || compareVersions(a.version, b.version));
}

/** "2" before "10", "2022.1" before "2022.2": versions in the order people number them. */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
