import type { Locale } from "../../domain/definition/schema";
import { studioPages as w } from "../../domain/messages/areas/studio-pages";

export function StatusBadge({ status, locale }: { status: string; locale: Locale }) {
  const label = status === "draft" ? w.statusDraft : status === "retired" ? w.statusRetired : w.statusPublished;
  return <span className={`studio-status ${status}`}>{label[locale]}</span>;
}
