import type { Kysely, Transaction } from "kysely";
import type { Database, InvitationRow } from "../../../db/schema";
import type { AnswerErrors, RawAnswers } from "../../domain/answers/validate";
import { codeMessages } from "../../domain/citizen-messages";
import { formatCode, normalizeCode } from "../../domain/codes";
import type { Answers } from "../../domain/definition/conditions";
import { allItems } from "../../domain/definition/conditions";
import type { Definition, LocalizedText } from "../../domain/definition/schema";
import { UserError } from "../../domain/errors";
import { applyResolution, compareEntries, sameAnswer, type EntryComparison } from "../../domain/paper/compare-entries";
import { entryMessages } from "../../domain/paper/messages";
import { BLANK_FIELD, validatePaperEntry } from "../../domain/paper/validate-entry";
import { getDefinition } from "../definitions/versions.server";
import { submitForInvitation } from "../responses/store.server";
import { newId, nowIso } from "../platform/ids-and-time.server";
import { recordAudit, type AuditActor } from "../platform/audit.server";

type Db = Kysely<Database> | Transaction<Database>;

function refuse(text: LocalizedText, status: number): UserError {
  return new UserError(text.en, status, [], text);
}

/** Whether the round's paper forms are keyed twice (by two different clerks). */
export async function getEntrySettings(db: Db, roundId: string): Promise<{ doubleEntry: boolean }> {
  const row = await db.selectFrom("round_entry_settings").select("double_entry").where("round_id", "=", roundId).executeTakeFirst();
  return { doubleEntry: Number(row?.double_entry ?? 0) === 1 };
}

/**
 * Turns double entry on or off for forms keyed from now on. A form already keyed once while it
 * was on still waits for its second entry (or a supervisor), so switching never loses a check.
 */
export async function setDoubleEntry(db: Kysely<Database>, roundId: string, on: boolean, userId: string): Promise<void> {
  const values = { round_id: roundId, double_entry: on ? 1 : 0, updated_at: nowIso(), updated_by: userId };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("round_entry_settings")
      .values(values)
      .onConflict((oc) => oc.column("round_id").doUpdateSet({ double_entry: values.double_entry, updated_at: values.updated_at, updated_by: userId }))
      .execute();
    await recordAudit(trx, { actor: userId, action: "paper.settings", roundId, details: { double_entry: on } });
  });
}

/** The code as typed by a clerk, normalised like a citizen's; a malformed one gets the citizens' message. */
export function parseEntryCode(input: string): string {
  const check = normalizeCode(input);
  if (!check.ok) throw refuse(codeMessages[check.reason], 400);
  return check.code;
}

interface FormState {
  invitation: InvitationRow;
  definitionId: string;
  roundStatus: "open" | "closed";
  response: { status: "draft" | "submitted"; entry_mode: "online" | "paper" | "import" } | undefined;
  entries: { id: string; entry_no: number; clerk_id: string; answers: string; created_at: string }[];
}

async function loadState(db: Db, roundId: string, code: string): Promise<FormState> {
  const invitation = await db.selectFrom("invitations").selectAll().where("code", "=", code).where("round_id", "=", roundId).executeTakeFirst();
  if (!invitation) throw refuse(entryMessages.notInRound, 404);
  const round = await db.selectFrom("rounds").select(["status", "definition_id"]).where("id", "=", roundId).executeTakeFirstOrThrow();
  const response = await db.selectFrom("responses").select(["status", "entry_mode"]).where("invitation_code", "=", code).executeTakeFirst();
  const entries = await db
    .selectFrom("paper_entries")
    .select(["id", "entry_no", "clerk_id", "answers", "created_at"])
    .where("invitation_code", "=", code)
    .orderBy("entry_no")
    .execute();
  return { invitation, definitionId: round.definition_id, roundStatus: round.status, response, entries: entries.map((e) => ({ ...e, entry_no: Number(e.entry_no) })) };
}

function refuseIfSubmitted(state: FormState) {
  if (state.response?.status !== "submitted") return;
  const mode = state.response.entry_mode;
  throw refuse(mode === "online" ? entryMessages.submittedOnline : mode === "paper" ? entryMessages.submittedPaper : entryMessages.submittedOther, 409);
}

/** Which entry a clerk would make now, or why they cannot key this form. */
function nextEntryFor(state: FormState, clerkId: string): 1 | 2 {
  if (state.roundStatus !== "open") throw refuse(entryMessages.roundClosed, 409);
  refuseIfSubmitted(state);
  if (state.entries.length >= 2) throw refuse(entryMessages.awaitingReview, 409);
  if (state.entries.length === 1) {
    if (state.entries[0].clerk_id === clerkId) throw refuse(entryMessages.sameClerk, 409);
    return state.entries[0].entry_no === 1 ? 2 : 1;
  }
  return 1;
}

export interface KeyingTarget {
  code: string;
  /** 1 = first (or only) entry; 2 = the blind second entry. */
  entryNo: 1 | 2;
  doubleEntry: boolean;
  /** The person started answering online but has not submitted: a verified paper form replaces the draft. */
  onlineDraft: boolean;
  definitionId: string;
}

/**
 * Opens a paper form for keying. The answers of an earlier entry are never returned: a second
 * clerk keys blind.
 */
export async function openForKeying(db: Kysely<Database>, roundId: string, rawCode: string, clerkId: string): Promise<KeyingTarget> {
  const code = parseEntryCode(rawCode);
  const state = await loadState(db, roundId, code);
  const entryNo = nextEntryFor(state, clerkId);
  const { doubleEntry } = await getEntrySettings(db, roundId);
  return {
    code,
    entryNo,
    doubleEntry: doubleEntry || state.entries.length > 0,
    onlineDraft: state.response?.status === "draft" && state.response.entry_mode === "online",
    definitionId: state.definitionId,
  };
}

export type EntryState = "submitted" | "awaiting-second" | "verified" | "mismatch";

export type SaveEntryOutcome =
  | { ok: false; errors: AnswerErrors }
  | { ok: true; code: string; entryNo: 1 | 2; state: EntryState; mismatches: number };

/**
 * Saves one clerk's keying of a paper form. Single entry: the response is submitted at once.
 * Double entry: the first entry waits; the second (by another clerk) is compared item by item,
 * and the response is submitted only when both agree; otherwise a supervisor resolves it.
 * Entry number and submission are decided inside one transaction, so two clerks saving at once
 * cannot both make the same entry, and a code submitted online meanwhile is refused (409).
 */
export async function saveEntry(
  db: Kysely<Database>,
  input: { roundId: string; code: string; clerkId: string; raw: RawAnswers },
): Promise<SaveEntryOutcome> {
  const code = parseEntryCode(input.code);
  const { roundId, clerkId } = input;
  const first = await loadState(db, roundId, code);
  nextEntryFor(first, clerkId); // refuse early, before validating, when the form cannot be keyed at all
  const definition = await getDefinition(db, first.definitionId);
  const checked = validatePaperEntry(definition, input.raw);
  if (Object.keys(checked.errors).length) return { ok: false, errors: checked.errors };

  return db.transaction().execute(async (trx) => {
    const { doubleEntry } = await getEntrySettings(trx, roundId);
    // A clash on (code, entry number) means another clerk saved this instant: look again once.
    for (let attempt = 0; attempt < 2; attempt++) {
      const state = await loadState(trx, roundId, code);
      const entryNo = nextEntryFor(state, clerkId);
      const inserted = await trx
        .insertInto("paper_entries")
        .values({ id: newId(), round_id: roundId, invitation_code: code, entry_no: entryNo, clerk_id: clerkId, answers: JSON.stringify(checked.answers), created_at: nowIso() })
        .onConflict((oc) => oc.columns(["invitation_code", "entry_no"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) continue;
      await recordAudit(trx, { actor: clerkId, action: "paper.entry", roundId, target: formatCode(code), details: { entry: entryNo } });

      if (state.entries.length === 0) {
        if (doubleEntry) return { ok: true as const, code, entryNo, state: "awaiting-second" as const, mismatches: 0 };
        await submitPaperResponse(trx, state.invitation, state.definitionId, checked.answers);
        return { ok: true as const, code, entryNo, state: "submitted" as const, mismatches: 0 };
      }
      const other = JSON.parse(state.entries[0].answers) as Answers;
      const [a, b] = entryNo === 2 ? [other, checked.answers] : [checked.answers, other];
      const comparison = compareEntries(definition, a, b);
      if (comparison.mismatches.length > 0) {
        return { ok: true as const, code, entryNo, state: "mismatch" as const, mismatches: comparison.mismatches.length };
      }
      await submitPaperResponse(trx, state.invitation, state.definitionId, checked.answers);
      return { ok: true as const, code, entryNo, state: "verified" as const, mismatches: 0 };
    }
    throw refuse(entryMessages.busy, 409);
  });
}

/**
 * Counts a verified paper form: the same one-submission rule as online (`submitForm`): the row
 * moves from draft to submitted by a conditional update, so a code submitted online meanwhile
 * refuses this (and the whole transaction, entry included, is rolled back). An online draft of
 * the same code is replaced by the paper answers.
 */
async function submitPaperResponse(trx: Transaction<Database>, invitation: InvitationRow, definitionId: string, answers: Answers) {
  const definition = await getDefinition(trx, definitionId);
  const outcome = await submitForInvitation(trx, { invitation, definitionId, definition, answers, locale: "vi", entryMode: "paper" });
  if (!outcome.ok) throw refuse(outcome.submittedAs === "online" ? entryMessages.submittedOnline : entryMessages.submittedPaper, 409);
}

export interface EntryProgress {
  /** Paper forms counted (verified). */
  verified: number;
  awaitingSecond: number;
  awaitingReview: number;
}

/** Paper forms of a round by stage, for the entry page. */
export async function entryProgress(db: Kysely<Database>, roundId: string): Promise<EntryProgress> {
  const verified = await db
    .selectFrom("responses")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("round_id", "=", roundId)
    .where("entry_mode", "=", "paper")
    .where("status", "=", "submitted")
    .executeTakeFirstOrThrow();
  const pending = await pendingEntries(db, roundId);
  let awaitingSecond = 0;
  let awaitingReview = 0;
  for (const list of pending.values()) list.length >= 2 ? awaitingReview++ : awaitingSecond++;
  return { verified: Number(verified.n), awaitingSecond, awaitingReview };
}

interface PendingEntry {
  invitation_code: string;
  entry_no: number;
  clerk_id: string;
  clerk_name: string | null;
  answers: string;
  created_at: string;
}

/** Entries of forms not (yet) counted, by code. */
async function pendingEntries(db: Kysely<Database>, roundId: string, code?: string): Promise<Map<string, PendingEntry[]>> {
  let query = db
    .selectFrom("paper_entries as pe")
    .leftJoin("responses as r", "r.invitation_code", "pe.invitation_code")
    .leftJoin("staff_users as u", "u.id", "pe.clerk_id")
    .select(["pe.invitation_code", "pe.entry_no", "pe.clerk_id", "u.display_name as clerk_name", "pe.answers", "pe.created_at"])
    .where("pe.round_id", "=", roundId)
    .where((eb) => eb.or([eb("r.status", "is", null), eb("r.status", "!=", "submitted")]))
    .orderBy("pe.invitation_code")
    .orderBy("pe.entry_no");
  if (code) query = query.where("pe.invitation_code", "=", code);
  const map = new Map<string, PendingEntry[]>();
  for (const row of await query.execute()) {
    const list = map.get(row.invitation_code) ?? [];
    list.push({ ...row, entry_no: Number(row.entry_no) });
    map.set(row.invitation_code, list);
  }
  return map;
}

export interface ReviewQueue {
  mismatched: { code: string; mismatches: number; clerks: string[]; keyedAt: string }[];
  awaitingSecond: { code: string; clerk: string; keyedAt: string }[];
}

/** Forms for a supervisor: double-entered forms that differ, and forms keyed once waiting for a second clerk. */
export async function reviewQueue(db: Kysely<Database>, roundId: string, definition: Definition): Promise<ReviewQueue> {
  const queue: ReviewQueue = { mismatched: [], awaitingSecond: [] };
  for (const [code, list] of await pendingEntries(db, roundId)) {
    if (list.length >= 2) {
      const comparison = compareEntries(definition, JSON.parse(list[0].answers), JSON.parse(list[1].answers));
      queue.mismatched.push({ code, mismatches: comparison.mismatches.length, clerks: list.map((e) => e.clerk_name ?? e.clerk_id), keyedAt: list[1].created_at });
    } else {
      queue.awaitingSecond.push({ code, clerk: list[0].clerk_name ?? list[0].clerk_id, keyedAt: list[0].created_at });
    }
  }
  return queue;
}

export interface Review {
  code: string;
  entries: { entryNo: number; clerk: string; keyedAt: string; answers: Answers }[];
  comparison: EntryComparison;
}

/** Both entries of a form waiting for review, and where they differ. */
export async function getReview(db: Kysely<Database>, roundId: string, rawCode: string, definition: Definition): Promise<Review> {
  const code = parseEntryCode(rawCode);
  const list = (await pendingEntries(db, roundId, code)).get(code) ?? [];
  if (list.length < 2) throw refuse(entryMessages.notInReview, 404);
  const entries = list.map((e) => ({ entryNo: e.entry_no, clerk: e.clerk_name ?? e.clerk_id, keyedAt: e.created_at, answers: JSON.parse(e.answers) as Answers }));
  return { code, entries, comparison: compareEntries(definition, entries[0].answers, entries[1].answers) };
}

/**
 * A supervisor's resolution: for each question where the entries differ, the value read on the
 * paper form (posted as the question's answer, "-" for blank). The result is validated like any
 * keyed form; questions both clerks left blank stay blank.
 */
export async function resolveReview(
  db: Kysely<Database>,
  input: { roundId: string; code: string; reviewerId: string; picks: RawAnswers },
): Promise<{ ok: true } | { ok: false; errors: AnswerErrors }> {
  const code = parseEntryCode(input.code);
  const state = await loadState(db, input.roundId, code);
  if (state.roundStatus !== "open") throw refuse(entryMessages.roundClosed, 409);
  refuseIfSubmitted(state);
  const definition = await getDefinition(db, state.definitionId);
  const review = await getReview(db, input.roundId, code, definition);
  const { comparison } = review;
  const raw = applyResolution(comparison, input.picks);
  const disputed = new Set(comparison.mismatches.map((m) => m.item));
  const blanks = allItems(definition)
    .map((i) => i.code)
    .filter((c) => !disputed.has(c) && comparison.agreed[c] === undefined);
  raw[BLANK_FIELD] = blanks;
  const checked = validatePaperEntry(definition, raw);
  if (Object.keys(checked.errors).length) return { ok: false, errors: checked.errors };

  const resolution: Record<string, string> = {};
  for (const m of comparison.mismatches) {
    const item = allItems(definition).find((i) => i.code === m.item)!;
    const kept = checked.answers[m.item];
    const shown = kept !== undefined || checked.blanks.includes(m.item);
    resolution[m.item] = !shown ? "hidden" : sameAnswer(item, kept, m.first) ? "1" : sameAnswer(item, kept, m.second) ? "2" : "other";
  }
  await db.transaction().execute(async (trx) => {
    const now = await loadState(trx, input.roundId, code);
    // The entries must be the ones the supervisor looked at (no discard or re-keying meanwhile).
    if (now.entries.length !== 2 || now.entries.some((e, i) => e.answers !== JSON.stringify(review.entries[i].answers))) {
      throw refuse(entryMessages.notInReview, 409);
    }
    await submitPaperResponse(trx, now.invitation, now.definitionId, checked.answers);
    await trx
      .insertInto("paper_reviews")
      .values({ invitation_code: code, round_id: input.roundId, reviewer_id: input.reviewerId, mismatches: comparison.mismatches.length, resolution: JSON.stringify(resolution), created_at: nowIso() })
      .onConflict((oc) => oc.column("invitation_code").doNothing())
      .execute();
    await recordAudit(trx, { actor: input.reviewerId, action: "paper.resolve", roundId: input.roundId, target: formatCode(code), details: { mismatches: comparison.mismatches.length } });
  });
  return { ok: true };
}

/** Discards entries of a form not yet counted, so it is keyed again ("2": the second only; "all": both). */
export async function discardEntries(db: Kysely<Database>, input: { roundId: string; code: string; which: "2" | "all"; actor?: AuditActor }): Promise<number> {
  const code = parseEntryCode(input.code);
  return db.transaction().execute(async (trx) => {
    const state = await loadState(trx, input.roundId, code);
    refuseIfSubmitted(state);
    let query = trx.deleteFrom("paper_entries").where("invitation_code", "=", code);
    if (input.which === "2") {
      if (state.entries.length < 2) throw refuse(entryMessages.nothingToDiscard, 409);
      query = query.where("entry_no", "=", state.entries[1].entry_no);
    }
    const deleted = await query.executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw refuse(entryMessages.nothingToDiscard, 409);
    if (input.actor) {
      await recordAudit(trx, { actor: input.actor, action: "paper.discard", roundId: input.roundId, target: formatCode(code), details: { which: input.which, entries: Number(deleted.numDeletedRows) } });
    }
    return Number(deleted.numDeletedRows);
  });
}
