/** The sampling frame's columns and the problems of its rows (app/domain/fieldwork/frame.ts). */

/** The fields of a frame file, as its column mapping names them. */
export const frameFields = {
  name: { vi: "Họ và tên", en: "Name" },
  phone: { vi: "Số điện thoại", en: "Phone" },
  address: { vi: "Địa chỉ", en: "Address" },
  unit: { vi: "Đơn vị (mã hoặc tên)", en: "Unit (code or name)" },
  level: { vi: "Cấp đơn vị", en: "Unit level" },
  field: { vi: "Lĩnh vực", en: "Service field" },
  returned_on: { vi: "Ngày trả kết quả", en: "Date the result was returned" },
  dossier_id: { vi: "Mã hồ sơ", en: "Dossier id" },
  sex: { vi: "Giới tính", en: "Sex" },
  birth_year: { vi: "Năm sinh", en: "Birth year" },
};

/** What is wrong with one cell or row: {value} is the cell (shortened), {detail} and {file} what the kind says. */
export const frameRowProblems = {
  missing_value: { vi: "bỏ trống, cần có giá trị", en: "is empty; a value is needed" },
  missing_contact: {
    vi: "không có số điện thoại lẫn địa chỉ: cần ít nhất một cách liên hệ",
    en: "neither a phone number nor an address: at least one contact is needed",
  },
  unknown_unit: {
    vi: "“{value}” không phải đơn vị của đợt khảo sát (xem danh sách đơn vị)",
    en: '"{value}" is not a unit of the round (see the list of units)',
  },
  ambiguous_unit: { vi: "có nhiều đơn vị tên “{value}”: hãy ghi mã đơn vị", en: 'several units are named "{value}": give the unit code' },
  bad_level: {
    vi: "“{value}” không phải cấp đơn vị (tỉnh, huyện, xã, sở/ngành)",
    en: '"{value}" is not a unit level (province, district, commune, agency)',
  },
  level_mismatch: {
    vi: "cấp “{value}” không khớp với cấp của đơn vị ({detail})",
    en: `level "{value}" does not match the unit's level ({detail})`,
  },
  bad_date: {
    vi: "“{value}” không phải ngày hợp lệ (ngày/tháng/năm, ví dụ 15/08/2022)",
    en: '"{value}" is not a valid date (day/month/year, e.g. 15/08/2022, or 2022-08-15)',
  },
  date_outside_period: {
    vi: "ngày {value} nằm ngoài thời gian của đợt khảo sát ({detail})",
    en: "{value} is outside the round's period ({detail})",
  },
  bad_phone: {
    vi: "“{value}” không phải số điện thoại (10–11 chữ số, bắt đầu bằng 0 hoặc +84)",
    en: '"{value}" is not a phone number (10–11 digits starting with 0 or +84)',
  },
  bad_sex: { vi: "“{value}” không phải giới tính (Nam/Nữ)", en: '"{value}" is not a sex (Nam/Nữ, male/female)' },
  bad_birth_year: {
    vi: "“{value}” không phải năm sinh (4 chữ số, 1900–{detail})",
    en: '"{value}" is not a birth year (4 digits, 1900–{detail})',
  },
  too_long: { vi: "dài quá {detail} ký tự", en: "is longer than {detail} characters" },
  extra_cells: {
    vi: "dòng có nhiều ô hơn dòng tiêu đề ({detail}): có dấu phân cách trong một ô mà ô không nằm trong ngoặc kép?",
    en: "the row has more cells than the header ({detail}): a delimiter inside a cell that is not quoted?",
  },
  duplicate_dossier: { vi: "mã hồ sơ “{value}” đã có ở dòng {detail}", en: 'dossier id "{value}" is already on line {detail}' },
  duplicate_dossier_other_file: {
    vi: "mã hồ sơ “{value}” đã có trong tệp “{file}” của khung mẫu, dòng {detail}",
    en: `dossier id "{value}" is already in the frame's file "{file}", line {detail}`,
  },
};

/** The kinds of row problem in a word or two, for the counts of rows left out. */
export const frameProblemKinds = {
  missing_value: { vi: "thiếu giá trị", en: "missing value" },
  missing_contact: { vi: "thiếu liên hệ", en: "missing contact" },
  unknown_unit: { vi: "đơn vị không có trong danh sách", en: "unknown unit" },
  ambiguous_unit: { vi: "tên đơn vị trùng nhau", en: "ambiguous unit" },
  bad_level: { vi: "cấp sai", en: "bad level" },
  level_mismatch: { vi: "cấp không khớp đơn vị", en: "level does not match unit" },
  bad_date: { vi: "ngày sai", en: "bad date" },
  date_outside_period: { vi: "ngày ngoài thời gian khảo sát", en: "date outside the period" },
  bad_phone: { vi: "số điện thoại sai", en: "bad phone" },
  bad_sex: { vi: "giới tính sai", en: "bad sex" },
  bad_birth_year: { vi: "năm sinh sai", en: "bad birth year" },
  too_long: { vi: "quá dài", en: "too long" },
  extra_cells: { vi: "thừa ô", en: "extra cells" },
  duplicate_dossier: { vi: "trùng mã hồ sơ", en: "duplicate dossier id" },
  duplicate_dossier_other_file: { vi: "trùng mã hồ sơ ở tệp khác", en: "dossier id in another file" },
};
