/**
 * Filling a catalogue entry that a module holds directly (`import { results } from "…/areas/results"`), with plain
 * parameters. It never looks a key up, so a component that uses it carries only the areas it imports, not the whole
 * catalogue, into its browser bundle. A nested message needs `render(msg(…))` from the catalogue's index instead.
 */
import type { Locale, LocalizedText } from "../definition/schema";
import { fillTemplate, type Entry } from "./template";

/** What `fill` accepts: text, a number (printed the reader's way), a text in both languages, or a list of these. */
export type PlainParam = string | number | LocalizedText | readonly (string | number | LocalizedText)[];

export function fill(entry: Entry, params: Readonly<Record<string, PlainParam>>, locale: Locale): string {
  return fillTemplate(entry[locale], params, locale, (m) => m.key);
}
