import {
  MaxPartSizeExceededError,
  NodeOnDiskFile,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { LocalizedText } from "../../domain/definition/schema";
import { uploadRequests } from "../../domain/messages/areas/requests";
import { csrfValid, getSession } from "../platform/session.server";

/** Where uploaded frames wait for their import (personal data: deleted once imported or when the round closes). */
export function uploadDirectory(): string {
  const dir = process.env.SIPAS_UPLOAD_DIR ?? join(tmpdir(), "sipas-uploads");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** 1,000,000 dossier holders take about 120 MB of CSV. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export const uploadMessages = uploadRequests;

export type ReceivedFile = { ok: true; form: FormData; path: string; fileName: string } | { ok: false; status: number; message: LocalizedText };

/**
 * Receives a multipart form whose `file` part goes to disk as it arrives (memory does not grow with it), the other
 * fields to memory; then checks the CSRF token and that a non-empty file came. On a refusal the file is removed;
 * otherwise the caller removes it when done. `tooLarge` is what a person reads when the file passes `maxBytes`.
 */
export async function receiveCsvFile(request: Request, limit: { maxBytes: number; tooLarge: LocalizedText }): Promise<ReceivedFile> {
  const received = await receiveForm(request, limit, false);
  return received.ok ? { ...received, path: received.path!, fileName: received.fileName! } : received;
}

/** As receiveCsvFile, for a form whose file is optional (the create-round page): no file gives a null path. */
export async function receiveFormWithCsv(
  request: Request,
  limit: { maxBytes: number; tooLarge: LocalizedText }
): Promise<{ ok: true; form: FormData; path: string | null; fileName: string | null } | { ok: false; status: number; message: LocalizedText }> {
  return receiveForm(request, limit, true);
}

async function receiveForm(request: Request, limit: { maxBytes: number; tooLarge: LocalizedText }, optional: boolean) {
  let form: FormData;
  // The handler names the file on disk; the name it had on the user's computer is kept here.
  const originalNames = new Map<string, string>();
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        unstable_createFileUploadHandler({
          directory: uploadDirectory(),
          file: ({ filename }) => {
            const name = `${randomUUID()}.csv`;
            originalNames.set(name, filename);
            return name;
          },
          maxPartSize: limit.maxBytes,
          filter: ({ name }) => name === "file",
        }),
        fewSmallFields(unstable_createMemoryUploadHandler({ maxPartSize: 10_000 })),
      ),
    );
  } catch (e) {
    // The web server fails the body with PayloadTooLargeError when a sender goes past the page's cap (bin/http-guards.mjs).
    if (e instanceof MaxPartSizeExceededError || (e instanceof Error && e.name === "PayloadTooLargeError")) {
      return { ok: false as const, status: 413, message: limit.tooLarge };
    }
    return { ok: false as const, status: 400, message: uploadMessages.unreadable };
  }
  const file = form.get("file");
  const path = file instanceof NodeOnDiskFile ? file.getFilePath() : null;
  const session = await getSession(request);
  if (!csrfValid(session, form)) {
    if (path) await unlink(path).catch(() => {});
    return { ok: false as const, status: 403, message: uploadMessages.expired };
  }
  if (!path || !(file instanceof NodeOnDiskFile) || file.size === 0) {
    if (path) await unlink(path).catch(() => {});
    if (optional) return { ok: true as const, form, path: null, fileName: null };
    return { ok: false as const, status: 400, message: uploadMessages.noFile };
  }
  const fileName = (originalNames.get(basename(path)) || "upload.csv").normalize("NFC").replace(/[\\/]/g, "_").slice(0, 200);
  return { ok: true as const, form, path: path as string | null, fileName: fileName as string | null };
}

/** The fields beside the file (a token, a kind) are few and short: more than 20 is not a form of ours, and memory stays small. */
function fewSmallFields(handler: UploadHandler): UploadHandler {
  let count = 0;
  return async (part) => {
    if (++count > 20) throw new Error("too many fields in an upload form");
    return handler(part);
  };
}
