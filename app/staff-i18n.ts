import type { LocalizedText } from "./domain/definition/schema";

/** Words of the staff pages. */
export const staffUi = {
  loginTitle: { vi: "Đăng nhập cán bộ", en: "Staff sign-in" },
  username: { vi: "Tên đăng nhập", en: "Username" },
  password: { vi: "Mật khẩu", en: "Password" },
  signIn: { vi: "Đăng nhập", en: "Sign in" },
  signOut: { vi: "Đăng xuất", en: "Sign out" },
  badLogin: { vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "Wrong username or password." },
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
} satisfies Record<string, LocalizedText>;
