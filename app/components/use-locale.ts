import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "../i18n";

/** The page language chosen by the root loader (query switch, cookie, or Vietnamese). */
export function useLocale(): Locale {
  return useRouteLoaderData<{ locale: Locale }>("root")?.locale ?? "vi";
}

/** The page language inside a route's `meta`, which cannot call hooks: the root loader's choice, as useLocale. */
export function metaLocale(matches: readonly { id: string; data: unknown }[]): Locale {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
  return root?.locale ?? "vi";
}
