/**
 * The SIPAS index engine: shares of positive answers per item and their aggregation up the definition's
 * trees, with design-based standard errors (Taylor linearisation), confidence intervals and design effects,
 * in one streaming pass. The method: /work/shared/sipas-method.md §4; decisions: docs/decisions/010-index-engine.md.
 */
import type { Definition, IndexKind } from "../definition/schema";
import { createIndexAccumulator } from "./accumulator";
import type { GroupEstimates, IndexOptions, IndexResult, NodeEstimate, ResponseRecord } from "./types";

export { createIndexAccumulator } from "./accumulator";
export { compareRounds } from "./compare";
export type { RoundComparison, NodeComparison, CompareOptions } from "./compare";
export * from "./types";

/** Every index of a definition over the given responses, in one pass. */
export function computeIndices(definition: Definition, records: Iterable<ResponseRecord>, options: IndexOptions = {}): IndexResult {
  const acc = createIndexAccumulator(definition, options);
  acc.addBatch(records);
  return acc.finish();
}

/** The same over a stream of responses or batches of responses (e.g. pages read from the database). */
export async function computeIndicesFromStream(
  definition: Definition,
  source: AsyncIterable<ResponseRecord | readonly ResponseRecord[]>,
  options: IndexOptions = {},
): Promise<IndexResult> {
  const acc = createIndexAccumulator(definition, options);
  for await (const chunk of source) {
    if (Array.isArray(chunk)) acc.addBatch(chunk as readonly ResponseRecord[]);
    else acc.add(chunk as ResponseRecord);
  }
  return acc.finish();
}

/** A group's rows split into the satisfaction, assessment and expectation tables. */
export function tablesByKind(group: GroupEstimates): Record<IndexKind, NodeEstimate[]> {
  const tables: Record<IndexKind, NodeEstimate[]> = { satisfaction: [], assessment: [], expectation: [] };
  for (const row of group.nodes) tables[row.kind].push(row);
  return tables;
}

/** One row of a result: group key (null = whole round) and node or item code (first match; pass the tree for items shared by trees). */
export function findEstimate(result: IndexResult, group: string | null, code: string, tree?: string): NodeEstimate | undefined {
  return result.groups.find((g) => g.key === group)?.nodes.find((n) => n.code === code && (tree === undefined || n.tree === tree));
}
