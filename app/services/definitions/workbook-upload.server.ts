/**
 * An uploaded questionnaire workbook (.xlsx): read into memory (a questionnaire is a few dozen kilobytes; 5 MB is
 * generous), checked against the session's form token, and turned into a definition or a list of problems by sheet,
 * row and column. Nothing is stored here: the caller makes the draft only when the workbook reads without a problem.
 */
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import type { LocalizedText } from "../../domain/definition/schema";
import { placeText } from "../../domain/definition/sheets";
import { studioPages } from "../../domain/messages/areas/studio-pages";
import { formMessages } from "../platform/forms.server";
import { refuse } from "../platform/route-errors.server";
import { csrfValid, getSession } from "../platform/session.server";
import { uploadMessages } from "../platform/uploads.server";
import { readDefinitionXlsx } from "./xlsx.server";

export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

export type WorkbookUpload =
  | { ok: true; raw: Record<string, unknown>; form: FormData }
  | { ok: false; problems: { where: LocalizedText | null; message: LocalizedText }[]; message?: LocalizedText };

export async function receiveWorkbook(request: Request): Promise<WorkbookUpload> {
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data")) throw refuse(formMessages.notAForm, 415);
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_WORKBOOK_BYTES }));
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError || (e instanceof Error && e.name === "PayloadTooLargeError")) return { ok: false, problems: [], message: studioPages.fileTooLarge };
    throw refuse(formMessages.unreadable, 400);
  }
  if (!csrfValid(await getSession(request), form)) throw refuse(uploadMessages.expired, 403);
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return { ok: false, problems: [], message: studioPages.noFile };
  const read = await readDefinitionXlsx(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return { ok: false, problems: read.problems.map((p) => ({ where: p.sheet ? placeText(p) : null, message: p.message })) };
  return { ok: true, raw: read.raw, form };
}
