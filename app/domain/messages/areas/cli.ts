/** The `sipas` command's own messages (usage mistakes; exit code 2). */
export const cli = {
  unknownCommand: { vi: "không có lệnh “{command}”\n\n{usage}", en: 'unknown command "{command}"\n\n{usage}' },
  missingOption: { vi: "thiếu --{name} <giá trị>", en: "missing --{name} <value>" },
  optionNeedsValue: { vi: "--{name} cần một giá trị", en: "--{name} needs a value" },
  unknownOption: { vi: "không có tùy chọn --{name} (các tùy chọn: {known})", en: "unknown option --{name} (known: {known})" },
  noOptions: { vi: "không có", en: "none" },
  unexpectedArgument: { vi: "thừa tham số “{arg}”", en: 'unexpected argument "{arg}"' },
  missingFile: { vi: "thiếu <tệp>", en: "missing <file>" },
  exactlyOne: { vi: "cần đúng một {what}", en: "give exactly one {what}" },
  wholeNumber: { vi: "--{name} phải là số nguyên (nhận được “{value}”)", en: '--{name} must be a whole number (got "{value}")' },
  oneOf: { vi: "--{name} phải là một trong: {choices}", en: "--{name} must be one of {choices}" },
  badLang: { vi: "--lang phải là vi hoặc en (nhận được “{value}”)", en: '--lang must be vi or en (got "{value}")' },
  xlsxNeedsOut: {
    vi: "--format xlsx ghi ra tệp: hãy thêm --{flag} <tệp.xlsx>",
    en: "--format xlsx writes a file: add --{flag} <file.xlsx>",
  },
  badFormat: { vi: "--format phải là csv hoặc xlsx (nhận được “{value}”)", en: '--format must be csv or xlsx (got "{value}")' },
  newPassword: {
    vi: "hãy đặt biến môi trường SIPAS_NEW_PASSWORD bằng mật khẩu của người dùng mới",
    en: "set SIPAS_NEW_PASSWORD to the new user's password",
  },
  usageResponsesImport: {
    vi: "cách dùng: sipas responses import --round <mã đợt> <tệp.csv>",
    en: "usage: sipas responses import --round <id> <file.csv>",
  },
  mapNotPair: { vi: "--map: “{part}” không có dạng trường=cột", en: '--map: "{part}" is not field=column' },
  mapUnknownField: { vi: "--map: không có trường “{field}” (các trường: {fields})", en: '--map: unknown field "{field}" (fields: {fields})' },
  mapNoColumn: { vi: "--map: tệp không có cột “{column}” (các cột: {columns})", en: '--map: no column "{column}" in the file (columns: {columns})' },
  stagesNotPair: {
    vi: "--stages: “{part}” không có dạng giai_đoạn=số (các giai đoạn: district, commune, village, person)",
    en: '--stages: "{part}" is not stage=number (stages: district, commune, village, person)',
  },
  stagesNeeds: { vi: "--stages cần {stage}=<số>", en: "--stages needs {stage}=<number>" },
  villageNeedsColumn: {
    vi: "giai đoạn thôn cần --village-column <cột của khung mẫu>, và --stages cần village=<số>",
    en: "a village stage needs --village-column <frame column>, and the column needs village=<number> in --stages",
  },
  oneSize: {
    vi: "hãy cho một trong --size <n>, --margin <e> (ví dụ 5% hoặc 0.05) hoặc --yamane <e>",
    en: "give one of --size <n>, --margin <e> (e.g. 5% or 0.05) or --yamane <e>",
  },
  badMargin: {
    vi: "--{name} phải là sai số như 5% hoặc 0.05 (nhận được “{value}”)",
    en: '--{name} must be a margin of error such as 5% or 0.05 (got "{value}")',
  },
  badAllocation: {
    vi: "--allocation phải là equal, proportional hoặc min:<m> (nhận được “{value}”)",
    en: '--allocation must be equal, proportional or min:<m> (got "{value}")',
  },
  rejectedNeedsValidOnly: { vi: "--rejected chỉ dùng cùng --valid-only", en: "--rejected goes with --valid-only" },
  missingSeed: {
    vi: "thiếu --seed <n>: mẫu được chọn lại đúng như cũ từ khung mẫu, thiết kế và hạt giống (ví dụ --seed 20221015)",
    en: "missing --seed <n>: a draw is reproducible from the frame, the design and the seed (e.g. --seed 20221015)",
  },
  seedRange: { vi: "--seed phải là số nguyên từ 0 đến {max}", en: "--seed must be a whole number from 0 to {max}" },
  andMore: { vi: "… và {count} lỗi khác", en: "… and {count} more" },
  unitsFile: { vi: "tệp danh sách đơn vị", en: "units file" },
  frameFile: { vi: "tệp khung mẫu", en: "frame file" },
  frameFileId: { vi: "mã lần nhập của tệp (xem sipas frame files)", en: "the file's import id (see sipas frame files)" },
  addOrReplace: { vi: "Dùng --add hoặc --replace, không dùng cả hai.", en: "Use --add or --replace, not both." },
  undecidedColumns: {
    vi: "{file}: các cột sau chưa được ghép với thông tin nào: {columns}. Chưa nhập dòng nào. Dùng --map <trường>=<cột> để ghép một cột với một thông tin, --keep-columns <cột,...> để giữ làm cột phụ (phân tầng, thôn) hoặc --ignore-columns <cột,...> để bỏ qua.",
    en: "{file}: these columns match no field: {columns}. Nothing was imported. Use --map <field>=<column> to match a column to a field, --keep-columns <column,...> to keep it as an extra column (strata, village) or --ignore-columns <column,...> to ignore it.",
  },
  columnsNoColumn: { vi: "{flag}: tệp không có cột “{column}” (các cột: {columns})", en: '{flag}: no column "{column}" in the file (columns: {columns})' },
  columnsBoth: { vi: "Cột “{column}” có cả trong --keep-columns và --ignore-columns.", en: 'Column "{column}" is in both --keep-columns and --ignore-columns.' },
  unexpected: { vi: "lỗi không lường trước: {detail}", en: "unexpected error: {detail}" },
} as const;
