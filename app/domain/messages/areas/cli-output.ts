/**
 * What the `sipas` command prints when a command succeeds or makes progress (its errors are in cli.ts). Only the
 * lines a person reads: ids, codes, CSV/TSV keys and data rows stay as they are, so scripts keep reading them.
 */
export const cliOutput = {
  databaseReady: { vi: "cơ sở dữ liệu đã ở phiên bản mới nhất", en: "database is up to date" },

  definitionValid: {
    vi: "{file}: hợp lệ — {ref}, {sections} phần, {items} câu, {trees} cây chỉ số, sha256 {hash}",
    en: "{file}: valid — {ref}, {sections} {sections|section|sections}, {items} {items|item|items}, {trees} index {trees|tree|trees}, sha256 {hash}",
  },
  definitionImported: { vi: "đã nhập và công bố {id} (sha256 {hash})", en: "imported {id} (sha256 {hash})" },
  definitionUnchanged: {
    vi: "{id} đã được công bố với nội dung giống hệt (sha256 {hash})",
    en: "{id} already published with identical content (sha256 {hash})",
  },
  draftCreated: { vi: "bản nháp {ref} ({id}): {count} lỗi", en: "draft {ref} ({id}), {count} {count|problem|problems}" },
  definitionPublished: { vi: "đã công bố {id} (sha256 {hash})", en: "published {id} (sha256 {hash})" },
  definitionRetired: {
    vi: "đã ngừng dùng {id}: không đợt khảo sát mới nào dùng được phiên bản này; các đợt đang dùng vẫn giữ nguyên",
    en: "retired {id}: no new round can use it; rounds that use it keep it",
  },

  demoTitle: { vi: "SIPAS — dữ liệu dùng thử", en: "SIPAS demo" },
  demoDefinitionImported: { vi: "bộ câu hỏi {id}: đã nhập", en: "definition {id}: imported" },
  demoDefinitionUnchanged: { vi: "bộ câu hỏi {id}: đã có sẵn", en: "definition {id}: unchanged" },
  demoRoundCreated: { vi: "đã tạo đợt khảo sát “{round}”", en: 'round "{round}" created' },
  demoRoundReady: { vi: "đợt khảo sát “{round}” đã sẵn sàng", en: 'round "{round}" ready' },
  demoLogin: {
    vi: "đăng nhập cán bộ: {url}   tài khoản: {user}   mật khẩu: {password}",
    en: "staff login: {url}   user: {user}   password: {password}",
  },
  demoPasswordFromEnv: { vi: "(lấy từ SIPAS_ADMIN_PASSWORD)", en: "(from SIPAS_ADMIN_PASSWORD)" },
  demoPasswordUnknown: { vi: "(đã đặt khi tạo tài khoản quản trị)", en: "(set when the admin was created)" },
  demoCodes: {
    vi: "mã khảo sát (nhập một mã ở trang chủ, hoặc mở đường dẫn):",
    en: "invitation codes (type one at the home page, or open the link):",
  },

  staffCreated: { vi: "đã tạo tài khoản “{username}” ({role})", en: "created {username} ({role})" },
  staffCreatedProvince: {
    vi: "đã tạo tài khoản “{username}” ({role}, tỉnh {province})",
    en: "created {username} ({role}, province {province})",
  },

  responsesImported: { vi: "đã nhập {count} phiếu trả lời vào đợt {round}", en: "imported {count} {count|response|responses} into round {round}" },
  hiddenAnswersLeftOut: {
    vi: "lưu ý: đã bỏ {count} câu trả lời cho các câu hỏi bị ẩn theo điều kiện hiển thị, như phiếu trực tuyến (đầu tiên: dòng {line}, câu {item})",
    en: "note: {count} {count|answer|answers} to questions hidden by skip logic {count|was|were} left out, as the online form does (first: line {line}, {item})",
  },
  weightedWord: { vi: "có trọng số", en: "weighted" },
  unweightedWord: { vi: "không trọng số", en: "unweighted" },
  indicesWritten: {
    vi: "đã ghi {count} dòng ({weighting}, khoảng tin cậy {interval}) vào {file}",
    en: "wrote {count} {count|row|rows} ({weighting}, {interval} intervals) to {file}",
  },
  responsesWritten: { vi: "đã ghi {count} phiếu trả lời vào {file}", en: "wrote {count} {count|response|responses} to {file}" },
  codebookWritten: { vi: "đã ghi sổ mã ({count} cột) vào {file}", en: "wrote the codebook ({count} columns) to {file}" },

  unitsImported: {
    vi: "đơn vị: thêm {added}, cập nhật {updated}; đợt khảo sát có {units} đơn vị",
    en: "units: {added} added, {updated} updated, {units} in the round",
  },
  frameProgress: { vi: "… {rows} dòng ({percent}%)", en: "… {rows} rows ({percent}%)" },
  frameMoreProblems: { vi: "… và {count} lỗi khác", en: "… and {count} more {count|problem|problems}" },
  frameRefused: {
    vi: "{count} lỗi ở {rejected} trong {rows} dòng; chưa nhập dòng nào",
    en: "{count} {count|problem|problems} in {rejected} of {rows} rows; nothing was imported",
  },
  frameRefusedValidOnly: {
    vi: "{count} lỗi ở {rejected} trong {rows} dòng; chưa nhập dòng nào (dùng --valid-only để nhập các dòng hợp lệ)",
    en: "{count} {count|problem|problems} in {rejected} of {rows} rows; nothing was imported (use --valid-only to import the valid rows)",
  },
  frameImported: {
    vi: "đã nhập {count} người từ {file} trong {seconds} giây",
    en: "imported {count} {count|person|persons} from {file} in {seconds} s",
  },
  frameImportedLeftOut: {
    vi: "đã nhập {count} người từ {file} trong {seconds} giây; {rejected} dòng bị loại",
    en: "imported {count} {count|person|persons} from {file} in {seconds} s; {rejected} {rejected|row|rows} left out",
  },
  frameImportedLeftOutWritten: {
    vi: "đã nhập {count} người từ {file} trong {seconds} giây; {rejected} dòng bị loại (đã ghi vào {out})",
    en: "imported {count} {count|person|persons} from {file} in {seconds} s; {rejected} {rejected|row|rows} left out (written to {out})",
  },
  frameFileAccepted: { vi: "nhận {count} dòng", en: "{count} accepted" },
  frameFileLeftOut: { vi: "loại {count} dòng", en: "{count} left out" },
  frameFilesTotal: {
    vi: "{persons} người trong {files} tệp",
    en: "{persons} {persons|person|persons} in {files} {files|file|files}",
  },

  frameRemoved: { vi: "đã gỡ {file}: {count} người ra khỏi khung mẫu", en: "removed {file}: {count} {count|person|persons} left the frame" },

  probabilityRange: { vi: "xác suất chọn của từng người: từ {low} đến {high}", en: "inclusion probabilities of persons: {low} to {high}" },
  planSummary: {
    vi: "khung mẫu N = {N}, cỡ mẫu n = {n}, tổng xác suất chọn = {sum}",
    en: "frame N = {N}, sample n = {n}, sum of inclusion probabilities = {sum}",
  },
  planSummaryReserve: {
    vi: "khung mẫu N = {N}, cỡ mẫu n = {n}, dự phòng {reserve}, tổng xác suất chọn = {sum}",
    en: "frame N = {N}, sample n = {n}, reserve {reserve}, sum of inclusion probabilities = {sum}",
  },
  warning: { vi: "cảnh báo: {text}", en: "warning: {text}" },
  drawn: {
    vi: "đã chọn {count} người ({design}), dự phòng {reserve}, đã cấp {codes} mã khảo sát; hạt giống {seed}",
    en: "drew {count} {count|person|persons} ({design}), reserve {reserve}, {codes} {codes|code|codes} issued; seed {seed}",
  },
  invitationsWritten: { vi: "đã ghi {count} thư mời vào {file}", en: "{count} {count|invitation|invitations} written to {file}" },
  outcomeSet: { vi: "đã ghi kết quả liên hệ", en: "ok" },
  replaced: {
    vi: "{code}\tthay cho {replaced}\tdự phòng số {order}\ttrọng số {weight}",
    en: "{code}\treplaces {replaced}\treserve #{order}\tweight {weight}",
  },
  statusWritten: { vi: "đã ghi bảng theo dõi thực địa vào {file}", en: "wrote the fieldwork status to {file}" },
  weightsHeader: {
    vi: "tầng\tđược chọn\tđã trả lời\ttỷ lệ trả lời\thệ số\ttrọng số thiết kế\ttrọng số sau điều chỉnh",
    en: "stratum\tsampled\trespondents\tresponse rate\tfactor\tdesign weight\tadjusted weight",
  },
  weightsApplied: { vi: "đã áp dụng lúc {at}, người áp dụng: {by}", en: "applied {at} by {by}" },
  weightsAppliedStale: {
    vi: "đã áp dụng lúc {at}, người áp dụng: {by} (từ đó đã có phiếu trả lời mới: hãy chạy lại với --apply)",
    en: "applied {at} by {by} (responses arrived since: run again with --apply)",
  },
  weightsNotApplied: {
    vi: "chưa áp dụng (thêm --apply để ghi trọng số sau điều chỉnh)",
    en: "not applied (add --apply to write the adjusted weights)",
  },
  roundClosed: {
    vi: "đã đóng đợt khảo sát; đã xóa {count} bản ghi thông tin liên hệ lúc {at} (mã bản ghi {id})",
    en: "round closed; {count} contact {count|record|records} purged at {at} (record {id})",
  },
} as const;
