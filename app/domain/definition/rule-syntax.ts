/**
 * Skip rules as a line of text, for a cell of the questionnaire's .xlsx: `Q8_PROC = 1`, `Q2 thuộc (1, 3)`,
 * `Q8_SCHOOL = 1 và không (A_AGE = 1)`, `Q5 đã trả lời`. Written with Vietnamese words; read with Vietnamese or
 * English ones (and, or, not, in, answered, blank), and with XLSForm's `${Q8_PROC} = '1'` and `selected(${Q2}, '1')`,
 * so a sheet made elsewhere reads too.
 */
import { localize, msg } from "../messages";
import type { Condition, LocalizedText } from "./schema";

type Expected = "aCharacter" | "anOption" | "aQuestion" | "aClose" | "aComma" | "aRule" | "anOperator" | "aJoin";

export function formatCondition(cond: Condition): string {
  if ("all" in cond) return cond.all.map((c) => (("any" in c && c.any.length > 1) || ("all" in c && c.all.length > 1) ? `(${formatCondition(c)})` : formatCondition(c))).join(" và ");
  if ("any" in cond) return cond.any.map((c) => (("all" in c && c.all.length > 1) || ("any" in c && c.any.length > 1) ? `(${formatCondition(c)})` : formatCondition(c))).join(" hoặc ");
  if ("not" in cond) return `không (${formatCondition(cond.not)})`;
  if ("answered" in cond) return `${cond.item} ${cond.answered ? "đã trả lời" : "bỏ trống"}`;
  return cond.in.length === 1 ? `${cond.item} = ${cond.in[0]}` : `${cond.item} thuộc (${cond.in.join(", ")})`;
}

export type RuleParse = { ok: true; condition: Condition } | { ok: false; message: LocalizedText };

type Token = { kind: "word" | "value" | "op"; text: string; at: number };

const KEYWORDS: Record<string, string> = {
  and: "and",
  và: "and",
  or: "or",
  hoặc: "or",
  not: "not",
  không: "not",
  in: "in",
  thuộc: "in",
  answered: "answered",
  blank: "blank",
};
// Multi-word Vietnamese keywords, read as one.
const PHRASES: [RegExp, string][] = [
  [/^đã\s+trả\s+lời/iu, "answered"],
  [/^(bỏ|để)\s+trống/iu, "blank"],
];

function tokenize(text: string): Token[] | { at: number } {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/u.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const phrase = PHRASES.find(([re]) => re.test(rest));
    if (phrase) {
      out.push({ kind: "word", text: phrase[1], at: i });
      i += phrase[0].exec(rest)![0].length;
      continue;
    }
    const ref = /^\$\{([A-Za-z][A-Za-z0-9_]*)\}/.exec(rest);
    if (ref) {
      out.push({ kind: "value", text: ref[1], at: i });
      i += ref[0].length;
      continue;
    }
    const quoted = /^(['"“‘])([^'"”’]*)(['"”’])/u.exec(rest);
    if (quoted) {
      out.push({ kind: "value", text: quoted[2], at: i });
      i += quoted[0].length;
      continue;
    }
    const op = /^(!=|<>|=|\(|\)|,)/.exec(rest);
    if (op) {
      out.push({ kind: "op", text: op[1] === "<>" ? "!=" : op[1], at: i });
      i += op[0].length;
      continue;
    }
    const word = /^[\p{L}\p{N}_.-]+/u.exec(rest);
    if (word) {
      const key = KEYWORDS[word[0].toLocaleLowerCase("vi")];
      out.push(key ? { kind: "word", text: key, at: i } : { kind: "value", text: word[0], at: i });
      i += word[0].length;
      continue;
    }
    return { at: i };
  }
  return out;
}

/** Reads a rule cell. The message says what was expected and where (the character position, counted from 1). */
export function parseCondition(source: string): RuleParse {
  const text = source.normalize("NFC").trim();
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return fail(tokens.at, "aCharacter");
  let k = 0;
  const peek = () => tokens[k];
  const isWord = (w: string) => peek()?.kind === "word" && peek()!.text === w;
  const isOp = (o: string) => peek()?.kind === "op" && peek()!.text === o;
  class Stop extends Error {
    constructor(readonly result: RuleParse) {
      super("rule syntax");
    }
  }
  function fail(at: number, expected: Expected): RuleParse {
    const where = at >= text.length ? msg("ruleSyntax.atEnd") : msg("ruleSyntax.atChar", { n: at + 1, near: text.slice(at, at + 12) });
    return { ok: false, message: localize(msg("ruleSyntax.cannotRead", { where, expected: msg(`ruleSyntax.${expected}`) })) };
  }
  const stop = (expected: Expected): never => {
    throw new Stop(fail(peek()?.at ?? text.length, expected));
  };
  const value = (): string => {
    const t = peek();
    if (t?.kind !== "value") return stop("anOption");
    k++;
    return t.text;
  };
  const values = (): string[] => {
    if (!isOp("(")) return [value()];
    k++;
    const out = [value()];
    while (isOp(",")) {
      k++;
      out.push(value());
    }
    if (!isOp(")")) stop("aClose");
    k++;
    return out;
  };
  const atom = (): Condition => {
    // selected(${Q}, '1') from XLSForm.
    if (peek()?.kind === "value" && peek()!.text === "selected" && tokens[k + 1]?.text === "(") {
      k += 2;
      const item = value();
      if (!isOp(",")) stop("aComma");
      k++;
      const option = value();
      if (!isOp(")")) stop("aClose");
      k++;
      return { item, in: [option] };
    }
    const t = peek();
    if (t?.kind !== "value" || !/^[A-Za-z][A-Za-z0-9_]*$/.test(t.text)) return stop("aQuestion");
    k++;
    const item = t.text;
    if (isOp("=")) {
      k++;
      return { item, in: values() };
    }
    if (isOp("!=")) {
      k++;
      return { not: { item, in: values() } };
    }
    if (isWord("not") && tokens[k + 1]?.text === "in") {
      k += 2;
      return { not: { item, in: values() } };
    }
    if (isWord("in")) {
      k++;
      return { item, in: values() };
    }
    if (isWord("answered")) {
      k++;
      return { item, answered: true };
    }
    if (isWord("blank")) {
      k++;
      return { item, answered: false };
    }
    return stop("anOperator");
  };
  const unary = (): Condition => {
    if (isWord("not")) {
      k++;
      return { not: unary() };
    }
    if (isOp("(")) {
      k++;
      const inner = or();
      if (!isOp(")")) stop("aClose");
      k++;
      return inner;
    }
    return atom();
  };
  const and = (): Condition => {
    const parts = [unary()];
    while (isWord("and")) {
      k++;
      parts.push(unary());
    }
    return parts.length === 1 ? parts[0] : { all: parts };
  };
  const or = (): Condition => {
    const parts = [and()];
    while (isWord("or")) {
      k++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0] : { any: parts };
  };
  try {
    if (tokens.length === 0) return fail(0, "aRule");
    const condition = or();
    if (k < tokens.length) stop("aJoin");
    return { ok: true, condition };
  } catch (e) {
    if (e instanceof Stop) return e.result;
    throw e;
  }
}
