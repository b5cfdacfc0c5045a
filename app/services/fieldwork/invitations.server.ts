import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { generateCode } from "../../domain/codes";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { recordAudit, type AuditActor } from "../platform/audit.server";
import { nowIso, secureRandomBytes } from "../platform/ids-and-time.server";

export interface IssueCodesInput {
  roundId: string;
  count: number;
  channel?: "paper" | "link" | "sms";
  unitCode?: string | null;
  stratum?: string | null;
  psu?: string | null;
  weight?: number | null;
  fpc?: number | null;
  /** Given when staff issue codes themselves (recorded); a draw or a replacement records itself instead. */
  actor?: AuditActor;
}

export const MAX_CODES_PER_CALL = 100_000;

/** Issues new one-time codes for a round. Codes come from a cryptographic generator; a clash is retried. */
export async function issueCodes(db: Kysely<Database>, input: IssueCodesInput): Promise<string[]> {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_CODES_PER_CALL) {
    throw new UserError(msg("rounds.badCount", { max: MAX_CODES_PER_CALL, count: String(input.count) }));
  }
  if (input.weight != null && !(input.weight > 0)) throw new UserError(msg("rounds.badWeight", { weight: input.weight }));
  const round = await db.selectFrom("rounds").select(["id", "status"]).where("id", "=", input.roundId).executeTakeFirst();
  if (!round) throw new UserError(msg("rounds.unknown", { round: input.roundId }), 404);
  if (round.status !== "open") throw new UserError(msg("rounds.closedCodes", { round: input.roundId }), 409);

  const codes = new Set<string>();
  while (codes.size < input.count) codes.add(generateCode(secureRandomBytes));
  const now = nowIso();
  const rows = [...codes].map((code) => ({
    code,
    round_id: input.roundId,
    unit_code: input.unitCode ?? null,
    stratum: input.stratum ?? null,
    psu: input.psu ?? null,
    weight: input.weight ?? null,
    fpc: input.fpc ?? null,
    channel: input.channel ?? "paper",
    status: "issued" as const,
    created_at: now,
    first_opened_at: null,
    submitted_at: null,
  }));
  const issued: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      // A clash with an existing code (odds ~ n / 2.6e13) is skipped here and topped up below.
      const inserted = await trx
        .insertInto("invitations")
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.column("code").doNothing())
        .returning("code")
        .execute();
      issued.push(...inserted.map((r) => r.code));
    }
    if (input.actor) {
      await recordAudit(trx, {
        actor: input.actor,
        action: "codes.issue",
        roundId: input.roundId,
        details: { count: input.count, channel: input.channel ?? "paper", unit: input.unitCode ?? null },
      });
    }
  });
  if (issued.length < input.count) {
    issued.push(...(await issueCodes(db, { ...input, actor: undefined, count: input.count - issued.length })));
  }
  return issued;
}
