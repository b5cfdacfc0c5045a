/** Words of staff.rounds.$roundId.data.tsx (moved from the file's inline table into the catalogue). */
export const dataPage = {
  title: { vi: "Dữ liệu CSV và Excel", en: "CSV and Excel data" },
  intro: {
    vi: "Tệp CSV mã hóa UTF-8 có BOM: mở bằng Excel vẫn giữ nguyên tiếng Việt. Tệp không chứa thông tin liên hệ của người trả lời.",
    en: "UTF-8 CSV files with a BOM: Excel keeps Vietnamese intact. The files never hold respondents' contact details.",
  },
  submitted: { vi: "phiếu đã gửi", en: "submitted responses" },
  responses: { vi: "Phiếu trả lời (mã phương án)", en: "Responses (option codes)" },
  responsesLabels: { vi: "Phiếu trả lời (nhãn phương án)", en: "Responses (option labels)" },
  codebook: { vi: "Sổ mã (codebook): mã, câu hỏi, phương án", en: "Codebook: codes, questions, options" },
  indicesTitle: { vi: "Bảng chỉ số có khoảng tin cậy", en: "Index table with confidence intervals" },
  by: { vi: "Chia nhóm theo", en: "Group by" },
  weighting: { vi: "Trọng số", en: "Weighting" },
  weighted: { vi: "Có trọng số", en: "Weighted" },
  unweighted: { vi: "Không trọng số", en: "Unweighted" },
  multiUnit: { vi: "Chỉ số chung của nhiều đơn vị", en: "Figure over several units" },
  pooled: { vi: "Gộp mọi người trả lời", en: "Pooled over all respondents" },
  meanOfUnits: { vi: "Trung bình chỉ số các đơn vị", en: "Mean of the units' indices" },
  downloadIndices: { vi: "Tải bảng chỉ số (CSV)", en: "Download the index table (CSV)" },
  importTitle: { vi: "Nhập phiếu trả lời từ tệp CSV", en: "Import responses from a CSV file" },
  importHelp: {
    vi: "Mỗi dòng một phiếu. Các cột unit, stratum, psu, weight, fpc (không bắt buộc), sau đó mỗi câu hỏi một cột, tiêu đề là mã câu hỏi, giá trị là mã phương án (để trống nếu không trả lời; nhiều lựa chọn cách nhau bằng |). Dấu phân cách phẩy hoặc chấm phẩy. Toàn bộ tệp được kiểm tra trước: có lỗi thì không nhập dòng nào.",
    en: "One row per response. Columns unit, stratum, psu, weight, fpc (optional), then one column per question headed by its code, holding the option code (blank if unanswered; several choices separated by |). Comma or semicolon separated. The whole file is checked first: with any error nothing is imported.",
  },
  file: { vi: "Tệp CSV", en: "CSV file" },
  importButton: { vi: "Kiểm tra và nhập", en: "Check and import" },
  importing: { vi: "Đang kiểm tra và nhập…", en: "Checking and importing…" },
  closed: { vi: "Đợt khảo sát đã đóng: không nhập thêm dữ liệu.", en: "The round is closed: no more data can be imported." },
  imported: { vi: "Đã nhập", en: "Imported" },
  responsesWord: { vi: "phiếu", en: "responses" },
  hidden: {
    vi: "câu trả lời cho câu hỏi bị ẩn theo điều kiện rẽ nhánh đã được bỏ qua, như biểu mẫu trực tuyến.",
    en: "answers to questions hidden by skip logic were left out, as the online form does.",
  },
  problems: { vi: "lỗi — không nhập dòng nào", en: "problems — nothing was imported" },
  shownFirst: { vi: "Hiển thị", en: "Showing the first" },
} as const;

export const dataPageLevels = {
  none: { vi: "Toàn đợt (không chia nhóm)", en: "Whole round (no groups)" },
  unit: { vi: "Đơn vị của người trả lời", en: "Respondent's unit" },
  province: { vi: "Tỉnh", en: "Province" },
  district: { vi: "Huyện", en: "District" },
  commune: { vi: "Xã", en: "Commune" },
  agency: { vi: "Cơ quan", en: "Agency" },
} as const;
