/**
 * `sipas help` and `sipas <command> --help`: what each command does. The command lines themselves (names, options,
 * placeholders such as <id>) stay as typed; a second line of a text is printed under the first.
 */
export const cliHelp = {
  usage: { vi: "cách dùng:", en: "usage:" },
  usageCommand: { vi: "cách dùng: sipas <lệnh>", en: "usage: sipas <command>" },
  database: {
    vi: "Cơ sở dữ liệu là DATABASE_URL (postgres://...) hoặc tệp SQLite data/sipas.sqlite.",
    en: "The database is DATABASE_URL (postgres://...) or the SQLite file data/sipas.sqlite.",
  },
  definitionsValidate: { vi: "kiểm tra một bộ câu hỏi, liệt kê mọi lỗi", en: "check a questionnaire definition, list every problem" },
  definitionsImport: {
    vi: "công bố một phiên bản (không sửa được sau khi công bố), hoặc giữ làm bản nháp",
    en: "publish a version (immutable once published), or keep it as a draft",
  },
  definitionsExport: { vi: "một phiên bản hoặc bản nháp ra tệp Excel hoặc JSON", en: "a version or a draft as an Excel workbook or JSON" },
  definitionsDiff: {
    vi: "những gì đã thay đổi và ý nghĩa với việc so sánh kết quả giữa các năm\n(mã thoát 0: không khác, 1: có khác, 2: có trục trặc)",
    en: "what changed and what it means for year-over-year results\n(exit 0: no differences, 1: differences, 2: trouble)",
  },
  definitionsPublish: { vi: "công bố một bản nháp", en: "publish a draft" },
  definitionsRetire: {
    vi: "ngừng dùng một phiên bản cho đợt khảo sát mới (các đợt đang dùng vẫn giữ)",
    en: "offer a version to no new round (rounds that use it keep it)",
  },
  definitionsList: { vi: "liệt kê các phiên bản bộ câu hỏi đã lưu", en: "list stored definition versions" },
  roundsCreate: { vi: "tạo một đợt khảo sát; in ra mã của đợt", en: "create a survey round; prints its id" },
  roundsList: {
    vi: "liệt kê các đợt khảo sát cùng số mã, phiếu đang trả lời dở và phiếu đã gửi",
    en: "list rounds with their codes, drafts and submissions",
  },
  codesIssue: { vi: "cấp mã khảo sát dùng một lần, mỗi dòng một mã", en: "issue one-time codes, printed one a line" },
  staffCreate: {
    vi: "tạo tài khoản cán bộ (mật khẩu lấy từ SIPAS_NEW_PASSWORD)",
    en: "create a staff login (password from SIPAS_NEW_PASSWORD)",
  },
  auditExport: {
    vi: "nhật ký thao tác (ai làm gì, lúc nào, ở đợt nào) ra tệp CSV hoặc Excel",
    en: "the audit trail (who did what, when, on which round) as CSV or Excel",
  },
  demoSeed: {
    vi: "các bộ câu hỏi có sẵn, đợt “demo”, tài khoản quản trị đầu tiên, vài mã khảo sát",
    en: 'shipped definitions, round "demo", first admin, a few codes',
  },
  dbMigrate: { vi: "cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất", en: "bring the database schema up to date" },

  unitsImport: {
    vi: "các đơn vị của đợt (cột Mã/code, Tên/name, Cấp/level, Mã cấp trên/parent)",
    en: "the round's units (columns Mã/code, Tên/name, Cấp/level, Mã cấp trên/parent)",
  },
  frameImport: {
    vi: "nhập khung mẫu; tệp có bất kỳ lỗi nào thì không dòng nào được nhập,\ntrừ khi có --valid-only (khi đó --rejected ghi ra các dòng bị loại)",
    en: "import the sampling frame; a file with any problem imports nothing\nunless --valid-only (then --rejected writes the rows left out)",
  },
  frameImportColumns: {
    vi: "cột không ghép với thông tin nào phải được giữ (phân tầng, thôn) hoặc bỏ qua, nếu không tệp bị từ chối;\ntệp thay toàn bộ khung mẫu, hoặc được thêm vào (--add), hoặc thay một tệp (--replace)",
    en: "a column no field uses must be kept (strata, village) or ignored: refused otherwise;\nthe file replaces the whole frame, or is added to it (--add), or replaces one file",
  },
  frameFiles: {
    vi: "các tệp của khung mẫu: mã lần nhập, tên, số dòng được nhận và bị loại, ai nhập, lúc nào",
    en: "the files of the frame: import id, name, rows accepted and left out, who, when",
  },
  frameRemove: {
    vi: "gỡ những người của một tệp ra khỏi khung mẫu (trước khi chọn mẫu; có ghi nhận)",
    en: "take one file's persons out of the frame (until the draw; recorded)",
  },
  samplePlan: { vi: "cỡ từng tầng, n_h và xác suất chọn, trước khi chọn mẫu", en: "stratum sizes, n_h and inclusion probabilities before drawing" },
  sampleDraw: { vi: "chọn mẫu (tùy chọn như plan); cấp mã cho mỗi người được chọn", en: "draw (same options as plan); codes for every sampled person" },
  sampleDrawStages: { vi: "chọn mẫu nhiều giai đoạn cho khảo sát người dân", en: "multi-stage draw for resident surveys" },
  invitationsExport: { vi: "tệp trộn thư / SMS: mã, đường dẫn, họ tên, liên hệ", en: "mail-merge / SMS file: code, link, name, contact" },
  outcomeReplace: {
    vi: "người dự phòng kế tiếp thay cho người từ chối / không liên lạc được / không thuộc đối tượng",
    en: "the next reserve person for a refused/unreachable/invalid one",
  },
  fieldworkStatus: {
    vi: "theo từng tầng: khung mẫu, được chọn, đã gửi, đã trả lời, tỷ lệ, thay thế",
    en: "per stratum: frame, sampled, sent, returned, rate, replacements",
  },
  weightsAdjust: {
    vi: "điều chỉnh trọng số do không trả lời theo từng tầng (xem trước; ghi khi có --apply)",
    en: "non-response adjustment per stratum (shown; written with --apply)",
  },
  roundsClose: { vi: "đóng đợt khảo sát và xóa thông tin liên hệ (có ghi nhận)", en: "close the round and purge contact details (recorded)" },

  responsesImport: {
    vi: "nhập phiếu trả lời đã gửi (cột unit, stratum, psu, weight, fpc, rồi mã các câu hỏi);\nmọi dòng được kiểm tra trước: có lỗi thì không dòng nào được nhập",
    en: "import submitted responses (columns unit, stratum, psu, weight, fpc, then item codes);\nevery row is checked first: any problem and nothing is imported",
  },
  indices: {
    vi: "bảng chỉ số có khoảng tin cậy: group,node,label,estimate,se,ci_low,ci_high,n,weight_sum\n(các lựa chọn như trang kết quả: nhóm, trọng số, cách tính nhiều đơn vị, khoảng tin cậy)",
    en: "index table with CIs: group,node,label,estimate,se,ci_low,ci_high,n,weight_sum\n(the results page's options: grouping, weighting, multi-unit figure, interval)",
  },
  exportResponses: {
    vi: "phiếu trả lời đã gửi ra CSV (UTF-8 có BOM; nhãn phương án khi có --labels)\nhoặc, với --format xlsx, tệp Excel (tiêu đề theo --lang, một trang giải thích các cột)",
    en: "submitted responses as CSV (UTF-8 with BOM; option labels with --labels)\nor, with --format xlsx, an Excel workbook (headers in --lang, a sheet about the columns)",
  },
  exportCodebook: { vi: "sổ mã của bộ câu hỏi: mã, nhãn, phương án", en: "the questionnaire's codebook: code, labels, options" },
} as const;
