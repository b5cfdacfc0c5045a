/**
 * Whom a citizen can ask for help before the page knows their round (the code-entry page, an unknown code): the help
 * contacts of the rounds open now. A contact is an office's phone or e-mail that staff set for citizens and print on
 * every letter, so it is public; nothing about a person is read.
 */
export interface HelpLine {
  contact: string;
  /** The names of the open rounds that give this contact, so a citizen with several letters finds theirs. */
  rounds: string[];
}

export interface RoundContact {
  name: string;
  helpContact: string | null;
}

/** The same contact typed twice (extra spaces) is one line. */
function tidy(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * One line per distinct contact, each with its rounds' names, in the order of the first round's name (Vietnamese
 * collation); rounds without a contact are left out, so no open round with a contact means no line.
 */
export function helpLines(rounds: readonly RoundContact[]): HelpLine[] {
  const byContact = new Map<string, Set<string>>();
  const collator = new Intl.Collator("vi");
  for (const round of [...rounds].sort((a, b) => collator.compare(a.name, b.name))) {
    const contact = tidy(round.helpContact ?? "");
    if (!contact) continue;
    const names = byContact.get(contact) ?? new Set<string>();
    names.add(tidy(round.name));
    byContact.set(contact, names);
  }
  return [...byContact].map(([contact, names]) => ({ contact, rounds: [...names] }));
}
