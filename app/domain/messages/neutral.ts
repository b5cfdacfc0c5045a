/**
 * Catalogue entries that are rightly the same, or carry no Vietnamese tone mark, in both languages: the name of the
 * other language on the language switch, abbreviations, pure layouts of parameters, and Vietnamese words written
 * without marks ("Nam"). The completeness test lets only these through.
 */
export const LANGUAGE_NEUTRAL: ReadonlySet<string> = new Set(["citizen.switchTo", "results.ci", "terms.unitWithCode", "terms.male", "columns.itemAbout"]);
