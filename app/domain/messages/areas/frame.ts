/** The sampling frame: uploads, the column mapping and the import. */
export const frame = {
  noUnits: {
    vi: "Đợt khảo sát “{round}” chưa có đơn vị: hãy nhập danh sách đơn vị trước (lệnh sipas units import, hoặc biểu mẫu ở trang chọn mẫu).",
    en: 'Round "{round}" has no units yet: import the list of units first (sipas units import, or the form on the sample page).',
  },
  alreadySampled: {
    vi: "Đợt khảo sát “{round}” đã chọn mẫu từ khung mẫu này nên không thể thay khung mẫu.",
    en: 'Round "{round}" already has a sample drawn from its frame; the frame cannot be replaced.',
  },
  mappingDoesNotFit: { vi: "Cách ghép cột không khớp với tệp {file}.", en: "The column mapping does not fit {file}." },
  mappingInvalid: { vi: "Cách ghép cột không hợp lệ.", en: "The column mapping is not valid." },
  mappingNoColumn: { vi: "{field}: tệp không có cột số {column}", en: "{field}: no column {column} in the file" },
  mappingColumnTwice: {
    vi: "cột {column} được ghép cho cả “{first}” và “{second}”",
    en: "column {column} is used for both {first} and {second}",
  },
  missingColumns: {
    vi: "{file}: không có cột cho {missing}. Các cột trong tệp: {found}.",
    en: "{file}: no column for {missing}. Columns found: {found}.",
  },
  phoneOrAddress: { vi: "số điện thoại hoặc địa chỉ", en: "phone or address" },
  noSuchUpload: { vi: "Không có tệp tải lên này trong đợt khảo sát.", en: "No such upload for this round." },
  uploadGone: {
    vi: "Tệp này đã được nhập hoặc đã bị hủy; hãy tải tệp lên lại.",
    en: "This upload has already been imported or discarded; upload the file again.",
  },
  uploadFileGone: {
    vi: "Tệp đã tải lên không còn trên máy chủ; hãy tải lên lại.",
    en: "the uploaded file is no longer on this server; upload it again",
  },
  chooseColumnsFirst: { vi: "Hãy chọn cột cho mọi trường bắt buộc trước.", en: "Choose a column for every required field first." },
  importRunning: { vi: "Tệp này đang được nhập.", en: "This file is being imported already." },
} as const;
