/**
 * The editor's warnings about kept codes (a code is the question's identity across versions): a question that keeps
 * its code but changes its type or the meaning of its options. The same words as the comparison's warnings
 * (definition/diff.ts), read from the content as written so that a draft with problems is warned about too.
 */
import type { LocalizedText } from "../definition/schema";
import { localize, msg } from "../messages";
import { outlineOf } from "./outline";

export interface CodeWarning {
  code: string;
  message: LocalizedText;
}

export function keptCodeWarnings(base: unknown, draft: unknown): CodeWarning[] {
  const before = new Map(outlineOf(base).sections.flatMap((s) => s.items).map((i) => [i.code, i]));
  const out: CodeWarning[] = [];
  for (const item of outlineOf(draft).sections.flatMap((s) => s.items)) {
    const old = before.get(item.code);
    if (!old) continue;
    if (old.type !== item.type) {
      out.push({ code: item.code, message: localize(msg("definitionDiff.keptTypeChanged", { code: item.code, before: old.type, after: item.type })) });
      continue;
    }
    const a = old.options.map((o) => o.code).sort().join("\u0000");
    const b = item.options.map((o) => o.code).sort().join("\u0000");
    if (a !== b) out.push({ code: item.code, message: localize(msg("definitionDiff.keptOptionsChanged", { code: item.code })) });
    else if (old.options.some((o) => item.options.find((n) => n.code === o.code)?.label.vi.trim() !== o.label.vi.trim())) {
      out.push({ code: item.code, message: localize(msg("definitionDiff.keptOptionsReworded", { code: item.code })) });
    }
  }
  return out;
}
