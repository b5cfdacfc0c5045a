import { useState, type FormEvent, type ReactNode } from "react";
import type { Locale } from "../../domain/definition/schema";
import { ProgressBar } from "./progress-bar";
import { uploadFormWords } from "../../domain/messages/areas/staff-components";

interface UploadFormProps {
  /** Where the plain form posts (works without JavaScript). */
  action: string;
  /** The JSON endpoint the script posts to, with upload progress. */
  jsonAction: string;
  kind: "frame" | "units";
  csrf: string;
  locale: Locale;
  label: string;
  hint?: ReactNode;
  button: string;
  disabled?: boolean;
  /** A frame upload that takes the place of this file of the frame (its import id); otherwise it is added. */
  replaces?: string;
  /** Called with the outcome of a units upload (the page shows it); a frame upload moves to its import page. */
  onUnits?: (result: { added: number; updated: number; units: number }) => void;
}

type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; loaded: number; total: number }
  | { phase: "checking" }
  | { phase: "failed"; message: string; details: string[] };

const text = uploadFormWords;

function megabytes(n: number) {
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/**
 * A CSV upload. Without JavaScript it is a plain multipart form; with it, the file goes by
 * XMLHttpRequest so the bar shows how much has been sent, and problems show without leaving the page.
 */
export function UploadForm(props: UploadFormProps) {
  const { locale } = props;
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const busy = state.phase === "uploading" || state.phase === "checking";

  function submit(event: FormEvent<HTMLFormElement>) {
    if (typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", props.jsonAction);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => setState({ phase: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.upload.onload = () => setState({ phase: "checking" });
    xhr.onerror = () => setState({ phase: "failed", message: text.failedNetwork[locale], details: [] });
    xhr.onload = () => {
      let body: {
        ok?: boolean;
        redirect?: string;
        message?: string | { vi: string; en: string };
        details?: string[];
        result?: { added: number; updated: number; units: number };
      } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: the session ended and the request was sent to the sign-in page.
        if (xhr.responseURL && !xhr.responseURL.endsWith(props.jsonAction)) window.location.assign(xhr.responseURL);
        else setState({ phase: "failed", message: `HTTP ${xhr.status}`, details: [] });
        return;
      }
      if (body.ok && body.redirect) {
        window.location.assign(body.redirect);
        return;
      }
      if (body.ok && body.result) {
        form.reset();
        setState({ phase: "idle" });
        props.onUnits?.(body.result);
        return;
      }
      const message = typeof body.message === "string" ? body.message : body.message?.[locale] ?? `HTTP ${xhr.status}`;
      setState({ phase: "failed", message, details: body.details ?? [] });
    };
    setState({ phase: "uploading", loaded: 0, total: 0 });
    xhr.send(data);
  }

  const id = `upload-${props.kind}${props.replaces ? `-${props.replaces}` : ""}`;
  return (
    <form method="post" encType="multipart/form-data" action={props.action} onSubmit={submit} className="fw-form" data-upload={props.kind}>
      <input type="hidden" name="csrf" value={props.csrf} />
      <input type="hidden" name="kind" value={props.kind} />
      {props.replaces && <input type="hidden" name="replaces" value={props.replaces} />}
      <div className="field">
        <label htmlFor={id}>{props.label}</label>
        {props.hint}
        <input id={id} type="file" name="file" accept=".csv,text/csv" required disabled={props.disabled || busy} />
      </div>
      <div className="fw-actions">
        <button type="submit" className="button primary" disabled={props.disabled || busy}>
          {props.button}
        </button>
      </div>
      {state.phase === "uploading" && (
        <ProgressBar
          value={state.total ? state.loaded / state.total : null}
          label={`${text.uploading[locale]}: ${megabytes(state.loaded)}${state.total ? ` / ${megabytes(state.total)}` : ""}`}
        />
      )}
      {state.phase === "checking" && <ProgressBar value={null} label={text.checking[locale]} />}
      {state.phase === "failed" && (
        <div className="fw-alert" role="alert">
          <p className="fw-error">{state.message}</p>
          {state.details.length > 0 && (
            <ul className="error-details">
              {state.details.slice(0, 100).map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
