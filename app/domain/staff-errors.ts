import type { LocalizedText } from "./definition/schema";
import { UserError } from "./errors";

/** A UserError with its text in both languages (Vietnamese as the message), for the staff pages and the CLI. */
export function staffError(text: LocalizedText, status = 400, details: string[] = []): UserError {
  return new UserError(text.vi, status, details, text);
}
