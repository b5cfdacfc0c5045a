import type { Kysely } from "kysely";
import type { Database, DefinitionRow } from "../../../db/schema";
import { canonicalJson, issueLine, issueText, parseDefinition, parseDefinitionText, type DefinitionIssue } from "../../domain/definition/parse";
import type { Definition } from "../../domain/definition/schema";
import { textIn } from "../../domain/definition/text";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
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

/**
 * Stores a definition as a published, immutable version. Importing the same content again is
 * a no-op; different content under an existing key and version is refused.
 */
export async function importDefinition(db: Kysely<Database>, text: string, source: string): Promise<ImportOutcome> {
  const report = validateDefinitionText(text);
  if (!report.ok) {
    throw new UserError(msg("definitions.hasProblems", { file: source, count: report.issues.length }), 400, report.issues.map(issueText));
  }
  const { definition, hash } = report;
  const id = definitionId(definition.key, definition.version);
  const stored = JSON.stringify(JSON.parse(text.replace(/^\uFEFF/, "")));
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("definitions").select(["content_hash", "source"]).where("id", "=", id).executeTakeFirst();
    if (existing) {
      if (existing.content_hash === hash) return { id, status: "unchanged" as const, hash };
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
        content: stored,
        content_hash: hash,
        status: "published",
        source,
        created_at: now,
        published_at: now,
      })
      .execute();
    return { id, status: "imported" as const, hash };
  });
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
  const rows = await query.orderBy("published_at", "desc").execute();
  if (rows.length === 0) {
    const known = await db.selectFrom("definitions").select("id").orderBy("id").execute();
    throw new UserError(msg("definitions.noPublished", { ref, known: known.length ? known.map((r) => r.id).join(", ") : msg("definitions.noneYet") }), 404);
  }
  return rows[0].id;
}

export async function listDefinitions(db: Kysely<Database>) {
  return db.selectFrom("definitions").select(["id", "key", "version", "title_vi", "title_en", "content_hash", "status", "published_at"]).orderBy("id").execute();
}
