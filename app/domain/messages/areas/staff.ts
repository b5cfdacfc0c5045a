/** Words of the staff sign-in and the list of rounds. */
export const staff = {
  loginTitle: { vi: "Đăng nhập cán bộ", en: "Staff sign-in" },
  username: { vi: "Tên đăng nhập", en: "Username" },
  password: { vi: "Mật khẩu", en: "Password" },
  signIn: { vi: "Đăng nhập", en: "Sign in" },
  signOut: { vi: "Đăng xuất", en: "Sign out" },
  badLogin: { vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "Wrong username or password." },
  accountInactive: {
    vi: "Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên.",
    en: "This account has been deactivated. Please contact an administrator.",
  },
  tooManyLogins: { vi: "Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau 10 phút.", en: "Too many failed sign-ins. Please try again in 10 minutes." },
  rounds: { vi: "Các đợt khảo sát", en: "Survey rounds" },
  round: { vi: "Đợt khảo sát", en: "Round" },
  definition: { vi: "Bộ câu hỏi", en: "Questionnaire" },
  province: { vi: "Tỉnh", en: "Province" },
  period: { vi: "Thời gian", en: "Period" },
  codes: { vi: "Mã đã phát", en: "Codes issued" },
  drafts: { vi: "Đang trả lời", en: "In progress" },
  submitted: { vi: "Đã gửi", en: "Submitted" },
  noRounds: { vi: "Chưa có đợt khảo sát nào.", en: "No survey rounds yet." },
  signedInAs: { vi: "Đăng nhập với tên", en: "Signed in as" },
  allProvinces: { vi: "toàn quốc", en: "national" },
  notFound: { vi: "Không tìm thấy", en: "Not found" },
  somethingWrong: { vi: "Đã có lỗi xảy ra", en: "Something went wrong" },
} as const;

/** Staff accounts: what `sipas staff create` and the accounts pages refuse. */
export const accounts = {
  badUsername: {
    vi: "Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, chữ số, “.”, “_” hoặc “-”.",
    en: "A username has 3–64 letters, digits, '.', '_' or '-'.",
  },
  shortPassword: { vi: "Mật khẩu cần ít nhất {min} ký tự.", en: "A password needs at least {min} characters." },
  unknownRole: { vi: "Không có vai trò “{role}” (các vai trò: {roles}).", en: 'Unknown role "{role}" (roles: {roles}).' },
  usernameTaken: { vi: "Tên đăng nhập “{username}” đã có.", en: 'User "{username}" already exists.' },
} as const;
