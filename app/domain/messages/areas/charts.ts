/** Words of priorities-chart.tsx (moved from the file's inline table into the catalogue). */
export const prioritiesChart = {
  title: { vi: "Ưu tiên theo mong đợi của người dân", en: "Priorities by citizens' expectations" },
  noData: { vi: "không có dữ liệu", en: "no data" },
  area: { vi: "Lĩnh vực", en: "Area" },
  share: { vi: "Tỷ lệ", en: "Share" },
  ci: { vi: "KTC 95%", en: "95% CI" },
} as const;

export const rankingSignificance = {
  above: { vi: "cao hơn chỉ số chung", en: "above the overall figure" },
  below: { vi: "thấp hơn chỉ số chung", en: "below the overall figure" },
  notSignificant: { vi: "không khác biệt có ý nghĩa", en: "no significant difference" },
  unknown: { vi: "—", en: "—" },
} as const;

export const rankingChart = {
  ranking: { vi: "Xếp hạng", en: "Ranking" },
  comparison: { vi: "So sánh", en: "Comparison" },
  overall: { vi: "Chung", en: "Overall" },
  noData: { vi: "không có dữ liệu", en: "no data" },
  rank: { vi: "Hạng", en: "Rank" },
  group: { vi: "Nhóm", en: "Group" },
  share: { vi: "Tỷ lệ", en: "Share" },
  ci: { vi: "KTC 95%", en: "95% CI" },
  respondents: { vi: "Người trả lời", en: "Respondents" },
  vsOverall: { vi: "So với chỉ số chung", en: "Against the overall figure" },
} as const;

export const componentsChart = {
  title: { vi: "Chỉ số hài lòng theo thành phần", en: "Satisfaction by component" },
  noData: { vi: "không có dữ liệu", en: "no data" },
  index: { vi: "Chỉ số", en: "Index" },
  share: { vi: "Tỷ lệ hài lòng", en: "Satisfied" },
  ci: { vi: "Khoảng tin cậy 95%", en: "95% confidence interval" },
  legend: {
    vi: "Thanh: tỷ lệ người trả lời hài lòng (từ 0 đến 100%); vạch đen: khoảng tin cậy 95%.",
    en: "Bar: share of respondents satisfied (0 to 100%); black line: 95% confidence interval.",
  },
} as const;

export const changeChart = {
  points: { vi: "điểm", en: "pts" },
  title: { vi: "Thay đổi so với đợt gốc", en: "Change from the baseline round" },
  notComparable: { vi: "không so sánh được", en: "not comparable" },
  noData: { vi: "không có dữ liệu", en: "no data" },
  index: { vi: "Chỉ số", en: "Index" },
  change: { vi: "Thay đổi (điểm %)", en: "Change (points)" },
  ci: { vi: "KTC 95%", en: "95% CI" },
} as const;

export const chartFrame = {
  figures: { vi: "Bảng số liệu của biểu đồ", en: "The chart's figures as a table" },
} as const;
