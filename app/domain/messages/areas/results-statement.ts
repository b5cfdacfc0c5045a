/** Words of the line that says what the results figures are (app/domain/results/describe.ts), and the grouping names. */
export const resultsStatement = {
  weighted: { vi: "Có trọng số", en: "Weighted" },
  unweighted: { vi: "Không trọng số (mỗi phiếu tính 1)", en: "Unweighted (each response counts 1)" },
  pooled: { vi: "gộp toàn bộ người trả lời", en: "pooled over all respondents" },
  meanOf: { vi: "số liệu chung là trung bình chỉ số các {units}", en: "whole-round figures are the mean of the {units}' indices" },
  by: { vi: "theo {grouping} ({groups} nhóm)", en: "by {grouping} ({groups} groups)" },
  intervals: { vi: "khoảng tin cậy {level}% ({method})", en: "{level}% confidence intervals ({method})" },
  nOne: { vi: "n = {n} phiếu", en: "n = {n} response" },
  nMany: { vi: "n = {n} phiếu", en: "n = {n} responses" },
  differences: { vi: "chênh lệch tính bằng điểm phần trăm, khoảng tin cậy {level}%", en: "differences in percentage points, {level}% confidence intervals" },
  nBoth: { vi: "n = {baseline} phiếu (đợt gốc) và {current} phiếu (đợt này)", en: "n = {baseline} (baseline) and {current} (this round) responses" },
  questionsChanged: { vi: "câu hỏi thay đổi: {changes}", en: "questions changed: {changes}" },
  added: { vi: "thêm {question}", en: "added {question}" },
  removed: { vi: "bỏ {question}", en: "removed {question}" },
} as const;

/** The grouping choices of the results pages, and the plural noun of each unit level (the levels named as in terms.ts). */
export const groupingWords = {
  none: { vi: "Không phân nhóm", en: "No grouping" },
  unit: { vi: "Đơn vị của người trả lời", en: "Respondent's own unit" },
  province: { vi: "Cấp tỉnh", en: "Province" },
  district: { vi: "Cấp huyện", en: "District" },
  commune: { vi: "Cấp xã", en: "Commune" },
  agency: { vi: "Sở, ngành", en: "Agency" },
  provinces: { vi: "tỉnh", en: "provinces" },
  districts: { vi: "huyện", en: "districts" },
  communes: { vi: "xã", en: "communes" },
  agencies: { vi: "sở, ngành", en: "agencies" },
  units: { vi: "đơn vị", en: "units" },
} as const;
