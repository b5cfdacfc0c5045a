import { data } from "@remix-run/node";
import type { LocalizedText } from "../../domain/definition/schema";
import { isUserError, UserError } from "../../domain/errors";

export interface ErrorPayload {
  /** Vietnamese (the default reader's language). */
  message: string;
  details: string[];
  /** Both languages, so the page shows the reader's. */
  localized?: LocalizedText;
  detailsLocalized?: LocalizedText[];
}

/** What a page or a JSON client receives for a UserError. */
export function errorPayload(e: UserError): ErrorPayload {
  return { message: e.message, details: e.details, localized: e.localized, detailsLocalized: e.detailsLocalized };
}

/**
 * Runs route work and turns a UserError into an HTTP response with its status and message, so a
 * person's mistake is never a 500 and never shows a stack trace.
 */
export async function orRespond<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUserError(e)) throw data(errorPayload(e), { status: e.status });
    throw e;
  }
}

/**
 * For JSON endpoints (resource routes): a guard's refusal thrown as `data(payload, { status })`
 * becomes the same payload as JSON with its status, instead of Remix's generic error body.
 */
export async function asJson(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof Response) throw e;
    const thrown = e as { type?: string; data?: unknown; init?: ResponseInit | null };
    if (thrown?.type === "DataWithResponseInit") return Response.json(thrown.data, { status: thrown.init?.status ?? 400 });
    if (e instanceof UserError) return Response.json(errorPayload(e), { status: e.status });
    throw e;
  }
}
