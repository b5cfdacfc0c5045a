/** The sampling frame: uploads, the column mapping and the import. */
export const frame = {
  noUnits: {
    vi: "Đợt khảo sát “{round}” chưa có đơn vị: hãy nhập danh sách đơn vị trước (lệnh sipas units import, hoặc biểu mẫu ở trang chọn mẫu).",
    en: 'Round "{round}" has no units yet: import the list of units first (sipas units import, or the form on the sample page).',
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
  undecidedColumns: {
    vi: "{file}: các cột sau chưa được ghép với thông tin nào: {columns}. Hãy ghép từng cột với một thông tin, hoặc chọn giữ lại làm cột phụ (để phân tầng) hay bỏ qua.",
    en: "{file}: these columns match no field: {columns}. Match each to a field, or choose to keep it as an extra column (for strata) or to ignore it.",
  },
  unmatchedTitle: { vi: "Cột chưa ghép với thông tin nào", en: "Columns that match no field" },
  unmatchedHint: {
    vi: "Các cột dưới đây không dùng cho thông tin nào ở bảng trên. Với mỗi cột, chọn giữ lại làm cột phụ (dùng để phân tầng, hoặc làm thôn ở mẫu nhiều giai đoạn) hay bỏ qua. Nếu cột là một thông tin ở bảng trên (ví dụ ngày trả kết quả), hãy chọn nó ở bảng trên.",
    en: "The columns below are used for no field in the table above. For each, choose to keep it as an extra column (for strata, or the village of a multi-stage design) or to ignore it. If a column is one of the fields above (the return date, say), choose it in the table above.",
  },
  unmatchedNotice: {
    vi: "Tệp có {count} cột chưa ghép với thông tin nào: {columns}. Hãy chọn cách xử lý từng cột trước khi nhập.",
    en: "The file has {count} {count|column|columns} matching no field: {columns}. Choose what to do with each before importing.",
  },
  choose: { vi: "— chọn —", en: "— choose —" },
  keepColumn: { vi: "Giữ làm cột phụ", en: "Keep as an extra column" },
  ignoreColumn: { vi: "Bỏ qua (không nhập)", en: "Ignore (not imported)" },
  example: { vi: "ví dụ: {value}", en: "e.g. {value}" },
  importRunning: { vi: "Tệp này đang được nhập.", en: "This file is being imported already." },
  replacedNotInFrame: {
    vi: "Tệp “{file}” không còn trong khung mẫu (đã được thay hoặc gỡ bỏ) nên không thể thay nó; hãy tải tệp lên để thêm vào khung mẫu.",
    en: 'The file "{file}" is no longer in the frame (replaced or removed), so it cannot be replaced; upload the file to add it to the frame.',
  },
  fileNotInFrame: { vi: "Tệp này không có trong khung mẫu của đợt khảo sát.", en: "This file is not in the round's frame." },
  alreadySampled: {
    vi: "Đợt khảo sát “{round}” đã chọn mẫu: khung mẫu đã cố định, không thể thêm, thay hay gỡ tệp nào, vì xác suất chọn của từng người được tính trên đúng khung mẫu này.",
    en: 'Round "{round}" has its sample drawn: the frame is fixed and no file can be added, replaced or removed, because every person\'s selection probability was computed on exactly this frame.',
  },
} as const;
