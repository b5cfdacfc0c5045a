/** "How these figures are computed" on the results page: plain words made from the round's own definition. */
export const explain = {
  title: { vi: "Các số liệu này được tính như thế nào", en: "How these figures are computed" },
  satisfiedTitle: { vi: "Thế nào là “hài lòng”", en: "What counts as “satisfied”" },
  positiveRule: {
    vi: "{kind} ({count} câu hỏi, thang: {scale}): người trả lời {positive} được tính là {meaning}.",
    en: "{kind} ({count} {count|question|questions}, scale: {scale}): answering {positive} counts as {meaning}.",
  },
  orWord: { vi: "hoặc", en: "or" },
  meaningSatisfied: { vi: "hài lòng", en: "satisfied" },
  meaningPositive: { vi: "đánh giá tích cực", en: "a positive assessment" },
  meaningPriority: { vi: "mong đợi cao", en: "a high expectation" },
  kindSatisfaction5: { vi: "Câu hỏi mức độ hài lòng", en: "Satisfaction questions" },
  kindLevel3: { vi: "Câu hỏi ba mức", en: "Three-level questions" },
  kindYesno: { vi: "Câu hỏi có/không", en: "Yes/no questions" },
  kindSingle: { vi: "Câu hỏi một lựa chọn", en: "Single-choice questions" },
  kindOther: { vi: "Câu hỏi khác", en: "Other questions" },
  notCounted: {
    vi: "Câu bỏ trống, câu bị ẩn do điều kiện rẽ nhánh và câu trả lời {missing} không được tính: tỷ lệ chỉ tính trên những người đã trả lời câu đó.",
    en: "Blank answers, questions hidden by skip logic and the answers {missing} are left out: each share is over the people who answered that question.",
  },
  notCountedBlank: {
    vi: "Câu bỏ trống và câu bị ẩn do điều kiện rẽ nhánh không được tính: tỷ lệ chỉ tính trên những người đã trả lời câu đó.",
    en: "Blank answers and questions hidden by skip logic are left out: each share is over the people who answered that question.",
  },
  treeTitle: { vi: "Từ câu hỏi đến chỉ số: {name}", en: "From questions to the index: {name}" },
  ruleMean: { vi: "{name} = trung bình cộng của {count} phần: {parts}.", en: "{name} = the plain average of {count} {count|part|parts}: {parts}." },
  ruleWeighted: {
    vi: "{name} = trung bình có trọng số của {count} phần: {parts}.",
    en: "{name} = the weighted average of {count} {count|part|parts}: {parts}.",
  },
  ruleMeanItems: {
    vi: "{name} = trung bình cộng tỷ lệ của {count} câu hỏi.",
    en: "{name} = the plain average of the shares of its {count} {count|question|questions}.",
  },
  ruleWeightedItems: {
    vi: "{name} = trung bình có trọng số tỷ lệ của {count} câu hỏi (hệ số {weights}).",
    en: "{name} = the weighted average of the shares of its {count} {count|question|questions} (weights {weights}).",
  },
  ruleItem: { vi: "{name} = tỷ lệ của câu hỏi chung “{item}”.", en: "{name} = the share of the general question “{item}”." },
  rulePooled: {
    vi: "{name} = tỷ lệ trên tất cả câu trả lời của {count} câu hỏi gộp lại (mỗi câu trả lời hợp lệ tính như nhau).",
    en: "{name} = the share over all answers to its {count} {count|question|questions} taken together (every valid answer counts the same).",
  },
  partWeight: { vi: "{part} (hệ số {weight})", en: "{part} (weight {weight})" },
  questionsPart: { vi: "{count} câu hỏi", en: "{count} {count|question|questions}" },
  emptyParts: {
    vi: "Một phần không có câu trả lời hợp lệ trong nhóm thì không tính; trung bình chia cho số phần còn lại (được đánh dấu †).",
    en: "A part without any valid answer in a group is left out; the average is over the remaining parts (marked †).",
  },
  weightsTitle: { vi: "Trọng số", en: "Weights" },
  unweighted: {
    vi: "Không dùng trọng số: mỗi phiếu được tính như nhau. Số liệu mô tả những người đã trả lời, chưa suy rộng cho toàn bộ người dân.",
    en: "No weights: every response counts the same. The figures describe the people who answered, not yet the whole population.",
  },
  weightedAdjusted: {
    vi: "Có trọng số: mỗi phiếu được tính bằng số người dân mà người trả lời đại diện. Trọng số thiết kế = 1 ÷ xác suất được chọn vào mẫu của tầng, rồi điều chỉnh cho người không trả lời trong từng tầng (áp dụng lúc {time}).",
    en: "Weighted: each response counts for the number of people the respondent stands for. Design weight = 1 ÷ the stratum's chance of being drawn, then adjusted for non-response within each stratum (applied {time}).",
  },
  weightedDesign: {
    vi: "Có trọng số: mỗi phiếu được tính bằng số người dân mà người trả lời đại diện, tức trọng số thiết kế = 1 ÷ xác suất được chọn vào mẫu của tầng. Chưa điều chỉnh cho người không trả lời (trang Theo dõi thực địa).",
    en: "Weighted: each response counts for the number of people the respondent stands for, its design weight = 1 ÷ the stratum's chance of being drawn. Not yet adjusted for non-response (Fieldwork page).",
  },
  weightedImported: {
    vi: "Có trọng số: mỗi phiếu được tính theo trọng số có sẵn trong dữ liệu (cột trọng số của tệp đã nhập); phiếu không có trọng số tính 1.",
    en: "Weighted: each response counts by the weight it came with (the weight column of the imported file); a response without one counts 1.",
  },
  pooled: {
    vi: "Số liệu chung của đợt gộp tất cả người trả lời, dù họ thuộc đơn vị nào.",
    en: "The whole-round figures pool every respondent, whatever their unit.",
  },
  meanOfUnits: {
    vi: "Số liệu chung của đợt là trung bình cộng chỉ số của các đơn vị: mỗi đơn vị tính như nhau, dù lớn hay nhỏ.",
    en: "The whole-round figures are the plain average of the units' indices: every unit counts the same, large or small.",
  },
  intervalTitle: { vi: "Khoảng tin cậy 95%", en: "The 95% interval" },
  interval: {
    vi: "Số liệu đến từ một mẫu, không phải toàn bộ người dân, nên có sai số. Khoảng tin cậy 95% là khoảng mà tỷ lệ thật của toàn bộ người dân nằm trong đó với độ tin cậy 95%: nếu khảo sát lặp lại nhiều lần với các mẫu khác nhau, 95 trên 100 khoảng tính theo cách này chứa tỷ lệ thật. Khoảng được tính theo đúng cách chọn mẫu (tầng, cụm, trọng số).",
    en: "The figures come from a sample, not from everyone, so they carry an error. The 95% interval is the range that holds the true share of the whole population with 95% confidence: if the survey were repeated with many different samples, 95 out of 100 intervals made this way would hold the true share. It follows the way the sample was drawn (strata, clusters, weights).",
  },
  intervalLogit: {
    vi: "Khoảng được tính sao cho không vượt ra ngoài 0–100%, phù hợp khi tỷ lệ gần 0% hoặc 100%.",
    en: "The interval is computed so that it never leaves 0–100%, which suits shares near 0% or 100%.",
  },
  cautionTitle: { vi: "Dấu cần thận trọng", en: "Caution marks" },
  cautionFew: {
    vi: "⚠ ít câu trả lời: số liệu dựa trên dưới {min} người trả lời, dễ thay đổi nhiều nếu có thêm vài phiếu.",
    en: "⚠ few answers: the figure rests on fewer than {min} respondents and could change a lot with a few more responses.",
  },
  cautionWide: {
    vi: "⚠ khoảng rộng: khoảng tin cậy rộng hơn {width} điểm phần trăm, số liệu chưa chính xác để so sánh.",
    en: "⚠ wide interval: the 95% interval is wider than {width} percentage points, too imprecise to compare.",
  },
  cautionFewShort: { vi: "ít câu trả lời", en: "few answers" },
  cautionWideShort: { vi: "khoảng tin cậy rộng", en: "wide interval" },
  groupsRule: {
    vi: "▲/▼ ở bảng theo nhóm: khoảng tin cậy 95% của nhóm nằm hẳn trên (▲) hoặc dưới (▼) chỉ số chung của đợt.",
    en: "▲/▼ in the table by group: the group's 95% interval lies wholly above (▲) or below (▼) the whole-round figure.",
  },
  rateBySlot: { vi: "Tỷ lệ trả lời theo suất mẫu", en: "Response rate per sample slot" },
  twoRates: {
    vi: "Vì sao có hai tỷ lệ trả lời: bảng theo dõi ở trên chia số phiếu đã trả lời cho mọi thư mời đã gửi đi (người được chọn cộng người thay thế), để biết thư mời có hiệu quả không. Bảng này chia số người trả lời cho số suất trong mẫu: một người được chọn và người thay thế họ chỉ tính là một suất, người không thuộc đối tượng khảo sát không tính. Tỷ lệ này quyết định hệ số điều chỉnh trọng số, nên thường cao hơn.",
    en: "Why there are two response rates: the dashboard above divides the responses returned by every invitation sent (sampled plus replacements), to show how well invitations work. This table divides respondents by the slots of the sample: a sampled person and their replacement count as one slot, and people outside the survey's population do not count. This rate sets the weight factor, so it is usually higher.",
  },
} as const;
