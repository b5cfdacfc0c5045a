import { useBeforeUnload, useBlocker } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";

/**
 * Warns before leaving a page whose editor form has unsaved changes: the browser's own question when the page is
 * closed or reloaded, a confirmation when a link inside the app is followed. A form opts in with `data-dirty-guard`;
 * submitting it (saving) clears the warning.
 */
export function DirtyGuard({ message }: { message: string }) {
  const dirty = useRef(false);
  useEffect(() => {
    const onInput = (e: Event) => {
      if ((e.target as HTMLElement | null)?.closest?.("form[data-dirty-guard]")) dirty.current = true;
    };
    const onSubmit = () => {
      dirty.current = false;
    };
    document.addEventListener("input", onInput);
    document.addEventListener("change", onInput);
    document.addEventListener("submit", onSubmit, true);
    return () => {
      document.removeEventListener("input", onInput);
      document.removeEventListener("change", onInput);
      document.removeEventListener("submit", onSubmit, true);
    };
  }, []);
  useBeforeUnload(
    useCallback((e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      e.preventDefault();
      e.returnValue = message;
    }, [message]),
  );
  const blocker = useBlocker(({ currentLocation, nextLocation, historyAction }) => {
    if (!dirty.current || historyAction === "REPLACE") return false;
    return currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search;
  });
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(message)) {
      dirty.current = false;
      blocker.proceed();
    } else blocker.reset();
  }, [blocker, message]);
  return null;
}
