import type { LocalizedText } from "./definition/schema";
import type { CodeCheck } from "./codes";

/** Messages a citizen may see about their code, in both languages. */
export const codeMessages = {
  empty: { vi: "Vui lòng nhập mã khảo sát in trên phiếu.", en: "Please type the survey code printed on your form." },
  length: {
    vi: "Mã khảo sát gồm 10 ký tự (ví dụ ABCDE-23456). Vui lòng kiểm tra lại.",
    en: "A survey code has 10 characters (for example ABCDE-23456). Please check it.",
  },
  characters: {
    vi: "Mã chỉ gồm chữ in hoa và các chữ số 2–9 (không có chữ O, I, L và số 0, 1). Vui lòng kiểm tra lại.",
    en: "A code holds only capital letters and the digits 2–9 (no O, I, L, 0 or 1). Please check it.",
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
} satisfies Record<Exclude<CodeCheck, { ok: true }>["reason"] | string, LocalizedText>;
