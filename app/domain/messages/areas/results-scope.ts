/** What a row of results covers, where no unit or group names it (app/domain/results/view.ts). */
export const resultsScope = {
  wholeRound: { vi: "Toàn bộ đợt khảo sát", en: "Whole round" },
};
