/**
 * Reading a questionnaire's text in a language. English is optional in a definition: where it is missing, the English
 * view shows the Vietnamese and says so (the text carries `lang="vi"` and a mark), so nobody mistakes it for a
 * translation and a screen reader pronounces it as Vietnamese.
 */
import { definitionText } from "../messages/areas/definition-text";
import type { DefinitionText, Locale, LocalizedText, Section } from "./schema";

export interface ShownText {
  text: string;
  /** The language the text is really in. */
  lang: Locale;
  /** True when the English view shows Vietnamese because the English is missing. */
  fallback: boolean;
}

export function showText(text: DefinitionText, locale: Locale): ShownText {
  if (locale === "en" && !text.en) return { text: text.vi, lang: "vi", fallback: true };
  return { text: locale === "en" ? text.en! : text.vi, lang: locale, fallback: false };
}

/** The text in `locale`, Vietnamese where the English is missing (for tables, files and messages, unmarked). */
export function textIn(text: DefinitionText, locale: Locale): string {
  return locale === "en" ? (text.en ?? text.vi) : text.vi;
}

/** Both languages, the English falling back to the Vietnamese: for results rows and exports, which need both. */
export function bothLanguages(text: DefinitionText): LocalizedText {
  return { vi: text.vi, en: text.en ?? text.vi };
}

/** What the English view puts after a text shown in Vietnamese. */
export const FALLBACK_MARK: LocalizedText = definitionText.fallbackMark;

/** Every text a page of the form shows for one section: to tell whether any of them lacks English. */
export function sectionTexts(section: Section): DefinitionText[] {
  const out: DefinitionText[] = [section.title];
  if (section.description) out.push(section.description);
  for (const item of section.items) {
    out.push(item.label);
    if (item.help) out.push(item.help);
    for (const o of item.options ?? []) out.push(o.label);
  }
  return out;
}
