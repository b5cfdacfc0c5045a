import type { LocalizedText } from "../../domain/definition/schema";
import { formRequests } from "../../domain/messages/areas/requests";
import { refuse } from "./route-errors.server";

/**
 * Reading a posted form, guarded: `await request.formData()` alone answers a body that is not a form (no content
 * type, text/plain, JSON, a multipart body without its boundary) with a 500, and reads a body of any size into memory.
 */

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * Form posts are small (a whole 2022 questionnaire page is ~4 kB); uploads go through receiveCsvFile instead. The same
 * bound as the server's (FORM_BODY_LIMIT in bin/http-guards.mjs, which refuses a larger form before Remix sees it):
 * here it holds wherever the Remix handler runs.
 */
export const FORM_LIMIT_BYTES = 512 * 1024;

export const formMessages = formRequests;

/** The form of a POST: 415 for another kind of body, 413 past `maxBytes`, 400 when it cannot be read. */
export async function readForm(request: Request, opts: { maxBytes?: number } = {}): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!FORM_TYPES.includes(contentType.split(";")[0].trim().toLowerCase())) throw refuse(formMessages.notAForm, 415);
  const max = opts.maxBytes ?? FORM_LIMIT_BYTES;
  if (Number(request.headers.get("Content-Length") ?? 0) > max) throw refuse(formMessages.tooLarge, 413);
  const body = await readBodyUpTo(request, max);
  try {
    return await new Response(body as BodyInit, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw refuse(formMessages.unreadable, 400);
  }
}

/** The body's bytes, refused with 413 as soon as they pass `max` (a body without Content-Length is not read whole first). */
async function readBodyUpTo(request: Request, max: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => {});
        throw refuse(formMessages.tooLarge, 413);
      }
      parts.push(value);
    }
  } catch (e) {
    if (e instanceof Error) throw refuse(formMessages.unreadable, 400);
    throw e;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
