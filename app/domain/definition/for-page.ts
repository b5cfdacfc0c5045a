import type { Definition, DefinitionText, Item, Locale, Section } from "./schema";

const BLANK: DefinitionText = { vi: "" };

/**
 * The definition one page of the citizen form needs in the browser, where it is sent with the page (and parsed on a
 * phone): every section and item keeps its code, type, options' codes, rules and limits — skip logic, question
 * numbers and the progress line read the whole questionnaire — but only the shown section keeps its wording. The
 * index trees, the named answer scales, the other pages' positive answers (read by the indices alone) and the notes
 * on where the questionnaire comes from are not sent. About a third of the page's bytes.
 *
 * A page read in Vietnamese is sent without the English (the language switch is a link that loads the page again):
 * ~0.5 kB gzip of the first load. A page read in English keeps both, for the Vietnamese shown where English is missing.
 */
export function definitionForPage(def: Definition, page: string, locale?: Locale): Definition {
  // A definition is immutable once loaded (versions are cached whole), so each of its pages is cut once a language.
  let pages = cut.get(def);
  if (!pages) cut.set(def, (pages = new Map()));
  const key = `${locale === "vi" ? "vi" : "all"}:${page}`;
  let kept = pages.get(key);
  if (!kept) pages.set(key, (kept = cutForPage(def, page, locale)));
  return kept;
}

const cut = new WeakMap<Definition, Map<string, Definition>>();

function cutForPage(def: Definition, page: string, locale?: Locale): Definition {
  const { basis: _basis, description: _description, indices: _indices, ...rest } = def;
  const text = locale === "vi" ? (t: DefinitionText): DefinitionText => ({ vi: t.vi }) : (t: DefinitionText) => t;
  const wordsOf = (section: Section): Section => ({
    ...section,
    title: text(section.title),
    ...(section.description ? { description: text(section.description) } : {}),
    items: section.items.map(
      (item): Item => ({
        ...item,
        label: text(item.label),
        ...(item.help ? { help: text(item.help) } : {}),
        ...(item.options ? { options: item.options.map((o) => ({ ...o, label: text(o.label) })) } : {}),
      }),
    ),
  });
  return {
    ...rest,
    title: text(def.title),
    indices: [],
    scales: {},
    sections: def.sections.map((section) => {
      if (section.code === page) return wordsOf(section);
      const { description: _d, ...kept } = section;
      return {
        ...kept,
        title: text(section.title),
        items: section.items.map(({ help: _help, positive: _positive, ...item }) => ({
          ...item,
          label: BLANK,
          ...(item.options ? { options: item.options.map((o) => ({ ...o, label: BLANK })) } : {}),
        })),
      };
    }),
  };
}
