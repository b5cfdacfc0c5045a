import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditFilters, AuditPager, AuditTable } from "../components/staff/audit-table";
import { StaffBar } from "../components/staff/staff-bar";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale, metaLocale } from "../components/use-locale";
import { AUDIT_PAGE_SIZE, auditSearch, parseAuditQuery } from "../domain/audit";
import { audit } from "../domain/messages/areas/staff";
import { getDb } from "../db.server";
import { listAudit, listAuditActors } from "../services/platform/audit.server";
import { orRefuse } from "../services/platform/route-errors.server";
import { commitSession, csrfToken, getSession } from "../services/platform/session.server";
import { listRounds } from "../services/rounds/rounds.server";
import { requirePermission } from "../services/staff/guards.server";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.audit[metaLocale(matches)]}` }];

/** The whole audit trail for admins (an admin scoped to a province sees its rounds and the records of no round). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "viewAudit");
  const { db } = await getDb();
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const rounds = await listRounds(db, { provinceCode: user.provinceCode });
  const visibleRounds = user.provinceCode ? rounds.map((r) => r.id) : null;
  const filter = { roundId: query.round || undefined, actor: query.user || undefined, action: query.action || undefined, from: query.from || undefined, to: query.to || undefined, visibleRounds };
  const [page, actors] = await orRefuse(() =>
    Promise.all([listAudit(db, filter, { offset: (query.page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE }), listAuditActors(db, { visibleRounds })]),
  );
  const session = await getSession(request);
  const csrf = csrfToken(session);
  return data(
    { user, csrf, query, rounds: rounds.map((r) => ({ id: r.id, name: r.name })), actors, ...page },
    { headers: { "Set-Cookie": await commitSession(session) } },
  );
}

export default function AuditPage() {
  const locale = useLocale();
  const { user, csrf, query, rounds, actors, records, total } = useLoaderData<typeof loader>();
  return (
    <div className="panel wide">
      <StaffBar user={user} csrf={csrf} locale={locale} />
      <h1>{audit.pageTitle[locale]}</h1>
      <p className="hint">{audit.intro[locale]}</p>
      <AuditFilters query={query} rounds={rounds} actors={actors} locale={locale} />
      <p>
        <a href={`/staff/audit.xlsx${auditSearch({ ...query, page: 1 })}`} download>
          {audit.downloadXlsx[locale]}
        </a>
        {" · "}
        <a href={`/staff/audit.csv${auditSearch({ ...query, page: 1 })}`} download>
          {audit.download[locale]}
        </a>
      </p>
      <AuditPager query={query} total={total} pageSize={AUDIT_PAGE_SIZE} locale={locale} />
      <AuditTable records={records} locale={locale} showRound />
      <AuditPager query={query} total={total} pageSize={AUDIT_PAGE_SIZE} locale={locale} />
    </div>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
