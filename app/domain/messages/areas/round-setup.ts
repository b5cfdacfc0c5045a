/** Creating a round in the browser, its settings page and closing it (issue 10, part 1). */
export const roundSetup = {
  needsName: { vi: "Đợt khảo sát cần có tên.", en: "A round needs a name." },
  tooLong: { vi: "Nội dung quá dài.", en: "This is too long." },
  badProvince: { vi: "Mã tỉnh “{province}” chỉ gồm chữ và số (tối đa 10 ký tự).", en: 'Province code "{province}" has letters and digits only (at most 10).' },
  badDate: { vi: "“{date}” không phải ngày (năm-tháng-ngày, ví dụ 2022-08-01).", en: '"{date}" is not a date (year-month-day, e.g. 2022-08-01).' },
  endBeforeStart: { vi: "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.", en: "The end date must be on or after the start date." },
  reservedId: { vi: "Mã đợt “{id}” đã dành cho trang của ứng dụng; hãy chọn mã khác.", en: 'Round id "{id}" is taken by a page of the app; choose another.' },
  otherProvince: {
    vi: "Tài khoản của bạn chỉ làm việc với tỉnh {province}: đợt khảo sát phải thuộc tỉnh này.",
    en: "Your account works with province {province} only: the round must be in it.",
  },
  noSuchUnitsRound: { vi: "Không có đợt khảo sát “{round}” để lấy danh sách đơn vị.", en: 'No round "{round}" to take the units from.' },
  lockedClosed: { vi: "Đợt khảo sát “{round}” đã đóng nên không sửa được nữa.", en: 'Round "{round}" is closed and can no longer change.' },
  lockedSampled: {
    vi: "Đợt khảo sát “{round}” đã chọn mẫu: tên, tỉnh, thời gian và đầu mối hỗ trợ không sửa được nữa.",
    en: 'Round "{round}" has its sample drawn: its name, province, period and help contact can no longer change.',
  },
  lockedCodes: {
    vi: "Đợt khảo sát “{round}” đã cấp mã khảo sát: tên, tỉnh, thời gian và đầu mối hỗ trợ không sửa được nữa.",
    en: 'Round "{round}" has issued survey codes: its name, province, period and help contact can no longer change.',
  },

  newRound: { vi: "Tạo đợt khảo sát mới", en: "Create a new round" },
  emptyHint: {
    vi: "Hãy bắt đầu bằng việc tạo một đợt khảo sát: chọn bộ câu hỏi, đặt tên, thời gian và tải lên danh sách đơn vị.",
    en: "Start by creating a round: choose the questionnaire, give it a name and a period, and upload the list of units.",
  },
  definition: { vi: "Bộ câu hỏi (chỉ các phiên bản đã công bố)", en: "Questionnaire (published versions only)" },
  noDefinitions: {
    vi: "Chưa có bộ câu hỏi nào đã công bố: hãy công bố một bộ câu hỏi trước.",
    en: "No questionnaire is published yet: publish one first.",
  },
  name: { vi: "Tên đợt khảo sát", en: "Name of the round" },
  nameHint: { vi: "Ví dụ: Sở Nội vụ tỉnh Lạng Sơn – SIPAS 2022", en: "For example: Lạng Sơn Department of Home Affairs – SIPAS 2022" },
  id: { vi: "Mã đợt (không bắt buộc)", en: "Round id (optional)" },
  idHint: {
    vi: "Dùng trong đường dẫn và lệnh sipas: chữ thường không dấu, chữ số và dấu “-”. Để trống thì hệ thống tự đặt.",
    en: "Used in links and sipas commands: lowercase letters, digits and '-'. Leave empty for one made for you.",
  },
  province: { vi: "Mã tỉnh", en: "Province code" },
  provinceHint: { vi: "Để trống nếu đợt khảo sát toàn quốc.", en: "Leave empty for a national round." },
  provinceFixed: { vi: "Tài khoản của bạn thuộc tỉnh {province}; đợt khảo sát sẽ thuộc tỉnh này.", en: "Your account belongs to province {province}; the round will be in it." },
  period: { vi: "Thời gian khảo sát", en: "Fieldwork period" },
  periodStart: { vi: "Từ ngày", en: "From" },
  periodEnd: { vi: "Đến ngày", en: "To" },
  periodHint: {
    vi: "Thời gian này lọc khung mẫu: chỉ những người có ngày trả kết quả hồ sơ nằm trong khoảng này mới được nhập vào khung mẫu. Để trống nếu không lọc.",
    en: "This period filters the frame: only persons whose dossier result was returned within it are imported into the frame. Leave empty not to filter.",
  },
  helpContact: { vi: "Đầu mối hỗ trợ người dân", en: "Help contact for citizens" },
  helpContactHint: {
    vi: "Số điện thoại, thư điện tử hoặc cơ quan mà người dân liên hệ khi cần; hiện trên phiếu khảo sát.",
    en: "A phone number, an e-mail or an office citizens can ask; shown on the questionnaire.",
  },
  units: { vi: "Danh sách đơn vị", en: "Units" },
  unitsLater: { vi: "Nhập sau (ở trang Khung mẫu và chọn mẫu)", en: "Later (on the Frame and sample page)" },
  unitsUpload: { vi: "Tải lên tệp danh sách đơn vị (CSV)", en: "Upload a unit list (CSV)" },
  unitsFile: { vi: "Tệp danh sách đơn vị (CSV)", en: "Unit list file (CSV)" },
  unitsFileHint: {
    vi: "Các cột: Mã, Tên, Cấp (tỉnh/huyện/xã/sở-ngành), Mã cấp trên.",
    en: "Columns: code, name, level (province/district/commune/agency), parent code.",
  },
  unitsCopy: { vi: "Dùng lại danh sách đơn vị của đợt khác", en: "Reuse the units of another round" },
  unitsCopyFrom: { vi: "Đợt có danh sách đơn vị", en: "Round to take the units from" },
  unitsCount: { vi: "{name} ({count} đơn vị)", en: "{name} ({count} {count|unit|units})" },
  unitsTooLarge: { vi: "Tệp danh sách đơn vị quá lớn (tối đa 20 MB).", en: "The unit list file is too large (at most 20 MB)." },
  unitsNeedFile: { vi: "Hãy chọn tệp danh sách đơn vị.", en: "Choose the unit list file." },
  unitsNeedRound: { vi: "Hãy chọn đợt khảo sát để lấy danh sách đơn vị.", en: "Choose the round to take the units from." },
  create: { vi: "Tạo đợt khảo sát", en: "Create the round" },
  fixErrors: { vi: "Chưa tạo được: hãy sửa các mục được đánh dấu.", en: "Not created yet: correct the marked fields." },
  fixErrorsSave: { vi: "Chưa lưu: hãy sửa các mục được đánh dấu.", en: "Not saved: correct the marked fields." },

  settings: { vi: "Cài đặt", en: "Settings" },
  settingsTitle: { vi: "Cài đặt đợt khảo sát", en: "Round settings" },
  save: { vi: "Lưu thay đổi", en: "Save the changes" },
  saved: { vi: "Đã lưu thay đổi.", en: "The changes are saved." },
  unchanged: { vi: "Không có gì thay đổi.", en: "Nothing changed." },
  editableUntil: {
    vi: "Có thể sửa cho đến khi chọn mẫu hoặc cấp mã khảo sát đầu tiên.",
    en: "These can change until the sample is drawn or the first survey code is issued.",
  },
  periodFrameNote: {
    vi: "Khung mẫu đã nhập được lọc theo thời gian cũ. Sau khi đổi thời gian, hãy nhập lại tệp khung mẫu ở trang Khung mẫu và chọn mẫu.",
    en: "The frame already imported was filtered by the old period. After changing the period, import the frame file again on the Frame and sample page.",
  },
  toFrame: { vi: "Khung mẫu và chọn mẫu", en: "Frame and sample" },
  createdAt: { vi: "Tạo lúc {time} (giờ Việt Nam, UTC+7)", en: "Created {time} (Vietnam time, UTC+7)" },
  definitionOf: { vi: "Bộ câu hỏi: {definition}", en: "Questionnaire: {definition}" },

  close: { vi: "Đóng đợt khảo sát", en: "Close the round" },
  closeExplain: {
    vi: "Đóng đợt khảo sát sẽ xóa vĩnh viễn họ tên, số điện thoại và địa chỉ của {count} người trong khung mẫu (cùng các dòng bị loại và tệp đang chờ nhập). Câu trả lời, mẫu và kết quả được giữ lại. Không thể mở lại đợt đã đóng, không nhận thêm câu trả lời.",
    en: "Closing the round permanently deletes the names, phone numbers and addresses of {count} {count|person|persons} in the frame (with rejected rows and uploads waiting). Responses, the sample and results are kept. A closed round cannot be reopened and takes no more responses.",
  },
  closeConfirm: {
    vi: "Tôi hiểu rằng đóng đợt sẽ xóa thông tin liên hệ và không thể hoàn tác.",
    en: "I understand that closing deletes the contact details and cannot be undone.",
  },
  closeButton: { vi: "Đóng đợt và xóa thông tin liên hệ", en: "Close the round and purge contacts" },
  closeMustConfirm: { vi: "Hãy đánh dấu ô xác nhận trước khi đóng đợt.", en: "Tick the confirmation box before closing the round." },
  closedDone: {
    vi: "Đã đóng đợt khảo sát và xóa thông tin liên hệ của {count} người lúc {time} (giờ Việt Nam, UTC+7).",
    en: "The round is closed; the contact details of {count} {count|person|persons} were purged at {time} (Vietnam time, UTC+7).",
  },
  closedAlready: { vi: "Đợt khảo sát này đã đóng.", en: "This round is closed." },
  noEditRole: { vi: "Vai trò của bạn không được sửa đợt khảo sát.", en: "Your role may not change the round." },
  unknownAction: { vi: "Thao tác không rõ.", en: "Unknown action." },
} as const;

/** The frame trap (issue 10): what the round's period does to the frame, said where the frame is imported and drawn. */
export const framePeriod = {
  title: { vi: "Thời gian của đợt lọc khung mẫu", en: "The round's period filters the frame" },
  rule: {
    vi: "Thời gian của đợt khảo sát là {period}. Chỉ những người có ngày trả kết quả hồ sơ trong khoảng này mới vào khung mẫu; dòng có ngày trả kết quả ngoài khoảng này bị loại.",
    en: "The round's period is {period}. Only persons whose dossier result was returned within it go into the frame; rows returned outside it are left out.",
  },
  none: {
    vi: "Đợt khảo sát chưa đặt thời gian nên khung mẫu không bị lọc theo ngày trả kết quả.",
    en: "The round has no period, so the frame is not filtered by the date results were returned.",
  },
  noDateColumn: {
    vi: "Chưa có cột nào được ghép với “Ngày trả kết quả”: thời gian của đợt không lọc được tệp này và ngày trả kết quả không được kiểm tra.",
    en: 'No column is matched to "Date the result was returned": the round\'s period cannot filter this file and the dates are not checked.',
  },
  outside: {
    vi: "{count} trong {rows} dòng có ngày trả kết quả nằm ngoài thời gian của đợt ({period}) nên bị loại.",
    en: "{count} of {rows} {rows|row|rows} were returned outside the round's period ({period}) and are left out.",
  },
  outsideNone: { vi: "Không dòng nào bị loại vì thời gian của đợt.", en: "No row is left out for the round's period." },
  edit: { vi: "Sửa thời gian của đợt", en: "Change the round's period" },
  saveRecheck: { vi: "Lưu thời gian và kiểm tra lại tệp", en: "Save the period and check the file again" },
  save: { vi: "Lưu thời gian", en: "Save the period" },
  reupload: {
    vi: "Đã lưu thời gian mới. Tệp đã nhập không còn trên máy chủ (vì chứa thông tin cá nhân): hãy tải lên lại tệp khung mẫu để nhập theo thời gian mới.",
    en: "The new period is saved. The imported file is no longer on the server (it holds personal data): upload the frame file again to import it with the new period.",
  },
  locked: {
    vi: "Mẫu đã được chọn: khung mẫu và thời gian của đợt đã cố định.",
    en: "The sample is drawn: the frame and the round's period are fixed.",
  },
  fixedAtDraw: {
    vi: "Khi đã chọn mẫu, khung mẫu được cố định: không thể thay hay thêm tệp khung mẫu, cũng không đổi được thời gian của đợt, vì xác suất chọn của từng người được tính trên đúng khung mẫu này. Hãy kiểm tra khung mẫu đã đủ người trước khi chọn.",
    en: "Once the sample is drawn the frame is fixed: no frame file can be replaced or added and the round's period cannot change, because every person's selection probability is computed on exactly this frame. Check that the frame is complete before drawing.",
  },
  canChange: {
    vi: "Cho đến khi chọn mẫu, có thể sửa thời gian của đợt (trang Cài đặt) và thêm, thay hoặc gỡ các tệp khung mẫu.",
    en: "Until the sample is drawn, the period can change (Settings page) and frame files can be added, replaced or removed.",
  },
  always: { vi: "không giới hạn", en: "no limit" },
} as const;

