import type { UseFormRegister } from "react-hook-form";
import type { Item, Locale } from "../../domain/definition/schema";
import { DEFAULT_TEXT_MAX, type RawValue } from "../../domain/answers/validate";
import { optionKeys } from "../../domain/paper/keys";
import { BLANK_FIELD, BLANK_VALUE } from "../../domain/paper/validate-entry";
import { DefinitionText } from "../definition-text";
import { paperQuestionWords } from "../../domain/messages/areas/paper-entry-words";

export const entryFieldId = (code: string) => `pe-${code}`;
const errorId = (code: string) => `pe-${code}-error`;

const words = paperQuestionWords;

export interface EntryQuestionProps {
  item: Item;
  number: number;
  locale: Locale;
  error?: string;
  /** When the question applies, in words (shown without JavaScript, where skip logic cannot run live). */
  condition?: string;
  /** What the page was rendered with (after a refused save): checked without JavaScript too. */
  value?: RawValue;
  blank?: boolean;
  register: UseFormRegister<Record<string, unknown>>;
}

/**
 * One question on the data-entry screen: a compact row whose options carry the number key that
 * picks them (the same number as on the printed form), plus "0 Bỏ trống" for a question left
 * blank on paper. `data-q` lets the keyboard handler find the question from the focused input.
 */
export function EntryQuestion({ item, number, locale, error, condition, value, blank, register }: EntryQuestionProps) {
  const given = value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map(String);
  const invalid = error ? true : undefined;
  const describedBy = error ? errorId(item.code) : undefined;
  const label = <DefinitionText text={item.label} locale={locale} />;
  const errorLine = error && (
    <p className="field-error" id={errorId(item.code)}>
      {error}
    </p>
  );
  if (item.options) {
    const multiple = item.type === "multiple";
    const keys = optionKeys(item);
    const field = register(item.code);
    return (
      <div
        className={`pe-q${error ? " has-error" : ""}`}
        data-q={item.code}
        id={entryFieldId(item.code)}
        role={multiple ? "group" : "radiogroup"}
        aria-labelledby={`${entryFieldId(item.code)}-n ${entryFieldId(item.code)}-t`}
        aria-describedby={describedBy}
      >
        <span className="pe-num" id={`${entryFieldId(item.code)}-n`}>
          {number}.
        </span>
        <span className="pe-text" id={`${entryFieldId(item.code)}-t`}>
          {label} {multiple && <span className="pe-cond">{words.several[locale]}</span>}
          {condition && <span className="pe-cond"> — {condition}</span>}
        </span>
        <div className="pe-body">
          <div className="pe-opts">
            {item.options.map((o, i) => (
              <label key={o.code} className="pe-opt">
                <input
                  {...field}
                  type={multiple ? "checkbox" : "radio"}
                  value={o.code}
                  defaultChecked={given.includes(o.code)}
                  aria-invalid={invalid}
                  aria-keyshortcuts={keys[i].key ?? undefined}
                />
                {keys[i].key && <kbd>{keys[i].key}</kbd>}
                <span>
                  <DefinitionText text={o.label} locale={locale} />
                </span>
              </label>
            ))}
            <label className="pe-opt pe-blank" title={words.blankHint[locale]}>
              <input {...field} type={multiple ? "checkbox" : "radio"} value={BLANK_VALUE} defaultChecked={given.includes(BLANK_VALUE)} aria-keyshortcuts="0" />
              <kbd>0</kbd>
              <span>{words.blank[locale]}</span>
            </label>
          </div>
          {errorLine}
        </div>
      </div>
    );
  }
  const inputId = `${entryFieldId(item.code)}-input`;
  return (
    <div className={`pe-q${error ? " has-error" : ""}`} data-q={item.code} id={entryFieldId(item.code)}>
      <span className="pe-num">{number}.</span>
      <label className="pe-text" htmlFor={inputId}>
        {label}
        {condition && <span className="pe-cond"> — {condition}</span>}
      </label>
      <div className="pe-body">
        <div className="pe-field">
          {item.type === "text" ? (
            <textarea {...register(item.code)} defaultValue={given.join("\n")} id={inputId} rows={2} maxLength={item.maxLength ?? DEFAULT_TEXT_MAX} aria-invalid={invalid} aria-describedby={describedBy} />
          ) : (
            <input
              {...register(item.code)}
              defaultValue={given[0] ?? ""}
              id={inputId}
              type="text"
              inputMode={item.integer ? "numeric" : "decimal"}
              autoComplete="off"
              aria-invalid={invalid}
              aria-describedby={describedBy}
            />
          )}
          <label className="pe-opt pe-blank" title={words.blankHint[locale]}>
            <input {...register(BLANK_FIELD)} type="checkbox" value={item.code} defaultChecked={blank} />
            <span>{words.blank[locale]}</span>
          </label>
        </div>
        {errorLine}
      </div>
    </div>
  );
}
