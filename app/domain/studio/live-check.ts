/**
 * The check as you type: the editor form's current values applied to the draft (the same reading and the same
 * change the server makes on save) and the whole result run through the definition validator the server uses, so
 * the browser and a save can never disagree. Returns every problem of the draft as it would be saved, and those of
 * the edited section, question, node or details, to be shown beside their fields.
 */
import { parseDefinition } from "../definition/parse";
import { describePath } from "../definition/problems";
import { applyEdit, type FormLike, type Raw } from "./edit";
import { editFromForm } from "./form-edit";
import { placeProblem, problemsOfItem, type PlacedProblem } from "./places";

type Segment = string | number;
type Obj = Record<string, unknown>;
type Thing = { kind: PlacedProblem["kind"]; code: string };

export interface LiveCheck {
  /** Problems of the thing the form edits. */
  here: PlacedProblem[];
  /** Every problem of the draft as it would be saved now. */
  all: PlacedProblem[];
}

const obj = (x: unknown): Obj => (x && typeof x === "object" && !Array.isArray(x) ? (x as Obj) : {});
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? x.map(obj) : []);

/** Where the thing sits in the draft (the first one with its code), as a path; null when it is not there. */
export function pathOf(raw: Raw, thing: Thing): Segment[] | null {
  if (thing.kind === "meta") return [];
  const sections = arr(raw.sections);
  if (thing.kind === "section") {
    const s = sections.findIndex((x) => x.code === thing.code);
    return s < 0 ? null : ["sections", s];
  }
  if (thing.kind === "item") {
    for (const [s, section] of sections.entries()) {
      const i = arr(section.items).findIndex((x) => x.code === thing.code);
      if (i >= 0) return ["sections", s, "items", i];
    }
    return null;
  }
  const walk = (nodes: Obj[], prefix: Segment[]): Segment[] | null => {
    for (const [k, n] of nodes.entries()) {
      if (!("children" in n)) continue;
      const here = [...prefix, k];
      if (n.code === thing.code) return here;
      const inner = walk(arr(n.children), [...here, "children"]);
      if (inner) return inner;
    }
    return null;
  };
  return walk(arr(raw.indices), ["indices"]);
}

const startsWith = (path: readonly Segment[], prefix: readonly Segment[]) => prefix.every((seg, i) => path[i] === seg);

/** The saved thing's kind and code before the change (to find it) and after (a form may change the code). */
function editedThing(edit: ReturnType<typeof editFromForm>): { before: Thing; after: Thing } | null {
  if (!edit) return null;
  const e = edit.edit;
  switch (e.op) {
    case "saveMeta":
      return { before: { kind: "meta", code: "" }, after: { kind: "meta", code: "" } };
    case "saveSection":
      return { before: { kind: "section", code: e.code }, after: { kind: "section", code: e.fields.code } };
    case "saveItem":
      return { before: { kind: "item", code: e.code }, after: { kind: "item", code: e.fields.code } };
    case "saveNode":
      return { before: { kind: "node", code: e.code }, after: { kind: "node", code: e.fields.code } };
    default:
      return null;
  }
}

/** The problems of the draft with an editor form's values in it; null for a form that saves nothing (a tool). */
export function checkEditForm(raw: Raw, form: FormLike): LiveCheck | null {
  const read = editFromForm(form);
  const thing = editedThing(read);
  if (!read || !thing) return null;
  const at = pathOf(raw, thing.before);
  if (at === null) return null;
  const changed = applyEdit(raw, read.edit).raw;
  const parsed = parseDefinition(changed);
  const issues = parsed.ok ? [] : parsed.issues;
  const all = issues.map((i) => placeProblem(changed, i));
  const treeEntries = thing.after.kind === "item" ? problemsOfItem(all, thing.after.code).filter((p) => p.question !== undefined) : [];
  const here = all.filter((p, n) => {
    if (p.kind !== thing.after.kind) return false;
    if (p.kind === "meta") return true;
    if (p.code !== thing.after.code) return false;
    // Its own place, or the other holder of a code it now shares (the duplicate is reported on the later one).
    return startsWith(issues[n].at, at) || p.prop === "code";
  });
  here.push(...treeEntries);
  if (read.ruleProblem) {
    const rule = { kind: thing.after.kind, code: thing.after.code, prop: "showIf", where: describePath(changed, [...at, "showIf"]).where, message: read.ruleProblem };
    here.push(rule);
    all.push(rule);
  }
  return { here, all };
}
