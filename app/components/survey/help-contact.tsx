import type { Locale } from "../../domain/definition/schema";
import { citizen } from "../../domain/messages/areas/citizen";

/** The round's help contact (phone, e-mail), at the foot of every citizen page that knows its round. */
export function HelpContact({ contact, locale }: { contact: string | null | undefined; locale: Locale }) {
  if (!contact) return null;
  return (
    <aside className="help-contact" aria-label={citizen.helpLabel[locale]}>
      {/* The area alone, not the whole catalogue: the citizen's pages stay small on a slow network. */}
      {citizen.helpContact[locale].replace("{contact}", contact)}
    </aside>
  );
}
