import { createCookie, type Cookie } from "@remix-run/node";
import type { Kysely } from "kysely";
import { randomBytes } from "node:crypto";
import type { Database } from "../../../db/schema";
import { appSecret } from "../platform/signing.server";

/**
 * A citizen's browser, remembered by a signed cookie: an id (its own budget of unknown codes, so a stranger
 * behind the same mobile-network address cannot spend it) and the codes it has opened (never counted again,
 * so a person resuming their form is never refused). ADR 023.
 */
export interface Visitor {
  /** Null when the request brought no cookie: such a request is counted only against its address. */
  id: string | null;
  codes: string[];
  /** The id the next response's cookie carries (the same as `id` when one came in). */
  nextId: string;
}

const KEPT_CODES = 10;
const cookies = new WeakMap<Kysely<Database>, Promise<Cookie>>();

function visitorCookie(db: Kysely<Database>): Promise<Cookie> {
  let cookie = cookies.get(db);
  if (cookie) return cookie;
  cookie = appSecret(db).then((secret) =>
    createCookie("__sipas_visitor", {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: process.env.COOKIE_SECURE === "1",
      secrets: [secret],
      maxAge: 60 * 60 * 24 * 90,
    }),
  );
  cookies.set(db, cookie);
  return cookie;
}

/** The visitor behind a request's Cookie header (null or absent: a browser not seen before). */
export async function readVisitor(db: Kysely<Database>, cookieHeader: string | null): Promise<Visitor> {
  const raw = cookieHeader ? VISITOR_VALUE.exec(cookieHeader)?.[1] : undefined;
  const seen = raw !== undefined ? verified.get(db)?.get(raw) : undefined;
  const value = seen ?? ((await (await visitorCookie(db)).parse(cookieHeader)) as unknown);
  if (value && typeof value === "object" && typeof (value as Visitor).id === "string" && Array.isArray((value as Visitor).codes)) {
    if (raw !== undefined && !seen) remember(db, raw, value);
    const { id, codes } = value as { id: string; codes: unknown[] };
    return { id, codes: codes.filter((c): c is string => typeof c === "string").slice(-KEPT_CODES), nextId: id };
  }
  return { id: null, codes: [], nextId: randomBytes(12).toString("base64url") };
}

/**
 * Cookie values whose signature was checked, with what they hold: a browser sends the same value with each page it
 * posts, and checking the signature (an HMAC) and decoding it was a twentieth of a POST's time. Keyed by the exact
 * signed text, so a value is trusted only if that very text was verified; bounded, the oldest forgotten first.
 */
const verified = new WeakMap<Kysely<Database>, Map<string, unknown>>();
const VERIFIED_KEPT = 4096;
const VISITOR_VALUE = /(?:^|;\s*)__sipas_visitor=([^;]*)/;

function remember(db: Kysely<Database>, raw: string, value: unknown) {
  let values = verified.get(db);
  if (!values) verified.set(db, (values = new Map()));
  if (values.size >= VERIFIED_KEPT) values.delete(values.keys().next().value!);
  values.set(raw, value);
}

/** The Set-Cookie header that keeps this browser's id and, when given, one more code it opened. */
export async function visitorHeader(db: Kysely<Database>, visitor: Visitor, opened?: string): Promise<string> {
  const codes = opened && !visitor.codes.includes(opened) ? [...visitor.codes, opened].slice(-KEPT_CODES) : visitor.codes;
  return (await visitorCookie(db)).serialize({ id: visitor.nextId, codes });
}
