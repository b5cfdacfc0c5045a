import type { Kysely } from "kysely";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Database } from "../../../db/schema";
import { sessionSecret } from "./session.server";

/**
 * Answer links the office hands out (the QR code on a letter, the mail-merge list, the demo's list) carry a
 * signature of their code: a look-up that brings one was not guessed, so it never costs the address's budget of
 * unknown codes (ADR 023). 96 bits, so guessing a signature is as hopeless as guessing a code.
 */
export type AnswerLinkSigner = (code: string) => string;

function signatureOf(secret: string, code: string): string {
  return createHmac("sha256", secret).update(`answer-link:${code}`).digest("base64url").slice(0, 16);
}

const secrets = new WeakMap<Kysely<Database>, Promise<string>>();

/** The app's signing secret (the session cookie's), read once per database handle. */
export function appSecret(db: Kysely<Database>): Promise<string> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = sessionSecret(db);
    secrets.set(db, secret);
    secret.catch(() => secrets.delete(db));
  }
  return secret;
}

export async function answerLinkSigner(db: Kysely<Database>): Promise<AnswerLinkSigner> {
  const secret = await appSecret(db);
  return (code) => signatureOf(secret, code);
}

export async function answerLinkSignatureValid(db: Kysely<Database>, code: string, signature: string | null | undefined): Promise<boolean> {
  if (!signature || signature.length !== 16) return false;
  const expected = Buffer.from(signatureOf(await appSecret(db), code));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
