/** The fieldwork dashboard's columns (page, CSV, .xlsx and CLI) and the outcomes of an invitation. */

/** The dashboard's columns, by the row field each shows. */
export const fieldworkColumns = {
  label: { vi: "Tầng", en: "Stratum" },
  frameSize: { vi: "Khung mẫu", en: "Frame size" },
  sampled: { vi: "Được chọn", en: "Sampled" },
  sent: { vi: "Đã gửi", en: "Sent" },
  returned: { vi: "Đã trả lời", en: "Returned" },
  responseRate: { vi: "Tỷ lệ trả lời", en: "Response rate" },
  replacements: { vi: "Thay thế", en: "Replacements" },
  refused: { vi: "Từ chối", en: "Refused" },
  unreachable: { vi: "Không liên lạc được", en: "Unreachable" },
  invalid: { vi: "Không hợp lệ", en: "Invalid" },
  keyed: { vi: "Đã nhập phiếu", en: "Keyed" },
  verified: { vi: "Đã kiểm tra", en: "Verified" },
};

/** What happened to a sampled person's invitation (app/domain/fieldwork/outcomes.ts). */
export const outcomeLabels = {
  pending: { vi: "Chưa gửi", en: "Not sent" },
  sent: { vi: "Đã gửi", en: "Sent" },
  returned: { vi: "Đã trả lời", en: "Returned" },
  refused: { vi: "Từ chối", en: "Refused" },
  unreachable: { vi: "Không liên lạc được", en: "Unreachable" },
  invalid: { vi: "Phiếu không hợp lệ", en: "Invalid form" },
};
