import type { Locale, LocalizedText } from "./domain/definition/schema";
import { citizen } from "./domain/messages/areas/citizen";

export type { Locale };
export const LOCALES: readonly Locale[] = ["vi", "en"];

/** Words of the citizen-facing pages: the catalogue's citizen area (app/domain/messages). */
export const ui = citizen;

export function t(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
