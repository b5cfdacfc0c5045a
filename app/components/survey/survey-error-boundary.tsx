import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { LocalizedText } from "../../domain/definition/schema";
import { ui } from "../../i18n";
import { useLocale } from "../use-locale";

/** Refusals (unknown code, already submitted, too many tries) are messages, not crashes. */
export function SurveyErrorBoundary() {
  const error = useRouteError();
  const locale = useLocale();
  const refused = isRouteErrorResponse(error) ? (error.data as { refused?: LocalizedText } | undefined)?.refused : undefined;
  return (
    <div className="panel narrow">
      <h1>{refused ? refused[locale] : ui.somethingWrong[locale]}</h1>
      {!refused && <p>{ui.tryAgain[locale]}</p>}
      <p>
        <a className="button" href="/">
          {ui.home[locale]}
        </a>
      </p>
    </div>
  );
}
