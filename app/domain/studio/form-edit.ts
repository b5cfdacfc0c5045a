/**
 * An editor form as a change to the draft: the server's action and the browser's check as you type read a posted
 * form with this one function, so the two can never read it differently.
 */
import type { LocalizedText } from "../definition/schema";
import { readItemFields, readMetaFields, readNodeFields, readRule, readSectionFields, type Edit, type FormLike, type ItemFields } from "./edit";

export interface FormEdit {
  edit: Edit;
  /** The skip rule written as text did not parse: the edit leaves the rule out, and this says why. */
  ruleProblem?: LocalizedText;
}

/** `3:-1` (move the 4th option up) from the option's move button, or null. */
export function readOptionMove(value: unknown): { index: number; by: -1 | 1 } | null {
  const m = typeof value === "string" ? /^(\d{1,4}):(-1|1)$/.exec(value) : null;
  return m ? { index: Number(m[1]), by: m[2] === "-1" ? -1 : 1 } : null;
}

/**
 * The question's own options with one moved a place up or down (a move past either end, or of a blank row, changes
 * nothing). The "missing" flag travels with its option because it is read into the row.
 */
export function moveOption(fields: ItemFields, index: number, by: -1 | 1): ItemFields {
  const filled = fields.options.filter((o) => o.code.trim() || o.vi.trim()).length;
  const to = index + by;
  if (index >= filled || to < 0 || to >= filled) return fields;
  const options = [...fields.options];
  [options[index], options[to]] = [options[to], options[index]];
  return { ...fields, options };
}

export function editFromForm(form: FormLike): FormEdit | null {
  const intent = String(form.get("intent") ?? "");
  const target = String(form.get("target") ?? "");
  const by = form.get("by") === "-1" ? -1 : 1;
  const plain = (edit: Edit): FormEdit => ({ edit });
  switch (intent) {
    case "addSection":
      return plain({ op: "addSection" });
    case "moveSection":
      return plain({ op: "moveSection", code: target, by });
    case "removeSection":
      return plain({ op: "removeSection", code: target });
    case "addItem":
      return plain({ op: "addItem", section: target });
    case "duplicateItem":
      return plain({ op: "duplicateItem", code: target });
    case "moveItem":
      return plain({ op: "moveItem", code: target, by });
    case "moveItemTo":
      return plain({ op: "moveItemTo", code: target, section: String(form.get("section") ?? "") });
    case "removeItem":
      return plain({ op: "removeItem", code: target });
    case "addTree":
      return plain({ op: "addTree" });
    case "addNode":
      return plain({ op: "addNode", parent: target });
    case "addLeaf":
      return plain({ op: "addLeaf", parent: target, item: String(form.get("item") ?? "") });
    case "removeNode":
      return plain({ op: "removeNode", code: target });
    case "saveNode":
      return plain({ op: "saveNode", code: target, fields: readNodeFields(form) });
    case "saveMeta":
      return plain({ op: "saveMeta", fields: readMetaFields(form) });
    case "saveSection":
    case "saveItem": {
      const rule = readRule(form);
      const showIf = rule.ok ? rule.showIf : undefined;
      const ruleProblem = rule.ok ? undefined : rule.message;
      if (intent === "saveSection") return { edit: { op: "saveSection", code: target, fields: readSectionFields(form, showIf) }, ruleProblem };
      let fields = readItemFields(form, showIf);
      const move = readOptionMove(form.get("option_move"));
      if (move) fields = moveOption(fields, move.index, move.by);
      return { edit: { op: "saveItem", code: target, fields }, ruleProblem };
    }
  }
  return null;
}
