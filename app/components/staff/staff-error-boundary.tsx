import { isRouteErrorResponse, useRouteError } from "@remix-run/react";

/** Shows a refused staff action (403, 404, a validation report) as a message with its details. */
export function StaffErrorBoundary() {
  const error = useRouteError();
  const payload = isRouteErrorResponse(error) ? (error.data as { message?: string; details?: string[] } | undefined) : undefined;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <div className="panel" role="alert">
      <h1>{payload?.message ?? (status === 404 ? "Không tìm thấy / Not found" : "Đã có lỗi xảy ra / Something went wrong")}</h1>
      {payload?.details && payload.details.length > 0 && (
        <ul className="error-details">
          {payload.details.slice(0, 200).map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      <p>
        <a href="/staff">← Các đợt khảo sát / Survey rounds</a>
      </p>
    </div>
  );
}
