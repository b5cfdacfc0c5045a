import type { Locale } from "../domain/definition/schema";
import { catalogue, render } from "../domain/messages";

/** Column of the descriptions in the usage text; a description's next line starts there too. */
export const ABOUT_COLUMN = 41;

/** What a command does, in the reader's language, for the usage text (its second line under the first). */
export function about(name: keyof typeof catalogue.cliHelp, locale: Locale, indent = ABOUT_COLUMN): string {
  return render({ key: `cliHelp.${name}` }, locale).split("\n").join(`\n${" ".repeat(indent)}`);
}
