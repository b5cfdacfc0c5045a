import type { Kysely, Transaction } from "kysely";
import type { Database, InvitationRow, NewResponse, ResponseRow } from "../../../db/schema";
import { runCompiledOnce } from "../../../db/compiled-once";
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
  /**
   * The answers (stored JSON text) the caller read and merged its page into, or null when it saw no response row.
   * When given, the write happens only if the row still holds exactly these answers: a draft written meanwhile by
   * another request for the same code (a second phone, a second app server) is never overwritten with a copy that
   * lacks its pages; the caller is told "changed" and merges again. Absent: the write does not look (paper entry).
   */
  expected?: string | null;
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

/**
 * The row of an invitation's response as a draft, made if the code has none yet (a second writer's insert does
 * nothing). Not tried when the caller read the row (`expected` is its answers): rows are never deleted, so it is there.
 */
async function ensureDraftRow(db: Db, input: InvitationAnswers, now: string): Promise<boolean> {
  if (typeof input.expected === "string") return false;
  const { invitation } = input;
  const at = { roundId: invitation.round_id, code: invitation.code, definitionId: input.definitionId, definition: input.definition };
  const row = responseRow(at, input.answers, designOf(invitation), { status: "draft", locale: input.locale, entryMode: input.entryMode, now });
  // The first page of every citizen runs this: built and compiled once (db/compiled-once.ts), the row's columns as values.
  const inserted = await runCompiledOnce(
    db,
    "responses.ensureDraftRow",
    (value) =>
      db
        .insertInto("responses")
        .values(Object.fromEntries(Object.keys(row).map((column) => [column, value(column)])) as unknown as NewResponse)
        .onConflict((oc) => oc.column("invitation_code").doNothing()),
    row as unknown as Record<string, unknown>,
  );
  return Number(inserted.numAffectedRows ?? 0) > 0;
}

/**
 * Keeps the answers of a questionnaire not yet submitted. "submitted" when the code's response was submitted
 * meanwhile, "changed" when another request changed the draft since the caller read it (`expected`): then nothing
 * changed here. No transaction: the write is one statement (the first page's insert carries the answers; a later
 * page's update is conditional on the row still being a draft holding what the caller read), and what is read after
 * a write that changed nothing only says why.
 */
export async function saveDraft(db: Kysely<Database>, input: InvitationAnswers): Promise<"saved" | "submitted" | "changed"> {
  const now = nowIso();
  const inserted = await ensureDraftRow(db, input, now);
  if (inserted) return "saved";
  if (input.expected === null) return await whyNotWritten(db, input);
  const conditional = input.expected !== undefined;
  const values = { ...storedAnswers(input.definition, input.answers), locale: input.locale, updated_at: now, code: input.invitation.code, expected: input.expected };
  // Every page a citizen posts runs this: built and compiled once per shape (db/compiled-once.ts).
  const updated = await runCompiledOnce(db, conditional ? "responses.saveDraft.expected" : "responses.saveDraft", (value) => {
    const update = db
      .updateTable("responses")
      .set({ answers: value("answers"), answer_codes: value("answer_codes"), locale: value("locale") as Locale, updated_at: value("updated_at") })
      .where("invitation_code", "=", value("code"))
      .where("status", "=", "draft");
    return conditional ? update.where("answers", "=", value("expected")) : update;
  }, values);
  if (Number(updated.numAffectedRows ?? 0) > 0) return "saved";
  return input.expected === undefined ? "submitted" : await whyNotWritten(db, input);
}

/** A conditional write that changed nothing: the response was submitted meanwhile, or its draft changed. */
async function whyNotWritten(db: Db, input: InvitationAnswers): Promise<"submitted" | "changed"> {
  const row = await db.selectFrom("responses").select("status").where("invitation_code", "=", input.invitation.code).executeTakeFirst();
  return row?.status === "submitted" ? "submitted" : "changed";
}

/**
 * Submits an invitation's questionnaire, inside the caller's transaction. The conditional update
 * (`status = 'draft'`, and the answers the caller merged into when it says so) is the guard: of two submissions
 * racing — two browsers, or a citizen and a clerk — exactly one changes the row. The loser learns how the code was
 * answered (and the caller rolls its transaction back), or that the draft changed under it (`changed`: merge again).
 * A draft of another mode (an online draft when a paper form is verified) is replaced.
 */
export async function submitForInvitation(
  trx: Transaction<Database>,
  input: InvitationAnswers,
): Promise<{ ok: true } | { ok: false; submittedAs: EntryMode | null; changed?: boolean }> {
  const { invitation } = input;
  const now = nowIso();
  const inserted = await ensureDraftRow(trx, input, now);
  // A row made just now holds the caller's answers; one made by another request meanwhile is a change.
  const expected = inserted ? storedAnswers(input.definition, input.answers).answers : input.expected;
  const conditional = expected !== undefined && expected !== null;
  const values = { ...storedAnswers(input.definition, input.answers), entry_mode: input.entryMode, locale: input.locale, now, code: invitation.code, expected, round: invitation.round_id };
  // Every submission runs these: each built and compiled once (db/compiled-once.ts).
  const updated =
    expected === null
      ? { numAffectedRows: 0n }
      : await runCompiledOnce(trx, conditional ? "responses.submit.expected" : "responses.submit", (value) => {
          const update = trx
            .updateTable("responses")
            .set({
              status: "submitted",
              entry_mode: value("entry_mode") as EntryMode,
              answers: value("answers"),
              answer_codes: value("answer_codes"),
              locale: value("locale") as Locale,
              updated_at: value("now"),
              submitted_at: value("now"),
            })
            .where("invitation_code", "=", value("code"))
            .where("status", "=", "draft");
          return conditional ? update.where("answers", "=", value("expected")) : update;
        }, values);
  if (Number(updated.numAffectedRows ?? 0) === 0) {
    const row = await trx.selectFrom("responses").select(["entry_mode", "status"]).where("invitation_code", "=", invitation.code).executeTakeFirst();
    if (row?.status === "submitted") return { ok: false, submittedAs: row.entry_mode };
    return { ok: false, submittedAs: null, changed: true };
  }
  await runCompiledOnce(trx, "responses.submit.invitation", (value) => trx.updateTable("invitations").set({ status: "submitted", submitted_at: value("now") }).where("code", "=", value("code")), values);
  // A returned questionnaire is the sampled person's outcome, whatever was recorded before (late answers count).
  await runCompiledOnce(
    trx,
    "responses.submit.sampleUnit",
    (value) => trx.updateTable("sample_units").set({ outcome: "returned", updated_at: value("now") }).where("invitation_code", "=", value("code")),
    values,
  );
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
  await runCompiledOnce(db, "rounds.bumpDataVersion", (value) => db.updateTable("rounds").set((eb) => ({ data_version: eb("data_version", "+", 1) })).where("id", "=", value("round")), { round: roundId });
}
