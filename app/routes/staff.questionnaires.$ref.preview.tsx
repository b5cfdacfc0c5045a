import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DefinitionText, FallbackNotice } from "../components/definition-text";
import { PaperQuestionnaire } from "../components/print/paper-questionnaire";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { studioPath } from "../components/studio/words";
import { ProgressSteps } from "../components/survey/progress-steps";
import { SurveyPageForm } from "../components/survey/survey-page-form";
import { useLocale } from "../components/use-locale";
import { getDb } from "../db.server";
import { progressPages, visiblePages } from "../domain/answers/pages";
import { rawAnswersFromEntries, type AnswerErrors } from "../domain/answers/validate";
import type { Answers } from "../domain/definition/conditions";
import { parseDefinition } from "../domain/definition/parse";
import type { Definition, Locale } from "../domain/definition/schema";
import { sectionTexts, textIn } from "../domain/definition/text";
import { fill } from "../domain/messages";
import { studioPages as w } from "../domain/messages/areas/studio-pages";
import { itemNumbers } from "../domain/paper/keys";
import { skipNotes } from "../domain/paper/skip-text";
import { previewStep, readPreviewAnswers } from "../domain/studio/preview";
import { loadByRef } from "../services/definitions/drafts.server";
import { readForm } from "../services/platform/forms.server";
import { orRefuse, refuse } from "../services/platform/route-errors.server";
import { qrSvg } from "../services/paper/printing.server";
import { requirePermission } from "../services/staff/guards.server";
import paperStyles from "../styles/paper.css";
import studioStyles from "../styles/studio.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: studioStyles },
  { rel: "stylesheet", href: paperStyles },
];
export const meta: MetaFunction = ({ params }) => [{ title: `SIPAS – ${params.ref ?? ""}` }];

const SAMPLE_CODE = "ABCDE23456";

async function open(request: Request, ref: string): Promise<{ definition: Definition | null; problems: number }> {
  const user = await requirePermission(request, "viewQuestionnaires");
  const { db } = await getDb();
  const loaded = await orRefuse(() => loadByRef(db, ref, { provinceCode: user.provinceCode }));
  const parsed = parseDefinition(loaded.raw);
  return parsed.ok ? { definition: parsed.definition, problems: 0 } : { definition: null, problems: parsed.issues.length };
}

const previewLocale = (v: string | null): Locale => (v === "en" ? "en" : "vi");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ref = params.ref ?? "";
  const { definition, problems } = await open(request, ref);
  const url = new URL(request.url);
  const lang = previewLocale(url.searchParams.get("formLang"));
  const view = url.searchParams.get("view") === "paper" ? "paper" : "online";
  if (!definition) return { ref, lang, view, problems, definition: null } as const;
  const answers = readPreviewAnswers(definition, url.searchParams.get("a"));
  const pages = visiblePages(definition, answers);
  const asked = url.searchParams.get("page") ?? "";
  const done = url.searchParams.get("done") === "1";
  const page = pages.includes(asked) ? asked : pages[0];
  const link = `${url.origin}/s/${SAMPLE_CODE}`;
  return {
    ref,
    lang,
    view,
    problems,
    definition,
    answers,
    pages,
    page,
    done,
    progress: progressPages(definition, answers, page),
    person: view === "paper" ? { code: SAMPLE_CODE, link, qrSvg: await qrSvg(link) } : null,
  };
}

type ActionResult = { page: string; errors: AnswerErrors; answers: Answers };

/** Checks the page and moves on, as the citizen's form does, but stores nothing: the answers go into the next address. */
export async function action({ request, params }: ActionFunctionArgs) {
  const ref = params.ref ?? "";
  const { definition } = await open(request, ref);
  const form = await readForm(request);
  if (!definition) throw refuse(w.unknownRequest, 400);
  const page = String(form.get("page") ?? "");
  if (!definition.sections.some((s) => s.code === page)) throw refuse(w.unknownRequest, 400);
  const lang = previewLocale(String(form.get("preview_lang") ?? ""));
  const previous = readPreviewAnswers(definition, String(form.get("preview_answers") ?? ""));
  const step = previewStep(definition, previous, rawAnswersFromEntries(form.entries(), definition), page, String(form.get("intent") ?? "save"));
  if (!step.ok) return data({ page, errors: step.errors, answers: step.answers } satisfies ActionResult, { status: 400 });
  // "formLang", not "lang": the app reads "lang" as the reader's own choice of language for every page.
  const q = new URLSearchParams({ formLang: lang, a: JSON.stringify(step.answers) });
  if (step.page) q.set("page", step.page);
  else q.set("done", "1");
  return redirect(studioPath(ref, `/preview?${q}`));
}

export default function Preview() {
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as ActionResult | undefined;
  const { ref, lang, view } = loaded;
  const q = (next: Record<string, string>) => `?${new URLSearchParams({ formLang: lang, view, ...next })}`;
  return (
    <div className="panel wide">
      <p>
        <Link to={studioPath(ref)}>← {ref}</Link>
      </p>
      <h1>{fill(w.previewTitle, { id: ref }, locale)}</h1>
      <p className="hint">{w.previewNote[locale]}</p>
      <nav className="studio-actions" aria-label={w.previewIn[locale]}>
        <Link className="button" to={q({ formLang: "vi", view: "online" })} aria-current={view === "online" && lang === "vi" ? "page" : undefined}>
          {w.previewOnline[locale]} · {w.previewVi[locale]}
        </Link>
        <Link className="button" to={q({ formLang: "en", view: "online" })} aria-current={view === "online" && lang === "en" ? "page" : undefined}>
          {w.previewOnline[locale]} · {w.previewEn[locale]}
        </Link>
        <Link className="button" to={q({ formLang: "vi", view: "paper" })} aria-current={view === "paper" ? "page" : undefined}>
          {w.previewPaper[locale]}
        </Link>
      </nav>
      {loaded.definition === null ? (
        <p className="error-summary" role="alert">
          {fill(w.previewBroken, { n: loaded.problems }, locale)} <Link to={studioPath(ref)}>{ref}</Link>
        </p>
      ) : view === "paper" && loaded.person ? (
        <div className="pf-sheets" tabIndex={0} role="region" aria-label={w.previewPaper[locale]}>
          <PaperQuestionnaire
            definition={loaded.definition}
            roundName={w.previewSample.vi}
            person={loaded.person}
            notes={skipNotes(loaded.definition, "vi")}
            numbers={itemNumbers(loaded.definition)}
            helpContact={null}
          />
        </div>
      ) : loaded.done ? (
        <div className="studio-preview" lang={lang}>
          <p className="notice" role="status">
            {w.previewDone[lang]}
          </p>
          <ul>
            {Object.entries(loaded.answers).map(([code, value]) => (
              <li key={code}>
                <span className="code">{code}</span> = {Array.isArray(value) ? value.join(", ") : String(value)}
              </li>
            ))}
          </ul>
          <Link to={q({})}>{w.previewRestart[lang]}</Link>
        </div>
      ) : (
        <OnlinePreview definition={loaded.definition} page={loaded.page} pages={loaded.pages} progress={loaded.progress} answers={posted?.page === loaded.page ? posted.answers : loaded.answers} errors={posted?.page === loaded.page ? posted.errors : {}} lang={lang} />
      )}
    </div>
  );
}

function OnlinePreview({ definition, page, pages, progress, answers, errors, lang }: { definition: Definition; page: string; pages: string[]; progress: string[]; answers: Answers; errors: AnswerErrors; lang: Locale }) {
  const section = definition.sections.find((s) => s.code === page)!;
  const titleOf = (code: string) => definition.sections.find((s) => s.code === code)!.title;
  const index = pages.indexOf(page);
  return (
    <div className="studio-preview" lang={lang}>
      <p className="eyebrow">
        <DefinitionText text={definition.title} locale={lang} />
      </p>
      <ProgressSteps pages={progress.map((code) => ({ code, title: textIn(titleOf(code), lang) }))} current={progress.indexOf(page)} locale={lang} />
      <h2 className="section-title">
        <DefinitionText text={section.title} locale={lang} />
      </h2>
      {section.description && (
        <p>
          <DefinitionText text={section.description} locale={lang} />
        </p>
      )}
      <FallbackNotice texts={sectionTexts(section)} locale={lang} />
      <SurveyPageForm
        key={`${page}-${lang}-${JSON.stringify(answers)}`}
        definition={definition}
        section={section}
        locale={lang}
        answers={answers}
        serverErrors={errors}
        hasPrevious={index > 0}
        isLast={index === pages.length - 1}
        hiddenFields={{ preview_answers: JSON.stringify(answers), preview_lang: lang }}
      />
    </div>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
