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
  scrollableTable: { vi: "Bảng (cuộn ngang bằng phím mũi tên để xem hết)", en: "Table (scroll sideways with the arrow keys to see all of it)" },
  somethingWrong: { vi: "Đã có lỗi xảy ra", en: "Something went wrong" },
  menu: { vi: "Trang của cán bộ", en: "Staff pages" },
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
  longPassword: { vi: "Mật khẩu dài quá {max} ký tự.", en: "A password may have at most {max} characters." },
  commonPassword: {
    vi: "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy dùng một câu ngắn hoặc vài từ ghép lại mà người khác khó đoán.",
    en: "This password is too common and easily guessed. Use a short sentence or a few words that others cannot guess.",
  },
  digitsOnly: {
    vi: "Mật khẩu không được chỉ gồm chữ số (số điện thoại, ngày sinh dễ bị đoán).",
    en: "A password may not be digits only (a phone number or a birthday is easily guessed).",
  },
  fewCharacters: { vi: "Mật khẩu lặp lại quá ít ký tự khác nhau.", en: "The password repeats too few different characters." },
  containsUsername: { vi: "Mật khẩu không được chứa tên đăng nhập.", en: "The password may not contain the username." },
  badProvince: { vi: "Mã tỉnh “{province}” chỉ gồm chữ và số (tối đa 10).", en: 'Province code "{province}" has letters and digits only (at most 10).' },
  noAccount: { vi: "Không có tài khoản này.", en: "No such account." },
  lastAdmin: {
    vi: "Đây là quản trị viên cuối cùng còn hoạt động: hãy tạo quản trị viên khác trước.",
    en: "This is the last active admin: create another admin first.",
  },
  notYourself: { vi: "Không thể tự khóa tài khoản của mình.", en: "You cannot deactivate your own account." },
  wrongCurrentPassword: { vi: "Mật khẩu hiện tại không đúng.", en: "The current password is not right." },
  samePassword: { vi: "Mật khẩu mới phải khác mật khẩu hiện tại.", en: "The new password must differ from the current one." },
  passwordsDiffer: { vi: "Hai lần nhập mật khẩu mới không giống nhau.", en: "The two new passwords are not the same." },
} as const;

/** The audit trail's filters and the command that exports it. */
export const audit = {
  badDate: { vi: "“{date}” không phải ngày (YYYY-MM-DD).", en: '"{date}" is not a date (YYYY-MM-DD).' },
} as const;
