import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useForm } from "react-hook-form";
import { rawToAnswers, type AnswerErrors, type RawAnswers } from "../../domain/answers/validate";
import { computeVisibility, type Answers } from "../../domain/definition/conditions";
import type { Definition, Item, Locale } from "../../domain/definition/schema";
import { itemNumbers, nextVisibleItem, optionForKey } from "../../domain/paper/keys";
import { skipNotes } from "../../domain/paper/skip-text";
import { BLANK_FIELD, BLANK_VALUE, buildPaperEntrySchema } from "../../domain/paper/validate-entry";
import { DefinitionText } from "../definition-text";
import { EntryQuestion, entryFieldId } from "./entry-question";
import { paperFormWords } from "../../domain/messages/areas/paper-entry-words";

const words = paperFormWords;

/** Answers as skip logic reads them while a clerk types: blank marks count as unanswered. */
export function liveAnswers(raw: RawAnswers): Answers {
  const out: RawAnswers = {};
  for (const [code, value] of Object.entries(raw)) {
    if (code === BLANK_FIELD) continue;
    out[code] = Array.isArray(value) ? value.filter((v) => v !== BLANK_VALUE) : value === BLANK_VALUE ? undefined : value;
  }
  return rawToAnswers(out);
}

/** Values react-hook-form starts from: radios a code or null, checkbox groups a list, boxes text. */
function formValues(def: Definition, initial: RawAnswers): Record<string, unknown> {
  const out: Record<string, unknown> = { [BLANK_FIELD]: ([] as unknown[]).concat(initial[BLANK_FIELD] ?? []).map(String) };
  for (const item of def.sections.flatMap((s) => s.items)) {
    const v = initial[item.code];
    if (item.type === "multiple") out[item.code] = Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)];
    else if (item.options) out[item.code] = v === undefined || v === null || v === "" ? null : String(v);
    else out[item.code] = v === undefined || v === null ? "" : String(v);
  }
  return out;
}

/**
 * Keyboard-first entry for the whole form, built for speed: number keys pick the option with
 * that number and move to the next question shown, 0 marks a question blank, Enter moves on,
 * Shift+Enter goes back, Ctrl+Enter saves. Skip logic hides questions live.
 */
export function usePaperKeys(definition: Definition, getAnswers: () => Answers, formRef: React.RefObject<HTMLFormElement>) {
  const items = useMemo(() => new Map(definition.sections.flatMap((s) => s.items).map((i) => [i.code, i] as [string, Item])), [definition]);
  const [pending, setPending] = useState<{ target: string } | null>(null);

  useEffect(() => {
    if (!pending) return;
    focusQuestion(formRef.current, pending.target);
    setPending(null);
  }, [pending, formRef]);

  function move(from: string, step: 1 | -1) {
    const next = nextVisibleItem(definition, getAnswers(), from, step);
    setPending({ target: next ?? (step === 1 ? "__save" : from) });
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    const target = e.target as HTMLElement;
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      const save = formRef.current?.querySelector<HTMLButtonElement>("[data-save]");
      if (save) formRef.current?.requestSubmit(save);
      return;
    }
    const question = target.closest<HTMLElement>("[data-q]");
    const item = question && items.get(question.dataset.q!);
    if (!question || !item) return;
    if (e.key === "Enter" && !e.altKey) {
      if (e.shiftKey && target.tagName === "TEXTAREA") return; // a new line in free text
      e.preventDefault();
      move(item.code, e.shiftKey ? -1 : 1);
      return;
    }
    if (!item.options || !/^[0-9]$/.test(e.key) || e.ctrlKey || e.metaKey || e.altKey || !(target instanceof HTMLInputElement)) return;
    e.preventDefault();
    const value = e.key === "0" ? BLANK_VALUE : optionForKey(item, e.key);
    const input = value === undefined ? null : question.querySelector<HTMLInputElement>(`input[value="${CSS.escape(value)}"]`);
    if (!input) return;
    if (item.type === "multiple") {
      input.click();
      input.focus();
      return;
    }
    if (!input.checked) input.click();
    move(item.code, 1);
  }

  return { onKeyDown, focus: (code: string) => focusQuestion(formRef.current, code) };
}

function focusQuestion(form: HTMLFormElement | null, code: string) {
  if (!form) return;
  if (code === "__save") {
    form.querySelector<HTMLButtonElement>("[data-save]")?.focus();
    return;
  }
  const box = form.querySelector<HTMLElement>(`#${entryFieldId(code)}`);
  const input = box?.querySelector<HTMLElement>("input:checked") ?? box?.querySelector<HTMLElement>("input, textarea");
  input?.focus();
  box?.scrollIntoView({ block: "nearest" });
}

export interface PaperEntryFormProps {
  definition: Definition;
  code: string;
  csrf: string;
  locale: Locale;
  initial: RawAnswers;
  serverErrors: AnswerErrors;
  cancelHref: string;
}

export function PaperEntryForm({ definition, code, csrf, locale, initial, serverErrors, cancelHref }: PaperEntryFormProps) {
  const schema = useMemo(() => buildPaperEntrySchema(definition, locale), [definition, locale]);
  const form = useForm<Record<string, unknown>>({ resolver: zodResolver(schema) as never, defaultValues: formValues(definition, initial), shouldFocusError: false });
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const formRef = useRef<HTMLFormElement>(null);
  const keys = usePaperKeys(definition, () => liveAnswers(form.getValues() as RawAnswers), formRef);

  const live = form.watch() as RawAnswers;
  const shown = useMemo(() => (hydrated ? computeVisibility(definition, liveAnswers(live)) : null), [hydrated, definition, live]);
  const numbers = useMemo(() => itemNumbers(definition), [definition]);
  const notes = useMemo(() => skipNotes(definition, locale), [definition, locale]);

  const [serverStale, setServerStale] = useState(false);
  useEffect(() => setServerStale(false), [serverErrors]);
  const clientErrors = form.formState.errors;
  const errorFor = (code: string): string | undefined =>
    (clientErrors[code]?.message as string | undefined) ?? (serverStale ? undefined : serverErrors[code]?.[locale]);
  const allItems = definition.sections.flatMap((s) => s.items);
  const initialBlanks = ([] as unknown[]).concat(initial[BLANK_FIELD] ?? []).map(String);
  const listed = allItems.filter((i) => (!shown || shown.items.has(i.code)) && errorFor(i.code));

  // Focus the first question (or the first with an error) as soon as the form is ready.
  const firstError = allItems.find((i) => serverErrors[i.code])?.code;
  useEffect(() => {
    if (!hydrated) return;
    const first = firstError ?? nextVisibleItem(definition, liveAnswers(form.getValues() as RawAnswers), null);
    if (first) keys.focus(first);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hydrated, serverErrors]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerStale(true);
    const formEl = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void form.handleSubmit(
      () => submit(submitter ?? formEl, { method: "post" }),
      (errors) => {
        const first = allItems.find((i) => errors[i.code]);
        if (first) keys.focus(first.code);
      },
    )(event);
  }

  return (
    <Form method="post" noValidate ref={formRef} onSubmit={onSubmit} onKeyDown={keys.onKeyDown} className="pe-form" aria-label={`Phiếu ${code}`}>
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="_code" value={code} />
      {listed.length > 0 && (
        <div className="error-summary" role="alert">
          <h2>{words.errors[locale]}</h2>
          <ul>
            {listed.map((item) => (
              <li key={item.code}>
                <a href={`#${entryFieldId(item.code)}`}>
                  {numbers.get(item.code)}. <DefinitionText text={item.label} locale={locale} />: {errorFor(item.code)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {definition.sections.map((section) =>
        shown && !shown.sections.has(section.code) ? null : (
          <section key={section.code} aria-labelledby={`pe-s-${section.code}`}>
            <h3 className="pe-section-title" id={`pe-s-${section.code}`}>
              <DefinitionText text={section.title} locale={locale} />
              {!hydrated && notes.sections.get(section.code) && <span className="pe-cond"> — {notes.sections.get(section.code)}</span>}
            </h3>
            {section.items.map((item) =>
              shown && !shown.items.has(item.code) ? null : (
                <EntryQuestion
                  key={item.code}
                  item={item}
                  number={numbers.get(item.code)!}
                  locale={locale}
                  error={errorFor(item.code)}
                  condition={!hydrated ? notes.items.get(item.code) : undefined}
                  value={initial[item.code]}
                  blank={initialBlanks.includes(item.code)}
                  register={form.register}
                />
              ),
            )}
          </section>
        ),
      )}
      <div className="pe-actions">
        <button type="submit" name="intent" value="save" className="button primary" data-save disabled={busy}>
          {words.save[locale]} <span className="muted">({words.saveKeys[locale]})</span>
        </button>
        <a href={cancelHref} className="button link">
          {words.cancel[locale]}
        </a>
      </div>
    </Form>
  );
}
