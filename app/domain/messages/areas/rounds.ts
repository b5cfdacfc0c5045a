/** Survey rounds and their units: what is refused and why. */
export const rounds = {
  unknown: { vi: "Không có đợt khảo sát “{round}”.", en: 'No round "{round}".' },
  closed: { vi: "Đợt khảo sát “{round}” đã đóng.", en: 'Round "{round}" is closed.' },
  closedData: {
    vi: "Đợt khảo sát “{round}” đã đóng; dữ liệu của đợt không thể thay đổi nữa.",
    en: 'Round "{round}" is closed; its data can no longer change.',
  },
  closedUnits: {
    vi: "Đợt khảo sát “{round}” đã đóng; danh sách đơn vị không thể thay đổi.",
    en: 'Round "{round}" is closed; its units cannot change.',
  },
  closedFrame: {
    vi: "Đợt khảo sát “{round}” đã đóng; khung mẫu không thể thay đổi.",
    en: 'Round "{round}" is closed; its frame cannot change.',
  },
  closedCodes: { vi: "Đợt khảo sát “{round}” đã đóng; không cấp thêm mã.", en: 'Round "{round}" is closed; no new codes.' },
  alreadyClosed: { vi: "Đợt khảo sát “{round}” đã được đóng trước đó.", en: 'Round "{round}" is already closed.' },
  badId: {
    vi: "Mã đợt “{id}” chỉ được gồm chữ thường không dấu, chữ số và dấu “-” (tối đa 63 ký tự).",
    en: "Round id \"{id}\" may only hold lowercase letters, digits and '-' (at most 63).",
  },
  idTaken: { vi: "Đã có đợt khảo sát với mã “{id}”.", en: 'A round with id "{id}" already exists.' },
  badCount: {
    vi: "Số mã cần cấp phải là số nguyên từ 1 đến {max} (nhận được {count}).",
    en: "--count must be a whole number from 1 to {max} (got {count}).",
  },
  badWeight: { vi: "Trọng số phải là số dương (nhận được {weight}).", en: "weight must be a positive number (got {weight})." },
} as const;

/** The list of units of a round (CSV import). */
export const units = {
  noColumns: {
    vi: "{file}: dòng 1: không có cột {missing} (cần tiêu đề như “Mã, Tên, Cấp, Mã cấp trên” hoặc “code, name, level, parent”; tìm thấy: {found}).",
    en: '{file}: line 1: no column for {missing} (expected headers such as "Mã, Tên, Cấp, Mã cấp trên" or "code, name, level, parent"; found: {found}).',
  },
  columnCode: { vi: "Mã", en: "code" },
  columnName: { vi: "Tên", en: "name" },
  columnLevel: { vi: "Cấp", en: "level" },
  badCode: {
    vi: "“{code}” không phải mã đơn vị (chữ cái không dấu, chữ số, “.”, “_” hoặc “-”, tối đa 40 ký tự)",
    en: "\"{code}\" is not a unit code (letters, digits, '.', '_' or '-', at most 40)",
  },
  needsName: { vi: "đơn vị cần có tên", en: "the unit needs a name" },
  badLevel: {
    vi: "“{level}” không phải cấp đơn vị (tỉnh, huyện, xã, sở-ngành / province, district, commune, agency)",
    en: '"{level}" is not a level (province, district, commune, agency / tỉnh, huyện, xã, sở-ngành)',
  },
  duplicateCode: { vi: "mã đơn vị “{code}” đã có ở dòng {line}", en: 'unit code "{code}" is already on line {line}' },
  unknownParent: {
    vi: "đơn vị cấp trên “{parent}” không có trong tệp và cũng không phải đơn vị của đợt khảo sát",
    en: 'parent unit "{parent}" is neither in the file nor a unit of the round',
  },
  ownParent: { vi: "một đơn vị không thể là cấp trên của chính nó", en: "a unit cannot be its own parent" },
  problems: {
    vi: "{file}: có {count} lỗi; chưa nhập đơn vị nào.",
    en: "{file}: {count} {count|problem|problems}; no unit was imported.",
  },
  headerOnly: { vi: "{file}: tệp có dòng tiêu đề nhưng không có đơn vị nào.", en: "{file}: the file has a header line but no units." },
} as const;
