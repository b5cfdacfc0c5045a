/**
 * The one message catalogue of the app and the CLI: every word a person reads, in Vietnamese first and English,
 * looked up by key. `msg(key, params)` makes a message (plain data; tsc checks the key and its parameters),
 * `render(message, locale)` prints it, `localize(message)` gives both languages at once. See ADR 019.
 */
import type { Locale, LocalizedText } from "../definition/schema";
import { catalogue, type Catalogue } from "./catalogue";
import { fillTemplate, type Entry, type MessageLike, type Param, type PlaceholdersOf } from "./template";

export { catalogue };
export type { Entry, MessageLike, Param };

/** "area.name" for every entry of the catalogue. */
export type MessageKey = { [A in keyof Catalogue]: `${A & string}.${keyof Catalogue[A] & string}` }[keyof Catalogue];

type EntryOf<K extends string> = K extends `${infer A}.${infer N}`
  ? A extends keyof Catalogue
    ? N extends keyof Catalogue[A]
      ? Catalogue[A][N]
      : never
    : never
  : never;

type TextsOf<E> = E extends { vi: infer V extends string; en: infer N extends string } ? PlaceholdersOf<V> | PlaceholdersOf<N> : never;

/** The parameter names of a key's templates (both languages). */
export type ParamsOf<K extends MessageKey> = TextsOf<EntryOf<K>>;

export interface Message<K extends MessageKey = MessageKey> extends MessageLike {
  readonly key: K;
  readonly params?: Readonly<Record<string, Param>>;
}

type ParamArgs<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [params: { readonly [P in ParamsOf<K>]: Param }];

/** A message by key; tsc refuses an unknown key and a missing or unknown parameter. */
export function msg<K extends MessageKey>(key: K, ...params: ParamArgs<K>): Message<K> {
  return params.length ? { key, params: params[0] as Record<string, Param> } : { key };
}

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

/** Fills a catalogue entry taken directly (`catalogue.results.x`), for components that hold the entry object. */
export function fill(entry: Entry, params: Readonly<Record<string, Param>>, locale: Locale): string {
  return fillTemplate(entry[locale], params, locale, render);
}

/** The language of the CLI's messages: SIPAS_LANG=en, otherwise Vietnamese. */
export function localeFrom(value: string | undefined): Locale {
  return value === "en" ? "en" : "vi";
}
