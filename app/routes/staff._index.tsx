import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StaffBar } from "../components/staff/staff-bar";
import { useLocale, metaLocale } from "../components/use-locale";
import { getDb } from "../db.server";
import { listRounds } from "../services/rounds/rounds.server";
import { requireStaff } from "../services/staff/guards.server";
import { commitSession, csrfToken, getSession } from "../services/platform/session.server";
import { staffUi } from "../staff-i18n";
import { TableScroll } from "../components/table-scroll";
import { can } from "../domain/roles";
import { catalogue } from "../domain/messages";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.rounds[metaLocale(matches)]}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const { db } = await getDb();
  const rounds = await listRounds(db, { provinceCode: user.provinceCode });
  const session = await getSession(request);
  const csrf = csrfToken(session);
  return data({ user, rounds, csrf, canCreate: can(user.role, "createRound") }, { headers: { "Set-Cookie": await commitSession(session) } });
}

export default function StaffHome() {
  const locale = useLocale();
  const { user, rounds, csrf, canCreate } = useLoaderData<typeof loader>();
  const newRound = canCreate && (
    <p>
      <Link to="/staff/rounds/new" className="button primary">
        {catalogue.roundSetup.newRound[locale]}
      </Link>
    </p>
  );
  return (
    <div className="panel wide">
      <StaffBar user={user} csrf={csrf} locale={locale} />
      <h1>{staffUi.rounds[locale]}</h1>
      {rounds.length === 0 ? (
        <>
          <p>{staffUi.noRounds[locale]}</p>
          {canCreate && <p>{catalogue.roundSetup.emptyHint[locale]}</p>}
          {newRound}
        </>
      ) : (
        <>
        {newRound}
        <TableScroll>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{staffUi.round[locale]}</th>
                <th scope="col">{staffUi.definition[locale]}</th>
                <th scope="col">{staffUi.province[locale]}</th>
                <th scope="col">{staffUi.period[locale]}</th>
                <th scope="col" className="num">{staffUi.codes[locale]}</th>
                <th scope="col" className="num">{staffUi.drafts[locale]}</th>
                <th scope="col" className="num">{staffUi.submitted[locale]}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id} data-round={r.id}>
                  <th scope="row">
                    <Link to={`/staff/rounds/${r.id}`}>{r.name}</Link> <span className="muted">({r.id})</span>
                  </th>
                  <td>{r.definitionId}</td>
                  <td>{r.provinceCode ?? staffUi.allProvinces[locale]}</td>
                  <td>{[r.periodStart, r.periodEnd].filter(Boolean).join(" – ")}</td>
                  <td className="num">{r.codes}</td>
                  <td className="num">{r.drafts}</td>
                  <td className="num">{r.submitted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        </>
      )}
    </div>
  );
}
