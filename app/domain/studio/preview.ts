/**
 * The studio's preview of a questionnaire: the citizen's pages with their skip logic and checks, but nothing stored —
 * the answers so far travel with the page (in its address and a hidden field). The same domain functions as the
 * citizen's form (citizen/form.server.ts) decide what is valid and where the next page is.
 */
import { mergePageAnswers } from "../answers/merge";
import { neighbourPage, visiblePages } from "../answers/pages";
import { overlayPage, validateAnswers, type AnswerErrors, type RawAnswers } from "../answers/validate";
import type { Answers } from "../definition/conditions";
import type { Definition } from "../definition/schema";

/** Answers read back from the page: only item codes, and only text, lists of text or numbers. */
export function readPreviewAnswers(def: Definition, json: string | null): Answers {
  if (!json) return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const codes = new Set(def.sections.flatMap((s) => s.items.map((i) => i.code)));
  const out: Answers = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!codes.has(k)) continue;
    if (typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[k] = v as string[];
  }
  return out;
}

export type PreviewStep = { ok: false; errors: AnswerErrors; answers: Answers } | { ok: true; answers: Answers; page: string | null };

/** One press of a page's button: the page checked as the citizen's form checks it, and the page to show next (null: the end). */
export function previewStep(def: Definition, previous: Answers, raw: RawAnswers, page: string, intent: string): PreviewStep {
  const combined = overlayPage(def, previous as RawAnswers, raw, [page]);
  const checked = validateAnswers(def, combined, { sections: [page], requireAnswers: intent === "next" || intent === "submit" });
  const answers = mergePageAnswers(def, previous, checked.answers, [page]);
  if (Object.keys(checked.errors).length) return { ok: false, errors: checked.errors, answers };
  const pages = visiblePages(def, answers);
  if (intent === "submit") return { ok: true, answers, page: null };
  if (intent === "next") return { ok: true, answers, page: neighbourPage(pages, page, 1) ?? null };
  if (intent === "back") return { ok: true, answers, page: neighbourPage(pages, page, -1) ?? page };
  return { ok: true, answers, page };
}
