import { useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { Locale } from "../../domain/definition/schema";
import { formatCount } from "../../domain/results/format";
import { resultsUi as w } from "./words";

export interface JobProgress {
  done: number;
  total: number | null;
  startedAt: string;
}

type Polled = { state: "ready" } | { state: "failed"; message: string } | ({ state: "computing" } & JobProgress);

function combine(jobs: readonly JobProgress[]): { done: number; total: number | null; percent: number | null } {
  const known = jobs.every((j) => j.total !== null);
  const done = jobs.reduce((s, j) => s + j.done, 0);
  const total = known ? jobs.reduce((s, j) => s + (j.total ?? 0), 0) : null;
  return { done, total, percent: total ? Math.min(99, Math.floor((100 * done) / total)) : total === 0 ? 0 : null };
}

/**
 * Shown while a round's indices are computed in the background: "Đang tính… 45%" with a <progress> bar. Without
 * JavaScript the page reloads itself every 2 s (a meta refresh inside <noscript>); with it, the panel polls the
 * progress endpoints every second and reloads the page's data once every job is ready.
 */
export function ComputingPanel({ jobs, progressUrls, locale }: { jobs: readonly JobProgress[]; progressUrls: readonly string[]; locale: Locale }) {
  const revalidator = useRevalidator();
  const [current, setCurrent] = useState(() => combine(jobs));
  const [failed, setFailed] = useState<string | null>(null);
  const generation = `${progressUrls.join("|")}#${jobs.map((j) => j.startedAt).join("|")}`;

  useEffect(() => {
    setCurrent(combine(jobs));
    setFailed(null);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const states = (await Promise.all(
          progressUrls.map((u) => fetch(u, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then((r) => r.json()))
        )) as Polled[];
        if (stopped) return;
        const failure = states.find((s): s is Extract<Polled, { state: "failed" }> => s.state === "failed");
        if (failure) {
          setFailed(failure.message);
          return;
        }
        if (states.every((s) => s.state === "ready")) revalidator.revalidate();
        else setCurrent(combine(states.map((s) => (s.state === "computing" ? s : { done: 1, total: 1, startedAt: "" }))));
      } catch {
        // A dropped request: the next tick asks again.
      }
      if (!stopped) timer = setTimeout(tick, 1000);
    };
    timer = setTimeout(tick, 500);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // Restart only for other jobs (new options, or a new job after the data changed).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generation]);

  if (failed) {
    return (
      <section className="computing failed" role="alert">
        <p>
          <strong>{w.failed[locale]}</strong> {failed}
        </p>
        <p>
          <a href="">{w.retry[locale]}</a>
        </p>
      </section>
    );
  }
  const label = current.percent === null ? w.preparing[locale] : `${w.computing[locale]} ${current.percent}%`;
  return (
    <section className="computing" aria-labelledby="computing-status" data-testid="computing">
      <noscript>
        <meta httpEquiv="refresh" content="2" />
      </noscript>
      <p id="computing-status" className="computing-status" role="status" aria-live="polite">
        {label}
      </p>
      <progress max={100} value={current.percent ?? undefined} aria-labelledby="computing-status">
        {current.percent === null ? "" : `${current.percent}%`}
      </progress>
      {current.total !== null && current.total > 0 && (
        <p className="hint">
          {formatCount(current.done, locale)} / {formatCount(current.total, locale)} {w.responsesWord[locale]}
        </p>
      )}
      <p className="hint">{w.computingHint[locale]}</p>
    </section>
  );
}
