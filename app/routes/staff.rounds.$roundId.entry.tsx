import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { PaperEntryForm } from "../components/paper/entry-form";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { metaLocale, useLocale } from "../components/use-locale";
import { rawAnswersFromEntries, type AnswerErrors, type RawAnswers } from "../domain/answers/validate";
import { formatCode } from "../domain/codes";
import type { Locale, LocalizedText } from "../domain/definition/schema";
import { BLANK_FIELD } from "../domain/paper/validate-entry";
import { can } from "../domain/roles";
import { attempt, refuse, refusalText } from "../services/platform/route-errors.server";
import { readForm } from "../services/platform/forms.server";
import { entryProgress, getEntrySettings, openForKeying, saveEntry, setDoubleEntry, type KeyingTarget } from "../services/paper/entry.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import paperStyles from "../styles/paper.css";
import { msg } from "../domain/messages/msg";
import { fill } from "../domain/messages/fill";
import { paperEntry } from "../domain/messages/areas/paper-entry";
import { entryPage as t } from "../domain/messages/areas/entry-page";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: paperStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${t.title[metaLocale(matches)]}` }];

const DoneSchema = z.object({
  done: z.string().check(z.regex(/^[0-9A-Z]{10}$/)),
  state: z.enum(["submitted", "awaiting-second", "verified", "mismatch"]),
  entry: z.coerce.number().check(z.int(), z.gte(1), z.lte(2)),
  m: z.catch(z.coerce.number().check(z.int(), z.gte(0)), 0),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, round, definition } = await requireRoundAccess(request, params.roundId!, "keyPaperForms");
  const session = await getSession(request);
  const csrf = csrfToken(session);
  const url = new URL(request.url);
  const typed = (url.searchParams.get("code") ?? "").slice(0, 100);
  let target: KeyingTarget | null = null;
  let refused: LocalizedText | null = null;
  if (typed.trim()) {
    const opened = await attempt(() => openForKeying(db, round.id, typed, user.id));
    if (opened.ok) target = opened.value;
    else refused = refusalText(opened.refusal);
  }
  const done = DoneSchema.safeParse(Object.fromEntries(url.searchParams));
  return data(
    {
      round: { id: round.id, name: round.name, status: round.status },
      canSupervise: can(user.role, "verifyPaperForms"),
      settings: await getEntrySettings(db, round.id),
      progress: await entryProgress(db, round.id),
      typed,
      target,
      refused,
      done: done.success ? done.data : null,
      // The questionnaire only when a form is open; never an earlier entry's answers (blind keying).
      definition: target ? definition : null,
      csrf,
    },
    { headers: { "Set-Cookie": await commitSession(session) } },
  );
}

type ActionResult = { errors: AnswerErrors; raw: RawAnswers; refused: LocalizedText | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, round, definition } = await requireRoundAccess(request, params.roundId!, "keyPaperForms");
  const session = await getSession(request);
  const form = await readForm(request);
  verifyCsrf(session, form);
  const base = `/staff/rounds/${round.id}/entry`;
  if (form.get("intent") === "double-entry") {
    if (!can(user.role, "verifyPaperForms")) {
      throw refuse(msg("staffPages.entryModeSupervisors"), 403);
    }
    await setDoubleEntry(db, round.id, form.get("on") === "1", user.id);
    return redirect(base);
  }
  const code = String(form.get("_code") ?? "");
  const raw: RawAnswers = { ...rawAnswersFromEntries(form.entries(), definition), [BLANK_FIELD]: form.getAll(BLANK_FIELD).map(String) };
  delete raw.csrf;
  const saved = await attempt(() => saveEntry(db, { roundId: round.id, code, clerkId: user.id, raw }));
  // Refused (answered online meanwhile, a clash…): say why and keep what was typed on screen.
  if (!saved.ok) return data({ errors: {}, raw, refused: refusalText(saved.refusal) } satisfies ActionResult, { status: saved.refusal.status });
  const outcome = saved.value;
  if (!outcome.ok) return data({ errors: outcome.errors, raw, refused: null } satisfies ActionResult, { status: 400 });
  return redirect(`${base}?done=${outcome.code}&state=${outcome.state}&entry=${outcome.entryNo}&m=${outcome.mismatches}`);
}

const DONE_WORDS = {
  submitted: t.doneSubmitted,
  "awaiting-second": t.doneAwaitingSecond,
  verified: t.doneVerified,
  mismatch: t.doneMismatch,
} as const;

function doneText(done: z.infer<typeof DoneSchema>, locale: Locale): string {
  return fill(DONE_WORDS[done.state], { code: formatCode(done.done), m: done.m }, locale);
}

export default function PaperEntryPage() {
  const locale = useLocale();
  const { round, canSupervise, settings, progress, typed, target, refused, done, definition, csrf } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as ActionResult | undefined;
  const base = `/staff/rounds/${round.id}/entry`;
  return (
    <section aria-labelledby="entry-heading">
      <h2 id="entry-heading">{t.title[locale]}</h2>
      <div className="pe-settings">
        <span>
          {t.verified[locale]}: <strong>{progress.verified}</strong> · {t.awaitingSecond[locale]}: <strong>{progress.awaitingSecond}</strong> ·{" "}
          {t.toReview[locale]}: <strong>{progress.awaitingReview}</strong>
        </span>
        {canSupervise && (
          <Link to={`${base}/review`} prefetch="intent">
            {t.reviewLink[locale]}
          </Link>
        )}
      </div>
      <div className="pe-settings">
        <span>
          {t.mode[locale]} <strong>{(settings.doubleEntry ? t.modeDouble : t.modeSingle)[locale]}</strong>
        </span>
        {canSupervise && (
          <Form method="post">
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="intent" value="double-entry" />
            <input type="hidden" name="on" value={settings.doubleEntry ? "0" : "1"} />
            <button type="submit" className="button link">
              {(settings.doubleEntry ? t.switchToSingle : t.switchToDouble)[locale]}
            </button>
          </Form>
        )}
      </div>
      {done && (
        <p className={`pe-result ${done.state === "mismatch" ? "warn" : "ok"}`} role="status">
          {doneText(done, locale)}
        </p>
      )}
      {round.status !== "open" && <p className="pe-result refused">{paperEntry.roundClosed[locale]}</p>}
      <Form method="get" className="pe-lookup" key={`lookup-${target?.code ?? ""}-${done?.done ?? ""}`}>
        <div>
          <label htmlFor="pe-code">{t.codeLabel[locale]}</label>
          <input
            id="pe-code"
            name="code"
            className="code-input"
            defaultValue={target ? formatCode(target.code) : typed}
            autoFocus={!target}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={refused ? "pe-refused" : undefined}
          />
        </div>
        <button type="submit" className="button">
          {t.open[locale]}
        </button>
      </Form>
      {(posted?.refused ?? refused) && (
        <p className="pe-result refused" role="alert" id="pe-refused">
          {(posted?.refused ?? refused)![locale]}
        </p>
      )}
      {target && definition && (
        <>
          <div className="pe-banner">
            <span>
              {t.form[locale]} <span className="code">{formatCode(target.code)}</span>
            </span>
            <span>
              {target.doubleEntry
                ? `${fill(t.entryOfTwo, { entry: target.entryNo }, locale)}${target.entryNo === 2 ? ` ${t.blindSecond[locale]}` : ""}`
                : t.singleEntry[locale]}
            </span>
          </div>
          {target.onlineDraft && (
            <p className="pe-result warn">
              {t.onlineDraft[locale]}
            </p>
          )}
          <p className="pe-keys">
            <kbd>1</kbd>–<kbd>9</kbd> {t.keyPick[locale]} · <kbd>0</kbd> {t.keyBlank[locale]} · <kbd>Enter</kbd> {t.keyNext[locale]} · <kbd>Shift</kbd>+<kbd>Enter</kbd>{" "}
            {t.keyBack[locale]} · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {t.keySave[locale]}
          </p>
          <PaperEntryForm
            key={`${target.code}-${target.entryNo}-${locale}`}
            definition={definition}
            code={target.code}
            csrf={csrf}
            locale={locale}
            initial={posted?.raw ?? {}}
            serverErrors={posted?.errors ?? {}}
            cancelHref={base}
          />
        </>
      )}
    </section>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
