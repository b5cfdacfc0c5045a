/**
 * The two kinds of catalogue entry the completeness test lets through without a Vietnamese tone mark.
 *
 * LANGUAGE_NEUTRAL: the same text in both languages, because it has no words — pure layouts of parameters, a formula,
 * a sign, a key name. The test checks that each is indeed identical in `vi` and `en`.
 */
export const LANGUAGE_NEUTRAL: ReadonlySet<string> = new Set([
  "terms.unitWithCode",
  "columns.itemAbout",
  "samplePage.yamane",
  "samplePage.percent",
  "paperFormWords.saveKeys",
  "rankingSignificance.unknown",
]);

/**
 * UNMARKED_VIETNAMESE: Vietnamese that happens to carry no tone mark ("Nam", "Trang", "Chung"), abbreviations
 * ("KTC 95%"), a separator in place of an English word ("/" for "of"), and the name of the other language on the
 * language switch. The test checks that each differs from its English, so a copy of the English cannot hide here.
 */
export const UNMARKED_VIETNAMESE: ReadonlySet<string> = new Set([
  "citizen.switchTo",
  "terms.male",
  "results.ci",
  "prioritiesChart.ci",
  "rankingChart.ci",
  "rankingChart.overall",
  "changeChart.ci",
  "invitationsPage.show",
  "invitationsPage.replaces",
  "invitationsPage.page",
  "invitationsPage.of",
  "invitationsPage.next",
]);
