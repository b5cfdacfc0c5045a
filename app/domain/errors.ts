import type { Locale, LocalizedText } from "./definition/schema";
import { isMessageLike, type MessageLike } from "./messages/template";
import { localize } from "./messages";

/** A detail line: a catalogue message, a text in both languages, or (legacy) a plain string. */
export type Detail = MessageLike | LocalizedText | string;

/**
 * A problem the person can fix or needs to know about. Raised with a catalogue message —
 * `new UserError(msg("rounds.unknown", { round }), 404)` — so routes and the CLI print it in the reader's language.
 * `message` is the Vietnamese text (what a page or log shows when nobody picks a language); `localized` has both.
 * Routes show it (never a stack trace) with `status`; the CLI prints it to stderr and exits non-zero.
 */
export class UserError extends Error {
  /** Both languages: always set for a catalogue message, and for the older calls that passed a pair. */
  readonly localized: LocalizedText | undefined;
  /** The detail lines in both languages. */
  readonly detailsLocalized: LocalizedText[];
  /** The detail lines in Vietnamese (what older callers read). */
  readonly details: string[];
  /** The catalogue message, when raised with one: JSON that a page can render in its own language. */
  readonly what: MessageLike | undefined;

  constructor(
    message: MessageLike | string,
    readonly status: number = 400,
    details: readonly Detail[] = [],
    /** Older calls: the same message in both languages beside a plain string. */
    localized?: LocalizedText,
  ) {
    const pair = typeof message === "string" ? localized : localize(message);
    super(pair?.vi ?? (message as string));
    this.name = "UserError";
    this.what = typeof message === "string" ? undefined : message;
    this.localized = pair;
    this.detailsLocalized = details.map(detailPair);
    this.details = this.detailsLocalized.map((d) => d.vi);
  }

  /** The message in one language (a legacy plain string stays as it was). */
  text(locale: Locale): string {
    return this.localized?.[locale] ?? this.message;
  }

  detailTexts(locale: Locale): string[] {
    return this.detailsLocalized.map((d) => d[locale]);
  }
}

function detailPair(d: Detail): LocalizedText {
  if (typeof d === "string") return { vi: d, en: d };
  return isMessageLike(d) ? localize(d) : d;
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
