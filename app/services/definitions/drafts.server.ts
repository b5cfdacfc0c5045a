/**
 * Drafts of questionnaire versions: made from a published version (a copy that keeps every code), from scratch or
 * from an uploaded workbook; saved with a revision number so that two people editing one draft cannot overwrite
 * each other (the second save names an older revision and is refused); published into an immutable version.
 */
import type { Kysely } from "kysely";
import type { Database, DefinitionDraftRow } from "../../../db/schema";
import { canonicalJson, parseDefinition, type DefinitionIssue } from "../../domain/definition/parse";
import type { Definition } from "../../domain/definition/schema";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { recordAudit } from "../platform/audit.server";
import { newId, nowIso, sha256 } from "../platform/ids-and-time.server";
import { actorName, compareVersions, definitionId, getVersionRaw, storeVersion, type Actor, type ImportOutcome } from "./versions.server";

export type RawDefinition = Record<string, unknown>;

/** Who is asking: the actor, and the province whose drafts they may see (null: every draft). */
export interface DraftScope {
  actor: Actor;
  provinceCode: string | null;
}

export interface Draft {
  id: string;
  key: string;
  version: string;
  basedOn: string | null;
  raw: RawDefinition;
  revision: number;
  provinceCode: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** Every problem the validator finds (empty: ready to publish). */
  issues: DefinitionIssue[];
}

const KEY = /^[a-z0-9][a-z0-9-]*$/;
const VERSION = /^[0-9A-Za-z][0-9A-Za-z.-]*$/;

function toDraft(row: DefinitionDraftRow): Draft {
  const raw = JSON.parse(row.content) as RawDefinition;
  const parsed = parseDefinition(raw);
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    basedOn: row.based_on,
    raw,
    revision: row.revision,
    provinceCode: row.province_code,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    issues: parsed.ok ? [] : parsed.issues,
  };
}

/** The next version number of a questionnaire: one more than the highest whole number among versions and drafts. */
export async function nextVersion(db: Kysely<Database>, key: string): Promise<string> {
  const versions = [
    ...(await db.selectFrom("definitions").select("version").where("key", "=", key).execute()),
    ...(await db.selectFrom("definition_drafts").select("version").where("key", "=", key).execute()),
  ].map((r) => r.version);
  const whole = versions.map((v) => /^\d+$/.test(v) ? Number(v) : Number.parseInt(v, 10)).filter((n) => Number.isFinite(n));
  return String(whole.length ? Math.max(...whole) + 1 : 1);
}

async function assertVersionFree(db: Kysely<Database>, key: string, version: string) {
  if (!KEY.test(key)) throw new UserError(msg("studio.badKey", { key }), 400);
  if (!VERSION.test(version)) throw new UserError(msg("studio.badVersion", { version }), 400);
  const id = definitionId(key, version);
  const taken =
    (await db.selectFrom("definitions").select("id").where("id", "=", id).executeTakeFirst()) ??
    (await db.selectFrom("definition_drafts").select("id").where("key", "=", key).where("version", "=", version).executeTakeFirst());
  if (taken) throw new UserError(msg("studio.versionTaken", { id }), 409);
}

/** A questionnaire with one section and one question: somewhere to start typing. */
export function blankDefinition(key: string, version: string): RawDefinition {
  return {
    key,
    version,
    title: { vi: "" },
    sections: [{ code: "A", title: { vi: "" }, items: [{ code: "A_1", type: "single", label: { vi: "" }, options: [{ code: "1", label: { vi: "" } }, { code: "2", label: { vi: "" } }] }] }],
    indices: [],
  };
}

export interface NewDraft {
  /** Copy this published version (keeping its codes); its key unless `key` is given. */
  from?: string;
  /** Or start from this content (an upload); its own key and version unless given. */
  raw?: RawDefinition;
  key?: string;
  version?: string;
  /** The published version an upload was made from (its key and version), for the comparison by default. */
  basedOn?: string | null;
}

/** Makes a draft; returns it. The version defaults to the next free number of the questionnaire. */
export async function createDraft(db: Kysely<Database>, input: NewDraft, scope: DraftScope): Promise<Draft> {
  let raw: RawDefinition;
  let basedOn: string | null = null;
  if (input.from) {
    raw = structuredClone((await getVersionRaw(db, input.from)).raw);
    basedOn = input.from;
  } else if (input.raw) {
    if (!input.raw || typeof input.raw !== "object" || Array.isArray(input.raw)) throw new UserError(msg("studio.notAnObject"), 400);
    raw = structuredClone(input.raw);
    basedOn = input.basedOn ?? null;
  } else {
    raw = blankDefinition(input.key ?? "", "1");
  }
  const key = input.key ?? String(raw.key ?? "");
  const version = input.version ?? (input.from || !raw.version ? await nextVersion(db, key) : String(raw.version));
  raw.key = key;
  raw.version = version;
  await assertVersionFree(db, key, version);
  const now = nowIso();
  const who = await actorName(db, scope.actor);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("definition_drafts")
      .values({
        id,
        key,
        version,
        based_on: basedOn,
        content: JSON.stringify(raw),
        revision: 1,
        province_code: scope.provinceCode,
        created_by: who,
        created_at: now,
        updated_by: who,
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, { actor: scope.actor, action: "definition.draft", target: definitionId(key, version), details: { draft: id, basedOn, revision: 1 } });
  });
  return getDraft(db, id, scope);
}

/** A draft the person may see: province staff see the drafts made in their province. */
export async function getDraft(db: Kysely<Database>, id: string, scope: Pick<DraftScope, "provinceCode">): Promise<Draft> {
  const row = await db.selectFrom("definition_drafts").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row || (scope.provinceCode !== null && row.province_code !== scope.provinceCode)) throw new UserError(msg("studio.unknownDraft", { id }), 404);
  return toDraft(row);
}

export async function listDrafts(db: Kysely<Database>, scope: Pick<DraftScope, "provinceCode">) {
  let q = db.selectFrom("definition_drafts").select(["id", "key", "version", "based_on", "revision", "province_code", "created_by", "updated_by", "updated_at", "content"]);
  if (scope.provinceCode !== null) q = q.where("province_code", "=", scope.provinceCode);
  const rows = await q.execute();
  return rows
    .map((r) => {
      const raw = JSON.parse(r.content) as { title?: { vi?: string; en?: string } };
      const parsed = parseDefinition(raw);
      return {
        id: r.id,
        key: r.key,
        version: r.version,
        basedOn: r.based_on,
        revision: r.revision,
        updatedBy: r.updated_by,
        updatedAt: r.updated_at,
        title: { vi: raw.title?.vi ?? "", en: raw.title?.en },
        problems: parsed.ok ? 0 : parsed.issues.length,
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key) || compareVersions(a.version, b.version));
}

/**
 * Saves the draft's new content if it is still at `revision`: one statement that both checks and bumps the
 * revision, so of two concurrent saves exactly one succeeds. The other is refused with who saved and when, and
 * nothing is written. The key and version stay the draft's own (change them by publishing under another number).
 */
export async function saveDraft(db: Kysely<Database>, id: string, input: { raw: RawDefinition; revision: number }, scope: DraftScope): Promise<Draft> {
  if (!input.raw || typeof input.raw !== "object" || Array.isArray(input.raw)) throw new UserError(msg("studio.notAnObject"), 400);
  const current = await getDraft(db, id, scope);
  const raw = { ...input.raw, key: current.key, version: current.version };
  const who = await actorName(db, scope.actor);
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("definition_drafts")
      .set({ content: JSON.stringify(raw), revision: input.revision + 1, updated_by: who, updated_at: nowIso() })
      .where("id", "=", id)
      .where("revision", "=", input.revision)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const now = await trx.selectFrom("definition_drafts").select(["revision", "updated_by", "updated_at"]).where("id", "=", id).executeTakeFirst();
      if (!now) throw new UserError(msg("studio.unknownDraft", { id }), 404);
      throw new UserError(msg("studio.draftConflict", { by: now.updated_by, at: vietnamTime(now.updated_at), revision: now.revision }), 409);
    }
    await recordAudit(trx, {
      actor: scope.actor,
      action: "definition.draft",
      target: definitionId(current.key, current.version),
      details: { draft: id, revision: input.revision + 1 },
    });
  });
  return getDraft(db, id, scope);
}

/** "14:05 ngày 04/12/2026" style: the time a person saw on their clock (Vietnam, UTC+7). */
function vietnamTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export async function deleteDraft(db: Kysely<Database>, id: string, scope: DraftScope): Promise<void> {
  const draft = await getDraft(db, id, scope);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("definition_drafts").where("id", "=", draft.id).execute();
    await recordAudit(trx, { actor: scope.actor, action: "definition.draft_delete", target: definitionId(draft.key, draft.version), details: { draft: draft.id } });
  });
}

/**
 * Publishes the draft at `revision` as an immutable version (refused while the validator finds a problem, or when
 * the draft changed since the person looked at it), records who and when, and removes the draft — all or nothing.
 */
export async function publishDraft(db: Kysely<Database>, id: string, input: { revision: number }, scope: DraftScope): Promise<ImportOutcome> {
  const draft = await getDraft(db, id, scope);
  if (draft.revision !== input.revision) {
    throw new UserError(msg("studio.draftConflict", { by: draft.updatedBy, at: vietnamTime(draft.updatedAt), revision: draft.revision }), 409);
  }
  const parsed = parseDefinition(draft.raw);
  if (!parsed.ok) {
    throw new UserError(msg("studio.draftHasProblems", { count: parsed.issues.length }), 400, parsed.issues.map((i) => ({ vi: `${i.where.vi}: ${i.message.vi}`, en: `${i.where.en}: ${i.message.en}` })));
  }
  // Stored as written, in the canonical key order, so that the file and the stored text agree on the hash.
  const stored = JSON.stringify(JSON.parse(canonicalJson(draft.raw)));
  return db.transaction().execute(async (trx) => {
    const outcome = await storeVersion(trx, {
      definition: parsed.definition as Definition,
      hash: sha256(canonicalJson(draft.raw)),
      stored,
      source: "app",
      actor: scope.actor,
      basedOn: draft.basedOn,
    });
    const gone = await trx.deleteFrom("definition_drafts").where("id", "=", id).where("revision", "=", input.revision).executeTakeFirst();
    if (Number(gone.numDeletedRows) !== 1) {
      throw new UserError(msg("studio.draftConflict", { by: draft.updatedBy, at: vietnamTime(draft.updatedAt), revision: draft.revision }), 409);
    }
    return outcome;
  });
}

/** A published version or a draft, named `key@version`: its content as written. */
export async function loadByRef(
  db: Kysely<Database>,
  ref: string,
  scope: Pick<DraftScope, "provinceCode">,
): Promise<{ kind: "version"; id: string; raw: RawDefinition } | { kind: "draft"; id: string; raw: RawDefinition; draft: Draft }> {
  const at = ref.lastIndexOf("@");
  if (at <= 0 || at === ref.length - 1) throw new UserError(msg("studio.badRef", { ref }), 2);
  const key = ref.slice(0, at);
  const version = ref.slice(at + 1);
  const published = await db.selectFrom("definitions").select(["id", "content"]).where("id", "=", definitionId(key, version)).executeTakeFirst();
  if (published) return { kind: "version", id: published.id, raw: JSON.parse(published.content) as RawDefinition };
  let q = db.selectFrom("definition_drafts").select("id").where("key", "=", key).where("version", "=", version);
  if (scope.provinceCode !== null) q = q.where("province_code", "=", scope.provinceCode);
  const row = await q.executeTakeFirst();
  if (!row) throw new UserError(msg("definitions.unknown", { id: ref }), 404);
  const draft = await getDraft(db, row.id, scope);
  return { kind: "draft", id: draft.id, raw: draft.raw, draft };
}
