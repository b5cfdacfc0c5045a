/**
 * Where in the editor a validator problem belongs: the questionnaire's details, a section, a question or an index
 * node (by code), and the field of its form (the first property under it: "label", "options", "showIf", …). Read
 * from the problem's path, which the validator keeps for this and never shows.
 */
import type { DefinitionIssue } from "../definition/parse";
import type { LocalizedText } from "../definition/schema";

export interface PlacedProblem {
  kind: "meta" | "section" | "item" | "node";
  code: string;
  prop: string;
  /** For a problem of an index tree's entry for a question: that question's code (shown beside it too). */
  question?: string;
  where: LocalizedText;
  message: LocalizedText;
}

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x && typeof x === "object" && !Array.isArray(x) ? (x as Obj) : {});
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

export function placeProblem(raw: unknown, issue: Pick<DefinitionIssue, "at" | "where" | "message">): PlacedProblem {
  const at = issue.at;
  const base = { where: issue.where, message: issue.message };
  const root = obj(raw);
  if (at[0] === "sections" && typeof at[1] === "number") {
    const section = obj(arr(root.sections)[at[1]]);
    if (at[2] === "items" && typeof at[3] === "number") {
      const item = obj(arr(section.items)[at[3]]);
      return { kind: "item", code: String(item.code ?? ""), prop: typeof at[4] === "string" ? at[4] : "", ...base };
    }
    return { kind: "section", code: String(section.code ?? ""), prop: typeof at[2] === "string" ? at[2] : "", ...base };
  }
  if (at[0] === "indices" && typeof at[1] === "number") {
    let node = obj(arr(root.indices)[at[1]]);
    let i = 2;
    let question: string | undefined;
    while (at[i] === "children" && typeof at[i + 1] === "number") {
      const child = obj(arr(node.children)[at[i + 1] as number]);
      if (!("children" in child)) {
        if (typeof child.item === "string") question = child.item;
        break;
      }
      node = child;
      i += 2;
    }
    const placed: PlacedProblem = { kind: "node", code: String(node.code ?? ""), prop: typeof at[i] === "string" ? String(at[i]) : "", ...base };
    return question === undefined ? placed : { ...placed, question };
  }
  return { kind: "meta", code: "", prop: typeof at[0] === "string" ? at[0] : "", ...base };
}

/**
 * The problems to show with a question: its own, and those of the index trees' entries for it (a question without
 * positive answers used by a tree, or used twice) beside its positive answers, where it is fixed.
 */
export function problemsOfItem(problems: readonly PlacedProblem[], code: string): PlacedProblem[] {
  return problems.flatMap((p) => {
    if (p.kind === "item" && p.code === code) return [p];
    if (p.question === code) return [{ ...p, kind: "item" as const, code, prop: "positive" }];
    return [];
  });
}
