/**
 * Compiles a definition's index trees into flat arrays the accumulator can use without allocating:
 * items numbered 0..K-1 with an option -> (missing | valid | positive) lookup, nodes in evaluation order.
 */
import type { Definition, IndexKind, IndexNode, Item, LocalizedText, AggregationRule } from "../definition/schema";
import { bothLanguages } from "../definition/text";
import { isLeaf } from "../definition/schema";

/** Answer status of one item in one response. */
export const MISSING = 0;
export const VALID = 1;
export const POSITIVE = 2;

export interface PlanItem {
  code: string;
  label: LocalizedText;
  /** Option code -> VALID or POSITIVE; codes not listed (blank, unknown, `missing: true` options) are missing. */
  status: Map<string, number>;
  positive: string[];
}

export type PlanChild = { item: number } | { node: number };

export interface PlanNode {
  code: string;
  label: LocalizedText;
  rule: AggregationRule;
  children: PlanChild[];
  /** One weight per child: the node's `weights` for rule weighted, 1 for mean. */
  weights: number[];
  /** Rule item: the chosen item. */
  item?: number;
  /** Every item below the node (what a pooled node pools). */
  leaves: number[];
  /** The items whose answers enter the estimate (rule item: the chosen one; children with weight 0 are out). */
  estimateLeaves: number[];
}

export interface PlanRow {
  tree: string;
  kind: IndexKind;
  code: string;
  type: "node" | "item";
  label: LocalizedText;
  depth: number;
  parent: string | null;
  rule?: AggregationRule;
  /** Index into items (type item) or nodes (type node). */
  ref: number;
}

export interface IndexPlan {
  items: PlanItem[];
  /** Nodes with every child node before its parent (evaluation order). */
  nodes: PlanNode[];
  /** Table rows: each tree in pre-order, a node followed by its children. */
  rows: PlanRow[];
}

function optionsOf(def: Definition, item: Item) {
  if (item.options) return item.options;
  if (item.scale && def.scales[item.scale]) return def.scales[item.scale];
  return [];
}

/** Builds the plan. Throws when a tree names an item that is not in the definition or has no positive set. */
export function compilePlan(def: Definition): IndexPlan {
  const byCode = new Map<string, Item>();
  for (const section of def.sections) for (const item of section.items) byCode.set(item.code, item);

  const items: PlanItem[] = [];
  const itemIndex = new Map<string, number>();
  const nodes: PlanNode[] = [];
  const rows: PlanRow[] = [];

  function itemRef(code: string): number {
    const known = itemIndex.get(code);
    if (known !== undefined) return known;
    const item = byCode.get(code);
    if (!item) throw new Error(`index tree names unknown item "${code}"`);
    if (!item.positive?.length) throw new Error(`item "${code}" feeds an index but has no positive option set`);
    const positive = new Set(item.positive);
    const status = new Map<string, number>();
    for (const option of optionsOf(def, item)) {
      if (option.missing) continue;
      status.set(option.code, positive.has(option.code) ? POSITIVE : VALID);
    }
    itemIndex.set(code, items.length);
    items.push({ code, label: bothLanguages(item.label), status, positive: [...item.positive] });
    return items.length - 1;
  }

  function compileNode(node: IndexNode, tree: string, kind: IndexKind, depth: number, parent: string | null): number {
    rows.push({ tree, kind, code: node.code, type: "node", label: bothLanguages(node.label), depth, parent, rule: node.rule, ref: -1 });
    const row = rows[rows.length - 1];
    const children: PlanChild[] = [];
    for (const child of node.children) {
      if (isLeaf(child)) {
        const k = itemRef(child.item);
        rows.push({ tree, kind, code: child.item, type: "item", label: items[k].label, depth: depth + 1, parent: node.code, ref: k });
        children.push({ item: k });
      } else {
        children.push({ node: compileNode(child, tree, kind, depth + 1, node.code) });
      }
    }
    const weights = node.rule === "weighted" && node.weights ? [...node.weights] : children.map(() => 1);
    if (weights.length !== children.length) throw new Error(`node "${node.code}": ${weights.length} weights for ${children.length} children`);
    const leavesOf = (c: PlanChild) => ("item" in c ? [c.item] : nodes[c.node].leaves);
    const estimateLeavesOf = (c: PlanChild) => ("item" in c ? [c.item] : nodes[c.node].estimateLeaves);
    const leaves = unique(children.flatMap(leavesOf));
    let item: number | undefined;
    let estimateLeaves: number[];
    if (node.rule === "item") {
      if (!node.item) throw new Error(`node "${node.code}" has rule item but names no item`);
      item = itemRef(node.item);
      estimateLeaves = [item];
    } else if (node.rule === "pooled") {
      estimateLeaves = leaves;
    } else {
      estimateLeaves = unique(children.filter((_, i) => weights[i] > 0).flatMap(estimateLeavesOf));
    }
    nodes.push({ code: node.code, label: bothLanguages(node.label), rule: node.rule, children, weights, item, leaves, estimateLeaves });
    row.ref = nodes.length - 1;
    return nodes.length - 1;
  }

  for (const tree of def.indices) compileNode(tree, tree.code, tree.kind, 0, null);
  return { items, nodes, rows };
}

function unique(list: number[]): number[] {
  return [...new Set(list)].sort((a, b) => a - b);
}
