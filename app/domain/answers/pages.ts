import { computeVisibility, evaluateCondition, isAnswered, type Answers } from "../definition/conditions";
import type { Condition, Definition, Item, Section } from "../definition/schema";

/** The form is shown one section per page; a section hidden by skip logic has no page. */
export function visiblePages(def: Definition, answers: Answers): string[] {
  const { sections } = computeVisibility(def, answers);
  return def.sections.filter((s) => sections.has(s.code)).map((s) => s.code);
}

/** Where a returning person should land: the first page with a required question unanswered. */
export function resumePage(def: Definition, answers: Answers): string {
  const { items, effective } = computeVisibility(def, answers);
  const pages = visiblePages(def, answers);
  for (const code of pages) {
    const section = def.sections.find((s) => s.code === code)!;
    if (section.items.some((i) => items.has(i.code) && i.required && !isAnswered(effective[i.code]))) return code;
  }
  return pages[pages.length - 1];
}

export function neighbourPage(pages: readonly string[], current: string, step: 1 | -1): string | null {
  const at = pages.indexOf(current);
  const next = at + step;
  return at >= 0 && next >= 0 && next < pages.length ? pages[next] : null;
}

export function conditionItems(cond: Condition): string[] {
  if ("all" in cond) return cond.all.flatMap(conditionItems);
  if ("any" in cond) return cond.any.flatMap(conditionItems);
  if ("not" in cond) return conditionItems(cond.not);
  return [cond.item];
}

export interface PageItem {
  item: Item;
  /** Shown with the answers known now. */
  shown: boolean;
  /** Depends on another answer on the same page: without JavaScript it is shown with a hint. */
  dependsOnPage: boolean;
}

/**
 * Items of one page. Rules that read answers on the same page cannot be applied by a server
 * alone, so for a page rendered without JavaScript those items are shown (with a hint) and the
 * server ignores them if the rule turns out false.
 */
export function pageItems(def: Definition, section: Section, answers: Answers, live: boolean): PageItem[] {
  const { items } = computeVisibility(def, answers);
  const onPage = new Set(section.items.map((i) => i.code));
  return section.items.map((item) => {
    const dependsOnPage = !!item.showIf && conditionItems(item.showIf).some((c) => onPage.has(c));
    const shown = live || !dependsOnPage ? items.has(item.code) : true;
    return { item, shown, dependsOnPage };
  });
}

export { evaluateCondition };
