/**
 * Why a row of a comparison is not the same measure in both rounds, in the reader's language: the engine's reasons
 * (app/domain/indices/compare.ts) are data; their words are the catalogue's `comparability` area. Used by loaders
 * and the CLI, never in a browser bundle (it renders nested messages, so it needs the whole catalogue).
 */
import type { Locale, LocalizedText } from "../definition/schema";
import type { ComparabilityReason, RuleRef } from "../indices/compare";
import { fill, msg, render, type MessageLike } from "../messages";
import { results } from "../messages/areas/results";
import { resultsStatement as t } from "../messages/areas/results-statement";

const RULE_KEYS = { mean: "comparability.ruleMean", weighted: "comparability.ruleWeighted", pooled: "comparability.rulePooled" } as const;

function ruleMessage(r: RuleRef): MessageLike {
  return r.rule === "item" ? msg("comparability.ruleItem", { item: r.item ?? "" }) : msg(RULE_KEYS[r.rule]);
}

const KIND_KEYS = { satisfaction: "studioPages.kindSatisfaction", assessment: "studioPages.kindAssessment", expectation: "studioPages.kindExpectation" } as const;

/**
 * Why a row of a comparison is not the same measure in both rounds, in the reader's language. With `labels`,
 * questions are named by their text ("thêm “…”; bỏ “…”"), not their codes. A long list keeps its first `maxCodes`
 * questions and says how many more there are.
 */
export function reasonText(reason: ComparabilityReason, locale: Locale, maxCodes = Infinity, labels?: Readonly<Record<string, LocalizedText>>): string {
  const named = (code: string) => (labels?.[code] ? `“${labels[code][locale]}”` : code);
  switch (reason.kind) {
    case "onlyIn":
      return render(msg("comparability.onlyIn", { version: reason.version }), locale);
    case "kindChanged":
      return render(msg("comparability.kindChanged", { from: msg(KIND_KEYS[reason.from]), to: msg(KIND_KEYS[reason.to]) }), locale);
    case "ruleChanged":
      return render(msg("comparability.ruleChanged", { from: ruleMessage(reason.from), to: ruleMessage(reason.to) }), locale);
    case "weightsChanged":
      return render(msg("comparability.weightsChanged"), locale);
    case "positiveChanged":
      return render(msg("comparability.positiveChanged", { item: named(reason.item), from: reason.from.join(","), to: reason.to.join(",") }), locale);
    case "optionsChanged":
      return render(msg("comparability.optionsChanged", { item: named(reason.item) }), locale);
    case "itemsChanged": {
      const changes = [...reason.added.map((code) => ({ code, added: true })), ...reason.removed.map((code) => ({ code, added: false }))];
      const shown = changes.slice(0, maxCodes);
      const more = changes.length - shown.length;
      const andMore = more ? ` ${fill(results.andMore, { more }, locale)}` : "";
      if (labels) {
        const list = shown.map((c) => fill(c.added ? t.added : t.removed, { question: named(c.code) }, locale)).join("; ");
        return `${fill(t.questionsChanged, { changes: list }, locale)}${andMore}`;
      }
      const list = shown.map((c) => `${c.added ? "+" : "−"}${c.code}`).join(" ") + (more ? " …" : "");
      return `${render(msg("comparability.itemsChanged", { changes: list }), locale)}${andMore}`;
    }
  }
}
