import type { Definition, LocalizedText } from "../../domain/definition/schema";
import { bothLanguages } from "../../domain/definition/text";
import { groupingLabel } from "../../domain/results/describe";
import { groupingChoices } from "./indices.server";

/** The grouping choices of a round with their labels: none, own unit, unit levels, then profile questions. */
export function groupingOptions(definition: Definition, levels: readonly string[]): { value: string; label: LocalizedText }[] {
  const items = new Map(definition.sections.flatMap((s) => s.items).map((i) => [i.code, i.label]));
  return groupingChoices(definition, levels).map((value) => ({ value, label: groupingLabel(value, items.get(value) && bothLanguages(items.get(value)!)) }));
}
