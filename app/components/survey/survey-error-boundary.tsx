import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { LocalizedText } from "../../domain/definition/schema";
import type { HelpLine } from "../../domain/help-contacts";
import { ui } from "../../i18n";
import { useLocale } from "../use-locale";
import { HelpContact } from "./help-contact";

/** Refusals (unknown code, already submitted, too many tries) are messages, not crashes. */
export function SurveyErrorBoundary() {
  const error = useRouteError();
  const locale = useLocale();
  // A refusal (app/services/platform/route-errors.server.ts) carries its words in both languages, and where to get help.
  const payload = isRouteErrorResponse(error) ? (error.data as { localized?: LocalizedText; helpContact?: string | null; helpLines?: HelpLine[] } | undefined) : undefined;
  const refused = payload?.localized;
  return (
    <div className="panel narrow">
      <h1>{refused ? refused[locale] : ui.somethingWrong[locale]}</h1>
      {!refused && <p>{ui.tryAgain[locale]}</p>}
      <p>
        <a className="button" href="/">
          {ui.home[locale]}
        </a>
      </p>
      <HelpContact contact={payload?.helpContact} lines={payload?.helpLines} locale={locale} />
    </div>
  );
}
