/**
 * Making a message: a catalogue key and its parameters, as plain data. Kept apart from the catalogue's index so that
 * code in a browser bundle may make messages without carrying the whole catalogue (the catalogue is a type here).
 */
import type { Catalogue } from "./catalogue";
import type { MessageLike, Param, PlaceholdersOf } from "./template";

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
