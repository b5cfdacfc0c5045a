import { formatCode } from "../../domain/codes";
import { fill, type PlainParam } from "../../domain/messages/fill";
import { print } from "../../domain/messages/areas/print";
import type { Definition, Item, Option } from "../../domain/definition/schema";
import { optionKeys } from "../../domain/paper/keys";
import type { SkipNotes } from "../../domain/paper/skip-text";

export interface PrintPerson {
  code: string;
  link: string;
  qrSvg: string;
  /** Only for staff allowed to see contacts, and only for sampled people. */
  contact?: { name: string; address: string | null } | null;
}

export interface PaperQuestionnaireProps {
  definition: Definition;
  roundName: string;
  person: PrintPerson;
  notes: SkipNotes;
  numbers: Map<string, number>;
  /** The round's help contact (phone, e-mail), printed on the letter and the form. */
  helpContact: string | null;
}

const MATRIX_TYPES: readonly Item["type"][] = ["satisfaction5", "level3", "yesno", "single", "demographic"];

/** Consecutive questions sharing one option set print as a grid, as on the ministry's forms. */
type Block = { kind: "item"; item: Item } | { kind: "matrix"; items: Item[]; options: Option[] };

function sameOptions(a: Item, b: Item): boolean {
  if (!a.options || !b.options || a.options.length !== b.options.length) return false;
  return a.options.every((o, i) => o.code === b.options![i].code && o.label.vi === b.options![i].label.vi);
}

export function blocksOf(items: Item[]): Block[] {
  const blocks: Block[] = [];
  const groupable = (item: Item) => MATRIX_TYPES.includes(item.type) && !!item.options && item.options.length <= 5;
  for (const item of items) {
    const last = blocks[blocks.length - 1];
    if (groupable(item) && last?.kind === "matrix" && sameOptions(last.items[0], item)) last.items.push(item);
    else if (groupable(item) && last?.kind === "item" && groupable(last.item) && sameOptions(last.item, item)) {
      blocks[blocks.length - 1] = { kind: "matrix", items: [last.item, item], options: item.options! };
    } else blocks.push({ kind: "item", item });
  }
  return blocks;
}

function Box({ n }: { n: string | null }) {
  return (
    <span className="pf-choice">
      <span className="pf-box" aria-hidden="true" />
      {n && <span className="pf-key">{n}</span>}
    </span>
  );
}

function ItemBlock({ item, number, notes }: { item: Item; number: number; notes: SkipNotes }) {
  const keys = optionKeys(item);
  return (
    <div className="pf-item" data-item={item.code}>
      <p className="pf-q">
        <span className="pf-n">{number}.</span> {item.label.vi}
        {item.type === "multiple" && <span className="pf-hint"> {P(print.chooseMany)}</span>}
      </p>
      {item.help && <p className="pf-hint">{item.help.vi}</p>}
      {notes.items.get(item.code) && <p className="pf-skip">{notes.items.get(item.code)}</p>}
      {item.options && (
        <ul className={`pf-options${item.options.length > 4 ? " pf-options-long" : ""}`}>
          {item.options.map((o, i) => (
            <li key={o.code}>
              <Box n={keys[i].key} /> {o.label.vi}
            </li>
          ))}
        </ul>
      )}
      {item.type === "number" && (
        <p className="pf-digits" aria-hidden="true">
          {Array.from({ length: Math.max(2, String(Math.trunc(Math.abs(item.max ?? 9999))).length) }, (_, i) => (
            <span key={i} className="pf-digit" />
          ))}
        </p>
      )}
      {item.type === "text" && (
        <div className="pf-lines" aria-hidden="true">
          {Array.from({ length: 5 }, (_, i) => (
            <span key={i} />
          ))}
        </div>
      )}
      {notes.routes.get(item.code)?.map((r) => (
        <p key={r} className="pf-route">
          → {r}
        </p>
      ))}
    </div>
  );
}

function MatrixBlock({ items, options, numbers, notes }: { items: Item[]; options: Option[]; numbers: Map<string, number>; notes: SkipNotes }) {
  const keys = optionKeys(items[0]);
  return (
    <table className={`pf-matrix pf-cols-${options.length}`}>
      <thead>
        <tr>
          <th scope="col" className="pf-mq">
            {P(print.question)}
          </th>
          {options.map((o, i) => (
            <th scope="col" key={o.code}>
              <span className="pf-key">{keys[i].key}</span> {o.label.vi}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.code} data-item={item.code}>
            <th scope="row" className="pf-mq">
              <span className="pf-n">{numbers.get(item.code)}.</span> {item.label.vi}
              {notes.items.get(item.code) && <span className="pf-skip pf-skip-inline">{notes.items.get(item.code)}</span>}
              {notes.routes.get(item.code)?.map((r) => (
                <span key={r} className="pf-route pf-skip-inline">
                  → {r}
                </span>
              ))}
            </th>
            {options.map((o, i) => (
              <td key={o.code}>
                <Box n={keys[i].key} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The words of the printed sheets: always Vietnamese, whatever the staff page's language (ADR 015). */
const P = (entry: { vi: string; en: string }, params?: Record<string, PlainParam>) => (params ? fill(entry, params, "vi") : entry.vi);

/**
 * The cover letter: the only sheet with the person's name and address. The citizen keeps it and sends back only the
 * questionnaire, so a returned form carries the code but never who answered.
 */
function CoverLetter({ definition, roundName, person, helpContact, site }: PaperQuestionnaireProps & { site: string }) {
  const code = formatCode(person.code);
  const contact = person.contact!;
  return (
    <section className="pf-cover" aria-label={P(print.letterTitle)} data-cover>
      <div className="pf-running">
        <span>{roundName}</span>
        <span>
          {P(print.surveyCode)} <strong className="pf-mono">{code}</strong>
        </span>
      </div>
      <div className="pf-address">
        <p className="pf-name">{P(print.letterTo, { name: contact.name })}</p>
        {contact.address && <p>{P(print.letterAddress, { address: contact.address })}</p>}
      </div>
      <h1 className="pf-title">{P(print.letterTitle)}</h1>
      <p>{P(print.letterBody, { survey: definition.title.vi.replace(/^Khảo sát/i, "khảo sát"), round: roundName })}</p>
      <p>{P(print.letterWays)}</p>
      <ol className="pf-ways">
        <li>{P(print.letterOnline, { site, code })}</li>
        <li>{P(print.letterPaper)}</li>
      </ol>
      <div className="pf-id">
        <div className="pf-codebox">
          <p className="pf-label">{P(print.yourCode)}</p>
          <p className="pf-code pf-mono">{code}</p>
        </div>
        <div className="pf-qr" role="img" aria-label={P(print.qrOf, { link: person.link })} dangerouslySetInnerHTML={{ __html: person.qrSvg }} />
      </div>
      <p className="pf-keep">{P(print.letterKeep)}</p>
      {helpContact && <p className="pf-help">{P(print.help, { contact: helpContact })}</p>}
      <p className="pf-thanks">{P(print.letterThanks)}</p>
    </section>
  );
}

/**
 * One person's printed questionnaire: the code in large type, a QR code of the answer link, the
 * instructions, then every question with boxes to tick and skip instructions in words. A table
 * frame repeats the code at the top of every printed page, so loose pages can be matched again.
 * No name or address: those go on the cover letter, printed before it as a page of its own.
 */
export function PaperQuestionnaire(props: PaperQuestionnaireProps) {
  const { definition, roundName, person, notes, numbers, helpContact } = props;
  const code = formatCode(person.code);
  const site = person.link.replace(/^https?:\/\//, "").replace(/\/s\/.*$/, "");
  return (
    <article className="pf-person" data-code={person.code}>
      {person.contact && <CoverLetter {...props} site={site} />}
      <table className="pf-frame pf-questionnaire">
        <thead>
          <tr>
            <td>
              <div className="pf-running">
                <span>{definition.title.vi.replace(/^Khảo sát\s+/i, `${P(print.formPrefix)} `)}</span>
                <span>
                  {P(print.surveyCode)} <strong className="pf-mono">{code}</strong>
                </span>
              </div>
            </td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <header className="pf-head">
                <div className="pf-id">
                  <div className="pf-codebox">
                    <p className="pf-label">{P(print.yourCode)}</p>
                    <p className="pf-code pf-mono">{code}</p>
                    <p className="pf-hint">
                      {P(print.answerOnline, { site: "\u0000" })
                        .split("\u0000")
                        .flatMap((part, i) =>
                          i === 0
                            ? [part]
                            : [
                                <a key="site" href={person.link} className="pf-site">
                                  {site}
                                </a>,
                                part,
                              ],
                        )}
                    </p>
                  </div>
                  <div className="pf-qr" role="img" aria-label={P(print.qrOf, { link: person.link })} dangerouslySetInnerHTML={{ __html: person.qrSvg }} />
                </div>
                <h1 className="pf-title">{definition.title.vi}</h1>
                <p className="pf-round">{roundName}</p>
              </header>
              <section className="pf-instructions" aria-label={P(print.instructions)}>
                <h2>{P(print.instructions)}</h2>
                <ul>
                  <li>{P(print.anonymous)}</li>
                  <li>{P(print.howToMark)}</li>
                  <li>{P(print.mistake)}</li>
                  <li>{P(print.arrows)}</li>
                  <li>{P(print.onlyOnce)}</li>
                  <li>{P(print.sendBack)}</li>
                  {helpContact && <li className="pf-help">{P(print.help, { contact: helpContact })}</li>}
                </ul>
              </section>
              {definition.sections.map((section) => (
                <section key={section.code} className="pf-section" data-section={section.code}>
                  <h2 className="pf-section-title">{section.title.vi}</h2>
                  {notes.sections.get(section.code) && <p className="pf-skip">{notes.sections.get(section.code)}</p>}
                  {section.description && <p className="pf-desc">{section.description.vi}</p>}
                  {blocksOf(section.items).map((block) =>
                    block.kind === "item" ? (
                      <ItemBlock key={block.item.code} item={block.item} number={numbers.get(block.item.code)!} notes={notes} />
                    ) : (
                      <MatrixBlock key={block.items[0].code} items={block.items} options={block.options} numbers={numbers} notes={notes} />
                    ),
                  )}
                </section>
              ))}
              <p className="pf-thanks">{P(print.thanks)}</p>
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
