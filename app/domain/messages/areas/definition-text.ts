// Its own file, not in questionnaires.ts: the citizen form shows these two, and the bundler puts a shared file whole
// into the citizen's first load (docs/BENCHMARKS.md, first load) — questionnaires.ts is 6 KiB gzip of staff words.

/** A questionnaire text shown in Vietnamese in the English view because its English is missing. */
export const definitionText = {
  fallbackMark: { vi: "(chưa có bản tiếng Anh)", en: "(in Vietnamese: no English text yet)" },
  fallbackNotice: {
    vi: "Một số nội dung chưa có bản tiếng Anh nên hiển thị bằng tiếng Việt, có đánh dấu VI.",
    en: "Some texts have no English version yet and are shown in Vietnamese, marked VI.",
  },
} as const;
