/** Words of csv-download.tsx (moved from the file's inline table into the catalogue). */
export const csvDownloadWords = {
  preparing: { vi: "Đang chuẩn bị tệp…", en: "Preparing the file…" },
  rows: { vi: "dòng", en: "rows" },
  done: { vi: "Đã tải xong", en: "Downloaded" },
  failed: { vi: "Không tải được tệp", en: "The download failed" },
} as const;

export const uploadFormWords = {
  uploading: { vi: "Đang tải tệp lên", en: "Uploading" },
  checking: { vi: "Đã tải lên, đang đọc dòng tiêu đề…", en: "Uploaded; reading the header line…" },
  failedNetwork: { vi: "Không gửi được tệp (mất kết nối?). Vui lòng thử lại.", en: "The file could not be sent (connection lost?). Please try again." },
} as const;

/** The pages of a round in its menu (components/staff/round-nav.tsx). */
export const roundNav = {
  label: { vi: "Các trang của đợt khảo sát", en: "Pages of the round" },
  overview: { vi: "Tổng quan", en: "Overview" },
  sample: { vi: "Khung mẫu và chọn mẫu", en: "Frame and sample" },
  invitations: { vi: "Thư mời, phiếu in", en: "Invitations, printing" },
  entry: { vi: "Nhập phiếu giấy", en: "Key paper forms" },
  fieldwork: { vi: "Theo dõi thực địa", en: "Fieldwork" },
  results: { vi: "Kết quả", en: "Results" },
  compare: { vi: "So sánh", en: "Compare" },
  data: { vi: "Dữ liệu CSV, Excel", en: "CSV, Excel data" },
} as const;
