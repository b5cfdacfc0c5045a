import { useLocation } from "@remix-run/react";
import { ui, type Locale } from "../i18n";

/** A plain link (works without JavaScript) to the same page in the other language. */
export function LanguageSwitch({ locale }: { locale: Locale }) {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const other: Locale = locale === "vi" ? "en" : "vi";
  params.set("lang", other);
  return (
    <a className="lang-switch" href={`${location.pathname}?${params}`} hrefLang={other} lang={other} aria-label={`${ui.switchTo[locale]} – ${ui.switchLabel[locale]}`}>
      {ui.switchTo[locale]}
    </a>
  );
}
