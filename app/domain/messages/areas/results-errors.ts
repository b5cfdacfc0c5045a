/** Refusals of the results options and the comparison (results query, indices, compare). */
export const resultsErrors = {
  badOptions: { vi: "Tham số của kết quả không hợp lệ.", en: "The results were asked for with options they do not know." },
  cannotGroup: { vi: "Không phân nhóm được theo “{by}”.", en: "Cannot group by \"{by}\"." },
  cannotGroupRound: {
    vi: "Không phân nhóm được đợt khảo sát “{round}” theo “{by}”. Chọn một trong: {choices}.",
    en: "Cannot group round \"{round}\" by \"{by}\". Choose one of: {choices}.",
  },
  sameRound: { vi: "Hãy chọn một đợt khác để so sánh.", en: "Choose another round to compare with." },
  otherProvince: { vi: "Chỉ so sánh được hai đợt của cùng một tỉnh.", en: "Only rounds of the same province can be compared." },
} as const;
