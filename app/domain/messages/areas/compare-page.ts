/** Words of the comparison page (staff.rounds.$roundId.compare.tsx). */
export const comparePage = {
  noOtherRound: { vi: "Chưa có đợt khảo sát nào khác của cùng tỉnh để so sánh.", en: "There is no other round of the same province to compare with." },
  baseline: { vi: "Đợt gốc (so sánh với)", en: "Baseline round (compare with)" },
  changedIndices: { vi: "Chỉ số đã thay đổi cách tính", en: "Indices whose make-up changed" },
  acceptAll: { vi: "Vẫn so sánh tất cả (chấp nhận thay đổi)", en: "Compare them all anyway (accept the changes)" },
  chooseBaseline: { vi: "Chọn đợt gốc rồi bấm “Xem kết quả” để so sánh.", en: "Choose the baseline round, then press “Show results”." },
  method: {
    vi: "Chênh lệch = {current} − {baseline}. Hai đợt là hai mẫu độc lập: sai số chuẩn của chênh lệch = √(SE₁² + SE₂²). Câu hỏi được ghép theo mã giữa hai phiên bản bộ câu hỏi ({from} → {to}).",
    en: "Difference = {current} − {baseline}. The rounds are independent samples: SE of the difference = √(SE₁² + SE₂²). Questions are matched by code across the questionnaire versions ({from} → {to}).",
  },
  headlineBlocked: { vi: "{index} chưa so sánh được giữa hai đợt", en: "{index} cannot be compared between the rounds yet" },
  headlineBlockedWhy: {
    vi: "vì cách tính của các thành phần sau đã thay đổi: {parts}. Khi mọi thành phần so sánh được (hoặc được chấp nhận so sánh ở bảng dưới), chỉ số chung cũng được so sánh.",
    en: "because these parts changed: {parts}. Once every part is comparable (or accepted in the table below), the headline index is compared too.",
  },
  notComparable: {
    vi: "{count} chỉ số không so sánh được vì cách tính đã thay đổi",
    en: "{count} {count|index is|indices are} not comparable because their make-up changed",
  },
  notComparableWhy: {
    vi: "(câu hỏi thành phần, cách tổng hợp hoặc phương án tích cực khác nhau). Đánh dấu từng dòng hoặc chọn “Vẫn so sánh tất cả” để so sánh dù vậy.",
    en: "(different items, aggregation or positive answers). Tick a row, or “Compare them all anyway”, to compare them nonetheless.",
  },
  onlyInBaselineList: { vi: "Câu hỏi chỉ có ở đợt gốc ({round}):", en: "Questions only in the baseline ({round}):" },
  onlyInCurrentList: { vi: "Câu hỏi chỉ có ở đợt này ({round}):", en: "Questions only in this round ({round}):" },
  change: { vi: "Thay đổi", en: "Change" },
  notes: { vi: "Ghi chú", en: "Notes" },
  onlyInCurrent: { vi: "chỉ có ở đợt này", en: "only in this round" },
  onlyInBaseline: { vi: "chỉ có ở đợt gốc", en: "only in the baseline" },
  notComparableFlag: { vi: "không so sánh được", en: "not comparable" },
  accepted: { vi: "đã chấp nhận so sánh", en: "compared, accepted" },
  byParts: { vi: "so sánh được vì mọi thành phần đều so sánh được", en: "compared: every part of it is comparable" },
  acceptOne: { vi: "Vẫn so sánh", en: "Compare anyway" },
} as const;
