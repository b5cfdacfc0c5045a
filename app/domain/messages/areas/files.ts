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
  notTextWorkbook: {
    vi: "{file}: đây là tệp Excel, không phải tệp CSV. Trong Excel chọn “Lưu thành” (Save as) → “CSV UTF-8 (Comma delimited)”.",
    en: '{file}: this is an Excel workbook, not a CSV file. In Excel choose "Save as" → "CSV UTF-8 (Comma delimited)".',
  },
  notTextPdf: { vi: "{file}: đây là tệp PDF, không phải tệp CSV.", en: "{file}: this is a PDF, not a CSV file." },
  notTextBinary: {
    vi: "{file}: đây không phải tệp văn bản (có byte nhị phân); hãy gửi tệp CSV UTF-8.",
    en: "{file}: this is not a text file (it holds binary bytes); please send a CSV UTF-8 file.",
  },
  cellTooLong: {
    vi: "{file}: dòng {line}: một ô dài hơn 100.000 ký tự; tệp có thể bị hỏng.",
    en: "{file}: line {line}: a cell is longer than 100,000 characters; the file may be damaged.",
  },
  lineTooLong: {
    vi: "{file}: dòng {line}: dòng dài hơn 1.000.000 ký tự; tệp có thể bị hỏng.",
    en: "{file}: line {line}: the line is longer than 1,000,000 characters; the file may be damaged.",
  },
  unclosedQuote: {
    vi: "{file}: dòng {line}: dấu ngoặc kép (\") mở ở dòng này không bao giờ được đóng, nên phần còn lại của tệp bị đọc thành một ô. Hãy sửa dòng {line}.",
    en: '{file}: line {line}: a quote (") opened on this line is never closed, so the rest of the file reads as one cell. Please fix line {line}.',
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
  lineAt: { vi: "dòng {line}", en: "line {line}" },
  columnAt: { vi: "cột {column}", en: "column {column}" },
} as const;
