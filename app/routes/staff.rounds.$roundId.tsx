import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { RoundNav } from "../components/staff/round-nav";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale } from "../components/use-locale";
import { roundPages } from "../domain/messages/areas/round-pages";
import { requireRoundAccess } from "../services/staff/guards.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `SIPAS – ${data?.round.name ?? ""}` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await requireRoundAccess(request, params.roundId!, "viewRound");
  return {
    user: { displayName: user.displayName, role: user.role },
    round: { id: round.id, name: round.name, definitionId: round.definition_id, status: round.status, provinceCode: round.province_code },
  };
}

/** The frame of every page of a round: its name, and the pages the staff member's role may use. */
export default function RoundLayout() {
  const locale = useLocale();
  const { user, round } = useLoaderData<typeof loader>();
  return (
    <div className="panel wide">
      <p className="eyebrow">
        <Link to="/staff">{roundPages.rounds[locale]}</Link> / {round.id}
      </p>
      <h1>
        {round.name} <span className="muted">({round.definitionId}{round.status === "closed" ? `, ${roundPages.closed[locale]}` : ""})</span>
      </h1>
      <RoundNav roundId={round.id} role={user.role} locale={locale} />
      <Outlet />
    </div>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
