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

/** Kleene's three-valued reading of a rule: null while an answer it reads may still be given. */
function possibly(cond: Condition, answers: Answers, open: ReadonlySet<string>): boolean | null {
  if ("all" in cond) {
    const parts = cond.all.map((c) => possibly(c, answers, open));
    return parts.includes(false) ? false : parts.includes(null) ? null : true;
  }
  if ("any" in cond) {
    const parts = cond.any.map((c) => possibly(c, answers, open));
    return parts.includes(true) ? true : parts.includes(null) ? null : false;
  }
  if ("not" in cond) {
    const inner = possibly(cond.not, answers, open);
    return inner === null ? null : !inner;
  }
  return open.has(cond.item) && !isAnswered(answers[cond.item]) ? null : evaluateCondition(cond, answers);
}

/**
 * The pages a person may still see, for the progress line: the visible ones, and the ones whose skip rule reads
 * questions not answered yet on this page or later. Counting those from the start keeps "Part 2 of 5" true as the
 * answers come in: the count only goes down (a part ruled out), never up, and the current part moves one at a time.
 */
export function progressPages(def: Definition, answers: Answers, current: string): string[] {
  const at = def.sections.findIndex((s) => s.code === current);
  const open = new Set(def.sections.slice(Math.max(at, 0)).flatMap((s) => s.items.map((i) => i.code)));
  const { sections, effective } = computeVisibility(def, answers);
  return def.sections
    .filter((s) => sections.has(s.code) || s.code === current || (!!s.showIf && possibly(s.showIf, effective, open) === null))
    .map((s) => s.code);
}

/**
 * Question numbers as the person sees them: 1, 2, 3… over the questions shown, without the gaps that hidden
 * questions would leave. `shownOnPage` are the questions shown on the current page (which may follow answers
 * being typed there).
 */
export function questionNumbers(def: Definition, answers: Answers, current: string, shownOnPage: ReadonlySet<string>): Map<string, number> {
  const { sections, items } = computeVisibility(def, answers);
  const numbers = new Map<string, number>();
  let n = 0;
  for (const section of def.sections) {
    if (section.code === current) {
      for (const item of section.items) if (shownOnPage.has(item.code)) numbers.set(item.code, ++n);
      break;
    }
    if (!sections.has(section.code)) continue;
    for (const item of section.items) if (items.has(item.code)) numbers.set(item.code, ++n);
  }
  return numbers;
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
