/**
 * The questionnaire as a workbook, in the manner of XLSForm: a sheet of questions (section rows start a section),
 * a sheet of option lists, a sheet for the index trees and a settings sheet, with Vietnamese headers. This module is
 * the layout; sheets-export.ts and sheets-import.ts convert, and the .xlsx bytes are read and written by a service.
 */
import { localize, msg, type Message } from "../messages";
import type { LocalizedText } from "./schema";

/** A cell as the reader hands it over: plain values, a formula with its cached result, an error or a date. */
export type SheetCell =
  | string
  | number
  | boolean
  | null
  | { formula: string; result: string | number | boolean | null | undefined }
  | { error: string }
  | { date: string };

export interface Sheet {
  name: string;
  /** Row 1: the headers. */
  header: string[];
  /** Rows 2…: the data, one array per row (may be shorter than the header). */
  rows: SheetCell[][];
}

export interface Workbook {
  sheets: Sheet[];
}

export interface ColumnSpec {
  key: string;
  header: string;
  /** Other headers read as this column: English and XLSForm names, so sheets made elsewhere read too. */
  aliases: string[];
  width: number;
}

const col = (key: string, header: string, width: number, ...aliases: string[]): ColumnSpec => ({ key, header, aliases, width });

export const SHEETS = {
  questions: {
    name: "Câu hỏi",
    aliases: ["survey", "questions", "cau hoi"],
    columns: [
      col("type", "Loại", 14, "type", "loai"),
      col("code", "Mã", 16, "name", "code", "ma"),
      col("labelVi", "Nội dung (tiếng Việt)", 60, "label", "label::vi", "label::vietnamese", "label::vietnamese (vi)", "label (vi)", "noi dung", "noi dung (tieng viet)"),
      col("labelEn", "Nội dung (tiếng Anh)", 45, "label::en", "label::english", "label::english (en)", "label (en)", "noi dung (tieng anh)"),
      col("helpVi", "Hướng dẫn (tiếng Việt)", 30, "hint", "hint::vi", "hint::vietnamese (vi)", "huong dan", "huong dan (tieng viet)"),
      col("helpEn", "Hướng dẫn (tiếng Anh)", 25, "hint::en", "hint::english (en)", "huong dan (tieng anh)"),
      col("required", "Bắt buộc", 9, "required", "bat buoc"),
      col("list", "Danh sách phương án", 16, "list_name", "list", "choices", "danh sach phuong an"),
      col("showIf", "Điều kiện hiển thị", 28, "relevant", "show if", "dieu kien hien thi", "dieu kien"),
      col("positive", "Câu trả lời tích cực", 14, "positive", "cau tra loi tich cuc"),
      col("min", "Nhỏ nhất", 9, "min", "nho nhat"),
      col("max", "Lớn nhất", 9, "max", "lon nhat"),
      col("integer", "Số nguyên", 9, "integer", "so nguyen"),
      col("maxLength", "Độ dài tối đa", 10, "max_length", "maxlength", "do dai toi da"),
    ],
  },
  options: {
    name: "Phương án",
    aliases: ["choices", "options", "phuong an"],
    columns: [
      col("list", "Danh sách", 16, "list_name", "list", "danh sach", "danh sach phuong an"),
      col("code", "Mã", 8, "name", "code", "ma"),
      col("labelVi", "Nhãn (tiếng Việt)", 50, "label", "label::vi", "label::vietnamese (vi)", "label (vi)", "nhan", "nhan (tieng viet)"),
      col("labelEn", "Nhãn (tiếng Anh)", 40, "label::en", "label::english (en)", "label (en)", "nhan (tieng anh)"),
      col("missing", "Tính là thiếu", 12, "missing", "tinh la thieu"),
    ],
  },
  tree: {
    name: "Cây chỉ số",
    aliases: ["tree", "indices", "index tree", "cay chi so"],
    columns: [
      col("code", "Mã nút", 14, "node", "code", "ma nut"),
      col("item", "Câu hỏi", 16, "question", "item", "cau hoi"),
      col("parent", "Nút cha", 14, "parent", "nut cha"),
      col("kind", "Loại chỉ số", 14, "kind", "loai chi so"),
      col("labelVi", "Nội dung (tiếng Việt)", 50, "label", "label::vi", "noi dung", "noi dung (tieng viet)"),
      col("labelEn", "Nội dung (tiếng Anh)", 40, "label::en", "noi dung (tieng anh)"),
      col("rule", "Quy tắc", 12, "rule", "quy tac"),
      col("weight", "Trọng số", 10, "weight", "trong so"),
      col("ruleItem", "Câu cho chỉ số", 16, "rule item", "cau cho chi so"),
    ],
  },
  settings: {
    name: "Thông tin chung",
    aliases: ["settings", "thong tin chung"],
    columns: [
      col("key", "Mã phiếu", 14, "form_id", "key", "ma phieu"),
      col("version", "Phiên bản", 10, "version", "phien ban"),
      col("titleVi", "Tiêu đề (tiếng Việt)", 50, "form_title", "title", "title::vi", "tieu de", "tieu de (tieng viet)"),
      col("titleEn", "Tiêu đề (tiếng Anh)", 40, "title::en", "tieu de (tieng anh)"),
      col("descriptionVi", "Mô tả (tiếng Việt)", 40, "description", "description::vi", "mo ta", "mo ta (tieng viet)"),
      col("descriptionEn", "Mô tả (tiếng Anh)", 30, "description::en", "mo ta (tieng anh)"),
      col("basis", "Căn cứ", 60, "basis", "can cu"),
    ],
  },
} as const;

export type SheetKind = keyof typeof SHEETS;

/** The section row's type in the questions sheet (XLSForm's begin_group is read as the same). */
export const SECTION_TYPE = "phần";
export const SECTION_TYPE_ALIASES = ["phần", "phan", "section", "begin_group", "begin group"];
/** XLSForm's end of a group: no meaning here (a section ends where the next begins); skipped. */
export const END_GROUP_TYPES = ["end_group", "end group"];

export const YES = "có";
export const NO = "không";
const TRUE_WORDS = ["có", "co", "yes", "true", "1", "x", "đúng", "dung"];
const FALSE_WORDS = ["không", "khong", "no", "false", "0", "sai"];

/** Lowercase, no diacritics, single spaces: how headers and words are matched. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function readBoolean(text: string): boolean | null {
  const f = fold(text);
  if (TRUE_WORDS.map(fold).includes(f)) return true;
  if (FALSE_WORDS.map(fold).includes(f)) return false;
  return null;
}

/** A sheet of a workbook found by its name or an alias, diacritics and case aside. */
export function findSheet(book: Workbook, kind: SheetKind): Sheet | undefined {
  const spec = SHEETS[kind];
  const names = [spec.name, ...spec.aliases].map(fold);
  return book.sheets.find((s) => names.includes(fold(s.name)));
}

/** Where a problem in an upload is: sheet, row (as Excel numbers it) and column header. */
export interface SheetPlace {
  sheet: string;
  row?: number;
  column?: string;
}

export interface SheetProblem extends SheetPlace {
  message: LocalizedText;
}

/** "Trang tính «Câu hỏi», dòng 12, cột «Mã»". */
export function placeText(place: SheetPlace): LocalizedText {
  const parts: Message[] = [msg("workbook.place", { sheet: place.sheet })];
  if (place.row !== undefined) parts.push(msg("workbook.row", { row: place.row }));
  if (place.column !== undefined) parts.push(msg("workbook.column", { column: place.column }));
  return joinParts(parts);
}

function joinParts(parts: Message[]): LocalizedText {
  const texts = parts.map(localize);
  return { vi: texts.map((t) => t.vi).join(", "), en: texts.map((t) => t.en).join(", ") };
}
