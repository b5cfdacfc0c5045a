/** Words of the citizen-facing pages (home, form, thanks). */
export const citizen = {
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
  helpContact: { vi: "Cần hỗ trợ, xin liên hệ: {contact}", en: "Need help? Contact: {contact}" },
  helpContactSeveral: {
    vi: "Cần hỗ trợ, xin liên hệ cơ quan tổ chức đợt khảo sát mà ông/bà tham gia:",
    en: "Need help? Contact the office running your survey round:",
  },
  helpLabel: { vi: "Hỗ trợ", en: "Help" },
  skipToContent: { vi: "Bỏ qua, đến nội dung chính", en: "Skip to main content" },
} as const;

/** What a citizen is told about the code they typed. */
export const code = {
  empty: { vi: "Vui lòng nhập mã khảo sát in trên phiếu.", en: "Please type the survey code printed on your form." },
  length: {
    vi: "Mã khảo sát gồm 10 ký tự (ví dụ ABCDE-23456). Vui lòng kiểm tra lại.",
    en: "A survey code has 10 characters (for example ABCDE-23456). Please check it.",
  },
  characters: {
    vi: "Mã chỉ gồm chữ cái và các chữ số 2–9 (không có chữ O, I, L và số 0, 1); gõ chữ hoa hay chữ thường đều được. Vui lòng kiểm tra lại.",
    en: "A code holds only letters and the digits 2–9 (no O, I, L, 0 or 1); upper or lower case both work. Please check it.",
  },
  checksum: {
    vi: "Mã này có vẻ bị gõ nhầm một ký tự. Vui lòng so lại với phiếu.",
    en: "This code seems to have a mistyped character. Please compare it with your form.",
  },
  unknown: {
    vi: "Không tìm thấy mã khảo sát này. Vui lòng kiểm tra lại mã trên phiếu.",
    en: "We could not find this survey code. Please check the code on your form.",
  },
  submitted: {
    vi: "Phiếu khảo sát với mã này đã được gửi. Mỗi mã chỉ được gửi một lần. Xin cảm ơn ông/bà!",
    en: "The questionnaire for this code has already been submitted. Each code can be submitted only once. Thank you!",
  },
  closed: {
    vi: "Đợt khảo sát này đã kết thúc, không nhận thêm phiếu.",
    en: "This survey round has closed and no longer accepts answers.",
  },
  tooMany: {
    vi: "Ông/bà đã thử quá nhiều mã không đúng. Vui lòng thử lại sau ít phút.",
    en: "Too many wrong codes were tried. Please try again in a few minutes.",
  },
} as const;
