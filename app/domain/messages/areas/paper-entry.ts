/** What a clerk or supervisor is told when a paper form cannot be keyed or resolved. */
export const paperEntry = {
  notInRound: {
    vi: "Không tìm thấy mã này trong đợt khảo sát này. Vui lòng so lại mã trên phiếu.",
    en: "This code is not in this survey round. Please compare it with the paper form.",
  },
  roundClosed: { vi: "Đợt khảo sát đã đóng, không nhập thêm phiếu.", en: "This survey round is closed; no more forms can be keyed." },
  submittedOnline: {
    vi: "Người này đã trả lời trực tuyến với mã này. Mỗi mã chỉ tính một phiếu, nên không nhập phiếu giấy này.",
    en: "This person has already answered online with this code. Each code counts once, so this paper form is not keyed.",
  },
  submittedPaper: {
    vi: "Phiếu giấy với mã này đã được nhập và xác nhận. Mỗi mã chỉ tính một phiếu.",
    en: "The paper form with this code has already been keyed and verified. Each code counts once.",
  },
  submittedOther: {
    vi: "Mã này đã có phiếu được tính (nhập từ tệp). Mỗi mã chỉ tính một phiếu.",
    en: "This code already has a counted response (imported). Each code counts once.",
  },
  sameClerk: {
    vi: "Bạn đã nhập lần 1 phiếu này. Lần nhập thứ hai phải do một cán bộ khác thực hiện.",
    en: "You keyed this form the first time. The second entry must be made by a different clerk.",
  },
  awaitingReview: {
    vi: "Phiếu này đã được nhập hai lần và đang chờ cán bộ giám sát đối chiếu.",
    en: "This form has been keyed twice and is waiting for a supervisor's review.",
  },
  busy: {
    vi: "Phiếu vừa được người khác nhập cùng lúc. Các câu trả lời của bạn vẫn còn trên màn hình; vui lòng bấm Lưu lại.",
    en: "Someone else keyed this form at the same moment. Your answers are still on the screen; please save again.",
  },
  notInReview: {
    vi: "Phiếu này không (còn) chờ đối chiếu: có thể đã được xác nhận, đã gửi trực tuyến hoặc lần nhập đã bị hủy.",
    en: "This form is not (or no longer) waiting for review: it may have been verified, answered online, or an entry was discarded.",
  },
  nothingToDiscard: { vi: "Không có lần nhập nào để hủy.", en: "There is no entry to discard." },
  blankAnswer: { vi: "(bỏ trống)", en: "(blank)" },
} as const;
