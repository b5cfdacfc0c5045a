import { findItem } from "../definition/conditions";
import { CHOICE_TYPES, type Condition, type Definition, type Locale, type Section } from "../definition/schema";
import { textIn } from "../definition/text";
import { itemNumbers } from "./keys";

/**
 * Skip logic in words, for the printed questionnaire (a person follows it with a pen) and for the
 * data-entry screen without JavaScript. "Nếu trả lời “Không” ở câu 26, chuyển sang phần E."
 */
export interface SkipNotes {
  /** Shown under a section's title: when the section applies. */
  sections: Map<string, string>;
  /** Shown with a question: when it applies. */
  items: Map<string, string>;
  /** Shown after a routing question's options: where to go for the other answers. */
  routes: Map<string, string[]>;
}

const words = {
  vi: {
    answered: (n: number | string, labels: string) => `câu ${n} trả lời ${labels}`,
    isAnswered: (n: number | string) => `đã trả lời câu ${n}`,
    isBlank: (n: number | string) => `để trống câu ${n}`,
    and: " và ",
    or: " hoặc ",
    not: (s: string) => `không phải trường hợp ${s}`,
    onlyIf: (s: string) => `Chỉ trả lời nếu ${s}.`,
    sectionOnlyIf: (s: string) => `Chỉ trả lời phần này nếu ${s}.`,
    goTo: (labels: string, n: number, target: string) => `Nếu trả lời ${labels} ở câu ${n}, chuyển sang ${target}.`,
    skip: (labels: string, n: number, list: string) => `Nếu trả lời ${labels} ở câu ${n}, bỏ qua câu ${list}.`,
    end: "cuối phiếu",
    part: "phần",
    question: "câu",
  },
  en: {
    answered: (n: number | string, labels: string) => `question ${n} is answered ${labels}`,
    isAnswered: (n: number | string) => `question ${n} is answered`,
    isBlank: (n: number | string) => `question ${n} is left blank`,
    and: " and ",
    or: " or ",
    not: (s: string) => `not (${s})`,
    onlyIf: (s: string) => `Answer only if ${s}.`,
    sectionOnlyIf: (s: string) => `Answer this part only if ${s}.`,
    goTo: (labels: string, n: number, target: string) => `If you answer ${labels} to question ${n}, go to ${target}.`,
    skip: (labels: string, n: number, list: string) => `If you answer ${labels} to question ${n}, skip question ${list}.`,
    end: "the end of the form",
    part: "part",
    question: "question",
  },
} as const;

/** A label quoted inside a sentence loses its own closing full stop ("…cụ thể).”." read as a typo); "…" stays. */
const quote = (s: string) => `“${s.trim().replace(/(?<=[^.])\.$/, "")}”`;

/** "60–61", "33, 35, 40–42": question numbers, runs joined. */
export function numberList(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

/**
 * A skip rule in words. Questions are named by `numbers`: their printed numbers by default, or any name (the studio
 * passes item codes). An "or" inside an "and" is bracketed so the sentence reads one way only.
 */
export function describeCondition(
  def: Definition,
  cond: Condition,
  locale: Locale,
  numbers: ReadonlyMap<string, number | string> = itemNumbers(def),
): string {
  const w = words[locale];
  const inner = (c: Condition) => describeCondition(def, c, locale, numbers);
  if ("all" in cond) return cond.all.map((c) => ("any" in c && c.any.length > 1 ? `(${inner(c)})` : inner(c))).join(w.and);
  if ("any" in cond) return cond.any.map((c) => ("all" in c && c.all.length > 1 ? `(${inner(c)})` : inner(c))).join(w.or);
  if ("not" in cond) return w.not(inner(cond.not));
  const n = numbers.get(cond.item) ?? 0;
  if ("answered" in cond) return cond.answered ? w.isAnswered(n) : w.isBlank(n);
  return w.answered(n, optionLabels(def, cond.item, cond.in, locale));
}

function optionLabels(def: Definition, itemCode: string, codes: string[], locale: Locale): string {
  const item = findItem(def, itemCode)?.item;
  const label = (code: string) => {
    const text = item?.options?.find((o) => o.code === code)?.label;
    return text ? textIn(text, locale) : code;
  };
  return codes.map((c) => quote(label(c))).join(words[locale].or);
}

/** "phần E" from a title "Phần E. Mong đợi…"; otherwise the quoted title. */
export function sectionName(section: Section, locale: Locale): string {
  const title = textIn(section.title, locale).trim();
  const short = title.match(/^(Phần|Part)\s+([^\s.:]+)\s*[.:]/i);
  if (short) return `${words[locale].part} ${short[2]}`;
  return quote(title);
}

export function skipNotes(def: Definition, locale: Locale): SkipNotes {
  const w = words[locale];
  const numbers = itemNumbers(def);
  const notes: SkipNotes = { sections: new Map(), items: new Map(), routes: new Map() };
  // "phần B" names a part only when no other section shares it (sipas-2022@2 has six "Phần B. Câu …" sections):
  // otherwise the part's first question number.
  const sectionTarget = (section: Section) => {
    const name = sectionName(section, locale);
    const first = section.items[0];
    const shared = def.sections.filter((other) => sectionName(other, locale) === name).length > 1;
    return shared && first ? `${w.question} ${numbers.get(first.code)}` : name;
  };
  const addRoute = (item: string, text: string) => notes.routes.set(item, [...(notes.routes.get(item) ?? []), text]);
  // Routing questions with a simple rule `{item, in}`: the other options send the person on.
  const otherLabels = (cond: Condition) => {
    if (!("in" in cond)) return null;
    const driver = findItem(def, cond.item)?.item;
    if (!driver?.options || !CHOICE_TYPES.includes(driver.type) || driver.type === "multiple") return null;
    const others = driver.options.filter((o) => !cond.in.includes(o.code));
    return others.length ? { item: cond.item, labels: others.map((o) => quote(textIn(o.label, locale))).join(w.or) } : null;
  };

  def.sections.forEach((section, s) => {
    if (section.showIf) {
      notes.sections.set(section.code, w.sectionOnlyIf(describeCondition(def, section.showIf, locale, numbers)));
      const route = otherLabels(section.showIf);
      if (route) {
        const next = def.sections[s + 1];
        addRoute(route.item, w.goTo(route.labels, numbers.get(route.item)!, next ? sectionTarget(next) : w.end));
      }
    }
    const skipped = new Map<string, { labels: string; items: number[] }>();
    for (const item of section.items) {
      if (!item.showIf) continue;
      notes.items.set(item.code, w.onlyIf(describeCondition(def, item.showIf, locale, numbers)));
      const route = otherLabels(item.showIf);
      if (!route) continue;
      const entry = skipped.get(route.item) ?? { labels: route.labels, items: [] };
      entry.items.push(numbers.get(item.code)!);
      skipped.set(route.item, entry);
    }
    for (const [driver, { labels, items }] of skipped) addRoute(driver, w.skip(labels, numbers.get(driver)!, numberList(items)));
  });
  return notes;
}
