import type { Locale, LocalizedText } from "./domain/definition/schema";

export type { Locale };
export const LOCALES: readonly Locale[] = ["vi", "en"];

/** Words of the citizen-facing pages. Vietnamese first; English for the visible switch. */
export const ui = {
  siteName: { vi: "Khảo sát mức độ hài lòng (SIPAS)", en: "Satisfaction survey (SIPAS)" },
  switchTo: { vi: "English", en: "Tiếng Việt" },
  switchLabel: { vi: "Chuyển sang tiếng Anh", en: "Switch to Vietnamese" },
  homeTitle: { vi: "Khảo sát sự hài lòng của người dân", en: "Citizen satisfaction survey" },
  homeIntro: {
    vi: "Ý kiến của ông/bà giúp cơ quan hành chính nhà nước phục vụ người dân tốt hơn. Phiếu khảo sát không ghi tên; câu trả lời chỉ dùng để tính chỉ số chung.",
    en: "Your opinion helps public administration serve people better. The questionnaire is anonymous; answers are only used to compute overall indices.",
  },
  codeLabel: { vi: "Mã khảo sát (in trên phiếu hoặc trong tin nhắn)", en: "Survey code (printed on your form or in your text message)" },
  codeHint: { vi: "10 ký tự, ví dụ ABCDE-23456. Không phân biệt chữ hoa, chữ thường.", en: "10 characters, for example ABCDE-23456. Upper or lower case." },
  start: { vi: "Bắt đầu trả lời", en: "Start answering" },
  part: { vi: "Phần", en: "Part" },
  of: { vi: "trên", en: "of" },
  required: { vi: "bắt buộc", en: "required" },
  optional: { vi: "không bắt buộc", en: "optional" },
  next: { vi: "Lưu và tiếp tục", en: "Save and continue" },
  back: { vi: "Quay lại", en: "Back" },
  saveLater: { vi: "Lưu để trả lời tiếp sau", en: "Save and finish later" },
  submit: { vi: "Gửi phiếu khảo sát", en: "Submit the questionnaire" },
  saved: {
    vi: "Đã lưu câu trả lời. Ông/bà có thể đóng trang và mở lại đường dẫn này (hoặc nhập lại mã) để trả lời tiếp.",
    en: "Your answers are saved. You can close this page and open this link again (or type the code again) to continue.",
  },
  resumed: { vi: "Chào mừng ông/bà quay lại. Các câu trả lời trước đã được giữ nguyên.", en: "Welcome back. Your earlier answers have been kept." },
  errorSummary: { vi: "Vui lòng kiểm tra lại các câu sau:", en: "Please check these questions:" },
  errorsElsewhere: { vi: "Còn câu bắt buộc chưa trả lời ở phần:", en: "Required questions are still unanswered in part:" },
  conditionalHint: { vi: "Trả lời nếu câu này phù hợp với câu trả lời ở trên.", en: "Answer if this applies, given your answers above." },
  chooseAll: { vi: "Có thể chọn nhiều phương án.", en: "You may choose more than one." },
  thanksTitle: { vi: "Xin cảm ơn ông/bà!", en: "Thank you!" },
  thanksBody: {
    vi: "Phiếu khảo sát đã được gửi thành công. Ý kiến của ông/bà sẽ được tổng hợp cùng ý kiến của người dân khác để đánh giá và cải thiện chất lượng phục vụ.",
    en: "Your questionnaire has been submitted. Your opinion will be combined with those of other people to assess and improve public services.",
  },
  code: { vi: "Mã", en: "Code" },
  somethingWrong: { vi: "Đã có lỗi xảy ra", en: "Something went wrong" },
  tryAgain: { vi: "Vui lòng thử lại sau ít phút. Các câu trả lời đã lưu không bị mất.", en: "Please try again in a few minutes. Saved answers are not lost." },
  notFound: { vi: "Không tìm thấy trang", en: "Page not found" },
  home: { vi: "Về trang chủ", en: "Home" },
  skipToContent: { vi: "Bỏ qua, đến nội dung chính", en: "Skip to main content" },
} satisfies Record<string, LocalizedText>;

export function t(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
