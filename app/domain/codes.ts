/**
 * One-time invitation codes, typed by people from paper: 9 random characters and 1 check
 * character over a 31-letter alphabet without look-alikes (no 0/O, 1/I/L). 31^9 ≈ 2.6·10^13
 * possibilities (44.6 bits). 31 is prime, so the weighted check catches every single wrong
 * character and every swap of two neighbours before the database is asked.
 * See docs/decisions/004-invitation-codes.md.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_BODY_LENGTH = 9;
export const CODE_LENGTH = CODE_BODY_LENGTH + 1;
const BASE = CODE_ALPHABET.length; // 31

/** Random bytes from a cryptographic source (node:crypto or the Web Crypto API), passed in. */
export type RandomBytes = (n: number) => Uint8Array;

function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * CODE_ALPHABET.indexOf(body[i]);
  return CODE_ALPHABET[sum % BASE];
}

/** Draws a code without modulo bias (bytes ≥ 248 are rejected). */
export function generateCode(randomBytes: RandomBytes): string {
  let body = "";
  while (body.length < CODE_BODY_LENGTH) {
    for (const byte of randomBytes(16)) {
      if (byte >= BASE * 8) continue;
      body += CODE_ALPHABET[byte % BASE];
      if (body.length === CODE_BODY_LENGTH) break;
    }
  }
  return body + checkCharacter(body);
}

export type CodeCheck =
  | { ok: true; code: string }
  | { ok: false; reason: "empty" | "length" | "characters" | "checksum" };

/** Accepts what a person types: any case, spaces and dashes ignored. */
export function normalizeCode(input: string): CodeCheck {
  const code = input.toUpperCase().replace(/[\s\-–—_.]/g, "");
  if (code === "") return { ok: false, reason: "empty" };
  if (code.length !== CODE_LENGTH) return { ok: false, reason: "length" };
  if ([...code].some((c) => !CODE_ALPHABET.includes(c))) return { ok: false, reason: "characters" };
  if (checkCharacter(code.slice(0, CODE_BODY_LENGTH)) !== code[CODE_BODY_LENGTH]) return { ok: false, reason: "checksum" };
  return { ok: true, code };
}

/** `ABCDE-FGHJK`: easier to read aloud and to copy from paper. */
export function formatCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
