/** Invitations, outcomes, replacements, the weight adjustment and closing a round. */
export const fieldwork = {
  noContactsRole: { vi: "Vai trò của bạn không được xem thông tin liên hệ.", en: "Your role does not allow seeing contact details." },
  noCloseRole: { vi: "Vai trò của bạn không được đóng đợt khảo sát.", en: "Your role does not allow closing a round." },
  noSample: { vi: "Đợt khảo sát “{round}” chưa chọn mẫu.", en: 'Round "{round}" has no sample yet.' },
  notACode: { vi: "“{code}” không phải mã thư mời.", en: '"{code}" is not an invitation code.' },
  noPersonWithCode: {
    vi: "Không có người nào trong mẫu của đợt này có mã {code}.",
    en: "No sampled person of this round has the code {code}.",
  },
  outcomeNotSettable: {
    vi: "Không thể ghi tay kết quả “{outcome}” (chọn: chưa gửi, đã gửi, từ chối, không liên lạc được hoặc phiếu không hợp lệ; “đã trả lời” đến từ phiếu khảo sát).",
    en: '"{outcome}" cannot be set by hand (choose sent, refused, unreachable, invalid or pending; "returned" comes from the questionnaire).',
  },
  alreadyReturned: {
    vi: "{code} đã gửi phiếu trả lời; kết quả liên hệ là “Đã trả lời”.",
    en: '{code} has already returned a questionnaire; its outcome is "returned".',
  },
  replacedStays: {
    vi: "{code} đã được thay bằng {by}; kết quả liên hệ giữ như đã ghi.",
    en: "{code} has been replaced by {by}; its outcome stays as recorded.",
  },
  nothingToReplace: {
    vi: "{code} đã gửi phiếu trả lời; không cần thay người.",
    en: "{code} has returned a questionnaire; there is nothing to replace.",
  },
  recordWhyFirst: {
    vi: "Hãy ghi trước lý do {code} không trả lời (từ chối, không liên lạc được hoặc phiếu không hợp lệ); kết quả hiện tại: “{outcome}”.",
    en: 'Record first why {code} did not answer (refused, unreachable or invalid); its outcome is "{outcome}".',
  },
  alreadyReplaced: { vi: "{code} đã được thay bằng {by}.", en: "{code} has already been replaced by {by}." },
  reserveUsedUp: {
    vi: "Danh sách dự phòng của nhóm {group} đã hết: không còn ai để thay {code}.",
    en: "The reserve list of this group ({group}) is used up: no one left to replace {code}.",
  },
  justReplaced: { vi: "{code} vừa được người khác thay.", en: "{code} has just been replaced by someone else." },
  reserveBusy: { vi: "Danh sách dự phòng đang được người khác dùng; vui lòng thử lại.", en: "The reserve list is busy; please try again." },
  nothingToAdjust: {
    vi: "Chưa có phiếu nào được gửi về: chưa có gì để điều chỉnh.",
    en: "No questionnaire has been returned yet: there is nothing to adjust.",
  },
} as const;
