import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { isUserError, UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { CODE_LOOKUP_LIMIT, isRateLimited, recordFailure } from "../platform/rate-limit.server";
import { openForm, parseCodeOrThrow, type OpenedForm } from "./form.server";

/**
 * Opens the form behind a code typed or linked by a citizen. Look-ups of codes that do not
 * exist are counted per client; past the limit every look-up from that client is refused
 * for a while, so guessing codes is hopeless.
 */
export async function redeemCode(db: Kysely<Database>, rawCode: string, clientKey: string): Promise<OpenedForm> {
  const code = parseCodeOrThrow(rawCode); // a typo caught by the check character costs nothing
  const bucket = `code:${clientKey}`;
  if (await isRateLimited(db, bucket, CODE_LOOKUP_LIMIT)) {
    throw new UserError(msg("code.tooMany"), 429);
  }
  try {
    return await openForm(db, code);
  } catch (e) {
    if (isUserError(e) && e.status === 404) await recordFailure(db, bucket, CODE_LOOKUP_LIMIT);
    throw e;
  }
}
