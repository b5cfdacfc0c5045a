import { catalogue, fill } from "../../domain/messages";
import type { Locale } from "../../domain/definition/schema";
import type { RoundSettingsField } from "../../domain/round-settings";

const w = catalogue.roundSetup;

export type SettingsValues = Record<RoundSettingsField, string>;

/**
 * The fields a round is created with and changed by (name, province, period, help contact), each with its refusal
 * beside it. A province-scoped staff member sees their province as a fixed line, not a field.
 */
export function RoundSettingsFields({
  values,
  errors,
  locale,
  fixedProvince,
  disabled = false,
}: {
  values: SettingsValues;
  errors: Partial<Record<RoundSettingsField, string>>;
  locale: Locale;
  fixedProvince: string | null;
  disabled?: boolean;
}) {
  const error = (f: RoundSettingsField) =>
    errors[f] ? (
      <p className="fw-error" id={`${f}-error`}>
        {errors[f]}
      </p>
    ) : null;
  const described = (f: RoundSettingsField, hint?: string) => [hint, errors[f] ? `${f}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <div className="field wide-field">
        <label htmlFor="name">{w.name[locale]}</label>
        <input id="name" name="name" defaultValue={values.name} required maxLength={200} disabled={disabled} aria-invalid={!!errors.name} aria-describedby={described("name", "name-hint")} />
        <p className="hint" id="name-hint">
          {w.nameHint[locale]}
        </p>
        {error("name")}
      </div>
      {fixedProvince ? (
        <p data-fixed-province>{fill(w.provinceFixed, { province: fixedProvince }, locale)}</p>
      ) : (
        <div className="field">
          <label htmlFor="provinceCode">{w.province[locale]}</label>
          <input
            id="provinceCode"
            name="provinceCode"
            defaultValue={values.provinceCode}
            maxLength={10}
            disabled={disabled}
            aria-invalid={!!errors.provinceCode}
            aria-describedby={described("provinceCode", "province-hint")}
          />
          <p className="hint" id="province-hint">
            {w.provinceHint[locale]}
          </p>
          {error("provinceCode")}
        </div>
      )}
      <fieldset>
        <legend>{w.period[locale]}</legend>
        <p className="hint" id="period-hint" data-period-hint>
          {w.periodHint[locale]}
        </p>
        <div className="period-fields">
          <div className="field">
            <label htmlFor="periodStart">{w.periodStart[locale]}</label>
            <input
              id="periodStart"
              name="periodStart"
              type="date"
              defaultValue={values.periodStart}
              disabled={disabled}
              aria-invalid={!!errors.periodStart}
              aria-describedby={described("periodStart", "period-hint")}
            />
          </div>
          <div className="field">
            <label htmlFor="periodEnd">{w.periodEnd[locale]}</label>
            <input
              id="periodEnd"
              name="periodEnd"
              type="date"
              defaultValue={values.periodEnd}
              disabled={disabled}
              aria-invalid={!!errors.periodEnd}
              aria-describedby={described("periodEnd", "period-hint")}
            />
          </div>
        </div>
        {error("periodStart")}
        {error("periodEnd")}
      </fieldset>
      <div className="field wide-field">
        <label htmlFor="helpContact">{w.helpContact[locale]}</label>
        <input
          id="helpContact"
          name="helpContact"
          defaultValue={values.helpContact}
          maxLength={300}
          disabled={disabled}
          aria-invalid={!!errors.helpContact}
          aria-describedby={described("helpContact", "contact-hint")}
        />
        <p className="hint" id="contact-hint">
          {w.helpContactHint[locale]}
        </p>
        {error("helpContact")}
      </div>
    </>
  );
}
