import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { isUserError, UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { CODE_LOOKUP_PER_ADDRESS, CODE_LOOKUP_PER_BROWSER, takeAttempt, type RateLimit } from "../platform/rate-limit.server";
import { answerLinkSignatureValid } from "../platform/signing.server";
import { openForm, parseCodeOrThrow, type OpenedForm } from "./form.server";
import type { Visitor } from "./visitor.server";

/** Who is asking for a code: the client's address, its browser (signed cookie), the link's signature if any. */
export interface CodeClient {
  address: string;
  visitor?: Visitor;
  signature?: string | null;
}

/**
 * Opens the form behind a code typed or linked by a citizen (ADR 023). A code this browser opened before,
 * or a link signed by the office, is never counted. Any other look-up takes one attempt from the browser's
 * budget and one from the address's before the database is asked, atomically; the attempt is given back when
 * the code exists, so only unknown codes spend budgets, and a person with a real code is refused only when
 * their own browser, or their whole address, has tried too many unknown codes in the last minutes.
 */
export async function redeemCode(db: Kysely<Database>, rawCode: string, client: CodeClient): Promise<OpenedForm> {
  const code = parseCodeOrThrow(rawCode); // a typo caught by the check character costs nothing
  if (client.visitor?.codes.includes(code) || (await answerLinkSignatureValid(db, code, client.signature))) return openForm(db, code);
  const buckets: { bucket: string; limit: RateLimit }[] = [];
  if (client.visitor?.id) buckets.push({ bucket: `code-browser:${client.visitor.id}`, limit: CODE_LOOKUP_PER_BROWSER });
  buckets.push({ bucket: `code-address:${client.address}`, limit: CODE_LOOKUP_PER_ADDRESS });
  const attempt = await takeAttempt(db, buckets);
  if (!attempt.allowed) throw new UserError(msg("code.tooMany"), 429);
  try {
    const opened = await openForm(db, code);
    await attempt.giveBack();
    return opened;
  } catch (e) {
    if (!(isUserError(e) && e.status === 404)) await attempt.giveBack();
    throw e;
  }
}
