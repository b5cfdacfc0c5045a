/**
 * The index engine's notes on how figures were made (app/domain/indices/estimate.ts), its notes on a comparison
 * of two rounds, and why a row is not the same measure in two questionnaire versions (app/domain/indices/compare.ts).
 */

/** Design notes of one computation; `{n}` is a count of responses, strata or units. */
export const indexNotes = {
  weighted: {
    vi: "Có trọng số: mỗi phiếu tính theo trọng số của phiếu (phiếu thiếu trọng số tính 1).",
    en: "Weighted by the response weights (a missing weight counts 1).",
  },
  unweighted: {
    vi: "Không trọng số: mỗi phiếu tính 1 (tầng, cụm và hiệu chỉnh tổng thể hữu hạn vẫn được dùng khi tính sai số chuẩn).",
    en: "Unweighted: every response counts 1 (strata, clusters and FPC still enter the standard errors).",
  },
  lonelyPsu: {
    vi: "{n} tầng chỉ có một cụm được chọn ({strata}): không đo được độ dao động bên trong các tầng này, nên sai số của chúng được ước lượng thận trọng so với trung bình chung.",
    en: "{n} {n|stratum|strata} had a single PSU ({strata}); variance contribution centred at the grand mean (survey.lonely.psu = 'adjust').",
  },
  noStratum: { vi: "(không có tầng)", en: "(none)" },
  fpc: { vi: "Có hiệu chỉnh tổng thể hữu hạn (FPC) ở {n}/{strata} tầng.", en: "Finite population correction in {n} of {strata} {strata|stratum|strata}." },
  zeroWeight: {
    vi: "{n} phiếu có trọng số 0, không được tính vào ước lượng nào.",
    en: "{n} {n|response has|responses have} weight 0 and {n|counts|count} in no estimate.",
  },
  noGroup: {
    vi: "{n} phiếu không có giá trị của tiêu chí phân nhóm ({grouping}): chỉ được tính vào số liệu chung.",
    en: "{n} {n|response has|responses have} no value for the grouping ({grouping}): counted in the whole round only.",
  },
  groupUnit: { vi: "đơn vị", en: "unit" },
  meanOfUnits: {
    vi: "Số liệu chung là trung bình cộng chỉ số của {n} đơn vị; đơn vị không có câu trả lời hợp lệ cho một chỉ tiêu không được tính vào trung bình của chỉ tiêu đó. Số liệu từng nhóm gộp người trả lời của nhóm.",
    en: "Whole-round figures are the mean of the {n} {n|unit index|unit indices}; a unit without a valid answer for a row is left out of that row's mean. Group figures pool the group's respondents.",
  },
  noUnit: {
    vi: "{n} phiếu không có đơn vị nên không được tính vào số liệu chung.",
    en: "{n} {n|response has|responses have} no unit and {n|is|are} not in the whole-round figures.",
  },
  logit: { vi: "Khoảng tin cậy {level}% tính trên thang logit (phân vị chuẩn).", en: "{level}% intervals on the logit scale (normal quantile)." },
  wald: {
    vi: "Khoảng tin cậy {level}% kiểu Wald: ước lượng ± z × sai số chuẩn (phân vị chuẩn).",
    en: "{level}% Wald intervals (estimate ± z·SE, normal quantile).",
  },
  designEffect: {
    vi: "Hiệu ứng thiết kế (deff): phương sai theo thiết kế mẫu chia cho phương sai nếu chọn mẫu ngẫu nhiên đơn giản có hoàn lại cùng số người trả lời.",
    en: "Design effect: design variance ÷ variance under simple random sampling with replacement of the same respondents.",
  },
} as const;

/** Notes on a comparison of two rounds. */
export const compareNotes = {
  differences: {
    vi: "Chênh lệch là {current} − {baseline}, tính bằng điểm phần trăm; hai đợt được coi là hai mẫu độc lập.",
    en: "Differences are {current} − {baseline} in percentage points; the two rounds are treated as independent samples.",
  },
  mixedWeighting: {
    vi: "Một đợt có trọng số, đợt kia không: chênh lệch trộn lẫn hai cách tính.",
    en: "One round is weighted and the other is not: differences mix the two.",
  },
  mixedWholeRound: {
    vi: "Số liệu chung của hai đợt được tính theo hai cách khác nhau ({baseline} và {current}).",
    en: "Whole-round figures are made differently ({baseline} vs {current}).",
  },
  pooled: { vi: "gộp toàn bộ người trả lời", en: "pooled" },
  meanOfUnits: { vi: "trung bình chỉ số các đơn vị", en: "mean of the unit indices" },
  itemsOnlyIn: { vi: "Câu hỏi chỉ có trong phiên bản {version}: {items}.", en: "Items only in {version}: {items}." },
} as const;

/** Why a row of the index tables is not the same measure in two versions; the keys are the reasons' kinds. */
export const comparability = {
  onlyIn: { vi: "chỉ có trong phiên bản {version}", en: "only in version {version}" },
  kindChanged: { vi: "loại chỉ số thay đổi ({from} → {to})", en: "kind changed ({from} → {to})" },
  itemsChanged: { vi: "câu hỏi thành phần thay đổi: {changes}", en: "items changed: {changes}" },
  ruleChanged: { vi: "cách tổng hợp thay đổi ({from} → {to})", en: "rule changed ({from} → {to})" },
  weightsChanged: { vi: "trọng số các thành phần thay đổi", en: "weights changed" },
  positiveChanged: { vi: "phương án tính là tích cực của {item} thay đổi ({from} → {to})", en: "positive answers of {item} changed ({from} → {to})" },
  optionsChanged: { vi: "các phương án trả lời của {item} thay đổi", en: "answer options of {item} changed" },
  ruleMean: { vi: "trung bình", en: "mean" },
  ruleWeighted: { vi: "trung bình có trọng số", en: "weighted" },
  rulePooled: { vi: "gộp", en: "pooled" },
  ruleItem: { vi: "theo câu {item}", en: "item {item}" },
} as const;
