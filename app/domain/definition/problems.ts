/**
 * The words of the definition validator: every problem in Vietnamese and English, and where it is, named the way a
 * questionnaire designer names things (section, question, option, skip rule, index node — by code and a short label),
 * never as a JSON path. The path stays inside the issue so the editor can put the message next to its field.
 */
import type { LocalizedText } from "./schema";

type Segment = string | number;
const both = (vi: string, en: string): LocalizedText => ({ vi, en });
const list = (codes: readonly string[]) => codes.join(", ") || "—";

/** The validator's own messages, by what went wrong. */
export const problem = {
  duplicateSection: (code: string) => both(`Mã phần "${code}" bị trùng`, `Section code "${code}" is used twice`),
  duplicateItem: (code: string, first: LocalizedText) =>
    both(`Mã câu hỏi "${code}" bị trùng (đã dùng ở ${first.vi})`, `Question code "${code}" is used twice (first at ${first.en})`),
  duplicateOption: (code: string) => both(`Mã phương án "${code}" bị trùng`, `Option code "${code}" is used twice`),
  noOptionsAllowed: (type: string) => both(`Câu loại ${type} không có phương án trả lời`, `A ${type} question has no answer options`),
  optionsAndScale: both("Chỉ chọn một: danh sách phương án hoặc thang đo dùng chung, không cả hai", "Give either the options or a shared scale, not both"),
  unknownScale: (name: string, known: string[]) =>
    both(`Không có thang đo "${name}" (các thang đo: ${list(known)})`, `There is no scale "${name}" (scales: ${list(known)})`),
  needsOptions: (type: string) => both(`Câu loại ${type} cần có phương án trả lời hoặc thang đo`, `A ${type} question needs answer options or a scale`),
  optionCount: (type: string, expected: number, found: number) =>
    both(
      `Câu loại ${type} có ${expected} phương án trả lời (không kể "không ý kiến"), ở đây có ${found}`,
      `A ${type} question has ${expected} answer options (besides "no opinion"); this one has ${found}`,
    ),
  positiveNotChoice: (type: string) => both(`Câu loại ${type} không thể có câu trả lời tích cực`, `A ${type} question cannot have positive answers`),
  positiveEmpty: both("Chưa chọn câu trả lời tích cực nào", "No positive answer is chosen"),
  positiveUnknown: (code: string, codes: string[]) =>
    both(`Không có phương án mã "${code}" (các mã: ${list(codes)})`, `There is no option with code "${code}" (codes: ${list(codes)})`),
  positiveMissing: (code: string) =>
    both(`Phương án "${code}" được tính là thiếu (không ý kiến) nên không thể là tích cực`, `Option "${code}" counts as missing ("no opinion") and cannot be positive`),
  maxBelowMin: (min: number, max: number) => both(`Giá trị lớn nhất (${max}) nhỏ hơn giá trị nhỏ nhất (${min})`, `The maximum (${max}) is below the minimum (${min})`),
  ruleLaterItem: (code: string) =>
    both(
      `Điều kiện dựa vào câu ${code}, câu này nằm sau trong phiếu; điều kiện chỉ được dựa vào câu trả lời trước đó`,
      `The rule uses question ${code}, which comes later in the form; a rule may only use earlier answers`,
    ),
  ruleUnknownItem: (code: string) => both(`Điều kiện dựa vào câu ${code}, không có câu nào mang mã này`, `The rule uses question ${code}, which does not exist`),
  ruleNotEarlier: (code: string) =>
    both(`Điều kiện dựa vào câu ${code}, câu này không nằm trước trong phiếu`, `The rule uses question ${code}, which is not earlier in the form`),
  ruleNoOptions: (code: string, type: string) =>
    both(
      `Câu ${code} (loại ${type}) không có phương án; hãy dùng điều kiện "đã trả lời / chưa trả lời"`,
      `Question ${code} (${type}) has no options; use "is answered / is blank" instead`,
    ),
  ruleUnknownOption: (option: string, item: string, codes: string[]) =>
    both(
      `Câu ${item} không có phương án mã "${option}" (các mã: ${list(codes)})`,
      `Question ${item} has no option with code "${option}" (codes: ${list(codes)})`,
    ),
  duplicateNode: (code: string, first: LocalizedText) =>
    both(`Mã nút chỉ số "${code}" bị trùng (đã dùng ở ${first.vi})`, `Index node code "${code}" is used twice (first at ${first.en})`),
  nodeIsItem: (code: string) => both(`Mã nút chỉ số "${code}" trùng với mã một câu hỏi`, `Index node code "${code}" is also a question code`),
  leafMissing: (code: string) => both(`Cây chỉ số dùng câu ${code}, không có câu nào mang mã này`, `The index tree uses question ${code}, which does not exist`),
  leafNoPositive: (code: string) =>
    both(`Câu ${code} được tính vào chỉ số nhưng chưa có câu trả lời tích cực`, `Question ${code} feeds an index but has no positive answers`),
  leafTwice: (code: string) => both(`Câu ${code} xuất hiện hai lần trong cây chỉ số này`, `Question ${code} appears twice in this index tree`),
  weightsMissing: both('Quy tắc "có trọng số" cần một trọng số cho mỗi nhánh con', 'Rule "weighted" needs a weight for each child'),
  weightsCount: (weights: number, children: number) =>
    both(`Có ${weights} trọng số nhưng nút có ${children} nhánh con`, `There are ${weights} weights but the node has ${children} children`),
  weightNotValid: (w: number) => both(`Trọng số ${w} không phải số không âm`, `Weight ${w} is not a non-negative number`),
  weightsAllZero: both("Các trọng số không được đều bằng 0", "The weights must not all be zero"),
  weightsUnused: (rule: string) =>
    both(`Trọng số chỉ dùng với quy tắc "có trọng số" (quy tắc của nút này: ${rule})`, `Weights are only used by rule "weighted" (this node's rule is ${rule})`),
  ruleItemMissing: both('Quy tắc "theo một câu" cần chọn câu cho chỉ số của nút', 'Rule "item" needs the question that gives the node\'s index'),
  ruleItemNotChild: (code: string) =>
    both(`Quy tắc "theo một câu" chọn câu ${code}, câu này không phải nhánh con của nút`, `Rule "item" names question ${code}, which is not a child of this node`),
  ruleItemUnused: (rule: string) =>
    both(`Chỉ quy tắc "theo một câu" mới chọn một câu (quy tắc của nút này: ${rule})`, `Only rule "item" names a question (this node's rule is ${rule})`),
  notJson: (detail: string) => both(`Không phải JSON hợp lệ: ${detail}`, `Not valid JSON: ${detail}`),
};

/** Messages the zod schema gives by key (schema.ts), in both languages. */
const schemaMessages: Record<string, LocalizedText> = {
  "text.viMissing": both("Cần có nội dung tiếng Việt", "Needs Vietnamese text"),
  "text.notText": both("Phải là chữ", "Must be text"),
  "text.enBlank": both("Nội dung tiếng Anh để trống: hãy viết hoặc bỏ hẳn (khi đó hiển thị tiếng Việt)", "The English text is blank: write it or leave it out (the Vietnamese is shown then)"),
  "code.format": both("Mã bắt đầu bằng chữ cái, chỉ gồm chữ cái không dấu, chữ số và dấu _", "A code starts with a letter and holds only letters, digits and '_'"),
  "option.format": both("Mã phương án chỉ gồm chữ cái không dấu, chữ số, '_', '.', '-'", "An option code holds only letters, digits, '_', '.', '-'"),
  "key.format": both("Mã phiếu chỉ gồm chữ thường không dấu, chữ số và '-'", "A questionnaire key holds lowercase letters, digits and '-'"),
  "version.format": both("Phiên bản chỉ gồm chữ cái, chữ số, '.' và '-'", "A version holds letters, digits, '.' and '-'"),
  "rule.noOption": both("Điều kiện cần ít nhất một phương án", "The rule needs at least one option"),
  "section.noItems": both("Phần cần có ít nhất một câu hỏi", "A section needs at least one question"),
  "node.noChildren": both("Nút chỉ số cần có ít nhất một nhánh con", "An index node needs at least one child"),
  "scale.tooSmall": both("Thang đo cần ít nhất hai phương án", "A scale needs at least two options"),
  "definition.noSections": both("Phiếu cần có ít nhất một phần", "A questionnaire needs at least one section"),
};

const TYPE_WORDS: Record<string, LocalizedText> = {
  string: both("chữ", "text"),
  number: both("một số", "a number"),
  boolean: both("đúng/sai (true/false)", "true or false"),
  array: both("một danh sách", "a list"),
  object: both("một nhóm thuộc tính", "a group of fields"),
};

/** The part of a zod issue this module reads (zod 4's issue shapes vary by code). */
export interface SchemaIssue {
  code: string;
  message: string;
  expected?: string;
  input?: unknown;
  keys?: string[];
  values?: unknown[];
  minimum?: number | bigint;
  origin?: string;
}

/** A zod issue in words: the schema's own keyed message, or one made from the issue's code. */
export function schemaProblem(issue: SchemaIssue): LocalizedText {
  const keyed = schemaMessages[issue.message];
  if (keyed) return keyed;
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return both("Chưa điền (bắt buộc)", "Missing (required)");
      const t = TYPE_WORDS[issue.expected ?? ""] ?? both(String(issue.expected), String(issue.expected));
      return both(`Phải là ${t.vi}`, `Must be ${t.en}`);
    }
    case "unrecognized_keys": {
      const keys = (issue.keys ?? []).map((k) => `"${k}"`).join(", ");
      return both(`Thuộc tính không được biết: ${keys} (viết sai tên?)`, `Unknown field: ${keys} (misspelt?)`);
    }
    case "invalid_value": {
      const values = (issue.values ?? []).map(String).join(", ");
      return both(`Phải là một trong: ${values}`, `Must be one of: ${values}`);
    }
    case "too_small":
      return issue.origin === "array"
        ? both(`Cần ít nhất ${issue.minimum} mục`, `Needs at least ${issue.minimum} entries`)
        : both(`Quá ngắn hoặc quá nhỏ (tối thiểu ${issue.minimum})`, `Too short or too small (at least ${issue.minimum})`);
    case "too_big":
      return both("Quá dài hoặc quá lớn", "Too long or too large");
    case "invalid_format":
      return both("Không đúng định dạng", "Not in the right format");
    default:
      return both(`Giá trị không hợp lệ (${issue.message})`, `Invalid value (${issue.message})`);
  }
}

/** The structural fields an issue can concern, by code; the editor finds the field from these and `path`. */
export interface FieldRef {
  scale?: string;
  section?: string;
  item?: string;
  option?: string;
  /** Inside a skip rule (`showIf`) of the section or question. */
  rule?: boolean;
  /** Inside the positive answers of the question. */
  positive?: boolean;
  tree?: string;
  node?: string;
  /** The last named property: "code", "label", "weights", … */
  property?: string;
}

const PROPERTY_WORDS: Record<string, LocalizedText> = {
  code: both("mã", "code"),
  type: both("loại câu", "question type"),
  label: both("nội dung", "text"),
  title: both("tiêu đề", "title"),
  description: both("mô tả", "description"),
  help: both("hướng dẫn", "help text"),
  vi: both("tiếng Việt", "Vietnamese"),
  en: both("tiếng Anh", "English"),
  required: both("bắt buộc", "required"),
  options: both("phương án", "options"),
  scale: both("thang đo", "scale"),
  min: both("giá trị nhỏ nhất", "minimum"),
  max: both("giá trị lớn nhất", "maximum"),
  integer: both("số nguyên", "whole number"),
  maxLength: both("độ dài tối đa", "maximum length"),
  rule: both("quy tắc tổng hợp", "aggregation rule"),
  weights: both("trọng số", "weights"),
  kind: both("loại chỉ số", "kind of index"),
  key: both("mã phiếu", "questionnaire key"),
  version: both("phiên bản", "version"),
  basis: both("căn cứ", "basis"),
  missing: both("tính là thiếu", "counts as missing"),
  sections: both("các phần", "sections"),
  items: both("các câu hỏi", "questions"),
  indices: both("cây chỉ số", "index trees"),
  children: both("nhánh con", "children"),
  item: both("câu cho chỉ số của nút", "question giving the node's index"),
  scales: both("thang đo dùng chung", "shared scales"),
};

const SHORT = 40;
function short(text: unknown): string {
  if (typeof text !== "string") return "";
  const t = text.trim();
  return t.length > SHORT ? `${t.slice(0, SHORT - 1).trimEnd()}…` : t;
}
function labelOf(value: unknown, key: "label" | "title"): string {
  const text = (value as Record<string, unknown> | undefined)?.[key];
  return short((text as { vi?: unknown } | undefined)?.vi);
}
function codeOf(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && code ? code : undefined;
}
const named = (noun: LocalizedText, code: string | undefined, n: number, label: string): LocalizedText => {
  const quoted = label ? ` «${label}»` : "";
  return both(`${noun.vi} ${code ?? `thứ ${n + 1}`}${quoted}`, `${noun.en} ${code ?? `no. ${n + 1}`}${quoted}`);
};

/**
 * Names the place a JSON path points at, walking the raw definition: "Phần D «…» › câu SV_1 «…» › điều kiện hiển
 * thị". Works on broken input (a missing code falls back to the position).
 */
export function describePath(raw: unknown, path: readonly Segment[]): { where: LocalizedText; field: FieldRef } {
  const parts: LocalizedText[] = [];
  const field: FieldRef = {};
  let value: unknown = raw;
  let inRule = false;
  const at = (seg: Segment) => (value && typeof value === "object" ? (value as Record<string | number, unknown>)[seg] : undefined);

  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    if (seg === "sections" && typeof next === "number") {
      value = at(seg);
      value = at(next);
      field.section = codeOf(value);
      parts.push(named(both("Phần", "Section"), field.section, next, labelOf(value, "title")));
      i++;
    } else if (seg === "items" && typeof next === "number") {
      value = at(seg);
      value = at(next);
      field.item = codeOf(value);
      parts.push(named(both("câu", "question"), field.item, next, labelOf(value, "label")));
      i++;
    } else if (seg === "options" && typeof next === "number") {
      value = at(seg);
      value = at(next);
      field.option = codeOf(value);
      parts.push(named(both("phương án", "option"), field.option, next, labelOf(value, "label")));
      i++;
    } else if (seg === "scales" && typeof next === "string") {
      value = at(seg);
      value = at(next);
      field.scale = next;
      parts.push(both(`thang đo ${next}`, `scale ${next}`));
      i++;
      if (typeof path[i + 1] === "number") {
        const k = path[i + 1] as number;
        value = at(k);
        field.option = codeOf(value);
        parts.push(named(both("phương án", "option"), field.option, k, labelOf(value, "label")));
        i++;
      }
    } else if (seg === "indices" && typeof next === "number") {
      value = at(seg);
      value = at(next);
      field.tree = codeOf(value);
      field.node = field.tree;
      parts.push(named(both("cây chỉ số", "index tree"), field.tree, next, labelOf(value, "label")));
      i++;
    } else if (seg === "children" && typeof next === "number") {
      value = at(seg);
      value = at(next);
      const leaf = (value as { item?: unknown } | undefined)?.item;
      if (value && typeof value === "object" && !("children" in value) && typeof leaf === "string") {
        parts.push(both(`mục câu ${leaf}`, `entry for question ${leaf}`));
        field.item = leaf;
        if (path[i + 2] === "item") i++;
      } else {
        field.node = codeOf(value);
        parts.push(named(both("nút", "node"), field.node, next, labelOf(value, "label")));
      }
      i++;
    } else if (seg === "showIf" && !inRule) {
      inRule = true;
      field.rule = true;
      value = at(seg);
      parts.push(both("điều kiện hiển thị", "display rule"));
    } else if (inRule) {
      // Inside a rule the nesting (all/any/not, positions) means nothing to a reader; the message names the question.
      value = at(seg);
    } else if (seg === "positive") {
      field.positive = true;
      value = at(seg);
      parts.push(both("câu trả lời tích cực", "positive answers"));
      if (typeof next === "number") i++;
    } else if (seg === "weights") {
      value = at(seg);
      field.property = "weights";
      parts.push(PROPERTY_WORDS.weights);
      if (typeof next === "number") {
        parts.push(both(`thứ ${next + 1}`, `no. ${next + 1}`));
        i++;
      }
    } else {
      value = at(seg);
      if (typeof seg === "string") {
        field.property = seg;
        parts.push(PROPERTY_WORDS[seg] ?? both(seg, seg));
      } else {
        parts.push(both(`mục thứ ${seg + 1}`, `entry no. ${seg + 1}`));
      }
    }
  }
  if (parts.length === 0) return { where: both("Phiếu", "Questionnaire"), field };
  if (path.length > 0 && !["sections", "scales", "indices"].includes(String(path[0]))) parts.unshift(both("Phiếu", "Questionnaire"));
  const sentence = (words: string[]) => words.join(" › ").replace(/^./, (c) => c.toLocaleUpperCase("vi"));
  return { where: both(sentence(parts.map((p) => p.vi)), sentence(parts.map((p) => p.en))), field };
}
