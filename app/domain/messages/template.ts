/**
 * The little template language of the message catalogue: `{name}` puts a parameter in, `{n|one|other}` picks a
 * word by a count (English needs it, Vietnamese does not). Written out rather than taken from an i18n library so
 * that the domain, the browser, the CLI and worker threads print the same text and tsc checks the parameters
 * (ADR 019).
 */
import type { Locale, LocalizedText } from "../definition/schema";
import { formatNumber } from "../results/format";

/** One entry of the catalogue: the same message in both languages. */
export interface Entry {
  readonly vi: string;
  readonly en: string;
}

/** What a `{name}` placeholder may receive: text, a number (printed the reader's way), a text in both languages, another message, or a list of these. */
export type Param = string | number | LocalizedText | MessageLike | readonly (string | number | LocalizedText | MessageLike)[];

/** A message as data: a catalogue key and its parameters. Plain JSON, so loaders can send it to the browser. */
export interface MessageLike {
  readonly key: string;
  readonly params?: Readonly<Record<string, Param>>;
}

/** The parameter names a template asks for: `{a} and {n|x|y}` gives "a" | "n". */
export type PlaceholdersOf<S extends string, Acc extends string = never> = S extends `${string}{${infer Body}}${infer Rest}`
  ? PlaceholdersOf<Rest, Acc | (Body extends `${infer Name}|${string}` ? Name : Body)>
  : Acc;

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/** Every placeholder name of a template, in order of first use. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** Whether a value is a message (key and parameters) rather than a text in both languages. */
export function isMessageLike(x: unknown): x is MessageLike {
  return typeof x === "object" && x !== null && typeof (x as MessageLike).key === "string" && !("vi" in x);
}

/** Fills a template; `lookup` renders nested messages in the same language. */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, Param>> | undefined,
  locale: Locale,
  lookup: (m: MessageLike, locale: Locale) => string,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string, one?: string, other?: string) => {
    const value = params?.[name];
    if (value === undefined) return whole;
    if (one !== undefined) return typeof value === "number" && value === 1 ? one : (other ?? "");
    return paramText(value, locale, lookup);
  });
}

function paramText(value: Param, locale: Locale, lookup: (m: MessageLike, locale: Locale) => string): string {
  if (typeof value === "string") return value;
  // Four-digit whole numbers (years, line numbers) stay ungrouped, as style guides write them.
  if (typeof value === "number") return Number.isInteger(value) && Math.abs(value) < 10000 ? String(value) : formatNumber(value, Number.isInteger(value) ? 0 : decimalsOf(value), locale);
  if (Array.isArray(value)) return value.map((v) => paramText(v, locale, lookup)).join(", ");
  if (isMessageLike(value)) return lookup(value, locale);
  return (value as LocalizedText)[locale];
}

/** Up to 4 decimals, trailing zeros dropped: 0.05 stays 0,05, 1/3 prints 0,3333. */
function decimalsOf(x: number): number {
  const fixed = Math.abs(x).toFixed(4).replace(/0+$/, "");
  return Math.max(0, fixed.length - fixed.indexOf(".") - 1);
}
