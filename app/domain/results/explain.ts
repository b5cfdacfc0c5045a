/**
 * "How these figures are computed", in plain words, made from the round's own definition: what counts as satisfied
 * for each kind of question, how questions make components, components domains and domains the index (the tree's
 * real rules), the weights, the 95% interval; and the caution marks on figures that rest on few answers or have a
 * very wide interval. Pure: the results page renders it.
 */
import type { Definition, IndexKind, IndexNode, Item, Locale } from "../definition/schema";
import { isLeaf } from "../definition/schema";
import { textIn } from "../definition/text";
import { msg, render, type Message } from "../messages";
import { formatNumber, formatTimestamp } from "./format";

import { FEW_RESPONDENTS, WIDE_INTERVAL_POINTS } from "./caution";
export { cautionOf, cautionWords, FEW_RESPONDENTS, WIDE_INTERVAL_POINTS, type Caution } from "./caution";

/** How the weights the figures use came about. */
export type Weighting = { kind: "adjusted"; at: string } | { kind: "design" } | { kind: "imported" };

export interface ExplainOptions {
  weighted: boolean;
  multiUnit: "pooled" | "meanOfUnits";
  interval: "wald" | "logit";
  grouped: boolean;
  weighting: Weighting;
}

export interface ExplainSection {
  title: string;
  points: string[];
}

const KIND_WORDS: Partial<Record<Item["type"], Message>> = {
  satisfaction5: msg("explain.kindSatisfaction5"),
  level3: msg("explain.kindLevel3"),
  yesno: msg("explain.kindYesno"),
  single: msg("explain.kindSingle"),
};

const MEANING: Record<IndexKind, Message> = {
  satisfaction: msg("explain.meaningSatisfied"),
  assessment: msg("explain.meaningPositive"),
  expectation: msg("explain.meaningPriority"),
};

const quote = (s: string) => `“${s}”`;

function leavesOf(node: IndexNode): string[] {
  return node.children.flatMap((c) => (isLeaf(c) ? [c.item] : leavesOf(c)));
}

/** One sentence per kind of question and positive set: which answers count. */
function satisfiedPoints(def: Definition, locale: Locale): string[] {
  const items = new Map(def.sections.flatMap((s) => s.items).map((i) => [i.code, i]));
  const groups = new Map<string, { item: Item; kind: IndexKind; count: number }>();
  for (const tree of def.indices) {
    for (const code of new Set(leavesOf(tree))) {
      const item = items.get(code);
      if (!item) continue;
      const key = JSON.stringify([tree.kind, item.type, (item.options ?? []).map((o) => [o.code, o.label.vi]), item.positive ?? []]);
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { item, kind: tree.kind, count: 1 });
    }
  }
  const or = ` ${render(msg("explain.orWord"), locale)} `;
  const points: string[] = [];
  const missing = new Set<string>();
  for (const { item, kind, count } of groups.values()) {
    const options = item.options ?? [];
    const positive = options.filter((o) => (item.positive ?? []).includes(o.code)).map((o) => quote(textIn(o.label, locale)));
    for (const o of options) if (o.missing) missing.add(quote(textIn(o.label, locale)));
    points.push(
      render(
        msg("explain.positiveRule", {
          kind: KIND_WORDS[item.type] ?? msg("explain.kindOther"),
          count,
          scale: options.filter((o) => !o.missing).map((o) => textIn(o.label, locale)).join(", "),
          positive: positive.join(or),
          meaning: MEANING[kind],
        }),
        locale,
      ),
    );
  }
  points.push(render(missing.size ? msg("explain.notCounted", { missing: [...missing].join(", ") }) : msg("explain.notCountedBlank"), locale));
  return points;
}

/** One sentence per node of a tree, from the root down: its rule in words and its parts. */
function treePoints(def: Definition, tree: IndexNode, locale: Locale): string[] {
  const items = new Map(def.sections.flatMap((s) => s.items).map((i) => [i.code, i]));
  const points: string[] = [];
  const weight = (w: number | undefined) => formatNumber(w ?? 1, Number.isInteger(w ?? 1) ? 0 : 2, locale);
  const walk = (node: IndexNode) => {
    const name = textIn(node.label, locale);
    const nodes = node.children.filter((c): c is IndexNode => !isLeaf(c));
    const leaves = node.children.length - nodes.length;
    const count = node.children.length;
    let text: Message;
    if (node.rule === "item") {
      const item = node.item ? items.get(node.item) : undefined;
      text = msg("explain.ruleItem", { name, item: item ? textIn(item.label, locale) : (node.item ?? "") });
    } else if (node.rule === "pooled") {
      text = msg("explain.rulePooled", { name, count: leavesOf(node).length });
    } else if (nodes.length === 0) {
      text =
        node.rule === "weighted"
          ? msg("explain.ruleWeightedItems", { name, count: leaves, weights: (node.weights ?? []).map((w) => weight(w)).join(", ") })
          : msg("explain.ruleMeanItems", { name, count: leaves });
    } else {
      const parts: string[] = node.children.map((c, i) => {
        const part = isLeaf(c) ? quote(items.get(c.item) ? textIn(items.get(c.item)!.label, locale) : c.item) : textIn(c.label, locale);
        return node.rule === "weighted" ? render(msg("explain.partWeight", { part, weight: weight(node.weights?.[i]) }), locale) : part;
      });
      text = msg(node.rule === "weighted" ? "explain.ruleWeighted" : "explain.ruleMean", { name, count, parts: parts.join("; ") });
    }
    points.push(render(text, locale));
    for (const child of nodes) walk(child);
  };
  walk(tree);
  return points;
}

function weightsPoints(o: ExplainOptions, locale: Locale): string[] {
  const first: Message = !o.weighted
    ? msg("explain.unweighted")
    : o.weighting.kind === "adjusted"
      ? msg("explain.weightedAdjusted", { time: formatTimestamp(o.weighting.at, locale) })
      : o.weighting.kind === "design"
        ? msg("explain.weightedDesign")
        : msg("explain.weightedImported");
  return [render(first, locale), render(msg(o.multiUnit === "meanOfUnits" ? "explain.meanOfUnits" : "explain.pooled"), locale)];
}

/** The whole explanation, section by section. */
export function explainComputation(def: Definition, o: ExplainOptions, locale: Locale): ExplainSection[] {
  const sections: ExplainSection[] = [{ title: render(msg("explain.satisfiedTitle"), locale), points: satisfiedPoints(def, locale) }];
  for (const tree of def.indices) {
    const points = treePoints(def, tree, locale);
    if (tree.rule !== "item" && tree.rule !== "pooled") points.push(render(msg("explain.emptyParts"), locale));
    sections.push({ title: render(msg("explain.treeTitle", { name: textIn(tree.label, locale) }), locale), points });
  }
  sections.push({ title: render(msg("explain.weightsTitle"), locale), points: weightsPoints(o, locale) });
  sections.push({
    title: render(msg("explain.intervalTitle"), locale),
    points: [render(msg("explain.interval"), locale), ...(o.interval === "logit" ? [render(msg("explain.intervalLogit"), locale)] : [])],
  });
  sections.push({
    title: render(msg("explain.cautionTitle"), locale),
    points: [
      render(msg("explain.cautionFew", { min: FEW_RESPONDENTS }), locale),
      render(msg("explain.cautionWide", { width: WIDE_INTERVAL_POINTS }), locale),
      ...(o.grouped ? [render(msg("explain.groupsRule"), locale)] : []),
    ],
  });
  return sections;
}
