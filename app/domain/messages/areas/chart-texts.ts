/** The descriptions (read by screen readers) and legends of the results charts (app/components/charts/). */
export const chartTexts = {
  changeDescription: {
    vi: "Thay đổi từ {baseline} đến {current}, điểm phần trăm, với khoảng tin cậy 95%:",
    en: "Change from {baseline} to {current}, percentage points, with 95% confidence intervals:",
  },
  changeLegend: {
    vi: "Thanh: thay đổi (điểm phần trăm), sang phải là tăng, sang trái là giảm; vạch đen: khoảng tin cậy 95% của chênh lệch. ▲/▼: tăng/giảm có ý nghĩa thống kê (khoảng tin cậy không chứa 0).",
    en: "Bar: change in percentage points, right is a rise, left a fall; black line: 95% confidence interval of the difference. ▲/▼: significant rise/fall (the interval excludes 0).",
  },
  componentsDescription: { vi: "Biểu đồ thanh ngang, {group}:", en: "Horizontal bar chart, {group}:" },
  highestLowest: { vi: "Cao nhất: {highest}; thấp nhất: {lowest}.", en: "Highest: {highest}; lowest: {lowest}." },
  prioritiesDescription: { vi: "Biểu đồ thanh xếp theo thứ tự, {tree}:", en: "Sorted bar chart, {tree}:" },
  prioritiesLegend: {
    vi: "Thanh: tỷ lệ người trả lời chọn mức ưu tiên cao nhất; vạch đen: khoảng tin cậy 95%.",
    en: "Bar: share of respondents choosing the highest priority; black line: 95% confidence interval.",
  },
  rankingTitle: { vi: "Xếp hạng {index} theo {grouping}", en: "{index} by {grouping}, ranked" },
  comparisonTitle: { vi: "So sánh {index} theo {grouping}", en: "{index} by {grouping}" },
  rankingDescription: {
    vi: "Biểu đồ điểm với khoảng tin cậy 95%, {groups} nhóm, chỉ số chung {overall}. Cao hơn có ý nghĩa: {above}. Thấp hơn có ý nghĩa: {below}.",
    en: "Dot plot with 95% confidence intervals, {groups} groups, overall {overall}. Significantly above: {above}. Significantly below: {below}.",
  },
  noGroup: { vi: "không có", en: "none" },
  rankingLegendFilled: {
    vi: "▲/▼ cao/thấp hơn chỉ số chung có ý nghĩa thống kê: khoảng tin cậy 95% của nhóm không chứa chỉ số chung (đường đứt nét).",
    en: "▲/▼ significantly above/below the overall figure: the group's 95% interval excludes it (dashed line).",
  },
  rankingLegendOpen: {
    vi: "không khác biệt có ý nghĩa. Vạch ngang: khoảng tin cậy 95%.",
    en: "no significant difference. Horizontal line: 95% confidence interval.",
  },
} as const;
