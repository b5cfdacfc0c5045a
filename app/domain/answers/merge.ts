import type { Answers } from "../definition/conditions";
import type { Definition } from "../definition/schema";

/**
 * Puts one page's answers into the answers kept so far. Every item of the page is replaced,
 * so an answer cleared on the page (an unticked box) is cleared in the draft too.
 */
export function mergePageAnswers(def: Definition, previous: Answers, page: Answers, sectionCodes: readonly string[]): Answers {
  const merged: Answers = { ...previous };
  for (const section of def.sections) {
    if (!sectionCodes.includes(section.code)) continue;
    for (const item of section.items) {
      if (page[item.code] === undefined) delete merged[item.code];
      else merged[item.code] = page[item.code];
    }
  }
  return merged;
}
