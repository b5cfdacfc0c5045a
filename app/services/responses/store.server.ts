import type { Kysely, Transaction } from "kysely";
import type { Database, InvitationRow, NewResponse, ResponseRow } from "../../../db/schema";
import { storedAnswers } from "../../domain/answers/answer-codes";
import type { Answers } from "../../domain/definition/conditions";
import type { Definition, Locale } from "../../domain/definition/schema";
import { newId, nowIso } from "../platform/ids-and-time.server";

/**
 * The one writer of responses. A citizen's draft and submission, a verified paper form, the rows of a CSV import and
 * the test factory all write here, so a response row is built one way, its answer codes are always written beside the
 * JSON (docs/decisions/017-answer-codes.md), and every change to a round's submitted data moves the round's
 * `data_version` on — the key that invalidates cached results.
 */

type Db = Kysely<Database> | Transaction<Database>;
type EntryMode = ResponseRow["entry_mode"];

/** The design values a response carries into the indices (copied from its invitation, or read from an import). */
export interface ResponseDesign {
  unit: string | null;
  stratum: string | null;
  psu: string | null;
  weight: number | null;
  fpc: number | null;
}

/** A response to an invitation code, online or keyed from paper. */
export interface InvitationAnswers {
  invitation: InvitationRow;
  definitionId: string;
  definition: Definition;
  answers: Answers;
  locale: Locale;
  entryMode: Exclude<EntryMode, "import">;
}

function responseRow(
  at: { roundId: string; code: string | null; definitionId: string; definition: Definition },
  answers: Answers,
  design: ResponseDesign,
  how: { status: ResponseRow["status"]; locale: Locale; entryMode: EntryMode; now: string },
): NewResponse {
  return {
    id: newId(),
    round_id: at.roundId,
    invitation_code: at.code,
    definition_id: at.definitionId,
    status: how.status,
    ...storedAnswers(at.definition, answers),
    locale: how.locale,
    entry_mode: how.entryMode,
    unit_code: design.unit,
    stratum: design.stratum,
    psu: design.psu,
    weight: design.weight,
    fpc: design.fpc,
    created_at: how.now,
    updated_at: how.now,
    submitted_at: how.status === "submitted" ? how.now : null,
  };
}

function designOf(invitation: InvitationRow): ResponseDesign {
  return { unit: invitation.unit_code, stratum: invitation.stratum, psu: invitation.psu, weight: invitation.weight, fpc: invitation.fpc };
}

/** The row of an invitation's response as a draft, made if the code has none yet (a second writer's insert does nothing). */
async function ensureDraftRow(db: Db, input: InvitationAnswers, now: string): Promise<void> {
  const { invitation } = input;
  const at = { roundId: invitation.round_id, code: invitation.code, definitionId: input.definitionId, definition: input.definition };
  await db
    .insertInto("responses")
    .values(responseRow(at, input.answers, designOf(invitation), { status: "draft", locale: input.locale, entryMode: input.entryMode, now }))
    .onConflict((oc) => oc.column("invitation_code").doNothing())
    .execute();
}

/**
 * Keeps the answers of a questionnaire not yet submitted. "submitted" when the code's response was submitted
 * meanwhile: then nothing changed.
 */
export async function saveDraft(db: Kysely<Database>, input: InvitationAnswers): Promise<"saved" | "submitted"> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    await ensureDraftRow(trx, input, now);
    const updated = await trx
      .updateTable("responses")
      .set({ ...storedAnswers(input.definition, input.answers), locale: input.locale, updated_at: now })
      .where("invitation_code", "=", input.invitation.code)
      .where("status", "=", "draft")
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 0 ? "submitted" : "saved";
  });
}

/**
 * Submits an invitation's questionnaire, inside the caller's transaction. The conditional update
 * (`status = 'draft'`) is the guard: of two submissions racing — two browsers, or a citizen and a clerk — exactly one
 * changes the row. The loser learns how the code was answered (and the caller rolls its transaction back).
 * A draft of another mode (an online draft when a paper form is verified) is replaced.
 */
export async function submitForInvitation(
  trx: Transaction<Database>,
  input: InvitationAnswers,
): Promise<{ ok: true } | { ok: false; submittedAs: EntryMode | null }> {
  const { invitation } = input;
  const now = nowIso();
  await ensureDraftRow(trx, input, now);
  const updated = await trx
    .updateTable("responses")
    .set({ status: "submitted", entry_mode: input.entryMode, ...storedAnswers(input.definition, input.answers), locale: input.locale, updated_at: now, submitted_at: now })
    .where("invitation_code", "=", invitation.code)
    .where("status", "=", "draft")
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    const row = await trx.selectFrom("responses").select("entry_mode").where("invitation_code", "=", invitation.code).executeTakeFirst();
    return { ok: false, submittedAs: row?.entry_mode ?? null };
  }
  await trx.updateTable("invitations").set({ status: "submitted", submitted_at: now }).where("code", "=", invitation.code).execute();
  // A returned questionnaire is the sampled person's outcome, whatever was recorded before (late answers count).
  await trx.updateTable("sample_units").set({ outcome: "returned", updated_at: now }).where("invitation_code", "=", invitation.code).execute();
  await bumpDataVersion(trx, invitation.round_id);
  return { ok: true };
}

/** Submitted responses without an invitation (entry mode "import"), with their design values. */
export interface ImportedResponse extends ResponseDesign {
  answers: Answers;
}

const INSERT_BATCH = 500;

/**
 * Writes imported responses in batches inside one transaction, then moves the round's data version on once: all of
 * them or, if the rows fail to come (the generator throws), none. `onWritten` hears the running count after each batch.
 */
export async function writeImportedResponses(
  db: Kysely<Database>,
  round: { id: string; definitionId: string; definition: Definition },
  rows: AsyncIterable<ImportedResponse> | Iterable<ImportedResponse>,
  onWritten?: (count: number) => void,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const at = { roundId: round.id, code: null, definitionId: round.definitionId, definition: round.definition };
    let batch: NewResponse[] = [];
    let written = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await trx.insertInto("responses").values(batch).execute();
      written += batch.length;
      batch = [];
      onWritten?.(written);
    };
    for await (const r of rows) {
      batch.push(responseRow(at, r.answers, r, { status: "submitted", locale: "vi", entryMode: "import", now }));
      if (batch.length >= INSERT_BATCH) await flush();
    }
    await flush();
    await bumpDataVersion(trx, round.id);
    return written;
  });
}

/** Every change to a round's submitted data moves its version on, which invalidates cached results. */
export async function bumpDataVersion(db: Db, roundId: string): Promise<void> {
  await db.updateTable("rounds").set((eb) => ({ data_version: eb("data_version", "+", 1) })).where("id", "=", roundId).execute();
}
