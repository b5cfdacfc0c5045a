import type { Kysely } from "kysely";
import type { AnswerLinkSigner } from "../platform/signing.server";
import QRCode from "qrcode";
import type { Database } from "../../../db/schema";
import { codeMessages } from "../../domain/citizen-messages";
import { formatCode, normalizeCode } from "../../domain/codes";

/** Which codes to print: the round's unsent ones (optionally of one stratum), or a list typed by staff. */
export type PrintSelection = { kind: "unsent"; stratum?: string | null } | { kind: "codes"; codes: string[] };

export interface PrintCode {
  code: string;
  stratum: string | null;
  unitCode: string | null;
}

export interface PrintBatch {
  total: number;
  codes: PrintCode[];
  /** Typed codes that cannot be printed, each with the reason (shown above the pages). */
  problems: string[];
}

export const MAX_PRINT_BATCH = 200;

/**
 * Codes to print, a batch at a time. "Unsent": issued, never opened or answered, and — when the
 * code belongs to a sampled person — still pending (not sent, refused, returned…).
 */
export async function selectPrintCodes(
  db: Kysely<Database>,
  roundId: string,
  selection: PrintSelection,
  page: { offset: number; limit: number },
): Promise<PrintBatch> {
  if (selection.kind === "codes") return selectTypedCodes(db, roundId, selection.codes);
  let query = db
    .selectFrom("invitations as i")
    .where("i.round_id", "=", roundId)
    .where("i.status", "=", "issued")
    .where((eb) => eb.not(eb.exists(eb.selectFrom("responses as r").select("r.id").whereRef("r.invitation_code", "=", "i.code"))))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom("sample_units as su").select("su.person_id").whereRef("su.invitation_code", "=", "i.code").where("su.outcome", "!=", "pending"))),
    );
  if (selection.stratum) query = query.where("i.stratum", "=", selection.stratum);
  const total = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await query
    .select(["i.code", "i.stratum", "i.unit_code"])
    // Grouped by stratum for the post office; `coalesce` keeps the order the same on both engines.
    .orderBy((eb) => eb.fn.coalesce("i.stratum", eb.val("")))
    .orderBy("i.code")
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(total.n), codes: rows.map((r) => ({ code: r.code, stratum: r.stratum, unitCode: r.unit_code })), problems: [] };
}

async function selectTypedCodes(db: Kysely<Database>, roundId: string, typed: string[]): Promise<PrintBatch> {
  const problems: string[] = [];
  const wanted: string[] = [];
  for (const input of typed.map((t) => t.trim()).filter(Boolean)) {
    const check = normalizeCode(input);
    if (!check.ok) problems.push(`${input}: ${codeMessages[check.reason].vi}`);
    else if (!wanted.includes(check.code)) wanted.push(check.code);
  }
  if (wanted.length > MAX_PRINT_BATCH) {
    problems.push(`Mỗi lần in tối đa ${MAX_PRINT_BATCH} mã; đã bỏ ${wanted.length - MAX_PRINT_BATCH} mã cuối danh sách.`);
    wanted.length = MAX_PRINT_BATCH;
  }
  const rows = wanted.length
    ? await db.selectFrom("invitations").select(["code", "stratum", "unit_code"]).where("round_id", "=", roundId).where("code", "in", wanted).execute()
    : [];
  const found = new Map(rows.map((r) => [r.code, r]));
  for (const code of wanted) if (!found.has(code)) problems.push(`${formatCode(code)}: không có trong đợt khảo sát này.`);
  const codes = wanted.filter((c) => found.has(c)).map((c) => ({ code: c, stratum: found.get(c)!.stratum, unitCode: found.get(c)!.unit_code }));
  return { total: codes.length, codes, problems };
}

/** Strata of the round's codes, for the selection form. */
export async function listCodeStrata(db: Kysely<Database>, roundId: string): Promise<string[]> {
  const rows = await db.selectFrom("invitations").select("stratum").distinct().where("round_id", "=", roundId).where("stratum", "is not", null).orderBy("stratum").execute();
  return rows.map((r) => r.stratum!);
}

export interface PrintContact {
  name: string;
  address: string | null;
}

/**
 * Name and address of the sampled people behind these codes. Personal data: the caller must
 * have checked the `viewContacts` permission; codes not tied to a sampled person have none.
 */
export async function contactsForCodes(db: Kysely<Database>, roundId: string, codes: string[]): Promise<Map<string, PrintContact>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom("sample_units as su")
    .innerJoin("frame_contacts as fc", "fc.person_id", "su.person_id")
    .select(["su.invitation_code", "fc.name", "fc.address"])
    .where("su.round_id", "=", roundId)
    .where("su.invitation_code", "in", codes)
    .execute();
  return new Map(rows.map((r) => [r.invitation_code!, { name: r.name, address: r.address }]));
}

/**
 * The link a person opens to answer online (the QR code's content), signed when a signer is given: a signed link
 * is never counted against the reader's address as a guess (ADR 023).
 */
export function answerLink(origin: string, code: string, sign?: AnswerLinkSigner): string {
  return `${origin.replace(/\/+$/, "")}/s/${code}${sign ? `?k=${sign(code)}` : ""}`;
}

/** A QR code as SVG markup, drawn on the server (no script, prints sharp at any size). */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 0, color: { dark: "#000000", light: "#ffffff" } });
}
