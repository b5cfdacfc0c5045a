import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "../i18n";

/** The page language chosen by the root loader (query switch, cookie, or Vietnamese). */
export function useLocale(): Locale {
  return useRouteLoaderData<{ locale: Locale }>("root")?.locale ?? "vi";
}
