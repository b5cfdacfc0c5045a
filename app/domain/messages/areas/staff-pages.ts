/** Refusals of single staff pages that had their words inline (a bad post, a missing baseline round). */
export const staffPages = {
  unknownAction: { vi: "Thao tác không rõ.", en: "Unknown action." },
  invalidDesign: { vi: "Thiết kế mẫu hoặc hạt giống không hợp lệ.", en: "The design or the seed is not valid." },
  invalidRequest: { vi: "Yêu cầu không hợp lệ.", en: "Invalid request." },
  entryModeSupervisors: { vi: "Chỉ cán bộ giám sát được đổi cách nhập phiếu.", en: "Only supervisors may change how forms are keyed." },
  noBaseline: { vi: "Không có đợt \"{round}\" để so sánh.", en: "No round \"{round}\" to compare with." },
  uploadTooLarge: { vi: "Tệp lớn hơn 200 MB; hãy dùng lệnh sipas responses import.", en: "The file is larger than 200 MB; use the command sipas responses import." },
} as const;
