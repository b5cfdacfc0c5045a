import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DefinitionText, FallbackNotice } from "../components/definition-text";
import { HelpContact } from "../components/survey/help-contact";
import { ProgressSteps } from "../components/survey/progress-steps";
import { SurveyPageForm } from "../components/survey/survey-page-form";
import { useLocale, metaLocale } from "../components/use-locale";
import { neighbourPage, progressPages, resumePage, visiblePages } from "../domain/answers/pages";
import type { LocalizedText } from "../domain/definition/schema";
import { definitionForPage } from "../domain/definition/for-page";
import { sectionTexts, textIn } from "../domain/definition/text";
import { formatCode } from "../domain/codes";
import { codeMessages } from "../domain/citizen-messages";
import { ui } from "../i18n";
import { answerCitizenPost, openOrRefuse, type CitizenPageResult } from "../services/citizen/post.server";
import { readForm } from "../services/platform/forms.server";
import { refuse } from "../services/platform/route-errors.server";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.form[metaLocale(matches)]}` }, { name: "robots", content: "noindex" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const client = { search: url.searchParams, cookie: request.headers.get("Cookie"), clientIp: context.clientIp };
  const { opened, setCookie, locale } = await openOrRefuse(params.code ?? "", client);
  const headers: Record<string, string> = setCookie ? { "Set-Cookie": setCookie } : {};
  if (opened.code !== params.code) return redirect(`/s/${opened.code}`, { headers });
  if (opened.status === "submitted") {
    throw refuse(codeMessages.submitted, 409, [], { helpContact: opened.helpContact });
  }
  const pages = visiblePages(opened.definition, opened.answers);
  const asked = url.searchParams.get("page");
  const page = asked && pages.includes(asked) ? asked : resumePage(opened.definition, opened.answers);
  return data(
    {
      code: opened.code,
      roundName: opened.roundName,
      definition: definitionForPage(opened.definition, page, locale), // in Vietnamese, without the English
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

/**
 * A no-JS browser's POST of a page is answered by the web server before Remix when it comes to a redirect
 * (citizen/post `fastCitizenPost`); otherwise it hands over what it got (`context.citizenAnswer`) and this returns it,
 * so nothing is done twice. Other posts (a script's) are answered here from the start.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const answer = context.citizenAnswer
    ? await context.citizenAnswer()
    : await answerCitizenPost(params.code ?? "", await readForm(request), {
        search: new URL(request.url).searchParams,
        cookie: request.headers.get("Cookie"),
        clientIp: context.clientIp,
      });
  const headers = answer.setCookie ? { "Set-Cookie": answer.setCookie } : undefined;
  if ("redirect" in answer) return redirect(answer.redirect, { headers });
  return data(answer.page, { status: 400, headers });
}

export default function SurveyPage() {
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as CitizenPageResult | undefined;
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
