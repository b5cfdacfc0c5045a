/**
 * Reading stored answers (`JSON.stringify` of an item-code → answer object) without building an object:
 * the position of each item's raw JSON token (`"4"`, `["1","3"]`, `12.5`, `"text with \n"`) is noted by
 * item. An export of a million responses then allocates almost nothing per answer, where JSON.parse built an
 * object of 80 properties per row (with its garbage, two thirds of the export's time).
 * Anything unexpected makes `scan` return false, and the caller parses with JSON.parse instead.
 */
import type { Answers, AnswerValue } from "../definition/conditions";

export interface AnswersScanner {
  /** Token of item k is `json.slice(start[k], end[k])`; start[k] = -1 when absent. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Scans one answers text; false when it is not the expected shape. */
  scan(json: string): boolean;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const CLOSE = 125;

export function createAnswersScanner(codes: readonly string[]): AnswersScanner {
  const K = codes.length;
  const size = 1 << Math.max(8, Math.ceil(Math.log2(K * 4)));
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const hashOf = (s: string, from: number, to: number) => {
    let h = 0;
    for (let i = from; i < to; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    return h;
  };
  codes.forEach((code, k) => {
    let p = hashOf(code, 0, code.length) & mask;
    while (slots[p] !== -1) p = (p + 1) & mask;
    slots[p] = k;
  });
  // The codes' characters in one array, for comparing a key without a call per key.
  const lengths = Int32Array.from(codes, (c) => c.length);
  const offsets = new Int32Array(K);
  for (let k = 1; k < K; k++) offsets[k] = offsets[k - 1] + lengths[k - 1];
  const chars = Uint16Array.from(codes.join(""), (c) => c.charCodeAt(0));
  const start = new Int32Array(K);
  const end = new Int32Array(K);

  /** Item of the last key read (-1: not an item of the definition). */
  let found = -1;
  /**
   * Reads the key starting at `i` (after its quote); returns its closing quote, or -1. Answers come in
   * questionnaire order, so the item after the previous one is tried first.
   */
  function keyAt(s: string, i: number, guess: number): number {
    if (guess < K) {
      const n = lengths[guess];
      if (s.charCodeAt(i + n) === QUOTE) {
        const off = offsets[guess];
        let j = 0;
        while (j < n && s.charCodeAt(i + j) === chars[off + j]) j++;
        if (j === n) {
          found = guess;
          return i + n;
        }
      }
    }
    let h = 0;
    let j = i;
    for (let c = s.charCodeAt(j); c !== QUOTE; c = s.charCodeAt(++j)) {
      if (c === BACKSLASH || Number.isNaN(c)) return -1;
      h = (Math.imul(h, 31) + c) | 0;
    }
    found = -1;
    for (let p = h & mask; slots[p] !== -1; p = (p + 1) & mask) {
      const code = codes[slots[p]];
      if (code.length === j - i && s.startsWith(code, i)) {
        found = slots[p];
        break;
      }
    }
    return j;
  }

  function scan(s: string): boolean {
    start.fill(-1);
    const n = s.length;
    if (s.charCodeAt(0) !== 123) return false;
    if (s.charCodeAt(1) === CLOSE) return n === 2;
    let i = 1;
    let guess = 0;
    for (;;) {
      if (s.charCodeAt(i) !== QUOTE) return false;
      const close = keyAt(s, i + 1, guess);
      if (close < 0) return false;
      const k = found;
      i = close + 1;
      if (s.charCodeAt(i) !== COLON) return false;
      const from = ++i;
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        for (i++; ; i++) {
          const d = s.charCodeAt(i);
          if (d === QUOTE) break;
          if (d === BACKSLASH) i++;
          if (i >= n) return false;
        }
        i++;
      } else if (c === 91) {
        // Arrays hold option codes, which never contain ']' or characters needing escapes.
        i = s.indexOf("]", i);
        if (i < 0) return false;
        i++;
      } else {
        while (i < n && s.charCodeAt(i) !== COMMA && s.charCodeAt(i) !== CLOSE) i++;
      }
      if (k !== -1) {
        start[k] = from;
        end[k] = i;
        guess = k + 1;
      }
      const next = s.charCodeAt(i);
      if (next === CLOSE) return i === n - 1;
      if (next !== COMMA) return false;
      i++;
    }
  }

  return { start, end, scan };
}

/**
 * Stored answers as objects for the index engine, about twice as fast as JSON.parse: every object has the
 * same shape (one property per item, in questionnaire order; undefined when unanswered), made by one
 * constructor, and one-character answers ("1"…"5") are shared strings. Keys that are not items of the
 * definition are dropped; text of another shape is parsed by JSON.parse.
 */
export function createAnswersDecoder(codes: readonly string[]): (json: string) => Answers {
  const scanner = createAnswersScanner(codes);
  const { start, end } = scanner;
  const K = codes.length;
  const values: (AnswerValue | undefined)[] = new Array(K).fill(undefined);
  const chars = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
  // A constructor with one assignment per item gives every object the same hidden class (fast lookups).
  const Shape = new Function("v", codes.map((code, k) => `this[${JSON.stringify(code)}] = v[${k}];`).join("\n")) as unknown as new (
    v: (AnswerValue | undefined)[],
  ) => Answers;
  return (json) => {
    if (!scanner.scan(json)) return JSON.parse(json) as Answers;
    for (let k = 0; k < K; k++) {
      const from = start[k];
      if (from < 0) {
        values[k] = undefined;
        continue;
      }
      const to = end[k];
      if (to - from === 3 && json.charCodeAt(from) === QUOTE) {
        const c = json.charCodeAt(from + 1);
        if (c < 128 && c !== BACKSLASH) {
          values[k] = chars[c];
          continue;
        }
      }
      values[k] = JSON.parse(json.slice(from, to)) as AnswerValue;
    }
    return new Shape(values);
  };
}
