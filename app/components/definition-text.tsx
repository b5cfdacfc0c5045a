import type { DefinitionText as Text, Locale } from "../domain/definition/schema";
import { FALLBACK_MARK, showText } from "../domain/definition/text";
import { definitionText } from "../domain/messages/areas/definition-text";

/**
 * A questionnaire text in the reader's language. Where the English is missing it shows the Vietnamese with
 * `lang="vi"` (so a screen reader pronounces it right) and a small "VI" mark; the page says once what the mark means
 * (`FallbackNotice`).
 */
export function DefinitionText({ text, locale }: { text: Text; locale: Locale }) {
  const shown = showText(text, locale);
  if (!shown.fallback) return <>{shown.text}</>;
  return (
    <>
      <span lang="vi">{shown.text}</span>{" "}
      <abbr className="fallback-mark" title={FALLBACK_MARK.en}>
        VI
      </abbr>
    </>
  );
}

/** One sentence for a page on which some texts are shown in Vietnamese because their English is missing. */
export function FallbackNotice({ texts, locale }: { texts: ReadonlyArray<Text | undefined>; locale: Locale }) {
  if (locale !== "en" || !texts.some((t) => t && !t.en)) return null;
  return (
    <p className="fallback-notice">{definitionText.fallbackNotice[locale]}</p>
  );
}
