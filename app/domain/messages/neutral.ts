/**
 * Catalogue entries that are rightly the same, or not Vietnamese, in both languages: names of the other language on the
 * language switch, codes and abbreviations. The completeness test lets only these through.
 */
export const LANGUAGE_NEUTRAL: ReadonlySet<string> = new Set(["citizen.switchTo", "results.ci", "terms.unitWithCode"]);
