import { Form, Link } from "@remix-run/react";
import { AUDIT_ACTIONS, actionLabel, auditSearch, describeDetails, vietnamTime, type AuditQuery, type AuditRecord } from "../../domain/audit";
import type { Locale } from "../../domain/definition/schema";
import { fill } from "../../domain/messages";
import { audit } from "../../domain/messages/areas/staff";
import { TableScroll } from "../table-scroll";

/** Records newest first: Vietnam time (the header names the zone), who, what, on which round, about what. */
export function AuditTable({ records, locale, showRound }: { records: AuditRecord[]; locale: Locale; showRound: boolean }) {
  if (records.length === 0) return <p>{audit.empty[locale]}</p>;
  return (
    <TableScroll>
      <table className="data-table audit-table">
        <thead>
          <tr>
            <th scope="col">{audit.time[locale]}</th>
            <th scope="col">{audit.user[locale]}</th>
            <th scope="col">{audit.action[locale]}</th>
            {showRound && <th scope="col">{audit.round[locale]}</th>}
            <th scope="col">{audit.target[locale]}</th>
            <th scope="col">{audit.details[locale]}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id} data-action={r.action}>
              <td>
                <time dateTime={r.at}>{vietnamTime(r.at)}</time>
              </td>
              <td>{r.actor}</td>
              <td>{actionLabel(r.action, locale)}</td>
              {showRound && <td>{r.roundId ?? ""}</td>}
              <td>{r.target ?? ""}</td>
              <td className="audit-details">{describeDetails(r.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** "N records; showing a–b", and links to newer and older pages keeping the filters. */
export function AuditPager({ query, total, pageSize, locale }: { query: AuditQuery; total: number; pageSize: number; locale: Locale }) {
  if (total === 0) return null;
  const first = (query.page - 1) * pageSize + 1;
  const last = Math.min(total, query.page * pageSize);
  return (
    <p className="audit-pager">
      {fill(audit.count, { total, first, last }, locale)}{" "}
      {query.page > 1 && <Link to={auditSearch({ ...query, page: query.page - 1 })}>{audit.newer[locale]}</Link>}{" "}
      {last < total && <Link to={auditSearch({ ...query, page: query.page + 1 })}>{audit.older[locale]}</Link>}
    </p>
  );
}

/** The filters, as a GET form (works without JavaScript; the address can be bookmarked). */
export function AuditFilters(props: { query: AuditQuery; rounds: { id: string; name: string }[] | null; actors: string[]; locale: Locale }) {
  const { query, rounds, actors, locale } = props;
  return (
    <Form method="get" className="filters" aria-label={audit.filters[locale]}>
      {rounds && (
        <label>
          {audit.round[locale]}
          <select name="round" defaultValue={query.round}>
            <option value="">{audit.any[locale]}</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.id})
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {audit.user[locale]}
        <select name="user" defaultValue={query.user}>
          <option value="">{audit.any[locale]}</option>
          {actors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label>
        {audit.action[locale]}
        <select name="action" defaultValue={query.action}>
          <option value="">{audit.any[locale]}</option>
          {Object.entries(AUDIT_ACTIONS).map(([key, label]) => (
            <option key={key} value={key}>
              {label[locale]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {audit.from[locale]}
        <input type="date" name="from" defaultValue={query.from} />
      </label>
      <label>
        {audit.to[locale]}
        <input type="date" name="to" defaultValue={query.to} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {audit.apply[locale]}
        </button>
        <Link to="?" className="button link">
          {audit.clear[locale]}
        </Link>
      </div>
    </Form>
  );
}
