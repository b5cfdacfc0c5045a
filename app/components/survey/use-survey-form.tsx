import { useEffect, useRef, useState } from "react";
import { rawAnswersFromEntries, type AnswerErrors, type RawAnswers } from "../../domain/answers/validate";
import type { Definition, Locale } from "../../domain/definition/schema";

/** The page's check (`checkPage` with the page's sections and the other pages' answers): the one the server runs. */
type PageCheck = (values: RawAnswers) => AnswerErrors;

/**
 * The citizen's page over the browser's own form, without react-hook-form (ADR 033: its ~14 KiB gzip were a tenth
 * of the form's first load). The inputs stay uncontrolled, with their `name`s, exactly as the page is without
 * JavaScript; the answers are read from the form (`FormData`, the shape the server reads) when one changes, for
 * live skip logic, and checked with the server's own check of the page on "next"/"submit" (ADR 036: no zod in the
 * citizen's browser). After a refused try, errors follow
 * the answers as they change (react-hook-form's default `reValidateMode: "onChange"`).
 */
export function useSurveyForm(definition: Definition, locale: Locale, checkPage: PageCheck) {
  const formRef = useRef<HTMLFormElement>(null);
  // null until hydrated: the page then shows what the server rendered.
  const [live, setLive] = useState<RawAnswers | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const tried = useRef(false);
  const focusFirst = useRef<Record<string, string> | null>(null);

  const read = (): RawAnswers => rawAnswersFromEntries(new FormData(formRef.current!), definition);
  const errorsOf = (values: RawAnswers): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [code, text] of Object.entries(checkPage(values))) out[code] = text[locale];
    return out;
  };

  useEffect(() => setLive(read()), []); // eslint-disable-line react-hooks/exhaustive-deps -- once, on hydration
  // A question that skip logic shows again comes back with its earlier answer checked (its default): after the
  // answers change (and questions come and go with them) read the form again and follow it when it differs, so what
  // the page shows and what it decides on stay one. It settles: the second read finds what the first set.
  useEffect(() => {
    if (live === null) return;
    const now = read();
    if (JSON.stringify(now) !== JSON.stringify(live)) setLive(now);
  }, [live]); // eslint-disable-line react-hooks/exhaustive-deps -- `read` reads the form, which is no state

  function onChange() {
    const values = read();
    setLive(values);
    if (tried.current) setErrors(errorsOf(values));
  }

  /** Checks the page; on errors shows them and puts focus on the first question's first field. Whether it passed. */
  function check(): boolean {
    tried.current = true;
    const values = read();
    const found = errorsOf(values);
    setErrors(found);
    setLive(values);
    if (Object.keys(found).length === 0) return true;
    focusFirst.current = found;
    return false;
  }

  // Focus the first field of the first question in page order that has an error (react-hook-form's
  // `shouldFocusError`), once the page shows the errors: focusing before the summary is drawn above the questions
  // left the field pushed below a phone's screen.
  useEffect(() => {
    const found = focusFirst.current;
    focusFirst.current = null;
    if (!found) return;
    const fields = [...formRef.current!.elements] as HTMLInputElement[];
    fields.find((el) => el.name && el.name in found)?.focus();
  }, [errors]);

  return { formRef, live, errors, onChange, check };
}
