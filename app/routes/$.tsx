import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { HelpContact } from "../components/survey/help-contact";
import { useLocale, metaLocale } from "../components/use-locale";
import { getDb } from "../db.server";
import { ui } from "../i18n";
import { openRoundHelp } from "../services/citizen/help.server";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.notFound[metaLocale(matches)]}` }];

/**
 * An address no page has (a mistyped link from a letter, a cut-off QR code): a 404 that still says whom to ask, as the
 * code-entry page does — the contacts of the rounds open now, since the citizen's round is not known.
 */
export async function loader(_: LoaderFunctionArgs) {
  const { db } = await getDb();
  return data({ help: await openRoundHelp(db) }, { status: 404 });
}

/** A post to an unknown address is not found either (without an action it would be "method not allowed"). */
export async function action() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  const locale = useLocale();
  const { help } = useLoaderData<typeof loader>();
  return (
    <div className="panel">
      <h1>{ui.notFound[locale]}</h1>
      <p>
        <a href="/">{ui.home[locale]}</a>
      </p>
      <HelpContact lines={help} locale={locale} />
    </div>
  );
}
