import { useState, type ReactNode } from "react";
import type { Locale } from "../../domain/definition/schema";
import { csvDownloadWords } from "../../domain/messages/areas/staff-components";

type State = { phase: "idle" } | { phase: "loading"; rows: number; total: number | null } | { phase: "done"; rows: number } | { phase: "failed"; message: string };

const words = csvDownloadWords;

/** The file name the server gave (filename* in UTF-8 first), for saving the Blob. */
function filenameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through to the ASCII name */
    }
  }
  return disposition?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}

/** Rows in the stream so far: every row ends with CRLF (cells hold bare LF only), header included. */
function countRows(chunk: Uint8Array, previous: number): { rows: number; last: number } {
  let rows = 0;
  let prev = previous;
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i];
    if (b === 10 && prev === 13) rows++;
    prev = b;
  }
  return { rows, last: prev };
}

/**
 * Downloads a CSV with a progress bar: fetches the stream, counts rows against X-Total-Rows, then saves
 * the file. Without JavaScript (or fetch streams) the plain link or form downloads it as usual.
 */
export async function downloadWithProgress(url: string, fallbackName: string, onState: (s: State) => void): Promise<void> {
  onState({ phase: "loading", rows: 0, total: null });
  try {
    const res = await fetch(url, { credentials: "same-origin" });
    if (res.ok && !res.headers.get("Content-Type")?.startsWith("text/csv")) {
      // Not a file (the session ended and the server sent the sign-in page): let the browser follow the link.
      window.location.assign(url);
      return;
    }
    if (!res.ok || !res.body) {
      // Refusals come as plain text (respondOrRefuse, "text"); a sign-in page after a timeout does not.
      const text = res.headers.get("Content-Type")?.startsWith("text/plain") ? (await res.text()).trim() : "";
      onState({ phase: "failed", message: text.replace(/\n/g, " — ") || `HTTP ${res.status}` });
      return;
    }
    const totalHeader = res.headers.get("X-Total-Rows");
    const total = totalHeader === null ? null : Number(totalHeader);
    const reader = res.body.getReader();
    const parts: Uint8Array[] = [];
    let rows = 0;
    let last = 0;
    let shown = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      const counted = countRows(value, last);
      rows += counted.rows;
      last = counted.last;
      // The header is a row too; repaint at most every 1% of the file.
      const data = Math.max(0, rows - 1);
      if (total === null || data - shown >= Math.max(1, total / 100)) {
        shown = data;
        onState({ phase: "loading", rows: data, total });
      }
    }
    const blob = new Blob(parts as BlobPart[], { type: "text/csv;charset=utf-8" });
    const href = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = href;
    a.download = filenameOf(res.headers.get("Content-Disposition"), fallbackName);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
    onState({ phase: "done", rows: Math.max(0, rows - 1) });
  } catch (e) {
    onState({ phase: "failed", message: e instanceof Error ? e.message : String(e) });
  }
}

export function useCsvDownload() {
  const [state, setState] = useState<State>({ phase: "idle" });
  const supported = () => typeof window !== "undefined" && "ReadableStream" in window && typeof fetch === "function";
  return {
    state,
    busy: state.phase === "loading",
    /** Starts the download with progress; returns false when the browser cannot, so the plain link is followed. */
    start(url: string, fallbackName: string): boolean {
      if (state.phase === "loading") return true;
      if (!supported()) return false;
      void downloadWithProgress(url, fallbackName, setState);
      return true;
    },
  };
}

export function DownloadProgress({ state, locale, id }: { state: State; locale: Locale; id: string }): ReactNode {
  const n = (v: number) => v.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB");
  return (
    <div id={id} className="progress" aria-live="polite">
      {state.phase === "loading" && (
        <>
          <progress max={state.total ?? undefined} value={state.total === null ? undefined : state.rows} aria-label={words.preparing[locale]} />
          <p className="progress-text">
            {state.total === null || (state.rows === 0 && state.total > 0) ? words.preparing[locale] : `${n(state.rows)} / ${n(state.total)} ${words.rows[locale]}`}
          </p>
        </>
      )}
      {state.phase === "done" && (
        <p className="progress-text" role="status">
          {words.done[locale]}: {n(state.rows)} {words.rows[locale]}.
        </p>
      )}
      {state.phase === "failed" && (
        <p className="field-error" role="alert">
          {words.failed[locale]}: {state.message}
        </p>
      )}
    </div>
  );
}
