import { data } from "@remix-run/node";
import type { LocalizedText } from "../../domain/definition/schema";
import { isUserError, UserError, type Detail } from "../../domain/errors";
import type { MessageLike } from "../../domain/messages/template";
import { resolveLocale } from "./locale.server";

/**
 * The one way a route turns a refusal into what the person sees. A refusal is a UserError raised by a service, or a
 * guard's `refuse(...)` (no session, wrong role, expired form): a message with a status, never a stack trace and never
 * a 500. Anything else is a bug and stays one (the error boundary's generic page, the server's log).
 *
 * Each kind of route shows it its own way, through one of the three wrappers below:
 *  - a page (loader or action rendering HTML): `orRefuse` — the route's error boundary shows the refusal;
 *  - a resource route (a download, a JSON endpoint): `respondOrRefuse` — a response of its own, plain text or JSON;
 *  - an action that shows the refusal beside its form: `attempt` — the refusal comes back as a value.
 */
export interface Refusal {
  status: number;
  /** Vietnamese (the default reader's language). */
  message: string;
  details: string[];
  /** Both languages, so the page shows the reader's. */
  localized?: LocalizedText;
  detailsLocalized?: LocalizedText[];
  /** Whom to ask (a citizen page shows the round's help contact beside the refusal), when the refusal knows it. */
  helpContact?: string | null;
}

function refusalOfUserError(e: UserError): Refusal {
  const helpContact = (e as UserError & { helpContact?: string | null }).helpContact;
  return { status: e.status, message: e.message, details: e.details, localized: e.localized, detailsLocalized: e.detailsLocalized, ...(helpContact !== undefined ? { helpContact } : {}) };
}

/** A refusal to throw from a guard or a route (a page shows it in its error boundary). */
export function refuse(text: MessageLike | LocalizedText | string, status: number, details: readonly Detail[] = [], extra: Pick<Refusal, "helpContact"> = {}) {
  const error = typeof text === "string" || "key" in text ? new UserError(text as MessageLike | string, status, details) : new UserError(text.vi, status, details, text);
  return data<Refusal>({ ...refusalOfUserError(error), ...extra }, { status });
}

/** What the person is told, or null when `e` is not a refusal (a redirect, a bug). */
export function refusalOf(e: unknown): Refusal | null {
  if (isUserError(e)) return refusalOfUserError(e);
  if (e && typeof e === "object" && (e as { type?: unknown }).type === "DataWithResponseInit") {
    const thrown = e as { data: Partial<Refusal> | undefined; init: ResponseInit | null };
    const status = thrown.init?.status ?? 400;
    if (status >= 300 && status < 400) return null;
    const payload = thrown.data ?? {};
    return { ...payload, status, message: payload.message ?? "Error", details: payload.details ?? [] };
  }
  return null;
}

/**
 * Page routes: runs the work; a refusal is thrown as `data(refusal, { status })` for the error boundary. A citizen page
 * that knows its round passes the round's help contact, shown beside any refusal that does not name one itself.
 */
export async function orRefuse<T>(work: () => Promise<T>, known: Pick<Refusal, "helpContact"> = {}): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const refusal = refusalOf(e);
    if (refusal) throw data(known.helpContact && !refusal.helpContact ? { ...refusal, helpContact: known.helpContact } : refusal, { status: refusal.status });
    throw e;
  }
}

/**
 * Resource routes: runs the work; a refusal becomes a response of its own — plain text in the reader's language (what
 * a person reads when a download link is opened directly) or JSON (for a page's fetch). Remix would answer a thrown
 * `data()` from a resource route with "Unexpected Server Error". Redirects (to sign in) pass through.
 */
export async function respondOrRefuse(request: Request, as: "text" | "json", work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof Response) throw e;
    const refusal = refusalOf(e);
    if (!refusal) throw e;
    const headers = { "Cache-Control": "no-store" };
    if (as === "json") return Response.json(refusal, { status: refusal.status, headers });
    const { locale } = await resolveLocale(request);
    const lines = [refusal.localized?.[locale] ?? refusal.message, ...refusal.details.map((d, i) => refusal.detailsLocalized?.[i]?.[locale] ?? d)];
    return new Response(lines.join("\n"), { status: refusal.status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  }
}

/** Actions that show a refusal beside their form: the work's value, or the refusal. Anything else is thrown. */
export async function attempt<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; refusal: Refusal }> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    const refusal = refusalOf(e);
    if (refusal) return { ok: false, refusal };
    throw e;
  }
}

/** The refusal in the reader's language (the service's own words in both places when it gave no translation). */
export function refusalText(refusal: Refusal): LocalizedText {
  return refusal.localized ?? { vi: refusal.message, en: refusal.message };
}
