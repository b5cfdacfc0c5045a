/** What is wrong with one answer of the citizen's form (app/domain/answers/validate.ts); {n} is the limit. */
export const answerChecks = {
  required: { vi: "Vui lòng trả lời câu hỏi này.", en: "Please answer this question." },
  badOption: { vi: "Lựa chọn không hợp lệ, vui lòng chọn lại.", en: "That choice is not valid; please choose again." },
  oneOnly: { vi: "Chỉ chọn một phương án.", en: "Choose only one option." },
  notNumber: { vi: "Vui lòng nhập một con số (ví dụ 12).", en: "Please enter a number (for example 12)." },
  notInteger: { vi: "Vui lòng nhập số nguyên.", en: "Please enter a whole number." },
  min: { vi: "Số nhỏ nhất có thể nhập là {n}.", en: "The smallest number allowed is {n}." },
  max: { vi: "Số lớn nhất có thể nhập là {n}.", en: "The largest number allowed is {n}." },
  tooLong: { vi: "Vui lòng viết không quá {n} ký tự.", en: "Please write at most {n} characters." },
};
