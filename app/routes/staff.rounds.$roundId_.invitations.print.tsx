import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import * as z from "zod/mini";
import { PaperQuestionnaire } from "../components/print/paper-questionnaire";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale } from "../components/use-locale";
import { fill } from "../domain/messages";
import { print } from "../domain/messages/areas/print";
import { staff } from "../domain/messages/areas/staff";
import { itemNumbers } from "../domain/paper/keys";
import { skipNotes } from "../domain/paper/skip-text";
import { can } from "../domain/roles";
import { answerLinkSigner } from "../services/platform/signing.server";
import { answerLink, contactsForCodes, listCodeStrata, MAX_PRINT_BATCH, qrSvg, selectPrintCodes, type PrintSelection } from "../services/paper/printing.server";
import { stratumDescriber } from "../services/fieldwork/sampling.server";
import { recordAudit } from "../services/platform/audit.server";
import { resolveLocale } from "../services/platform/locale.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import paperStyles from "../styles/paper.css";
import { pageTitles } from "../domain/messages/areas/page-titles";
import { metaLocale } from "../components/use-locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: paperStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: `${pageTitles.printed[metaLocale(matches)]} – ${data?.round.name ?? ""}` }, { name: "robots", content: "noindex" }];

// Anything unreadable in the query falls back to a default rather than failing: it is a GET form.
const QuerySchema = z.object({
  scope: z.catch(z.enum(["unsent", "stratum", "codes"]), "unsent"),
  stratum: z.catch(z.string().check(z.trim(), z.maxLength(200)), ""),
  codes: z.catch(z.string().check(z.maxLength(20_000)), ""),
  offset: z.catch(z.coerce.number().check(z.int(), z.gte(0)), 0),
  limit: z.catch(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_PRINT_BATCH)), 50),
  // A checkbox after a hidden "0": "1" when ticked, "0" when not; links without it print the letters.
  letter: z.catch(z.enum(["1", "0"]), "1"),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, round, definition } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
  const url = new URL(request.url);
  const raw = Object.fromEntries(url.searchParams);
  // `?code=X` prints one form (the link from a person's line elsewhere).
  if (raw.code && !raw.codes) Object.assign(raw, { scope: "codes", codes: raw.code });
  const query = QuerySchema.parse({ ...raw, limit: raw.limit || undefined, offset: raw.offset || undefined, letter: url.searchParams.getAll("letter").at(-1) });
  const { locale } = await resolveLocale(request);
  const selection: PrintSelection =
    query.scope === "codes" ? { kind: "codes", codes: query.codes.split(/[\s,;]+/) } : { kind: "unsent", stratum: query.scope === "stratum" ? query.stratum || null : null };
  const problems: string[] = [];
  if (query.scope === "stratum" && !query.stratum) problems.push(print.chooseStratum[locale]);
  if (query.scope === "codes" && !query.codes.trim()) problems.push(print.enterCodes[locale]);
  const batch = problems.length ? { total: 0, codes: [], problems: [] } : await selectPrintCodes(db, round.id, selection, { offset: query.offset, limit: query.limit });
  const origin = process.env.PUBLIC_URL || url.origin;
  // Contacts are personal data: asked for only when the role may see them.
  // The cover letter is the only sheet that carries them; without it nothing personal is read.
  const contacts =
    query.letter === "1" && can(user.role, "viewContacts") ? await contactsForCodes(db, round.id, batch.codes.map((c) => c.code)) : new Map();
  if (batch.codes.length) {
    await recordAudit(db, {
      actor: user.id,
      action: "invitations.print",
      roundId: round.id,
      details: { forms: batch.codes.length, offset: query.offset, cover_letters: contacts.size > 0 },
    });
  }
  const describe = await stratumDescriber(db, round.id, locale);
  const sign = await answerLinkSigner(db);
  const people = await Promise.all(
    batch.codes.map(async (c) => {
      const link = answerLink(origin, c.code, sign);
      return { code: c.code, link, qrSvg: await qrSvg(link), contact: contacts.get(c.code) ?? null };
    }),
  );
  return {
    round: { id: round.id, name: round.name, helpContact: round.help_contact },
    definition,
    query,
    strata: (await listCodeStrata(db, round.id)).map((key) => ({ key, label: describe(key) })),
    total: batch.total,
    problems: [...problems, ...batch.problems],
    people,
  };
}

function pageLink(query: z.infer<typeof QuerySchema>, offset: number): string {
  const p = new URLSearchParams({ scope: query.scope, limit: String(query.limit), offset: String(offset) });
  if (query.scope === "stratum") p.set("stratum", query.stratum);
  if (query.scope === "codes") p.set("codes", query.codes);
  p.set("letter", query.letter);
  return `?${p}`;
}

/**
 * Printable questionnaires, one person per page set (A4). The browser prints them or saves them
 * as PDF (ADR 015): the toolbar above the sheets is not printed.
 */
export default function PrintQuestionnaires() {
  const locale = useLocale();
  const { round, definition, query, strata, total, problems, people } = useLoaderData<typeof loader>();
  const notes = useMemo(() => skipNotes(definition, "vi"), [definition]);
  const numbers = useMemo(() => itemNumbers(definition), [definition]);
  const w = (entry: { vi: string; en: string }) => entry[locale];
  const from = total === 0 ? 0 : query.offset + 1;
  const to = query.offset + people.length;
  return (
    <div className="pf-page">
      <div className="pf-toolbar no-print">
        <p className="eyebrow">
          <Link to="/staff">{w(staff.rounds)}</Link> / <Link to={`/staff/rounds/${round.id}/invitations`}>{round.name}</Link>
        </p>
        <h1>{w(print.title)}</h1>
        <form method="get">
          <fieldset className="pf-select">
            <legend>{w(print.codesToPrint)}</legend>
            <label>
              <input type="radio" name="scope" value="unsent" defaultChecked={query.scope === "unsent"} />
              {w(print.scopeUnsent)}
            </label>
            <label className="pf-stratum-choice">
              <input type="radio" name="scope" value="stratum" defaultChecked={query.scope === "stratum"} />
              {w(print.scopeStratum)}
              <select name="stratum" defaultValue={query.stratum} aria-label={w(print.stratum)}>
                <option value="">{w(print.choose)}</option>
                {strata.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <input type="radio" name="scope" value="codes" defaultChecked={query.scope === "codes"} />
              {w(print.scopeCodes)}
            </label>
            <textarea name="codes" defaultValue={query.codes} aria-label={w(print.codeList)} />
            <label>
              {w(print.perRun)}
              <input type="number" name="limit" min={1} max={MAX_PRINT_BATCH} defaultValue={query.limit} className="pf-limit" />
            </label>
            <input type="hidden" name="letter" value="0" />
            <label>
              <input type="checkbox" name="letter" value="1" defaultChecked={query.letter === "1"} />
              {w(print.withLetter)}
            </label>
            <button type="submit" className="button">
              {w(print.show)}
            </button>
          </fieldset>
        </form>
        {problems.length > 0 && (
          <div className="error-summary" role="alert">
            <h2>{w(print.cannotPrint)}</h2>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="pf-pager">
          <span role="status">{fill(print.showing, { total, from, to }, locale)}</span>
          {query.offset > 0 && <Link to={pageLink(query, Math.max(0, query.offset - query.limit))}>{w(print.previous)}</Link>}
          {to < total && <Link to={pageLink(query, to)}>{w(print.next)}</Link>}
        </div>
        <div className="pf-actions">
          <button type="button" className="button primary" onClick={() => window.print()} disabled={people.length === 0}>
            {w(print.printButton)}
          </button>
          <span className="hint">{w(print.printHint)}</span>
        </div>
        <p className="hint">{w(print.anonymityNote)}</p>
      </div>
      <div className="pf-sheets" tabIndex={0} role="region" aria-label={w(print.preview)}>
        {people.map((person) => (
          <PaperQuestionnaire
            key={person.code}
            definition={definition}
            roundName={round.name}
            person={person}
            notes={notes}
            numbers={numbers}
            helpContact={round.helpContact}
          />
        ))}
      </div>
    </div>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
