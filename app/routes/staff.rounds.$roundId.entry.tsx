import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { PaperEntryForm } from "../components/paper/entry-form";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale } from "../components/use-locale";
import { rawAnswersFromEntries, type AnswerErrors, type RawAnswers } from "../domain/answers/validate";
import { formatCode } from "../domain/codes";
import type { LocalizedText } from "../domain/definition/schema";
import { BLANK_FIELD } from "../domain/paper/validate-entry";
import { can } from "../domain/roles";
import { attempt, refuse, refusalText } from "../services/platform/route-errors.server";
import { readForm } from "../services/platform/forms.server";
import { entryProgress, getEntrySettings, openForKeying, saveEntry, setDoubleEntry, type KeyingTarget } from "../services/paper/entry.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import paperStyles from "../styles/paper.css";
import { msg } from "../domain/messages";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: paperStyles }];
export const meta: MetaFunction = () => [{ title: "SIPAS – Nhập phiếu giấy" }];

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

function doneText(done: z.infer<typeof DoneSchema>, vi: boolean): string {
  const code = formatCode(done.done);
  switch (done.state) {
    case "submitted":
      return vi ? `Đã lưu phiếu ${code}. Phiếu được tính là đã gửi (nhập một lần).` : `Saved form ${code}. It counts as submitted (single entry).`;
    case "awaiting-second":
      return vi ? `Đã lưu lần nhập 1 của phiếu ${code}. Cần một cán bộ khác nhập lần 2.` : `Saved the first entry of form ${code}. A different clerk must key it a second time.`;
    case "verified":
      return vi
        ? `Đã lưu lần nhập 2 của phiếu ${code}: khớp với lần 1. Phiếu đã được xác nhận và tính là đã gửi.`
        : `Saved the second entry of form ${code}: it matches the first. The form is verified and counts as submitted.`;
    case "mismatch":
      return vi
        ? `Đã lưu lần nhập 2 của phiếu ${code}: khác lần 1 ở ${done.m} câu. Phiếu chờ cán bộ giám sát đối chiếu.`
        : `Saved the second entry of form ${code}: it differs from the first in ${done.m} question(s). A supervisor must review it.`;
  }
}

export default function PaperEntryPage() {
  const locale = useLocale();
  const vi = locale === "vi";
  const { round, canSupervise, settings, progress, typed, target, refused, done, definition, csrf } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as ActionResult | undefined;
  const base = `/staff/rounds/${round.id}/entry`;
  return (
    <section aria-labelledby="entry-heading">
      <h2 id="entry-heading">{vi ? "Nhập phiếu giấy" : "Key paper forms"}</h2>
      <div className="pe-settings">
        <span>
          {vi ? "Đã xác nhận" : "Verified"}: <strong>{progress.verified}</strong> · {vi ? "Chờ nhập lần 2" : "Awaiting 2nd entry"}:{" "}
          <strong>{progress.awaitingSecond}</strong> · {vi ? "Cần đối chiếu" : "To review"}: <strong>{progress.awaitingReview}</strong>
        </span>
        {canSupervise && (
          <Link to={`${base}/review`} prefetch="intent">
            {vi ? "Đối chiếu phiếu nhập hai lần →" : "Review double entries →"}
          </Link>
        )}
      </div>
      <div className="pe-settings">
        <span>
          {vi ? "Cách nhập: " : "Mode: "}
          <strong>
            {settings.doubleEntry
              ? vi
                ? "nhập hai lần (hai cán bộ khác nhau nhập độc lập)"
                : "double entry (two different clerks key independently)"
              : vi
                ? "nhập một lần"
                : "single entry"}
          </strong>
        </span>
        {canSupervise && (
          <Form method="post">
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="intent" value="double-entry" />
            <input type="hidden" name="on" value={settings.doubleEntry ? "0" : "1"} />
            <button type="submit" className="button link">
              {settings.doubleEntry ? (vi ? "Chuyển sang nhập một lần" : "Switch to single entry") : vi ? "Bật nhập hai lần" : "Turn on double entry"}
            </button>
          </Form>
        )}
      </div>
      {done && (
        <p className={`pe-result ${done.state === "mismatch" ? "warn" : "ok"}`} role="status">
          {doneText(done, vi)}
        </p>
      )}
      {round.status !== "open" && <p className="pe-result refused">{vi ? "Đợt khảo sát đã đóng, không nhập thêm phiếu." : "This round is closed; no more forms can be keyed."}</p>}
      <Form method="get" className="pe-lookup" key={`lookup-${target?.code ?? ""}-${done?.done ?? ""}`}>
        <div>
          <label htmlFor="pe-code">{vi ? "Mã khảo sát trên phiếu" : "Survey code on the form"}</label>
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
          {vi ? "Mở phiếu" : "Open form"}
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
              {vi ? "Phiếu" : "Form"} <span className="code">{formatCode(target.code)}</span>
            </span>
            <span>
              {target.doubleEntry
                ? vi
                  ? `Lần nhập ${target.entryNo} / 2${target.entryNo === 2 ? " (nhập độc lập, không xem lần 1)" : ""}`
                  : `Entry ${target.entryNo} of 2${target.entryNo === 2 ? " (blind: entry 1 is not shown)" : ""}`
                : vi
                  ? "Nhập một lần"
                  : "Single entry"}
            </span>
          </div>
          {target.onlineDraft && (
            <p className="pe-result warn">
              {vi
                ? "Người này đã bắt đầu trả lời trực tuyến nhưng chưa gửi. Khi phiếu giấy được xác nhận, bản trả lời dở dang sẽ được thay bằng phiếu giấy."
                : "This person started answering online but has not submitted. Once the paper form is verified it replaces the unfinished online answers."}
            </p>
          )}
          <p className="pe-keys">
            {vi ? (
              <>
                <kbd>1</kbd>–<kbd>9</kbd> chọn phương án và sang câu tiếp · <kbd>0</kbd> bỏ trống · <kbd>Enter</kbd> sang câu tiếp · <kbd>Shift</kbd>+<kbd>Enter</kbd> quay lại ·{" "}
                <kbd>Ctrl</kbd>+<kbd>Enter</kbd> lưu phiếu
              </>
            ) : (
              <>
                <kbd>1</kbd>–<kbd>9</kbd> pick an option and move on · <kbd>0</kbd> blank · <kbd>Enter</kbd> next question · <kbd>Shift</kbd>+<kbd>Enter</kbd> back ·{" "}
                <kbd>Ctrl</kbd>+<kbd>Enter</kbd> save
              </>
            )}
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
