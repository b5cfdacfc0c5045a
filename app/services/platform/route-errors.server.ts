import { data } from "@remix-run/node";
import { isUserError } from "../../domain/errors";

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
