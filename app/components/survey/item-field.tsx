import type { AnswerValue } from "../../domain/definition/conditions";
import type { Item, Locale } from "../../domain/definition/schema";
import { DEFAULT_TEXT_MAX } from "../../domain/answers/validate";
import { ui } from "../../i18n";
import { DefinitionText } from "../definition-text";

export interface ItemFieldProps {
  item: Item;
  number: number;
  locale: Locale;
  value: AnswerValue | undefined;
  error?: string;
  hint?: string;
}

export const fieldId = (code: string) => `q-${code}`;
const errorId = (code: string) => `q-${code}-error`;
const helpId = (code: string) => `q-${code}-help`;

function RequiredMark({ item, locale }: { item: Item; locale: Locale }) {
  return <span className={item.required ? "req" : "opt"}>({item.required ? ui.required[locale] : ui.optional[locale]})</span>;
}

function Describe({ item, locale, error, hint }: Pick<ItemFieldProps, "item" | "locale" | "error" | "hint">) {
  return (
    <>
      {(item.help || hint) && (
        <p className="hint" id={helpId(item.code)}>
          {item.help && <DefinitionText text={item.help} locale={locale} />} {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId(item.code)}>
          {error}
        </p>
      )}
    </>
  );
}

function describedBy(item: Item, error?: string, hint?: string): string | undefined {
  const ids = [item.help || hint ? helpId(item.code) : null, error ? errorId(item.code) : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/**
 * One question. Choice questions are a fieldset whose legend is the question, so a screen
 * reader announces the question with every option; errors are tied to the inputs.
 */
export function ItemField({ item, number, locale, value, error, hint }: ItemFieldProps) {
  const label = (
    <>
      {number}. <DefinitionText text={item.label} locale={locale} />
    </>
  );
  const described = describedBy(item, error, hint);
  const invalid = error ? true : undefined;
  const field = { name: item.code };

  if (item.options) {
    const multiple = item.type === "multiple";
    const selected = Array.isArray(value) ? value : value === undefined ? [] : [String(value)];
    const scaleClass = item.type === "satisfaction5" ? "choices scale5" : item.type === "level3" || item.type === "yesno" ? "choices scale-row" : "choices";
    return (
      <fieldset className={`question${error ? " has-error" : ""}`} id={fieldId(item.code)} aria-describedby={described} tabIndex={-1}>
        <legend>
          {label} <RequiredMark item={item} locale={locale} />
        </legend>
        {multiple && <p className="hint">{ui.chooseAll[locale]}</p>}
        <Describe item={item} locale={locale} error={error} hint={hint} />
        <div className={scaleClass}>
          {item.options.map((option) => {
            const id = `${fieldId(item.code)}-${option.code}`;
            return (
              <label key={option.code} className="choice" htmlFor={id}>
                <input
                  {...field}
                  id={id}
                  type={multiple ? "checkbox" : "radio"}
                  value={option.code}
                  defaultChecked={selected.includes(option.code)}
                  aria-invalid={invalid}
                />
                <span>
                  <DefinitionText text={option.label} locale={locale} />
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
    );
  }

  const common = {
    ...field,
    id: fieldId(item.code),
    "aria-describedby": described,
    "aria-invalid": invalid,
    defaultValue: value === undefined ? "" : String(value),
  };
  return (
    <div className={`question${error ? " has-error" : ""}`}>
      <label htmlFor={fieldId(item.code)} className="question-label">
        {label} <RequiredMark item={item} locale={locale} />
      </label>
      <Describe item={item} locale={locale} error={error} hint={hint} />
      {item.type === "text" ? (
        <textarea {...common} rows={4} maxLength={item.maxLength ?? DEFAULT_TEXT_MAX} />
      ) : (
        <input {...common} type="text" inputMode={item.integer ? "numeric" : "decimal"} autoComplete="off" className="number-input" />
      )}
    </div>
  );
}
