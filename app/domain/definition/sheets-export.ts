/**
 * A definition as a workbook (sheets.ts): what staff download to edit in Excel. Shared option sets (`scales`) become
 * named lists; a question's own options become a list named by its code, which is how the reader tells the two apart.
 */
import { formatCondition } from "./rule-syntax";
import { isLeaf, type Definition, type IndexNode, type IndexTree } from "./schema";
import { NO, SECTION_TYPE, SHEETS, YES, type Sheet, type SheetCell, type Workbook } from "./sheets";

const header = (kind: keyof typeof SHEETS) => SHEETS[kind].columns.map((c) => c.header);
const row = (kind: keyof typeof SHEETS, values: Record<string, SheetCell | undefined>): SheetCell[] =>
  SHEETS[kind].columns.map((c) => values[c.key] ?? null);
const yesNo = (b: boolean | undefined) => (b === undefined ? null : b ? YES : NO);

/** Takes the definition as written (shared scales by name), e.g. DefinitionSchema's output before options are resolved. */
export function definitionToWorkbook(def: Definition): Workbook {
  const questions: SheetCell[][] = [];
  const options: SheetCell[][] = [];
  const itemCodes = new Set(def.sections.flatMap((s) => s.items.map((i) => i.code)));

  for (const [name, list] of Object.entries(def.scales)) {
    for (const o of list) options.push(row("options", { list: name, code: o.code, labelVi: o.label.vi, labelEn: o.label.en, missing: o.missing ? YES : null }));
  }
  for (const section of def.sections) {
    questions.push(
      row("questions", {
        type: SECTION_TYPE,
        code: section.code,
        labelVi: section.title.vi,
        labelEn: section.title.en,
        helpVi: section.description?.vi,
        helpEn: section.description?.en,
        showIf: section.showIf ? formatCondition(section.showIf) : null,
      }),
    );
    for (const item of section.items) {
      let list = item.scale ?? null;
      if (item.options) {
        // The list named by the question's code holds its own options; a clash with a scale's name gets a suffix
        // (it then reads back as a scale of its own: the same options, a different spelling).
        list = item.code;
        for (let n = 2; def.scales[list] || (list !== item.code && itemCodes.has(list)); n++) list = `${item.code}_${n}`;
        for (const o of item.options) options.push(row("options", { list, code: o.code, labelVi: o.label.vi, labelEn: o.label.en, missing: o.missing ? YES : null }));
      }
      questions.push(
        row("questions", {
          type: item.type,
          code: item.code,
          labelVi: item.label.vi,
          labelEn: item.label.en,
          helpVi: item.help?.vi,
          helpEn: item.help?.en,
          required: yesNo(item.required),
          list,
          showIf: item.showIf ? formatCondition(item.showIf) : null,
          positive: item.positive ? item.positive.join(", ") : null,
          min: item.min,
          max: item.max,
          integer: yesNo(item.integer),
          maxLength: item.maxLength,
        }),
      );
    }
  }

  const tree: SheetCell[][] = [];
  const walk = (node: IndexNode | IndexTree, parent: string | null, weight: number | undefined) => {
    tree.push(
      row("tree", {
        code: node.code,
        parent,
        kind: "kind" in node ? node.kind : null,
        labelVi: node.label.vi,
        labelEn: node.label.en,
        rule: node.rule,
        weight,
        ruleItem: node.item,
      }),
    );
    node.children.forEach((child, k) => {
      const w = node.weights?.[k];
      if (isLeaf(child)) tree.push(row("tree", { item: child.item, parent: node.code, weight: w }));
      else walk(child, node.code, w);
    });
  };
  for (const root of def.indices) walk(root, null, undefined);

  const settings = [
    row("settings", {
      key: def.key,
      version: def.version,
      titleVi: def.title.vi,
      titleEn: def.title.en,
      descriptionVi: def.description?.vi,
      descriptionEn: def.description?.en,
      basis: def.basis,
    }),
  ];

  const sheets: Sheet[] = [
    { name: SHEETS.questions.name, header: header("questions"), rows: questions },
    { name: SHEETS.options.name, header: header("options"), rows: options },
    { name: SHEETS.tree.name, header: header("tree"), rows: tree },
    { name: SHEETS.settings.name, header: header("settings"), rows: settings },
    { name: GUIDE_SHEET, header: ["Cột / Column", "Cách ghi (tiếng Việt)", "How to fill it (English)"], rows: GUIDE },
  ];
  return { sheets };
}

/** A sheet of instructions, written on export and ignored on import. */
export const GUIDE_SHEET = "Hướng dẫn";
const GUIDE: SheetCell[][] = [
  ["Câu hỏi › Loại", `"${SECTION_TYPE}" mở một phần mới; với câu hỏi: satisfaction5 (hài lòng 5 mức), level3 (3 mức), single (chọn một), multiple (chọn nhiều), yesno (có/không), number (số), text (chữ), demographic (thông tin người trả lời).`, `"${SECTION_TYPE}" starts a section; for a question: satisfaction5, level3, single, multiple, yesno, number, text, demographic.`],
  ["Câu hỏi › Mã", "Mã câu hỏi giữ nguyên giữa các phiên bản: cùng mã là cùng một câu hỏi. Bắt đầu bằng chữ cái, chỉ gồm chữ không dấu, số và _.", "Question codes stay the same across versions: the same code is the same question. A letter first, then letters, digits and _."],
  ["Câu hỏi › Nội dung", "Tiếng Việt bắt buộc; tiếng Anh không bắt buộc (để trống thì bản tiếng Anh hiển thị tiếng Việt).", "Vietnamese is required; English is optional (left blank, the English view shows the Vietnamese)."],
  ["Câu hỏi › Danh sách phương án", "Tên một danh sách ở trang «Phương án». Danh sách mang đúng mã câu hỏi là phương án riêng của câu đó; tên khác là thang đo dùng chung.", 'The name of a list in the "Phương án" sheet. A list named by the question\'s own code holds its own options; any other name is a shared scale.'],
  ["Câu hỏi › Điều kiện hiển thị", "Ví dụ: Q8_PROC = 1 · Q2 thuộc (1, 3) · Q8_SCHOOL = 1 và không (A_AGE = 1) · Q5 đã trả lời · Q5 bỏ trống. Dùng «và», «hoặc», «không», dấu ngoặc. Chỉ dựa vào câu hỏi đứng trước.", "Examples: Q8_PROC = 1 · Q2 in (1, 3) · Q8_SCHOOL = 1 and not (A_AGE = 1) · Q5 answered · Q5 blank. Use and, or, not, brackets. Only earlier questions."],
  ["Câu hỏi › Câu trả lời tích cực", "Mã các phương án được tính là tích cực khi câu hỏi vào chỉ số, cách nhau bởi dấu phẩy: 4, 5.", "Codes of the options counted as positive when the question feeds an index, comma-separated: 4, 5."],
  ["Cây chỉ số", "Mỗi dòng là một nút (Mã nút) hoặc một câu hỏi (Câu hỏi) dưới Nút cha, theo thứ tự. Gốc có Loại chỉ số: satisfaction, assessment, expectation. Quy tắc: mean, weighted (ghi Trọng số ở các dòng con), item (ghi Câu cho chỉ số), pooled.", "Each row is a node (Mã nút) or a question (Câu hỏi) under its parent (Nút cha), in order. A root has a kind: satisfaction, assessment, expectation. Rule: mean, weighted (weights on the child rows), item (name the question), pooled."],
  ["Thông tin chung", "Một dòng: mã phiếu, phiên bản, tiêu đề, mô tả, căn cứ (nguồn của nội dung).", "One row: key, version, title, description, basis (where the content comes from)."],
];
