/** A labelled progress bar; `value` null when the amount left is unknown. */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const percent = value === null ? null : Math.max(0, Math.min(100, Math.round(value * 100)));
  return (
    <div className="fw-progress" role="status" aria-live="polite">
      <p className="fw-progress-text">
        {label}
        {percent !== null ? ` — ${percent}%` : ""}
      </p>
      <div
        className={`fw-bar${percent === null ? " indeterminate" : ""}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div style={{ width: `${percent ?? 30}%` }} />
      </div>
    </div>
  );
}
