/** The print page (toolbar), the cover letter and the printed questionnaire (printed in Vietnamese). */
export const print = {
  title: { vi: "In phiếu khảo sát giấy", en: "Print paper questionnaires" },
  codesToPrint: { vi: "Mã cần in", en: "Codes to print" },
  scopeUnsent: { vi: "Mọi mã chưa gửi, chưa dùng của đợt", en: "Every unsent, unused code of the round" },
  scopeStratum: { vi: "Mã chưa gửi của một tầng:", en: "Unsent codes of one stratum:" },
  stratum: { vi: "Tầng", en: "Stratum" },
  choose: { vi: "— chọn —", en: "— choose —" },
  scopeCodes: {
    vi: "Các mã sau (mỗi dòng một mã, hoặc cách nhau bởi dấu phẩy):",
    en: "These codes (one a line, or comma-separated):",
  },
  codeList: { vi: "Danh sách mã", en: "List of codes" },
  perRun: { vi: "Số phiếu mỗi lần in", en: "Forms per print run" },
  withLetter: {
    vi: "In kèm thư mời có họ tên và địa chỉ (trang riêng, người dân giữ lại, không gửi lại cùng phiếu)",
    en: "Print a cover letter with name and address (a separate page the citizen keeps; not returned with the form)",
  },
  show: { vi: "Hiển thị", en: "Show" },
  cannotPrint: { vi: "Có mã không in được:", en: "Some codes cannot be printed:" },
  chooseStratum: { vi: "Hãy chọn một tầng để in.", en: "Choose a stratum to print." },
  enterCodes: { vi: "Hãy nhập ít nhất một mã khảo sát để in.", en: "Type at least one survey code to print." },
  showing: { vi: "{total} phiếu; đang hiển thị {from}–{to}.", en: "{total} forms; showing {from}–{to}." },
  previous: { vi: "← Đợt in trước", en: "← Previous batch" },
  next: { vi: "Đợt in tiếp →", en: "Next batch →" },
  printButton: { vi: "In / Lưu PDF", en: "Print / Save as PDF" },
  printHint: {
    vi: "Trong hộp thoại in, chọn khổ A4 và “Lưu dưới dạng PDF” để có tệp PDF. Mỗi người bắt đầu ở một trang mới; thư mời (nếu có) là trang riêng trước phiếu.",
    en: "In the print dialog choose A4, and “Save as PDF” for a PDF file. Each person starts on a new page; the cover letter (if any) is a page of its own before the form.",
  },
  preview: { vi: "Xem trước các trang in", en: "Preview of the printed pages" },
  anonymityNote: {
    vi: "Họ tên và địa chỉ chỉ in trên thư mời. Phiếu khảo sát chỉ mang mã và mã QR, nên phiếu gửi lại không cho biết ai đã trả lời.",
    en: "Names and addresses are printed only on the cover letter. The questionnaire carries only the code and QR code, so a returned form does not say who answered.",
  },
  // The cover letter (kept by the citizen).
  letterTitle: { vi: "Thư mời tham gia khảo sát", en: "Invitation to take part in the survey" },
  letterTo: { vi: "Kính gửi: Ông/Bà {name}", en: "To: {name}" },
  letterAddress: { vi: "Địa chỉ: {address}", en: "Address: {address}" },
  letterBody: {
    vi: "Cơ quan chúng tôi đang tổ chức {survey} ({round}). Ông/Bà được chọn ngẫu nhiên trong số những người đã giải quyết thủ tục hành chính. Ý kiến của Ông/Bà giúp cơ quan hành chính nhà nước phục vụ người dân tốt hơn.",
    en: "We are carrying out the {survey} ({round}). You were chosen at random among the people who recently completed an administrative procedure. Your opinion helps public administration serve people better.",
  },
  letterWays: { vi: "Ông/Bà có thể trả lời theo một trong hai cách:", en: "You can answer in one of two ways:" },
  letterOnline: {
    vi: "Trực tuyến: quét mã QR bằng điện thoại, hoặc vào trang {site} và nhập mã khảo sát {code}.",
    en: "Online: scan the QR code with a phone, or go to {site} and type the survey code {code}.",
  },
  letterPaper: {
    vi: "Trên giấy: điền phiếu khảo sát kèm theo và gửi lại phiếu trong phong bì.",
    en: "On paper: fill in the enclosed questionnaire and send it back in the envelope.",
  },
  letterKeep: {
    vi: "Phiếu khảo sát không ghi tên. Vui lòng giữ lại thư này và chỉ gửi lại phiếu khảo sát: họ tên, địa chỉ của Ông/Bà không đi cùng câu trả lời.",
    en: "The questionnaire is anonymous. Please keep this letter and send back only the questionnaire: your name and address do not travel with your answers.",
  },
  letterThanks: { vi: "Xin trân trọng cảm ơn Ông/Bà!", en: "Thank you very much!" },
  help: { vi: "Cần hỗ trợ, xin liên hệ: {contact}", en: "For help, contact: {contact}" },
  // The questionnaire.
  formPrefix: { vi: "Phiếu khảo sát", en: "Questionnaire" },
  surveyCode: { vi: "Mã khảo sát", en: "Survey code" },
  yourCode: { vi: "Mã khảo sát của Ông/Bà", en: "Your survey code" },
  answerOnline: {
    vi: "Trả lời trực tuyến: quét mã QR bằng điện thoại, hoặc vào trang {site} và nhập mã trên.",
    en: "Answer online: scan the QR code with a phone, or go to {site} and type the code above.",
  },
  qrOf: { vi: "Mã QR của đường dẫn {link}", en: "QR code of the link {link}" },
  instructions: { vi: "Hướng dẫn trả lời", en: "How to answer" },
  anonymous: {
    vi: "Phiếu khảo sát không ghi tên người trả lời. Câu trả lời chỉ dùng để tổng hợp, tính chỉ số chung.",
    en: "The questionnaire does not carry your name. Answers are only used to compute overall figures.",
  },
  howToMark: {
    vi: "Đánh dấu ✗ vào ô bên cạnh câu trả lời phù hợp. Mỗi câu chỉ chọn một ô, trừ câu có ghi “có thể chọn nhiều phương án”.",
    en: "Put a ✗ in the box next to the answer that fits. Tick one box per question, unless it says “you may choose more than one”.",
  },
  mistake: { vi: "Nếu đánh dấu nhầm, tô kín ô nhầm rồi đánh dấu vào ô đúng.", en: "If you tick a wrong box, fill it in completely and tick the right one." },
  arrows: {
    vi: "Làm theo các chỉ dẫn có mũi tên (→) để bỏ qua những câu không phù hợp với Ông/Bà.",
    en: "Follow the arrows (→) to skip the questions that do not apply to you.",
  },
  onlyOnce: {
    vi: "Ông/Bà chỉ cần trả lời một lần: trên phiếu giấy này hoặc trực tuyến bằng mã khảo sát ở trên.",
    en: "Answer only once: on this paper form or online with the survey code above.",
  },
  sendBack: {
    vi: "Trả lời xong, Ông/Bà vui lòng gửi lại phiếu theo phong bì kèm theo (không gửi kèm thư mời).",
    en: "When you have finished, please send the form back in the enclosed envelope (without the cover letter).",
  },
  chooseMany: { vi: "(có thể chọn nhiều phương án)", en: "(you may choose more than one)" },
  numberBoxes: { vi: "Ô ghi số", en: "Boxes for a number" },
  writingLines: { vi: "Dòng để viết", en: "Lines to write on" },
  question: { vi: "Câu hỏi", en: "Question" },
  thanks: { vi: "Xin trân trọng cảm ơn Ông/Bà đã dành thời gian trả lời!", en: "Thank you for taking the time to answer!" },
} as const;
