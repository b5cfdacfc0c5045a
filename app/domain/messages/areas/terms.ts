/** One word for one thing: the terms several pages share (unit levels, outcomes, draw algorithms, weights). */
export const terms = {
  levelProvince: { vi: "cấp tỉnh", en: "province" },
  levelDistrict: { vi: "cấp huyện", en: "district" },
  levelCommune: { vi: "cấp xã", en: "commune" },
  levelAgency: { vi: "sở, ngành", en: "agency" },
  male: { vi: "Nam", en: "male" },
  female: { vi: "Nữ", en: "female" },
  wholeFrame: { vi: "Toàn bộ khung mẫu (một tầng)", en: "Whole frame (one stratum)" },
  unitWithCode: { vi: "{name} ({code})", en: "{name} ({code})" },
  outcomePending: { vi: "Chưa gửi", en: "Not sent" },
  outcomeSent: { vi: "Đã gửi", en: "Sent" },
  outcomeReturned: { vi: "Đã trả lời", en: "Returned" },
  outcomeRefused: { vi: "Từ chối", en: "Refused" },
  outcomeUnreachable: { vi: "Không liên lạc được", en: "Unreachable" },
  outcomeInvalid: { vi: "Phiếu không hợp lệ", en: "Invalid form" },
  algorithmStratified: {
    vi: "Chọn ngẫu nhiên đơn giản không lặp lại trong từng tầng, bằng bộ sinh số ngẫu nhiên có hạt giống: cùng khung mẫu, cùng thiết kế và cùng hạt giống thì chọn lại đúng mẫu này.",
    en: "Simple random sampling without replacement within each stratum, from a seeded random number generator: the same frame, design and seed draw exactly this sample again.",
  },
  algorithmMultistage: {
    vi: "Chọn nhiều giai đoạn (huyện → xã → thôn → người): ngẫu nhiên đơn giản, hoặc tỷ lệ với quy mô (PPS hệ thống) ở các giai đoạn đã chọn, bằng bộ sinh số ngẫu nhiên có hạt giống: cùng khung mẫu, cùng thiết kế và cùng hạt giống thì chọn lại đúng mẫu này.",
    en: "Multi-stage selection (district → commune → village → person): simple random, or proportional to size (systematic PPS) at the stages chosen, from a seeded random number generator: the same frame, design and seed draw exactly this sample again.",
  },
  algorithmDetails: { vi: "Chi tiết kỹ thuật của thuật toán", en: "Technical details of the algorithm" },
  weight: { vi: "Trọng số", en: "Weight" },
  designWeight: { vi: "Trọng số thiết kế", en: "Design weight" },
  adjustedWeight: { vi: "Trọng số đã điều chỉnh", en: "Adjusted weight" },
} as const;
