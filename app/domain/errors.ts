import type { LocalizedText } from "./definition/schema";

/**
 * A problem the person can fix or needs to know about. Routes show `message` (never a stack
 * trace) with `status`; the CLI prints it to stderr and exits non-zero.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly status: number = 400,
    readonly details: string[] = [],
    /** For citizens: the same message in both languages. */
    readonly localized?: LocalizedText,
  ) {
    super(message);
    this.name = "UserError";
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
