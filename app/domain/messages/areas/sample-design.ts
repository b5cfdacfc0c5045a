/** The sample design form (app/domain/fieldwork/design.ts): the frame attributes usable as strata and the form's problems. */

/** Frame attributes every frame has, usable as strata. */
export const builtinStrata = {
  level: { vi: "Cấp đơn vị", en: "Unit level" },
  unit: { vi: "Đơn vị", en: "Unit" },
  district: { vi: "Huyện (của đơn vị)", en: "District (of the unit)" },
  field: { vi: "Lĩnh vực", en: "Service field" },
  sex: { vi: "Giới tính", en: "Sex" },
  month: { vi: "Tháng trả kết quả", en: "Month the result was returned" },
};

/** What cannot be read in a field of the design form, by field. */
export const designForm = {
  reserve: { vi: "Số dự phòng phải là số nguyên không âm.", en: "The reserve must be a whole number." },
  stages: {
    vi: "Ghi số đơn vị cần chọn ở mỗi giai đoạn (số nguyên từ 1).",
    en: "Give the number to select at every stage (a whole number from 1).",
  },
  strata: { vi: "Chọn tối đa 4 cột phân tầng.", en: "Choose at most 4 strata columns." },
  n: { vi: "Cỡ mẫu phải là số nguyên từ 1.", en: "The sample size must be a whole number from 1." },
  e: { vi: "Sai số là phần trăm lớn hơn 0 và nhỏ hơn 100, ví dụ 5.", en: "The margin is a percentage above 0 and below 100, e.g. 5." },
  size: { vi: "Chọn cách tính cỡ mẫu.", en: "Choose how to size the sample." },
  min: { vi: "Số tối thiểu mỗi tầng phải là số nguyên.", en: "The minimum per stratum must be a whole number." },
};
