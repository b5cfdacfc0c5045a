import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditFilters, AuditPager, AuditTable } from "../components/staff/audit-table";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale, metaLocale } from "../components/use-locale";
import { AUDIT_PAGE_SIZE, auditSearch, parseAuditQuery } from "../domain/audit";
import { audit } from "../domain/messages/areas/staff";
import { listAudit, listAuditActors } from "../services/platform/audit.server";
import { orRefuse } from "../services/platform/route-errors.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.history[metaLocale(matches)]}` }];

/** The round's own records, for the people who manage it (the guard keeps other provinces' rounds out). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, round } = await requireRoundAccess(request, params.roundId!, "viewRoundHistory");
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const filter = { roundId: round.id, actor: query.user || undefined, action: query.action || undefined, from: query.from || undefined, to: query.to || undefined };
  const [page, actors] = await orRefuse(() =>
    Promise.all([listAudit(db, filter, { offset: (query.page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE }), listAuditActors(db, { roundId: round.id })]),
  );
  return { query: { ...query, round: "" }, actors, ...page };
}

export default function RoundHistory() {
  const locale = useLocale();
  const { query, actors, records, total } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{audit.historyTitle[locale]}</h2>
      <AuditFilters query={query} rounds={null} actors={actors} locale={locale} />
      <p>
        <a href={`history.xlsx${auditSearch({ ...query, page: 1 })}`} download>
          {audit.downloadXlsx[locale]}
        </a>
        {" · "}
        <a href={`history.csv${auditSearch({ ...query, page: 1 })}`} download>
          {audit.download[locale]}
        </a>
      </p>
      <AuditPager query={query} total={total} pageSize={AUDIT_PAGE_SIZE} locale={locale} />
      <AuditTable records={records} locale={locale} showRound={false} />
      <AuditPager query={query} total={total} pageSize={AUDIT_PAGE_SIZE} locale={locale} />
    </section>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
