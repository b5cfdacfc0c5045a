import type { Kysely } from "kysely";
import type { Database, InvitationRow } from "../../../db/schema";
import { mergePageAnswers } from "../../domain/answers/merge";
import { checkPage, validateAnswers, type AnswerErrors, type RawAnswers } from "../../domain/answers/validate";
import { codeMessages } from "../../domain/citizen-messages";
import { normalizeCode } from "../../domain/codes";
import type { Answers } from "../../domain/definition/conditions";
import type { Definition, Locale } from "../../domain/definition/schema";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { runCompiledOnce } from "../../../db/compiled-once";
import { getDefinition } from "../definitions/versions.server";
import { nowIso } from "../platform/ids-and-time.server";
import { saveDraft, submitForInvitation, type InvitationAnswers } from "../responses/store.server";

/** A refusal a citizen reads, with the round's help contact when the round is known. */
export class CitizenRefusal extends UserError {
  constructor(
    key: keyof typeof codeMessages,
    status: number,
    readonly helpContact: string | null = null,
  ) {
    super(msg(`code.${key}`), status);
  }
}

function citizenError(key: keyof typeof codeMessages, status: number, helpContact: string | null = null): UserError {
  return new CitizenRefusal(key, status, helpContact);
}

export interface OpenedForm {
  code: string;
  invitation: InvitationRow;
  roundName: string;
  /** Who the citizen can ask for help (phone, e-mail), shown on every page of the form. */
  helpContact: string | null;
  definitionId: string;
  definition: Definition;
  answers: Answers;
  /** The answers as stored (JSON text), null when the code has no response row yet: what a write expects to find. */
  answersText: string | null;
  status: "new" | "draft" | "submitted";
}

/** Checks the shape of a typed code before any database look-up. */
export function parseCodeOrThrow(input: string): string {
  const check = normalizeCode(input);
  if (!check.ok) throw citizenError(check.reason, 400);
  return check.code;
}

const INVITATION_COLUMNS = ["code", "round_id", "unit_code", "stratum", "psu", "weight", "fpc", "channel", "status", "created_at", "first_opened_at", "submitted_at"] as const;

function openFormQuery(db: Kysely<Database>, code: string) {
  return db
    .selectFrom("invitations as i")
    .innerJoin("rounds as r", "r.id", "i.round_id")
    .leftJoin("responses as x", "x.invitation_code", "i.code")
    .select(INVITATION_COLUMNS.map((c) => `i.${c}` as const))
    .select(["r.name as round_name", "r.status as round_status", "r.definition_id", "r.help_contact", "x.status as response_status", "x.answers"])
    .where("i.code", "=", code);
}

/**
 * Finds the invitation behind a code and the answers kept so far: the invitation, its round and its response in one
 * statement (every POST of the form opens it again).
 */
export async function openForm(db: Kysely<Database>, rawCode: string): Promise<OpenedForm> {
  const code = parseCodeOrThrow(rawCode);
  const [row] = (await runCompiledOnce(db, "citizen.openForm", (value) => openFormQuery(db, value("code")), { code })).rows;
  if (!row) throw citizenError("unknown", 404);
  const { round_name, round_status, definition_id, help_contact, response_status, answers, ...invitation } = row;
  if (round_status !== "open" && response_status !== "submitted") throw citizenError("closed", 410, help_contact);
  if (!invitation.first_opened_at) {
    await runCompiledOnce(
      db,
      "citizen.firstOpened",
      (value) =>
        db.updateTable("invitations").set({ first_opened_at: value("now"), status: "started" }).where("code", "=", value("code")).where("first_opened_at", "is", null).where("status", "=", "issued"),
      { now: nowIso(), code },
    );
  }
  return {
    code,
    invitation,
    roundName: round_name,
    helpContact: help_contact,
    definitionId: definition_id,
    definition: await getDefinition(db, definition_id),
    answers: answers !== null ? (JSON.parse(answers) as Answers) : {},
    answersText: answers,
    status: response_status ?? "new",
  };
}

export interface PageInput {
  form: OpenedForm;
  raw: RawAnswers;
  /** Sections shown on the page that was posted. */
  sections: readonly string[];
  locale: Locale;
}

export type SaveOutcome = { ok: true; answers: Answers } | { ok: false; errors: AnswerErrors; answers: Answers };

/** How often a page is merged again into a draft that another request changed meanwhile, before giving up. */
const MERGE_TRIES = 8;

/**
 * Saves one page into the draft. With `requireAnswers` (moving on), required questions on the page must be
 * answered; either way nothing already saved is lost — neither by this page nor by another request for the same
 * code writing at the same moment: the page is merged into the draft as it is when written (see `withFreshDraft`).
 */
export async function savePage(db: Kysely<Database>, input: PageInput, requireAnswers: boolean): Promise<SaveOutcome> {
  return withFreshDraft(db, input.form, async (form) => {
    const merged = mergeValidPage(form, input);
    // Format errors (a letter in a number box) are not saved, but every valid answer is.
    if ((await writeDraft(db, form, merged.answers, input.locale)) === "changed") return "changed";
    const page = merged.page;
    const errors = requireAnswers ? page.errors : formatErrorsOnly(page.errors, input);
    if (Object.keys(errors).length) return { ok: false, errors, answers: mergeRawForRedisplay(merged.answers, input.raw, errors) };
    return { ok: true, answers: merged.answers };
  });
}

/**
 * Runs a merge-and-write with the form as read, and again with the form read afresh while another request for the
 * same code changed its draft in between (the write is conditional on the answers read: store `expected`). So two
 * walks of one code at once never drop each other's pages, and the one that comes second to submit is told the
 * code was already submitted, not asked to fill a page it filled.
 */
async function withFreshDraft<T>(db: Kysely<Database>, first: OpenedForm, work: (form: OpenedForm) => Promise<T | "changed">): Promise<T> {
  let form = first;
  for (let tries = 1; tries <= MERGE_TRIES; tries++) {
    if (form.status === "submitted") throw citizenError("submitted", 409);
    const outcome = await work(form);
    if (outcome !== "changed") return outcome;
    form = await openForm(db, form.code);
  }
  throw new UserError(msg("citizen.tryAgain"), 409);
}

function mergeValidPage(form: OpenedForm, input: PageInput) {
  const page = checkPage(form.definition, form.answers, input.raw, input.sections); // the browser's check too
  // Hidden pages keep their answers in the draft: changing an earlier answer back restores them.
  return { page, answers: mergePageAnswers(form.definition, form.answers, page.answers, input.sections) };
}

/** A draft may leave questions unanswered, but not hold a malformed answer. */
function formatErrorsOnly(errors: AnswerErrors, input: PageInput): AnswerErrors {
  const out: AnswerErrors = {};
  for (const [code, text] of Object.entries(errors)) {
    const raw = input.raw[code];
    const typed = Array.isArray(raw) ? raw.length > 0 : raw !== undefined && raw !== null && String(raw).trim() !== "";
    if (typed) out[code] = text;
  }
  return out;
}

/** On an error, show what the person typed in the faulty fields, not the last saved value. */
function mergeRawForRedisplay(answers: Answers, raw: RawAnswers, errors: AnswerErrors): Answers {
  const out: Answers = { ...answers };
  for (const code of Object.keys(errors)) {
    const value = raw[code];
    if (typeof value === "string" || Array.isArray(value)) out[code] = value as string | string[];
  }
  return out;
}

function answersFor(form: OpenedForm, answers: Answers, locale: Locale): InvitationAnswers {
  return { invitation: form.invitation, definitionId: form.definitionId, definition: form.definition, answers, locale, entryMode: "online", expected: form.answersText };
}

async function writeDraft(db: Kysely<Database>, form: OpenedForm, answers: Answers, locale: Locale): Promise<"saved" | "changed"> {
  const written = await saveDraft(db, answersFor(form, answers, locale));
  if (written === "submitted") throw citizenError("submitted", 409);
  return written;
}

/**
 * Submits the whole form once. The conditional update (`status = 'draft'`) is the guard: of two
 * submissions racing, exactly one changes the row; the other is refused and changes nothing.
 */
export async function submitForm(db: Kysely<Database>, input: PageInput): Promise<SaveOutcome> {
  return withFreshDraft(db, input.form, async (form) => {
    const { page, answers: merged } = mergeValidPage(form, input);
    const whole = validateAnswers(form.definition, merged, { requireAnswers: true });
    const errors = { ...whole.errors, ...page.errors };
    if (Object.keys(errors).length) {
      if ((await writeDraft(db, form, merged, input.locale)) === "changed") return "changed";
      return { ok: false, errors, answers: mergeRawForRedisplay(merged, input.raw, page.errors) };
    }
    const outcome = await db
      .transaction()
      .execute(async (trx) => {
        const submitted = await submitForInvitation(trx, answersFor(form, whole.answers, input.locale));
        if (!submitted.ok) throw submitted; // rolls back a draft row this transaction made
        return submitted;
      })
      .catch((e: unknown) => {
        if (e && typeof e === "object" && (e as { ok?: unknown }).ok === false) return e as { ok: false; changed?: boolean };
        throw e;
      });
    if (outcome.ok) return { ok: true, answers: whole.answers } as const;
    if (outcome.changed) return "changed";
    throw citizenError("submitted", 409);
  });
}

/** Whether a code's questionnaire has been submitted; used by the thank-you page. */
export async function submissionStatus(db: Kysely<Database>, rawCode: string): Promise<"submitted" | "open" | "unknown"> {
  const check = normalizeCode(rawCode);
  if (!check.ok) return "unknown";
  const row = await db.selectFrom("responses").select("status").where("invitation_code", "=", check.code).executeTakeFirst();
  return row?.status === "submitted" ? "submitted" : row ? "open" : "unknown";
}

/** The help contact of the round a code belongs to (for the thank-you page), or null. */
export async function helpContactForCode(db: Kysely<Database>, rawCode: string): Promise<string | null> {
  const check = normalizeCode(rawCode);
  if (!check.ok) return null;
  const row = await db
    .selectFrom("invitations as i")
    .innerJoin("rounds as r", "r.id", "i.round_id")
    .select("r.help_contact")
    .where("i.code", "=", check.code)
    .executeTakeFirst();
  return row?.help_contact ?? null;
}
