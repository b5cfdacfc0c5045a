import type { Locale } from "../../domain/definition/schema";
import type { HelpLine } from "../../domain/help-contacts";
import { citizen } from "../../domain/messages/areas/citizen";

/**
 * Where a citizen can get help, at the foot of every citizen page: the round's contact when the page knows the round;
 * otherwise the contacts of the rounds open now (`lines`) — one said plainly, several each with its rounds' names.
 * Nothing when there is none.
 */
export function HelpContact({ contact, lines = [], locale }: { contact?: string | null; lines?: readonly HelpLine[]; locale: Locale }) {
  // The area alone, not the whole catalogue: the citizen's pages stay small on a slow network.
  const one = contact ?? (lines.length === 1 ? lines[0].contact : null);
  if (one) {
    return (
      <aside className="help-contact" aria-label={citizen.helpLabel[locale]}>
        {citizen.helpContact[locale].replace("{contact}", one)}
      </aside>
    );
  }
  if (lines.length === 0) return null;
  return (
    <aside className="help-contact" aria-label={citizen.helpLabel[locale]}>
      <p>{citizen.helpContactSeveral[locale]}</p>
      <ul className="help-lines">
        {lines.map((line) => (
          <li key={line.contact}>
            <span className="help-rounds">{line.rounds.join("; ")}</span>: {line.contact}
          </li>
        ))}
      </ul>
    </aside>
  );
}
