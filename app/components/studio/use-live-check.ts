import { useCallback, useEffect, useRef, useState } from "react";
import type { Raw } from "../../domain/studio/edit";
import { checkEditForm, type LiveCheck } from "../../domain/studio/live-check";

const PAUSE_MS = 300;

/**
 * The check as you type for the open editor form: the validator's answer for the draft with the form's current
 * values, kept until the page's data changes (a save, another form). Without JavaScript nothing runs and the page
 * shows the problems found at the last save.
 */
export function useLiveCheck(raw: Raw | null, key: string) {
  const [state, setState] = useState<{ key: string; result: LiveCheck } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const now = useCallback(
    (form: HTMLFormElement) => {
      window.clearTimeout(timer.current);
      if (!raw) return;
      const result = checkEditForm(raw, new FormData(form));
      if (result) setState({ key, result });
    },
    [raw, key],
  );
  const soon = useCallback(
    (form: HTMLFormElement) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => now(form), PAUSE_MS);
    },
    [now],
  );
  const live = state && state.key === key ? state.result : null;
  return { live, check: raw ? { now, soon } : undefined };
}
