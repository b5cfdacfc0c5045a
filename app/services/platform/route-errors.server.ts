import { data } from "@remix-run/node";
import { isUserError, UserError } from "../../domain/errors";

export interface ErrorPayload {
  message: string;
  details: string[];
}

/**
 * Runs route work and turns a UserError into an HTTP response with its status and message, so a
 * person's mistake is never a 500 and never shows a stack trace.
 */
export async function orRespond<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUserError(e)) throw data({ message: e.message, details: e.details } satisfies ErrorPayload, { status: e.status });
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
    if (e instanceof UserError) return Response.json({ message: e.message, details: e.details }, { status: e.status });
    throw e;
  }
}
