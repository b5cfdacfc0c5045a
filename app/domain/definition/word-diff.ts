/**
 * Word-level difference between two texts, for "wording changed" with the changed words marked. Texts are compared
 * in NFC, so a text typed with combining accents (NFD, as some Excel files hold it) equals the same text composed.
 */
export type WordOp = "same" | "added" | "removed";
export interface WordPart {
  op: WordOp;
  text: string;
}

/** Words, runs of spaces and single punctuation marks: Vietnamese syllables are words here. */
function tokens(text: string): string[] {
  return text.normalize("NFC").match(/\s+|[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu) ?? [];
}

/** The parts of `after` and `before` in reading order: kept words, removed words, added words (longest common subsequence). */
export function wordDiff(before: string, after: string): WordPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // Common prefix and suffix first: most edits touch a few words of a long sentence.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const parts: WordPart[] = [];
  const push = (op: WordOp, text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  for (const t of a.slice(0, start)) push("same", t);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      push("same", midA[i]);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      push("removed", midA[i++]);
    } else {
      push("added", midB[j++]);
    }
  }
  for (const t of a.slice(endA)) push("same", t);
  return joinChanges(parts);
}

/** "[-Nơi-] [-ngồi-]" reads badly: a space kept between two changes joins them, and each change reads removed-then-added. */
function joinChanges(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) out.push({ op: "removed", text: removed });
    if (added) out.push({ op: "added", text: added });
    removed = added = "";
  };
  parts.forEach((p, k) => {
    const between = p.op === "same" && /^\s+$/.test(p.text) && (removed || added) && k + 1 < parts.length && parts[k + 1].op !== "same";
    if (p.op === "removed" || between) removed += p.text;
    if (p.op === "added" || between) added += p.text;
    if (p.op === "same" && !between) {
      flush();
      out.push(p);
    }
  });
  flush();
  return out;
}

export function sameText(a: string | undefined, b: string | undefined): boolean {
  return (a ?? "").normalize("NFC") === (b ?? "").normalize("NFC");
}
