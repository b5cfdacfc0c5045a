/** Refusals of a request as a whole (a form, an upload, a role) and the paper-keying checks of one question. */

/** A form post that cannot be taken (app/services/platform/forms.server.ts, session.server.ts). */
export const formRequests = {
  notAForm: { vi: "Yêu cầu không phải là một biểu mẫu.", en: "The request is not a form." },
  tooLarge: { vi: "Biểu mẫu gửi lên quá lớn.", en: "The form sent is too large." },
  unreadable: { vi: "Không đọc được biểu mẫu gửi lên.", en: "The form sent could not be read." },
  expired: { vi: "Biểu mẫu đã hết hạn, vui lòng tải lại trang.", en: "This form has expired; please reload the page." },
};

/** A file upload that cannot be taken (app/services/platform/uploads.server.ts). */
export const uploadRequests = {
  tooLarge: { vi: "Tệp quá lớn (tối đa 1 GB).", en: "The file is too large (at most 1 GB)." },
  noFile: { vi: "Chưa chọn tệp CSV.", en: "No CSV file was chosen." },
  expired: formRequests.expired,
  unreadable: { vi: "Không đọc được biểu mẫu gửi lên.", en: "The uploaded form could not be read." },
};

/** A staff page or action the signed-in role may not use (app/services/staff/guards.server.ts). */
export const staffRequests = {
  roleRefused: { vi: "Vai trò của bạn không được dùng chức năng này.", en: "Your role does not allow this." },
};

/** A paper form's question as keyed (app/domain/paper/validate-entry.ts). */
export const paperKeying = {
  blankAndAnswer: {
    vi: "Câu này vừa được đánh dấu bỏ trống vừa có câu trả lời. Vui lòng giữ một trong hai.",
    en: "This question is marked blank and also has an answer. Please keep one of them.",
  },
  required: {
    vi: "Chưa nhập câu này. Nếu trên phiếu để trống hoặc không đọc được, chọn 0 (Bỏ trống).",
    en: "Not keyed yet. If it is blank or unreadable on the paper form, choose 0 (Blank).",
  },
};
