/**
 * What the results and comparison pages' loaders take from domain modules that need the whole message catalogue
 * (refusals of bad options, the plain-language explanation, the engine's notes). Behind a .server module, so that
 * the pages' browser bundles do not carry the catalogue.
 */
import type { LocalizedText } from "../../domain/definition/schema";
import type { IndexResult } from "../../domain/indices/types";
import { localize } from "../../domain/messages";
import { buildResultsView, type ResultsView } from "../../domain/results/view";

export { explainComputation } from "../../domain/results/explain";
export { parseResultsQuery } from "../../domain/results/query-parse";

/** The results page's view, its notes in both languages. */
export function resultsPageView(result: IndexResult, input: Parameters<typeof buildResultsView>[1]): Omit<ResultsView, "notes"> & { notes: LocalizedText[] } {
  const view = buildResultsView(result, input);
  return { ...view, notes: view.notes.map(localize) };
}
