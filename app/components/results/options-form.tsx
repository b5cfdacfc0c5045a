import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Locale, LocalizedText } from "../../domain/definition/schema";
import type { ResultsQuery } from "../../domain/results/query";
import { resultsUi as w } from "./words";

function Radios<T extends string>(props: { legend: string; name: string; value: T; choices: [T, string][] }) {
  return (
    <fieldset className="option-group">
      <legend>{props.legend}</legend>
      {props.choices.map(([value, label]) => (
        <label key={value} className="option-choice">
          <input type="radio" name={props.name} value={value} defaultChecked={props.value === value} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The options of a results page as a GET form: it works without JavaScript, and the URL it makes can be
 * bookmarked or sent to a colleague.
 */
export function OptionsForm(props: {
  query: ResultsQuery;
  choices: { value: string; label: LocalizedText }[];
  groups: { key: string; name: LocalizedText }[];
  locale: Locale;
  showInterval?: boolean;
  /** Fields placed first (the comparison page's baseline round). */
  before?: ReactNode;
  /** Fields placed last (the comparison page's "accept changed"). */
  after?: ReactNode;
  id?: string;
}) {
  const { query, locale } = props;
  return (
    <Form method="get" className="results-options" id={props.id} aria-label={w.options[locale]}>
      {props.before}
      <div className="option-group">
        <label htmlFor={`${props.id ?? "opt"}-by`} className="option-label">
          {w.grouping[locale]}
        </label>
        <select id={`${props.id ?? "opt"}-by`} name="by" defaultValue={query.by}>
          {props.choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label[locale]}
            </option>
          ))}
        </select>
      </div>
      <Radios
        legend={w.weighting[locale]}
        name="weighted"
        value={String(query.weighted)}
        choices={[
          ["true", w.weighted[locale]],
          ["false", w.unweighted[locale]],
        ]}
      />
      <Radios
        legend={w.multiUnit[locale]}
        name="multiUnit"
        value={query.multiUnit}
        choices={[
          ["pooled", w.pooled[locale]],
          ["meanOfUnits", w.meanOfUnits[locale]],
        ]}
      />
      {props.showInterval !== false && (
        <Radios
          legend={w.interval[locale]}
          name="interval"
          value={query.interval}
          choices={[
            ["wald", w.wald[locale]],
            ["logit", w.logit[locale]],
          ]}
        />
      )}
      {props.groups.length > 0 && (
        <div className="option-group">
          <label htmlFor={`${props.id ?? "opt"}-group`} className="option-label">
            {w.tableOf[locale]}
          </label>
          <select id={`${props.id ?? "opt"}-group`} name="group" defaultValue={query.group ?? ""}>
            <option value="">{w.wholeRound[locale]}</option>
            {props.groups.map((g) => (
              <option key={g.key} value={g.key}>
                {g.name[locale]}
              </option>
            ))}
          </select>
        </div>
      )}
      {props.after}
      <div className="option-actions">
        <button type="submit" className="button primary">
          {w.show[locale]}
        </button>
      </div>
    </Form>
  );
}
