/** The files a round's frame is made of (ADR 028): the list, adding, replacing and removing one. */
export const frameFiles = {
  title: { vi: "Các tệp của khung mẫu", en: "The frame's files" },
  caption: { vi: "Các tệp của khung mẫu, theo thứ tự thêm vào", en: "The frame's files, in the order they were added" },
  file: { vi: "Tệp", en: "File" },
  accepted: { vi: "Dòng được nhận", en: "Rows accepted" },
  leftOut: { vi: "Dòng bị loại", en: "Rows left out" },
  who: { vi: "Người nhập, lúc", en: "Imported by, at" },
  actions: { vi: "Thao tác", en: "Actions" },
  total: { vi: "Tổng cộng", en: "Total" },
  none: { vi: "Khung mẫu chưa có tệp nào.", en: "The frame has no file yet." },
  add: { vi: "Thêm một tệp vào khung mẫu", en: "Add a file to the frame" },
  addFirst: { vi: "Tải lên tệp khung mẫu", en: "Upload the frame file" },
  addHint: {
    vi: "Ví dụ danh sách của một sở, ngành khác. Mỗi mã hồ sơ chỉ được có một lần trong toàn bộ khung mẫu: dòng có mã hồ sơ đã có trong tệp khác bị báo lỗi kèm tên tệp và số dòng.",
    en: "For example another agency's list. A dossier id may appear only once in the whole frame: a row whose dossier id is already in another file is reported with that file's name and line.",
  },
  replace: { vi: "Thay tệp", en: "Replace" },
  replaceLabel: { vi: "Tệp thay cho “{file}” (CSV)", en: 'File replacing "{file}" (CSV)' },
  replaceButton: { vi: "Tải lên tệp thay thế", en: "Upload the replacement" },
  remove: { vi: "Gỡ tệp", en: "Remove" },
  removeConfirm: {
    vi: "Gỡ tệp “{file}” khỏi khung mẫu? {count} người của tệp này sẽ bị xóa khỏi khung mẫu (cùng thông tin liên hệ của họ).",
    en: 'Remove "{file}" from the frame? Its {count} {count|person|persons} leave the frame (with their contact details).',
  },
  removeButton: { vi: "Gỡ tệp khỏi khung mẫu", en: "Remove the file from the frame" },
  removed: { vi: "Đã gỡ tệp “{file}”: {count} người ra khỏi khung mẫu.", en: 'Removed "{file}": {count} {count|person|persons} left the frame.' },
  replaces: { vi: "Tệp này sẽ thay cho tệp “{file}” của khung mẫu.", en: 'This file will replace "{file}" in the frame.' },
  adds: { vi: "Tệp này sẽ được thêm vào khung mẫu hiện có ({count} người).", en: "This file will be added to the current frame ({count} {count|person|persons})." },
  frameNow: { vi: "Khung mẫu hiện có {count} người từ {files} tệp.", en: "The frame now holds {count} {count|person|persons} from {files} {files|file|files}." },
  stalePeriod: {
    vi: "Thời gian của đợt đã đổi thành {now} sau khi tệp này được nhập: tệp vẫn được lọc theo thời gian cũ {then} ({count} dòng bị loại vì ngày trả kết quả ngoài thời gian cũ). Hãy thay tệp (tải lên lại chính tệp này) để áp dụng thời gian mới.",
    en: "The round's period changed to {now} after this file was imported: the file is still filtered by the old period {then} ({count} {count|row|rows} left out for the date the result was returned). Replace the file (upload it again) to apply the new period.",
  },
  staleCount: {
    vi: "{count} tệp của khung mẫu được lọc theo thời gian cũ của đợt: hãy thay các tệp đó trước khi chọn mẫu.",
    en: "{count} {count|file|files} of the frame {count|was|were} filtered by an old period of the round: replace {count|it|them} before the draw.",
  },
  fixed: {
    vi: "Mẫu đã được chọn: khung mẫu đã cố định, không thể thêm, thay hay gỡ tệp.",
    en: "The sample is drawn: the frame is fixed; no file can be added, replaced or removed.",
  },
} as const;
