import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DefinitionText, FallbackNotice } from "../components/definition-text";
import { HelpContact } from "../components/survey/help-contact";
import { ProgressSteps } from "../components/survey/progress-steps";
import { SurveyPageForm } from "../components/survey/survey-page-form";
import { useLocale } from "../components/use-locale";
import { getDb } from "../db.server";
import { neighbourPage, progressPages, resumePage, visiblePages } from "../domain/answers/pages";
import { rawAnswersFromEntries, type AnswerErrors } from "../domain/answers/validate";
import type { Answers } from "../domain/definition/conditions";
import type { LocalizedText } from "../domain/definition/schema";
import { definitionForPage } from "../domain/definition/for-page";
import { sectionTexts, textIn } from "../domain/definition/text";
import { formatCode } from "../domain/codes";
import { codeMessages } from "../domain/citizen-messages";
import { ui } from "../i18n";
import { redeemCode } from "../services/citizen/redeem.server";
import { savePage, submitForm } from "../services/citizen/form.server";
import { resolveLocale } from "../services/platform/locale.server";
import { readForm } from "../services/platform/forms.server";
import { orRefuse, refusalOf, refuse } from "../services/platform/route-errors.server";
import { readVisitor, visitorHeader } from "../services/citizen/visitor.server";

export const meta: MetaFunction = () => [{ title: "SIPAS – Phiếu khảo sát" }, { name: "robots", content: "noindex" }];

/**
 * Opens the code for this browser (ADR 023: its own codes and signed links are never counted) and says which
 * cookie keeps the browser's id and the codes it opened; a refusal keeps the id too.
 */
async function openOrRefuse(request: Request, code: string, clientIp: string | undefined) {
  const { db } = await getDb();
  const visitor = await readVisitor(db, request);
  const signature = new URL(request.url).searchParams.get("k");
  try {
    const opened = await redeemCode(db, code, { address: clientIp ?? "unknown", visitor, signature });
    const known = visitor.id !== null && visitor.codes.includes(opened.code);
    const headers: Record<string, string> = known ? {} : { "Set-Cookie": await visitorHeader(db, visitor, opened.code) };
    return { db, opened, headers };
  } catch (e) {
    const refusal = refusalOf(e);
    if (!refusal) throw e;
    const headers = visitor.id ? undefined : { "Set-Cookie": await visitorHeader(db, visitor) };
    throw data(refusal, { status: refusal.status, headers });
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { opened, headers } = await openOrRefuse(request, params.code ?? "", context.clientIp);
  if (opened.code !== params.code) return redirect(`/s/${opened.code}`, { headers });
  if (opened.status === "submitted") {
    throw refuse(codeMessages.submitted, 409, [], { helpContact: opened.helpContact });
  }
  const url = new URL(request.url);
  const pages = visiblePages(opened.definition, opened.answers);
  const asked = url.searchParams.get("page");
  const page = asked && pages.includes(asked) ? asked : resumePage(opened.definition, opened.answers);
  return data(
    {
      code: opened.code,
      roundName: opened.roundName,
      definition: definitionForPage(opened.definition, page),
      answers: opened.answers,
      pages,
      progress: progressPages(opened.definition, opened.answers, page),
      page,
      helpContact: opened.helpContact,
      resumed: !asked && opened.status === "draft",
    },
    { headers },
  );
}

type ActionResult = { page: string; errors: AnswerErrors; answers: Answers; elsewhere: string[] };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { db, opened } = await openOrRefuse(request, params.code ?? "", context.clientIp);
  const { locale } = await resolveLocale(request);
  const intent = String(form.get("intent") ?? "save");
  const page = String(form.get("page") ?? "");
  if (!opened.definition.sections.some((s) => s.code === page)) throw refuse(ui.tryAgain, 400);
  const input = { form: opened, raw: rawAnswersFromEntries(form.entries(), opened.definition), sections: [page], locale };
  const base = `/s/${opened.code}`;
  return orRefuse(async () => {
    if (intent === "submit") {
      const outcome = await submitForm(db, input);
      if (outcome.ok) return redirect(`${base}/thanks`);
      const elsewhere = sectionsWithErrors(opened.definition.sections, outcome.errors).filter((s) => s !== page);
      return data({ page, errors: outcome.errors, answers: outcome.answers, elsewhere } satisfies ActionResult, { status: 400 });
    }
    const outcome = await savePage(db, input, intent === "next");
    if (!outcome.ok) return data({ page, errors: outcome.errors, answers: outcome.answers, elsewhere: [] } satisfies ActionResult, { status: 400 });
    const pages = visiblePages(opened.definition, outcome.answers);
    if (intent === "next") return redirect(`${base}?page=${neighbourPage(pages, page, 1) ?? page}`);
    if (intent === "back") return redirect(`${base}?page=${neighbourPage(pages, page, -1) ?? page}`);
    return redirect(`${base}?page=${page}&saved=1`);
  });
}

function sectionsWithErrors(sections: { code: string; items: { code: string }[] }[], errors: AnswerErrors): string[] {
  return sections.filter((s) => s.items.some((i) => errors[i.code])).map((s) => s.code);
}

export default function SurveyPage() {
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const result = posted && posted.page === loaded.page ? posted : undefined;
  const { definition, pages, page } = loaded;
  const section = definition.sections.find((s) => s.code === page)!;
  const index = pages.indexOf(page);
  const answers = result?.answers ?? loaded.answers;
  const titleOf = (code: string) => definition.sections.find((s) => s.code === code)!.title;
  return (
    <div className="panel">
      <p className="eyebrow">
        <DefinitionText text={definition.title} locale={locale} /> · {ui.code[locale]} <span className="code">{formatCode(loaded.code)}</span>
      </p>
      <ProgressSteps
        pages={loaded.progress.map((code) => ({ code, title: textIn(titleOf(code), locale) }))}
        current={loaded.progress.indexOf(page)}
        locale={locale}
      />
      <h1 className="section-title">
        <DefinitionText text={section.title} locale={locale} />
      </h1>
      {section.description && (
        <p>
          <DefinitionText text={section.description} locale={locale} />
        </p>
      )}
      <FallbackNotice texts={sectionTexts(section)} locale={locale} />
      {params.get("saved") && (
        <p className="notice" role="status">
          {ui.saved[locale]}
        </p>
      )}
      {loaded.resumed && !result && (
        <p className="notice" role="status">
          {ui.resumed[locale]}
        </p>
      )}
      {result && result.elsewhere.length > 0 && (
        <div className="error-summary" role="alert">
          <p>{ui.errorsElsewhere[locale]}</p>
          <ul>
            {result.elsewhere.map((code) => (
              <li key={code}>
                <a href={`/s/${loaded.code}?page=${code}`}>
                  <DefinitionText text={titleOf(code)} locale={locale} />
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <SurveyPageForm
        key={`${page}-${locale}`}
        definition={definition}
        section={section}
        locale={locale}
        answers={answers}
        serverErrors={result?.errors ?? {}}
        hasPrevious={index > 0}
        isLast={index === pages.length - 1}
      />
      <HelpContact contact={loaded.helpContact} locale={locale} />
    </div>
  );
}

export { SurveyErrorBoundary as ErrorBoundary } from "../components/survey/survey-error-boundary";
