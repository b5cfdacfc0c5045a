import { createCookie } from "@remix-run/node";
import type { Locale } from "../../domain/definition/schema";

const localeCookie = createCookie("sipas_lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

/** `?lang=` wins (the visible switch), then the cookie, then Vietnamese. */
export async function resolveLocale(request: Request): Promise<{ locale: Locale; setCookie?: string }> {
  return resolveLocaleFrom(new URL(request.url).searchParams, request.headers.get("Cookie"));
}

/** The same from a request's query and Cookie header (a POST answered before Remix: citizen/post). */
export async function resolveLocaleFrom(search: URLSearchParams, cookieHeader: string | null): Promise<{ locale: Locale; setCookie?: string }> {
  const fromQuery = search.get("lang");
  if (fromQuery === "vi" || fromQuery === "en") {
    return { locale: fromQuery, setCookie: await localeCookie.serialize(fromQuery) };
  }
  const fromCookie = await localeCookie.parse(cookieHeader);
  return { locale: fromCookie === "en" ? "en" : "vi" };
}
