/** The sample design, the plan and the draw: what staff are told when a design cannot be used. */
export const sampling = {
  strataNoSample: {
    vi: "tầng {label} không được chọn ai: {size} người của tầng không có cơ hội được chọn",
    en: "stratum {label} gets no sample: its {size} units have no chance of selection",
  },
  wholeFrame: { vi: "toàn bộ khung mẫu", en: "all" },
  noRespondents: {
    vi: "không có ai trả lời trong {eligible} người được chọn thuộc đối tượng khảo sát: không điều chỉnh được tầng này; hãy gộp với một tầng tương tự hoặc báo là thiếu số liệu",
    en: "no respondents among {eligible} eligible sampled units: the stratum cannot be adjusted; merge it with a similar stratum or report it as missing",
  },
  allIneligible: {
    vi: "cả {ineligible} người được chọn đều không thuộc đối tượng khảo sát: không có gì để điều chỉnh",
    en: "all {ineligible} sampled units are ineligible: nothing to adjust",
  },
  noFrame: {
    vi: "Đợt khảo sát “{round}” chưa có khung mẫu: hãy nhập danh sách người nhận kết quả trước.",
    en: 'Round "{round}" has no frame yet: import the list of dossier holders first.',
  },
  designInvalid: { vi: "Thiết kế mẫu không hợp lệ.", en: "The sample design is not valid." },
  frameNotMultistage: { vi: "Khung mẫu không phù hợp với thiết kế nhiều giai đoạn.", en: "The frame does not fit a multi-stage design." },
  notACommune: {
    vi: "dòng khung mẫu {row}: đơn vị {unit} không phải một xã thuộc một huyện",
    en: "frame row {row}: unit {unit} is not a commune under a district",
  },
  noVillageValue: { vi: "dòng khung mẫu {row}: cột “{column}” không có giá trị", en: 'frame row {row}: no value in column "{column}"' },
  unknownColumns: { vi: "Khung mẫu không có cột {columns}. Các cột có: {known}.", en: "No frame column {columns}. Columns: {known}." },
  badSeed: {
    vi: "Hạt giống ngẫu nhiên phải là số nguyên từ 0 đến {max}.",
    en: "The seed must be a whole number from 0 to {max}.",
  },
  alreadyDrawn: {
    vi: "Đợt khảo sát “{round}” đã có mẫu; mẫu đã chọn được giữ nguyên.",
    en: 'Round "{round}" already has a sample; a drawn sample is kept as it is.',
  },
  // Raised by the sampling module (app/domain/sampling): each one a design or frame staff can fix.
  tooLargeToAllocate: {
    vi: "Khung mẫu quá lớn để phân bổ chính xác (n × N vượt quá 2^53).",
    en: "frame too large to allocate exactly (n × N exceeds 2^53)",
  },
  noStrata: { vi: "Không có tầng nào để phân bổ mẫu.", en: "there are no strata to allocate the sample to" },
  stratumTwice: { vi: "Tầng {stratum} xuất hiện hai lần.", en: "stratum {stratum} appears twice" },
  stratumSize: {
    vi: "Tầng {stratum} phải có số đơn vị là số nguyên từ 1 trở lên (nhận được {size}).",
    en: "stratum {stratum} must have a whole number of at least 1 units, got {size}",
  },
  sizeNotWhole: {
    vi: "Cỡ mẫu n phải là số nguyên từ {min} trở lên (nhận được {n}).",
    en: "sample size n must be a whole number of at least {min}, got {n}",
  },
  sizeAboveFrame: {
    vi: "Cỡ mẫu n = {n} lớn hơn số người trong khung mẫu (N = {N}).",
    en: "sample size n = {n} is larger than the frame (N = {N})",
  },
  minimumNotWhole: {
    vi: "Số tối thiểu mỗi tầng phải là số nguyên từ 0 trở lên (nhận được {m}).",
    en: "minimum per stratum must be a whole number of at least 0, got {m}",
  },
  minimumTooLarge: {
    vi: "Mỗi tầng tối thiểu {m} người thì cần tổng cộng {total} người, nhiều hơn cỡ mẫu n = {n}. Hãy tăng cỡ mẫu, giảm số tối thiểu hoặc phân tầng ít hơn.",
    en: "a minimum of {m} per stratum needs {total} units in total, more than the sample size n = {n}. Raise the sample size, lower the minimum or use fewer strata.",
  },
  unknownAllocation: { vi: "Không có cách phân bổ “{method}”.", en: 'unknown allocation method "{method}"' },
  unknownSizeMethod: { vi: "Không có cách tính cỡ mẫu “{method}”.", en: 'unknown sample size method "{method}"' },
  internal: { vi: "Lỗi nội bộ khi chọn mẫu: {detail}", en: "internal: {detail}" },
  unitTwice: { vi: "Đơn vị {unit} xuất hiện hai lần.", en: "unit {unit} appears twice" },
  badDesignWeight: {
    vi: "Đơn vị {unit} có trọng số thiết kế {weight}; trọng số phải là số dương.",
    en: "unit {unit} has design weight {weight}; it must be a positive number",
  },
  badResponseStatus: {
    vi: "Đơn vị {unit} có trạng thái “{status}” không hợp lệ (đã trả lời, không trả lời hoặc không thuộc đối tượng).",
    en: 'unit {unit} has unknown status "{status}" (respondent, nonrespondent or ineligible)',
  },
  noStratumValue: {
    vi: "Dòng khung mẫu {unit} không có giá trị ở cột phân tầng “{column}”.",
    en: 'frame row {unit} has no value for stratum column "{column}"',
  },
  badStratumValue: {
    vi: "Dòng khung mẫu {unit} có giá trị không hợp lệ ở cột phân tầng “{column}”.",
    en: 'frame row {unit} has an invalid value for stratum column "{column}"',
  },
  frameEmpty: { vi: "Khung mẫu trống.", en: "the frame is empty" },
  stratumColumnTwice: { vi: "Một cột phân tầng được chọn hai lần.", en: "a stratum column is listed twice" },
  unitNeedsId: { vi: "Mỗi dòng của khung mẫu cần có mã (không để trống).", en: "every unit of the frame needs a non-empty id" },
  unitIdTwice: { vi: "Mã {unit} xuất hiện hai lần trong khung mẫu.", en: "unit id {unit} appears twice in the frame" },
  badReserve: {
    vi: "Số người dự phòng mỗi tầng phải là số nguyên từ 0 trở lên (nhận được {reserve}).",
    en: "reserve must be a whole number of at least 0 per stratum, got {reserve}",
  },
  badReserveRatio: {
    vi: "Tỷ lệ dự phòng phải là số từ 0 trở lên (nhận được {ratio}).",
    en: "reserve ratio must be a number of at least 0, got {ratio}",
  },
  seedRange: {
    vi: "Hạt giống ngẫu nhiên phải là số nguyên từ 0 đến {max} (nhận được {seed}).",
    en: "seed must be a whole number from 0 to {max}, got {seed}",
  },
  cannotTake: { vi: "Không thể chọn {count} trong {total} đơn vị.", en: "cannot take {count} of {total} units" },
  stageLabel: { vi: "giai đoạn “{stage}”", en: 'stage "{stage}"' },
  stageNoNumber: {
    vi: "Giai đoạn “{stage}”: chưa có số đơn vị cần chọn cho đơn vị cấp trên {parent}.",
    en: 'stage "{stage}": no number to select for parent {parent}',
  },
  stageBadNumber: {
    vi: "Giai đoạn “{stage}”: số đơn vị cần chọn cho đơn vị cấp trên {parent} phải là số nguyên từ 0 trở lên (nhận được {k}).",
    en: 'stage "{stage}": the number to select for parent {parent} must be a whole number of at least 0, got {k}',
  },
  stageUnknownMethod: {
    vi: "{stage}: không có cách chọn “{method}” (dùng “srs” hoặc “pps-systematic”).",
    en: '{stage}: unknown method "{method}" (use "srs" or "pps-systematic")',
  },
  stageNoUnits: { vi: "{stage} không có đơn vị nào.", en: "{stage} has no units" },
  stageReserveSrsOnly: {
    vi: "{stage}: danh sách dự phòng chỉ dùng được ở giai đoạn chọn ngẫu nhiên đơn giản.",
    en: "{stage}: a reserve list is only available for SRS stages",
  },
  stageBadReserve: {
    vi: "{stage}: số dự phòng phải là số nguyên từ 0 trở lên (nhận được {reserve}).",
    en: "{stage}: reserve must be a whole number of at least 0, got {reserve}",
  },
  stageUnitNeedsId: { vi: "{stage}: mỗi đơn vị cần có mã.", en: "{stage}: every unit needs a non-empty id" },
  stageUnitTwice: { vi: "{stage}: đơn vị {unit} xuất hiện hai lần.", en: "{stage}: unit {unit} appears twice" },
  stageNoParent: { vi: "{stage}: đơn vị {unit} không có mã đơn vị cấp trên.", en: "{stage}: unit {unit} has no parent id" },
  stageParentUnknown: {
    vi: "{stage}: đơn vị cấp trên {parent} của đơn vị {unit} không thuộc giai đoạn trước.",
    en: "{stage}: the parent {parent} of unit {unit} is not a unit of the previous stage",
  },
  stageNeedsSize: {
    vi: "{stage}: đơn vị {unit} cần quy mô dương để chọn tỷ lệ với quy mô (PPS) (nhận được {size}).",
    en: "{stage}: unit {unit} needs a positive size measure for PPS, got {size}",
  },
  noStages: { vi: "Thiết kế nhiều giai đoạn cần ít nhất một giai đoạn.", en: "a multi-stage design needs at least one stage" },
  stageNeedsName: { vi: "Mỗi giai đoạn cần có tên.", en: "every stage needs a name" },
  stageTwice: { vi: "Giai đoạn “{stage}” xuất hiện hai lần.", en: 'stage "{stage}" appears twice' },
  frameSizeNotWhole: {
    vi: "Số người trong khung mẫu N phải là số nguyên từ 1 trở lên (nhận được {N}).",
    en: "frame size N must be a whole number of at least 1, got {N}",
  },
  badMargin: {
    vi: "Sai số e phải lớn hơn 0 và nhỏ hơn 1 (0,05 = 5%) (nhận được {e}).",
    en: "margin of error e must be greater than 0 and less than 1 (0.05 = 5%), got {e}",
  },
  badProportion: {
    vi: "Tỷ lệ dự kiến p phải lớn hơn 0 và nhỏ hơn 1 (nhận được {p}).",
    en: "expected proportion p must be greater than 0 and less than 1, got {p}",
  },
} as const;
