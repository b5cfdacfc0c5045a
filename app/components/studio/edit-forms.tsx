import { Form, Link } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { AGGREGATION_RULES, CHOICE_TYPES, INDEX_KINDS, ITEM_TYPES, type ItemType, type Locale, type LocalizedText } from "../../domain/definition/schema";
import { fill } from "../../domain/messages";
import { studioPages as w } from "../../domain/messages/areas/studio-pages";
import type { RuleForm } from "../../domain/studio/edit";
import { kindWord, ruleWord, typeWord } from "./words";

type Obj = Record<string, unknown>;
type Text = { vi?: string; en?: string } | undefined;
/** Problems of the edited thing by the property they concern ("label", "options", "showIf", …; "" for the rest). */
export type FieldProblems = Record<string, LocalizedText[]>;

export interface FormBase {
  csrf: string;
  revision: number;
  locale: Locale;
  problems: FieldProblems;
  /** Where "close" goes (the draft's page without the form). */
  closeHref: string;
  /** Problems left in the whole draft (as saved, or as it would be saved with the form's values once checked). */
  total?: number;
  /** The check as you type (with JavaScript): soon after typing, and at once when a field is left. */
  check?: { soon: (form: HTMLFormElement) => void; now: (form: HTMLFormElement) => void };
}

/** The events of an editor form that run the check as you type. */
function checking(base: FormBase) {
  const c = base.check;
  if (!c) return {};
  return {
    onInput: (e: { currentTarget: HTMLFormElement }) => c.soon(e.currentTarget),
    onBlur: (e: { currentTarget: HTMLFormElement }) => c.now(e.currentTarget),
  };
}

function Hidden({ base, intent, target }: { base: FormBase; intent: string; target?: string }) {
  return (
    <>
      <input type="hidden" name="csrf" value={base.csrf} />
      <input type="hidden" name="revision" value={base.revision} />
      <input type="hidden" name="intent" value={intent} />
      {target !== undefined && <input type="hidden" name="target" value={target} />}
    </>
  );
}

export function Problems({ list, locale, id }: { list?: LocalizedText[]; locale: Locale; id?: string }) {
  if (!list?.length) return null;
  return (
    <div id={id}>
      {list.map((p, i) => (
        <p key={i} className="field-problem">
          ⚠ {p[locale]}
        </p>
      ))}
    </div>
  );
}

/** What links a field to the problems shown under it (`id`), so a screen reader says them with the field. */
function describedBy(id: string, list?: LocalizedText[]) {
  return list?.length ? { "aria-invalid": true, "aria-describedby": id } : {};
}

/** A text input with its label and the problems about it; `aria-invalid` and `aria-describedby` when there are some. */
function TextField({ id, name, label, value, problems, locale, area, hint }: { id: string; name: string; label: string; value?: string; problems?: LocalizedText[]; locale: Locale; area?: boolean; hint?: string }) {
  const bad = !!problems?.length;
  const describedBy = [hint ? `${id}-hint` : "", bad ? `${id}-problems` : ""].filter(Boolean).join(" ") || undefined;
  const common = { id, name, defaultValue: value ?? "", "aria-invalid": bad || undefined, "aria-describedby": describedBy };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {area ? <textarea rows={3} {...common} /> : <input type="text" autoComplete="off" {...common} />}
      <Problems list={problems} locale={locale} id={`${id}-problems`} />
    </>
  );
}

function Buttons({ base }: { base: FormBase }) {
  return (
    <>
    {base.total !== undefined && (
      <p className={base.total ? "live-count bad" : "live-count"} aria-live="polite" data-live-count="">
        {base.total ? fill(w.problemsLeft, { n: base.total }, base.locale) : w.noProblemsLeft[base.locale]}
      </p>
    )}
    <p className="studio-actions">
      <button type="submit" className="button primary">
        {w.save[base.locale]}
      </button>
      <Link to={base.closeHref} className="button link">
        {w.cancel[base.locale]}
      </Link>
    </p>
    </>
  );
}

const txt = (t: unknown, lang: "vi" | "en") => ((t as Text)?.[lang] ?? "") as string;

export function MetaForm({ base, raw }: { base: FormBase; raw: Obj }) {
  const { locale, problems } = base;
  return (
    <Form method="post" className="studio-form" data-dirty-guard="" {...checking(base)}>
      <Hidden base={base} intent="saveMeta" />
      <h3>{w.details[locale]}</h3>
      <TextField id="m-title-vi" name="title_vi" label={w.titleVi[locale]} value={txt(raw.title, "vi")} problems={problems.title} locale={locale} />
      <TextField id="m-title-en" name="title_en" label={w.titleEn[locale]} value={txt(raw.title, "en")} locale={locale} />
      <TextField id="m-desc-vi" name="description_vi" label={w.descriptionVi[locale]} value={txt(raw.description, "vi")} problems={problems.description} locale={locale} area />
      <TextField id="m-desc-en" name="description_en" label={w.descriptionEn[locale]} value={txt(raw.description, "en")} locale={locale} area />
      <TextField id="m-basis" name="basis" label={w.basis[locale]} hint={w.basisHelp[locale]} value={typeof raw.basis === "string" ? raw.basis : ""} problems={problems.basis} locale={locale} area />
      <Problems list={problems[""]} locale={locale} />
      <Buttons base={base} />
    </Form>
  );
}

/** An earlier question a skip rule may use, with its options (for the hint beside the builder). */
export interface RuleSource {
  code: string;
  label: string;
  options: { code: string; label: string }[];
}

function RuleBuilder({ id, rule, ruleText, sources, locale, problems }: { id: string; rule: RuleForm | null; ruleText: string; sources: RuleSource[]; locale: Locale; problems?: LocalizedText[] }) {
  if (rule === null) {
    return (
      <fieldset>
        <legend>{w.rule[locale]}</legend>
        <input type="hidden" name="rule_mode" value="text" />
        <TextField id={`${id}-text`} name="rule_text" label={w.ruleText[locale]} hint={w.ruleTextHelp[locale]} value={ruleText} locale={locale} problems={problems} />
      </fieldset>
    );
  }
  // The rows in use and two blank ones: enough to add a condition without JavaScript.
  const rows = [...rule.rows, { item: "", op: "is" as const, values: [] }, { item: "", op: "is" as const, values: [] }].slice(0, Math.max(2, rule.rows.length + 1));
  return (
    <fieldset>
      <legend>{w.rule[locale]}</legend>
      <p className="hint">{w.ruleHelp[locale]}</p>
      <input type="hidden" name="rule_mode" value="rows" />
      <label htmlFor={`${id}-join`}>{w.ruleJoin[locale]}</label>
      <select id={`${id}-join`} name="rule_join" defaultValue={rule.join} {...describedBy(`${id}-problems`, problems)}>
        <option value="all">{w.ruleAll[locale]}</option>
        <option value="any">{w.ruleAny[locale]}</option>
      </select>
      <div className="rule-rows">
        {rows.map((r, i) => (
          <div className="rule-row" key={i} role="group" aria-label={fill(w.ruleRow, { n: i + 1 }, locale)}>
            <div>
              <label htmlFor={`${id}-item-${i}`}>
                {w.ruleQuestion[locale]} ({i + 1})
              </label>
              <select id={`${id}-item-${i}`} name="rule_item" defaultValue={r.item} {...describedBy(`${id}-problems`, problems)}>
                <option value="">{w.ruleNone[locale]}</option>
                {r.item && !sources.some((s) => s.code === r.item) && <option value={r.item}>{r.item} {w.unknownQuestion[locale]}</option>}
                {sources.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} – {s.label.length > 50 ? `${s.label.slice(0, 49)}…` : s.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-op-${i}`}>
                {w.ruleOp[locale]} ({i + 1})
              </label>
              <select id={`${id}-op-${i}`} name="rule_op" defaultValue={r.op} {...describedBy(`${id}-problems`, problems)}>
                <option value="is">{w.opIs[locale]}</option>
                <option value="isNot">{w.opIsNot[locale]}</option>
                <option value="in">{w.opIn[locale]}</option>
                <option value="answered">{w.opAnswered[locale]}</option>
                <option value="blank">{w.opBlank[locale]}</option>
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-values-${i}`}>
                {w.ruleValues[locale]} ({i + 1})
              </label>
              <input type="text" id={`${id}-values-${i}`} name="rule_values" defaultValue={r.values.join(", ")} autoComplete="off" {...describedBy(`${id}-problems`, problems)} />
            </div>
          </div>
        ))}
      </div>
      <ul className="hint">
        {sources
          .filter((s) => rule.rows.some((r) => r.item === s.code) && s.options.length)
          .map((s) => (
            <li key={s.code}>{fill(w.optionsOf, { code: s.code, options: s.options.map((o) => `${o.code} = ${o.label}`).join("; ") }, locale)}</li>
          ))}
      </ul>
      <Problems list={problems} locale={locale} id={`${id}-problems`} />
    </fieldset>
  );
}

export function SectionForm({ base, section, rule, ruleText, sources }: { base: FormBase; section: Obj; rule: RuleForm | null; ruleText: string; sources: RuleSource[] }) {
  const { locale, problems } = base;
  const code = String(section.code ?? "");
  return (
    <Form method="post" className="studio-form" data-dirty-guard="" {...checking(base)}>
      <Hidden base={base} intent="saveSection" target={code} />
      <h3>{fill(w.editThing, { what: fill(w.theSection, { code }, locale) }, locale)}</h3>
      <TextField id="s-code" name="code" label={w.code[locale]} value={code} problems={problems.code} locale={locale} />
      <TextField id="s-title-vi" name="title_vi" label={w.sectionTitleVi[locale]} value={txt(section.title, "vi")} problems={problems.title} locale={locale} />
      <TextField id="s-title-en" name="title_en" label={w.sectionTitleEn[locale]} value={txt(section.title, "en")} locale={locale} />
      <TextField id="s-desc-vi" name="description_vi" label={w.descriptionVi[locale]} value={txt(section.description, "vi")} problems={problems.description} locale={locale} area />
      <TextField id="s-desc-en" name="description_en" label={w.descriptionEn[locale]} value={txt(section.description, "en")} locale={locale} area />
      <RuleBuilder id="s-rule" rule={rule} ruleText={ruleText} sources={sources} locale={locale} problems={problems.showIf} />
      <Problems list={[...(problems[""] ?? []), ...(problems.items ?? [])]} locale={locale} />
      <Buttons base={base} />
    </Form>
  );
}

export function ItemForm({
  base,
  item,
  scales,
  rule,
  ruleText,
  sources,
  proposed,
  moved,
}: {
  base: FormBase;
  item: Obj;
  scales: { name: string; options: { code: string; label: string }[] }[];
  rule: RuleForm | null;
  ruleText: string;
  sources: RuleSource[];
  proposed: string;
  /** The option just moved (`2:-1`: now third, moved up), whose button takes the focus again. */
  moved?: string | null;
}) {
  const { locale, problems } = base;
  const code = String(item.code ?? "");
  const type = String(item.type ?? "single");
  const scale = typeof item.scale === "string" ? item.scale : "";
  const own = (Array.isArray(item.options) ? item.options : []) as Obj[];
  const optionRows = [...own, {}, {}];
  // Keyboard users keep their place: after a move the same button of the moved option has the focus again. (The
  // rows are keyed by revision: their inputs are uncontrolled, so a saved reorder must make them anew.)
  useEffect(() => {
    const m = moved ? /^(\d+):(-1|1)$/.exec(moved) : null;
    if (!m) return;
    const button = document.getElementById(`o-move-${m[1]}-${m[2]}`) ?? document.getElementById(`o-move-${m[1]}-${m[2] === "1" ? "-1" : "1"}`);
    button?.focus();
  }, [moved, base.revision]);
  // The fields a type has (options, positive answers, number limits, text length) follow the type chosen at once;
  // without JavaScript they follow on save. Hidden fields still post, and the save keeps only the type's own.
  const [typeNow, setTypeNow] = useState(type);
  const choice = CHOICE_TYPES.includes(typeNow as ItemType);
  const sameType = typeNow === type;
  const choices = scale ? (scales.find((s) => s.name === scale)?.options ?? []) : own.map((o) => ({ code: String(o.code ?? ""), label: txt(o.label, "vi") }));
  const positive = new Set(Array.isArray(item.positive) ? (item.positive as string[]) : []);
  const num = (k: string) => (typeof item[k] === "number" ? String(item[k]) : "");
  const known = new Set(["code", "type", "label", "help", "required", "options", "scale", "positive", "showIf", "min", "max", "integer", "maxLength"]);
  const optionProblems = [...(problems.options ?? []), ...(problems.scale ?? [])];
  const rest = Object.entries(problems).filter(([k]) => !known.has(k)).flatMap(([, v]) => v);
  return (
    <Form method="post" className="studio-form" data-dirty-guard="" {...checking(base)}>
      <Hidden base={base} intent="saveItem" target={code} />
      {/* Enter in a field saves: the first submit button is the default one, so it must not be an option's move. */}
      <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {w.save[locale]}
      </button>
      <h3>{fill(w.editThing, { what: fill(w.theItem, { code }, locale) }, locale)}</h3>
      <TextField id="i-code" name="code" label={w.code[locale]} hint={`${w.codeHelp[locale]} ${fill(w.proposedCode, { code: proposed }, locale)}`} value={code} problems={problems.code} locale={locale} />
      <label htmlFor="i-type">{w.type[locale]}</label>
      <select id="i-type" name="type" defaultValue={type} onChange={(e) => setTypeNow(e.currentTarget.value)} {...describedBy("i-type-problems", problems.type)}>
        {ITEM_TYPES.map((t) => (
          <option key={t} value={t}>
            {typeWord(t, locale)}
          </option>
        ))}
      </select>
      <Problems list={problems.type} locale={locale} id="i-type-problems" />
      <TextField id="i-label-vi" name="label_vi" label={w.labelVi[locale]} value={txt(item.label, "vi")} problems={problems.label} locale={locale} area />
      <TextField id="i-label-en" name="label_en" label={w.labelEn[locale]} value={txt(item.label, "en")} locale={locale} area />
      <TextField id="i-help-vi" name="help_vi" label={w.helpVi[locale]} value={txt(item.help, "vi")} problems={problems.help} locale={locale} />
      <TextField id="i-help-en" name="help_en" label={w.helpEn[locale]} value={txt(item.help, "en")} locale={locale} />
      <label className="inline">
        <input type="checkbox" name="required" value="1" defaultChecked={item.required !== false} /> {w.requiredBox[locale]}
      </label>
      <fieldset hidden={!(choice || (sameType && (own.length > 0 || !!scale)))}>
        <legend>{w.options[locale]}</legend>
        {scales.length > 0 && (
          <>
            <label htmlFor="i-scale">{w.optionsFrom[locale]}</label>
            <select id="i-scale" name="scale" defaultValue={scale} {...describedBy("i-options-problems", optionProblems)}>
              <option value="">{w.ownOptions[locale]}</option>
              {scales.map((s) => (
                <option key={s.name} value={s.name}>
                  {fill(w.scale, { name: s.name }, locale)}
                </option>
              ))}
            </select>
          </>
        )}
        <p className="hint">{w.optionsHelp[locale]}</p>
        <div className="option-rows">
          {optionRows.map((o, i) => (
            <div className="option-row" key={`${base.revision}-${i}`} id={`o-row-${i}`} role="group" aria-label={fill(w.optionRow, { n: i + 1 }, locale)}>
              <div>
                <label htmlFor={`o-code-${i}`}>
                  {w.optionCode[locale]} ({i + 1})
                </label>
                <input type="text" id={`o-code-${i}`} name="opt_code" defaultValue={String(o.code ?? "")} autoComplete="off" {...describedBy("i-options-problems", optionProblems)} />
              </div>
              <div>
                <label htmlFor={`o-vi-${i}`}>
                  {w.optionVi[locale]} ({i + 1})
                </label>
                <input type="text" id={`o-vi-${i}`} name="opt_vi" defaultValue={txt(o.label, "vi")} autoComplete="off" {...describedBy("i-options-problems", optionProblems)} />
              </div>
              <div>
                <label htmlFor={`o-en-${i}`}>
                  {w.optionEn[locale]} ({i + 1})
                </label>
                <input type="text" id={`o-en-${i}`} name="opt_en" defaultValue={txt(o.label, "en")} autoComplete="off" />
              </div>
              <label className="inline">
                <input type="checkbox" name="opt_missing" value={i} defaultChecked={o.missing === true} /> {w.optionMissing[locale]}
              </label>
              <div className="option-moves">
                {!scale && i > 0 && i < own.length && (
                  <button type="submit" className="button" id={`o-move-${i}--1`} name="option_move" value={`${i}:-1`} aria-label={fill(w.optionUp, { n: i + 1 }, locale)} title={fill(w.optionUp, { n: i + 1 }, locale)}>
                    ↑
                  </button>
                )}
                {!scale && i < own.length - 1 && (
                  <button type="submit" className="button" id={`o-move-${i}-1`} name="option_move" value={`${i}:1`} aria-label={fill(w.optionDown, { n: i + 1 }, locale)} title={fill(w.optionDown, { n: i + 1 }, locale)}>
                    ↓
                  </button>
                )}
              </div>
            </div>
          ))}
        </div>
        <Problems list={optionProblems} locale={locale} id="i-options-problems" />
      </fieldset>
      {(choice || (sameType && positive.size > 0) || !!problems.positive?.length) && (
        <fieldset>
          <legend>{w.positive[locale]}</legend>
          <p className="hint">{w.positiveHelp[locale]}</p>
          {choices.map((o) => (
            <label className="inline" key={o.code}>
              <input type="checkbox" name="positive" value={o.code} defaultChecked={positive.has(o.code)} {...describedBy("i-positive-problems", problems.positive)} /> {o.code} – {o.label}
            </label>
          ))}
          <Problems list={problems.positive} locale={locale} id="i-positive-problems" />
        </fieldset>
      )}
      <RuleBuilder id="i-rule" rule={rule} ruleText={ruleText} sources={sources} locale={locale} problems={problems.showIf} />
      <fieldset hidden={typeNow !== "number"}>
        <TextField id="i-min" name="min" label={w.min[locale]} value={num("min")} problems={problems.min} locale={locale} />
        <TextField id="i-max" name="max" label={w.max[locale]} value={num("max")} problems={problems.max} locale={locale} />
        <label className="inline">
          <input type="checkbox" name="integer" value="1" defaultChecked={item.integer === true} /> {w.integer[locale]}
        </label>
      </fieldset>
      <div hidden={typeNow !== "text"}>
        <TextField id="i-maxlength" name="maxLength" label={w.maxLength[locale]} value={num("maxLength")} problems={problems.maxLength} locale={locale} />
      </div>
      {rest.length > 0 && (
        <>
          <p>{w.otherProblems[locale]}:</p>
          <Problems list={rest} locale={locale} />
        </>
      )}
      <Buttons base={base} />
    </Form>
  );
}

export function NodeForm({ base, node, isTree, items }: { base: FormBase; node: Obj; isTree: boolean; items: { code: string; label: string }[] }) {
  const { locale, problems } = base;
  const code = String(node.code ?? "");
  const children = (Array.isArray(node.children) ? node.children : []) as Obj[];
  const weights = (Array.isArray(node.weights) ? node.weights : []) as unknown[];
  const childProblems = [...(problems.children ?? []), ...(problems.weights ?? [])];
  const rows = [...children.map((c, i) => ({ code: String(("children" in c ? c.code : c.item) ?? ""), weight: typeof weights[i] === "number" ? String(weights[i]) : "" })), { code: "", weight: "" }, { code: "", weight: "" }];
  return (
    <Form method="post" className="studio-form" data-dirty-guard="" {...checking(base)}>
      <Hidden base={base} intent="saveNode" target={code} />
      <h3>{fill(w.editThing, { what: fill(w.theNode, { code }, locale) }, locale)}</h3>
      <TextField id="n-code" name="code" label={w.code[locale]} value={code} problems={problems.code} locale={locale} />
      <TextField id="n-label-vi" name="label_vi" label={w.nodeLabelVi[locale]} value={txt(node.label, "vi")} problems={problems.label} locale={locale} />
      <TextField id="n-label-en" name="label_en" label={w.nodeLabelEn[locale]} value={txt(node.label, "en")} locale={locale} />
      {isTree && (
        <>
          <label htmlFor="n-kind">{w.kind[locale]}</label>
          <select id="n-kind" name="kind" defaultValue={String(node.kind ?? "satisfaction")}>
            {INDEX_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindWord(k, locale)}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor="n-rule">{w.aggregation[locale]}</label>
      <select id="n-rule" name="rule" defaultValue={String(node.rule ?? "mean")} {...describedBy("n-rule-problems", problems.rule)}>
        {AGGREGATION_RULES.map((r) => (
          <option key={r} value={r}>
            {ruleWord(r, locale)}
          </option>
        ))}
      </select>
      <Problems list={problems.rule} locale={locale} id="n-rule-problems" />
      <label htmlFor="n-item">{w.ruleItemPick[locale]}</label>
      <select id="n-item" name="item" defaultValue={String(node.item ?? "")} {...describedBy("n-item-problems", problems.item)}>
        <option value="">—</option>
        {children
          .filter((c) => !("children" in c))
          .map((c) => (
            <option key={String(c.item)} value={String(c.item)}>
              {String(c.item)}
            </option>
          ))}
      </select>
      <Problems list={problems.item} locale={locale} id="n-item-problems" />
      <fieldset>
        <legend>{w.children[locale]}</legend>
        <p className="hint">{w.childrenHelp[locale]}</p>
        <datalist id="n-codes">
          {items.map((i) => (
            <option key={i.code} value={i.code}>
              {i.label}
            </option>
          ))}
        </datalist>
        <div className="option-rows">
          {rows.map((r, i) => (
            <div className="rule-row" key={i} role="group" aria-label={fill(w.childRow, { n: i + 1 }, locale)}>
              <div>
                <label htmlFor={`n-child-${i}`}>{fill(w.childRow, { n: i + 1 }, locale)}</label>
                <input type="text" id={`n-child-${i}`} name="child" list="n-codes" defaultValue={r.code} autoComplete="off" {...describedBy("n-children-problems", childProblems)} />
              </div>
              <div>
                <label htmlFor={`n-weight-${i}`}>{fill(w.weightOf, { n: i + 1 }, locale)}</label>
                <input type="text" inputMode="decimal" id={`n-weight-${i}`} name="weight" defaultValue={r.weight} autoComplete="off" {...describedBy("n-children-problems", childProblems)} />
              </div>
            </div>
          ))}
        </div>
        <Problems list={childProblems} locale={locale} id="n-children-problems" />
      </fieldset>
      <Problems list={problems[""]} locale={locale} />
      <Buttons base={base} />
    </Form>
  );
}

export function ToolForm({ base, intent, target, label, children, extra }: { base: Omit<FormBase, "problems" | "closeHref" | "locale">; intent: string; target?: string; label: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Form method="post">
      <input type="hidden" name="csrf" value={base.csrf} />
      <input type="hidden" name="revision" value={base.revision} />
      <input type="hidden" name="intent" value={intent} />
      {target !== undefined && <input type="hidden" name="target" value={target} />}
      {extra}
      <button type="submit" className="button" aria-label={label}>
        {children}
      </button>
    </Form>
  );
}
