import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { LocalizedText } from "../../domain/definition/schema";
import { staff } from "../../domain/messages/areas/staff";
import { useLocale } from "../use-locale";

interface Payload {
  message?: string;
  details?: string[];
  localized?: LocalizedText;
  detailsLocalized?: LocalizedText[];
}

/** Shows a refused staff action (403, 404, a validation report) as a message with its details, in the reader's language. */
export function StaffErrorBoundary() {
  const error = useRouteError();
  const locale = useLocale();
  const payload = isRouteErrorResponse(error) ? (error.data as Payload | undefined) : undefined;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = payload?.localized?.[locale] ?? payload?.message ?? (status === 404 ? staff.notFound[locale] : staff.somethingWrong[locale]);
  const details = payload?.detailsLocalized?.map((d) => d[locale]) ?? payload?.details ?? [];
  return (
    <div className="panel" role="alert">
      <h1>{title}</h1>
      {details.length > 0 && (
        <ul className="error-details">
          {details.slice(0, 200).map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      <p>
        <a href="/staff">← {staff.rounds[locale]}</a>
      </p>
    </div>
  );
}
