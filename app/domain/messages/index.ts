/**
 * The one message catalogue of the app and the CLI: every word a person reads, in Vietnamese first and English,
 * looked up by key. `msg(key, params)` makes a message (plain data; tsc checks the key and its parameters),
 * `render(message, locale)` prints it, `localize(message)` gives both languages at once. See ADR 019.
 */
import type { Locale, LocalizedText } from "../definition/schema";
import { catalogue } from "./catalogue";
import { fillTemplate, type Entry, type MessageLike, type Param } from "./template";

export { catalogue };
export { fill, type PlainParam } from "./fill";
export { msg, type Message, type MessageKey, type ParamsOf } from "./msg";
export type { Entry, MessageLike, Param };

/** The catalogue entry of a key, or undefined for a key that is not there (a message from an older build). */
export function entryOf(key: string): Entry | undefined {
  const dot = key.indexOf(".");
  const area = (catalogue as Record<string, Record<string, Entry>>)[key.slice(0, dot)];
  return area && Object.hasOwn(area, key.slice(dot + 1)) ? area[key.slice(dot + 1)] : undefined;
}

/** A message in one language. An unknown key prints itself rather than nothing, so a gap is visible (and tested). */
export function render(message: MessageLike, locale: Locale): string {
  const entry = entryOf(message.key);
  return entry ? fillTemplate(entry[locale], message.params, locale, render) : message.key;
}

/** A message in both languages, for code that still passes LocalizedText pairs. */
export function localize(message: MessageLike): LocalizedText {
  return { vi: render(message, "vi"), en: render(message, "en") };
}


/** The language of the CLI's messages: SIPAS_LANG=en, otherwise Vietnamese. */
export function localeFrom(value: string | undefined): Locale {
  return value === "en" ? "en" : "vi";
}
