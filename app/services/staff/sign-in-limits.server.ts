import { createCookie, type Cookie } from "@remix-run/node";
import type { Kysely } from "kysely";
import { randomBytes } from "node:crypto";
import type { Database } from "../../../db/schema";
import { LOGIN_KNOWN_BROWSER, LOGIN_PER_ACCOUNT, LOGIN_PER_ADDRESS, takeAttempt, type Attempt } from "../platform/rate-limit.server";
import { appSecret } from "../platform/signing.server";

/**
 * The staff sign-in budget (ADR 023). A browser an account has signed in on before keeps a signed cookie saying
 * so; its attempts for that account spend a budget of its own, so an attacker who spends the address's and the
 * account's budgets with wrong passwords does not lock the owner out of their usual browser. Any other browser
 * spends the address's and the account's budgets. A right password gives its attempt back.
 */
interface KnownBrowser {
  id: string;
  accounts: string[];
}

const KEPT_ACCOUNTS = 5;
const cookies = new WeakMap<Kysely<Database>, Promise<Cookie>>();

function knownCookie(db: Kysely<Database>): Promise<Cookie> {
  let cookie = cookies.get(db);
  if (!cookie) {
    cookie = appSecret(db).then((secret) =>
      createCookie("__sipas_known", {
        httpOnly: true,
        sameSite: "lax",
        path: "/staff",
        secure: process.env.COOKIE_SECURE === "1",
        secrets: [secret],
        maxAge: 60 * 60 * 24 * 365,
      }),
    );
    cookies.set(db, cookie);
  }
  return cookie;
}

async function readKnown(db: Kysely<Database>, request: Request): Promise<KnownBrowser | null> {
  const value = (await (await knownCookie(db)).parse(request.headers.get("Cookie"))) as KnownBrowser | null;
  return value && typeof value.id === "string" && Array.isArray(value.accounts) ? value : null;
}

export interface SignInAttempt extends Attempt {
  /** The Set-Cookie header that remembers this browser for the account, after a right password. */
  remember(): Promise<string>;
}

export async function takeSignInAttempt(db: Kysely<Database>, request: Request, username: string, address: string): Promise<SignInAttempt> {
  const account = username.trim().toLowerCase();
  const known = await readKnown(db, request);
  const buckets = known?.accounts.includes(account)
    ? [{ bucket: `login-known:${known.id}:${account}`, limit: LOGIN_KNOWN_BROWSER }]
    : [
        { bucket: `login-address:${address}`, limit: LOGIN_PER_ADDRESS },
        { bucket: `login-account:${account}`, limit: LOGIN_PER_ACCOUNT },
      ];
  const attempt = await takeAttempt(db, buckets);
  return {
    ...attempt,
    remember: async () => {
      const id = known?.id ?? randomBytes(12).toString("base64url");
      const accounts = [...(known?.accounts ?? []).filter((a) => a !== account), account].slice(-KEPT_ACCOUNTS);
      return (await knownCookie(db)).serialize({ id, accounts } satisfies KnownBrowser);
    },
  };
}
