import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale, metaLocale } from "../components/use-locale";
import { getDb } from "../db.server";
import { formatCode } from "../domain/codes";
import { ui } from "../i18n";
import { helpContactForCode, submissionStatus } from "../services/citizen/form.server";
import { HelpContact } from "../components/survey/help-contact";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.thanks[metaLocale(matches)]}` }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const { db } = await getDb();
  const status = await submissionStatus(db, params.code ?? "");
  // Only a submitted code has a thank-you page; anything else goes back to the form.
  if (status !== "submitted") throw redirect(`/s/${encodeURIComponent(params.code ?? "")}`);
  return { code: params.code!, helpContact: await helpContactForCode(db, params.code!) };
}

export default function Thanks() {
  const locale = useLocale();
  const { code, helpContact } = useLoaderData<typeof loader>();
  return (
    <div className="panel narrow thanks">
      <h1>{ui.thanksTitle[locale]}</h1>
      <p>{ui.thanksBody[locale]}</p>
      <p className="hint">
        {ui.code[locale]}: <span className="code">{formatCode(code)}</span>
      </p>
      <HelpContact contact={helpContact} locale={locale} />
    </div>
  );
}
