import type { Locale } from "../../domain/definition/schema";
import { ui } from "../../i18n";

/** "Part 2 of 5" in words (for screen readers and small screens) and as a bar. */
export function ProgressSteps({ pages, current, locale }: { pages: { code: string; title: string }[]; current: number; locale: Locale }) {
  const percent = Math.round(((current + 1) / pages.length) * 100);
  return (
    <div className="progress">
      <p className="progress-text">
        {ui.part[locale]} {current + 1} {ui.of[locale]} {pages.length}
      </p>
      <div className="progress-bar" aria-hidden="true">
        <div style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
