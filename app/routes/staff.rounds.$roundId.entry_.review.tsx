import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import * as z from "zod/mini";
import { DefinitionText } from "../components/definition-text";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { metaLocale, useLocale } from "../components/use-locale";
import { rawAnswersFromEntries, type AnswerErrors, type RawAnswers } from "../domain/answers/validate";
import { formatCode } from "../domain/codes";
import { findItem, type AnswerValue } from "../domain/definition/conditions";
import type { Item, Locale, LocalizedText } from "../domain/definition/schema";
import { textIn } from "../domain/definition/text";
import { attempt, refusalText } from "../services/platform/route-errors.server";
import { readForm } from "../services/platform/forms.server";
import { answerText } from "../domain/paper/compare-entries";
import { optionKeys } from "../domain/paper/keys";
import { skipNotes } from "../domain/paper/skip-text";
import { BLANK_VALUE } from "../domain/paper/validate-entry";
import { discardEntries, getReview, resolveReview, reviewQueue, type Review } from "../services/paper/entry.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import paperStyles from "../styles/paper.css";
import { formatTimestamp } from "../domain/results/format";
import { fill } from "../domain/messages/fill";
import { staffPages } from "../domain/messages/areas/staff-pages";
import { paperQuestionWords } from "../domain/messages/areas/paper-entry-words";
import { entryPage, reviewPage as t } from "../domain/messages/areas/entry-page";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: paperStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${t.title[metaLocale(matches)]}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, round, definition } = await requireRoundAccess(request, params.roundId!, "verifyPaperForms");
  const session = await getSession(request);
  const csrf = csrfToken(session);
  const url = new URL(request.url);
  const code = url.searchParams.get("code");
  let review: Review | null = null;
  let refused: LocalizedText | null = null;
  if (code) {
    const found = await attempt(() => getReview(db, round.id, code, definition));
    if (found.ok) review = found.value;
    else refused = refusalText(found.refusal);
  }
  const notes = skipNotes(definition, "vi");
  return data(
    {
      round: { id: round.id, name: round.name },
      queue: await reviewQueue(db, round.id, definition),
      review,
      refused,
      resolved: url.searchParams.get("resolved"),
      discarded: url.searchParams.get("discarded"),
      // Only the questions in dispute travel to the page, with when they apply.
      items: review
        ? review.comparison.mismatches.map((m) => ({ item: findItem(definition, m.item)!.item, condition: notes.items.get(m.item) ?? null }))
        : [],
      csrf,
    },
    { headers: { "Set-Cookie": await commitSession(session) } },
  );
}

const IntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("resolve"), _code: z.string() }),
  z.object({ intent: z.literal("discard"), _code: z.string(), which: z.enum(["2", "all"]) }),
]);

type ActionResult = { errors: AnswerErrors; picks: RawAnswers; refused: LocalizedText | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, round, definition } = await requireRoundAccess(request, params.roundId!, "verifyPaperForms");
  const session = await getSession(request);
  const form = await readForm(request);
  verifyCsrf(session, form);
  const parsed = IntentSchema.safeParse(Object.fromEntries(form));
  const base = `/staff/rounds/${round.id}/entry/review`;
  if (!parsed.success) return data({ errors: {}, picks: {}, refused: staffPages.invalidRequest } satisfies ActionResult, { status: 400 });
  const picks = rawAnswersFromEntries(form.entries(), definition);
  const intent = parsed.data;
  const done = await attempt(async () => {
    if (intent.intent === "discard") {
      await discardEntries(db, { roundId: round.id, code: intent._code, which: intent.which, actor: user.id });
      return redirect(`${base}?discarded=${encodeURIComponent(intent._code)}`);
    }
    const outcome = await resolveReview(db, { roundId: round.id, code: intent._code, reviewerId: user.id, picks });
    if (!outcome.ok) return data({ errors: outcome.errors, picks, refused: null } satisfies ActionResult, { status: 400 });
    return redirect(`${base}?resolved=${encodeURIComponent(intent._code)}`);
  });
  if (!done.ok) return data({ errors: {}, picks, refused: refusalText(done.refusal) } satisfies ActionResult, { status: done.refusal.status });
  return done.value;
}

/** The choices for one disputed question: every option (marked with which entry keyed it), or the two texts. */
function choicesFor(item: Item, first: AnswerValue | undefined, second: AnswerValue | undefined, locale: Locale) {
  const tags = (value: string) => {
    const has = (v: AnswerValue | undefined) => v !== undefined && (Array.isArray(v) ? v.includes(value) : String(v) === value);
    return [has(first) ? 1 : null, has(second) ? 2 : null].filter((n): n is number => n !== null);
  };
  const blank = { value: BLANK_VALUE, key: "0", label: paperQuestionWords.blank[locale], tags: [first === undefined ? 1 : null, second === undefined ? 2 : null].filter((n): n is number => n !== null) };
  if (item.options) {
    const keys = optionKeys(item);
    return [...item.options.map((o, i) => ({ value: o.code, key: keys[i].key, label: textIn(o.label, locale), tags: tags(o.code) })), blank];
  }
  const texts = [first, second].filter((v, i, all): v is AnswerValue => v !== undefined && all.indexOf(v) === i);
  return [...texts.map((v) => ({ value: String(v), key: null, label: String(v), tags: tags(String(v)) })), blank];
}

export default function ReviewPage() {
  const locale = useLocale();
  const { round, queue, review, refused, resolved, discarded, items, csrf } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const base = `/staff/rounds/${round.id}/entry/review`;
  return (
    <section aria-labelledby="review-heading">
      <p className="eyebrow">
        <Link to={`/staff/rounds/${round.id}/entry`}>← {entryPage.title[locale]}</Link>
      </p>
      <h2 id="review-heading">{t.title[locale]}</h2>
      {resolved && (
        <p className="pe-result ok" role="status">
          {fill(t.resolved, { code: formatCode(resolved) }, locale)}
        </p>
      )}
      {discarded && (
        <p className="pe-result ok" role="status">
          {fill(t.discarded, { code: formatCode(discarded) }, locale)}
        </p>
      )}
      {(refused || posted?.refused) && (
        <p className="pe-result refused" role="alert">
          {(posted?.refused ?? refused)![locale]}
        </p>
      )}
      {review && (
        <Form method="post" className="pe-review" aria-labelledby="review-form-heading">
          <h3 id="review-form-heading">
            {entryPage.form[locale]} <span className="code">{formatCode(review.code)}</span>:{" "}
            {fill(t.differ, { count: items.length }, locale)}
          </h3>
          <p className="hint">
            {t.hint[locale]} {review.entries.map((e) => fill(t.entryBy, { entry: e.entryNo, clerk: e.clerk }, locale)).join(" · ")}
          </p>
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="_code" value={review.code} />
          {review.comparison.mismatches.map((m, i) => {
            const { item, condition } = items[i];
            const error = posted?.errors[m.item]?.[locale];
            const picked = posted?.picks[m.item];
            return (
              <div key={m.item} className={`pe-mismatch${error ? " has-error" : ""}`} role="radiogroup" aria-labelledby={`rv-${m.item}`} data-item={m.item}>
                <p id={`rv-${m.item}`} className="pe-text">
                  <strong>{m.number}.</strong> <DefinitionText text={item.label} locale={locale} />
                  {condition && <span className="pe-cond"> — {condition}</span>}
                </p>
                <dl className="pe-entries">
                  <dt>{t.entry1[locale]}</dt>
                  <dd>{answerText(item, m.first, locale)}</dd>
                  <dt>{t.entry2[locale]}</dt>
                  <dd>{answerText(item, m.second, locale)}</dd>
                </dl>
                <div className="pe-opts">
                  {choicesFor(item, m.first, m.second, locale).map((c) => (
                    <label key={c.value} className={`pe-opt${c.value === BLANK_VALUE ? " pe-blank" : ""}`}>
                      <input type="radio" name={m.item} value={c.value} defaultChecked={picked === c.value} />
                      {c.key && <kbd>{c.key}</kbd>}
                      <span>{c.label}</span>
                      {c.tags.map((n) => (
                        <span key={n} className="pe-tag">
                          {fill(t.tag, { entry: n }, locale)}
                        </span>
                      ))}
                    </label>
                  ))}
                </div>
                {error && <p className="field-error">{error}</p>}
              </div>
            );
          })}
          <div className="pe-actions">
            <button type="submit" name="intent" value="resolve" className="button primary" disabled={busy}>
              {t.resolve[locale]}
            </button>
            <button type="submit" name="intent" value="discard" className="button">
              {t.discard[locale]}
            </button>
            <input type="hidden" name="which" value="2" />
          </div>
        </Form>
      )}
      <h3>{t.queue[locale]}</h3>
      {queue.mismatched.length === 0 ? (
        <p>{t.queueEmpty[locale]}</p>
      ) : (
        <table className="data-table pe-queue">
          <thead>
            <tr>
              <th scope="col">{t.code[locale]}</th>
              <th scope="col" className="num">
                {t.differences[locale]}
              </th>
              <th scope="col">{t.keyedBy[locale]}</th>
              <th scope="col">{t.secondAt[locale]}</th>
            </tr>
          </thead>
          <tbody>
            {queue.mismatched.map((f) => (
              <tr key={f.code} data-code={f.code}>
                <th scope="row">
                  <Link to={`${base}?code=${f.code}`} className="code">
                    {formatCode(f.code)}
                  </Link>
                </th>
                <td className="num">{f.mismatches}</td>
                <td>{f.clerks.join(", ")}</td>
                <td>{formatTimestamp(f.keyedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t.waiting[locale]}</h3>
      {queue.awaitingSecond.length === 0 ? (
        <p>{t.none[locale]}</p>
      ) : (
        <table className="data-table pe-queue">
          <thead>
            <tr>
              <th scope="col">{t.code[locale]}</th>
              <th scope="col">{t.firstBy[locale]}</th>
              <th scope="col">{t.at[locale]}</th>
            </tr>
          </thead>
          <tbody>
            {queue.awaitingSecond.map((f) => (
              <tr key={f.code}>
                <th scope="row" className="code">
                  {formatCode(f.code)}
                </th>
                <td>{f.clerk}</td>
                <td>{formatTimestamp(f.keyedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
