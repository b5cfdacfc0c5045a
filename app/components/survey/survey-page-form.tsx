import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { pageItems, questionNumbers } from "../../domain/answers/pages";
import { checkPage, overlayPage, rawToAnswers, type AnswerErrors, type RawAnswers } from "../../domain/answers/validate";
import type { Answers } from "../../domain/definition/conditions";
import type { Definition, Locale, Section } from "../../domain/definition/schema";
import { ui } from "../../i18n";
import { DefinitionText } from "../definition-text";
import { fieldId, ItemField } from "./item-field";
import { useSurveyForm } from "./use-survey-form";

export interface SurveyPageFormProps {
  definition: Definition;
  section: Section;
  locale: Locale;
  answers: Answers;
  serverErrors: AnswerErrors;
  hasPrevious: boolean;
  isLast: boolean;
  /** Extra hidden fields posted with the page (the studio's preview carries its answers so that nothing is stored). */
  hiddenFields?: Record<string, string>;
}

/**
 * One page of the questionnaire. Without JavaScript it is a plain POST form that the server
 * validates. With JavaScript, the browser checks it first with the server's own check (`checkPage` through
 * `useSurveyForm`, over the same uncontrolled inputs), and skip logic follows the answers as they are given.
 */
export function SurveyPageForm({ definition, section, locale, answers, serverErrors, hasPrevious, isLast, hiddenFields }: SurveyPageFormProps) {
  const form = useSurveyForm(definition, locale, (values) => checkPage(definition, answers as RawAnswers, values, [section.code]).errors);
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";
  const { live } = form;
  const hydrated = live !== null;
  const current = live ? rawToAnswers(overlayPage(definition, answers as RawAnswers, live, [section.code])) : answers;
  const items = pageItems(definition, section, current, hydrated);

  // Server errors hold until the person tries again; then the browser's own check speaks.
  const [serverStale, setServerStale] = useState(false);
  useEffect(() => setServerStale(false), [serverErrors]);
  const errorFor = (code: string): string | undefined => form.errors[code] ?? (serverStale ? undefined : serverErrors[code]?.[locale]);
  const shownErrors = items.filter((p) => p.shown && errorFor(p.item.code));

  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (Object.keys(serverErrors).length) summaryRef.current?.focus();
  }, [serverErrors]);

  // Numbered over the questions shown, so hidden ones leave no gaps (1, 2, 3… as the person reads them).
  const numbers = questionNumbers(definition, current, section.code, new Set(items.filter((p) => p.shown).map((p) => p.item.code)));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = submitter?.value;
    if (intent !== "next" && intent !== "submit") return; // saving or going back needs no check
    event.preventDefault();
    setServerStale(true);
    if (form.check()) submit(submitter, { method: "post" });
  }

  return (
    <Form method="post" noValidate onSubmit={onSubmit} onChange={form.onChange} ref={form.formRef} className="survey-form">
      <input type="hidden" name="page" value={section.code} />
      {Object.entries(hiddenFields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {shownErrors.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>{ui.errorSummary[locale]}</h2>
          <ul>
            {shownErrors.map(({ item }) => (
              <li key={item.code}>
                <a href={`#${fieldId(item.code)}`}>
                  {numbers.get(item.code)}. <DefinitionText text={item.label} locale={locale} />: {errorFor(item.code)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {items.map(({ item, shown, dependsOnPage }) =>
        shown ? (
          <ItemField
            key={item.code}
            item={item}
            number={numbers.get(item.code)!}
            locale={locale}
            value={answers[item.code]}
            error={errorFor(item.code)}
            hint={dependsOnPage && !hydrated ? ui.conditionalHint[locale] : undefined}
          />
        ) : null,
      )}
      <div className="form-actions">
        <button type="submit" name="intent" value={isLast ? "submit" : "next"} className="button primary" disabled={busy}>
          {isLast ? ui.submit[locale] : ui.next[locale]}
        </button>
        {hasPrevious && (
          <button type="submit" name="intent" value="back" className="button">
            {ui.back[locale]}
          </button>
        )}
        <button type="submit" name="intent" value="save" className="button link">
          {ui.saveLater[locale]}
        </button>
      </div>
    </Form>
  );
}
