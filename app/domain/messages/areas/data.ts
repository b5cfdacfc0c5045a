/** Responses CSV import and the data downloads. */
export const data = {
  fileEmpty: { vi: "tệp trống", en: "the file is empty" },
  noDataRow: { vi: "tệp không có dòng dữ liệu nào", en: "the file has no data row" },
  problems: {
    vi: "{file}: có {count} lỗi trong {rows} dòng; không có dòng nào được nhập.",
    en: "{file}: {count} {count|problem|problems} in {rows} {rows|row|rows}; nothing was imported",
  },
  stillComputing: {
    vi: "Chỉ số đang được tính, vui lòng thử lại sau ít phút.",
    en: "The indices are still being computed; please try again in a few minutes.",
  },
  badParameters: { vi: "Tham số không hợp lệ.", en: "Invalid parameters." },
} as const;

/** Questionnaire definitions (versions, import, the shipped files). */
export const definitions = {
  hasProblems: {
    vi: "{file}: bộ câu hỏi có {count} lỗi",
    en: "{file}: the definition has {count} {count|problem|problems}",
  },
  alreadyPublished: {
    vi: "{id} đã được công bố nên không thể thay đổi (mã băm đã lưu {stored}…, tệp này {incoming}…). Hãy công bố thay đổi thành một phiên bản mới.",
    en: "{id} is already published and cannot change (stored content hash {stored}…, this file {incoming}…). Publish the change as a new version.",
  },
  unknown: { vi: "Không có bộ câu hỏi {id}.", en: "Unknown definition {id}" },
  noPublished: {
    vi: "Chưa công bố bộ câu hỏi {ref}. Các bộ đã có: {known}",
    en: "No published definition {ref}. Known: {known}",
  },
  noneYet: { vi: "chưa có (hãy nhập một bộ trước)", en: "none (import one first)" },
} as const;
