/** Words of entry-question.tsx (moved from the file's inline table into the catalogue). */
export const paperQuestionWords = {
  blank: { vi: "Bỏ trống", en: "Blank" },
  blankHint: { vi: "Trên phiếu để trống / không đọc được", en: "Blank or unreadable on paper" },
  several: { vi: "(nhiều lựa chọn)", en: "(several allowed)" },
} as const;

export const paperFormWords = {
  save: { vi: "Lưu phiếu", en: "Save form" },
  saveKeys: { vi: "Ctrl+Enter", en: "Ctrl+Enter" },
  errors: { vi: "Phiếu chưa lưu. Vui lòng kiểm tra các câu sau:", en: "The form is not saved. Please check these questions:" },
  cancel: { vi: "Bỏ, nhập phiếu khác", en: "Discard, key another form" },
} as const;
