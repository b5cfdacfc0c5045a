import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DefinitionText } from "../components/definition-text";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale } from "../components/use-locale";
import { listRounds } from "../services/rounds/rounds.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { staffUi } from "../staff-i18n";
import { levelWord } from "../domain/fieldwork/strata";
import { fill } from "../domain/messages";
import { roundPages } from "../domain/messages/areas/round-pages";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, round, units, definition } = await requireRoundAccess(request, params.roundId!, "viewRound");
  const summary = (await listRounds(db, { provinceCode: user.provinceCode })).find((r) => r.id === round.id)!;
  return {
    summary,
    units: units.map((u) => ({ code: u.code, name: u.name, level: u.level, parentCode: u.parent_code })),
    definition: { title: definition.title, sections: definition.sections.length, items: definition.sections.reduce((n, s) => n + s.items.length, 0) },
  };
}

export default function RoundOverview() {
  const locale = useLocale();
  const { summary, units, definition } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="overview">
      <h2 id="overview">{roundPages.overview[locale]}</h2>
      <p>
        <DefinitionText text={definition.title} locale={locale} /> · {fill(roundPages.shape, { sections: definition.sections, items: definition.items }, locale)}
      </p>
      <dl className="stats">
        <div>
          <dt>{staffUi.codes[locale]}</dt>
          <dd>{summary.codes}</dd>
        </div>
        <div>
          <dt>{staffUi.drafts[locale]}</dt>
          <dd>{summary.drafts}</dd>
        </div>
        <div>
          <dt>{staffUi.submitted[locale]}</dt>
          <dd>{summary.submitted}</dd>
        </div>
      </dl>
      {units.length > 0 && (
        <>
          <h3>{roundPages.units[locale]}</h3>
          <ul>
            {units.map((u) => (
              <li key={u.code}>
                {u.name} <span className="muted">({u.code}, {levelWord(u.level, locale)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
