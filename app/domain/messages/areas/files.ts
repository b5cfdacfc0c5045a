/** Problems with a file someone sent (CSV uploads, the CLI's files). */
export const files = {
  notUtf8: {
    vi: "{file}: dòng {line}: tệp không phải văn bản UTF-8. Trong Excel chọn “Lưu thành” (Save as) → “CSV UTF-8 (Comma delimited)”.",
    en: '{file}: line {line}: the file is not UTF-8 text. In Excel choose "Save as" → "CSV UTF-8 (Comma delimited)".',
  },
  endsMidCharacter: {
    vi: "{file}: dòng {line}: tệp kết thúc giữa một ký tự; đây không phải văn bản UTF-8 hợp lệ.",
    en: "{file}: line {line}: the file ends in the middle of a character; it is not valid UTF-8.",
  },
  empty: { vi: "{file}: tệp trống.", en: "{file}: the file is empty." },
  emptyNeedsHeader: {
    vi: "{file}: tệp trống; dòng đầu tiên phải ghi tên các cột.",
    en: "{file}: the file is empty; the first line must hold the column names.",
  },
  headerOnly: { vi: "{file}: tệp có dòng tiêu đề nhưng không có dòng dữ liệu nào.", en: "{file}: the file has a header line but no rows." },
  cannotRead: { vi: "Không đọc được {file}: {reason}", en: "cannot read {file}: {reason}" },
  noSuchFile: { vi: "Không đọc được {file}: không có tệp này.", en: "cannot read {file}: no such file" },
  cannotWrite: { vi: "Không ghi được {file}: {reason}", en: "cannot write {file}: {reason}" },
  problemAtCell: { vi: "{file}: dòng {line}, cột {column}: {problem}", en: "{file}: line {line}, column {column}: {problem}" },
  problemAtLine: { vi: "{file}: dòng {line}: {problem}", en: "{file}: line {line}: {problem}" },
  changedDuringImport: {
    vi: "{file}: dòng {line} đã thay đổi trong khi đang nhập; không có dòng nào được nhập.",
    en: "{file}: line {line} changed while it was being imported; nothing was imported.",
  },
  changedDuringImportNoLine: {
    vi: "{file} đã thay đổi trong khi đang nhập; không có dòng nào được nhập.",
    en: "{file} changed while it was being imported; nothing was imported.",
  },
} as const;
