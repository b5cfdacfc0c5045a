import type { Definition, DefinitionText } from "./schema";

const BLANK: DefinitionText = { vi: "" };

/**
 * The definition one page of the citizen form needs in the browser, where it is sent with the page (and parsed on a
 * phone): every section and item keeps its code, type, options' codes, rules and limits — skip logic, question
 * numbers and the progress line read the whole questionnaire — but only the shown section keeps its wording. The
 * index trees, the named answer scales, the other pages' positive answers (read by the indices alone) and the notes
 * on where the questionnaire comes from are not sent. About a third of the page's bytes.
 */
export function definitionForPage(def: Definition, page: string): Definition {
  const { basis: _basis, description: _description, indices: _indices, ...rest } = def;
  return {
    ...rest,
    indices: [],
    scales: {},
    sections: def.sections.map((section) => {
      if (section.code === page) return section;
      const { description: _d, ...kept } = section;
      return {
        ...kept,
        items: section.items.map(({ help: _help, positive: _positive, ...item }) => ({
          ...item,
          label: BLANK,
          ...(item.options ? { options: item.options.map((o) => ({ ...o, label: BLANK })) } : {}),
        })),
      };
    }),
  };
}
