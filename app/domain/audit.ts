/**
 * The audit trail's vocabulary: which staff actions are recorded, their names in both languages, and how a record
 * reads in a table or a CSV file. Times are stored in UTC and shown in Vietnam time (UTC+7, no daylight saving).
 */
import type { Locale, LocalizedText } from "./definition/schema";
import { auditActions } from "./messages/areas/audit-actions";

export const AUDIT_ACTIONS = auditActions;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(text: string): text is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, text);
}

/** Values a record may carry; contact details never go here. */
export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditRecord {
  id: string;
  at: string;
  actor: string;
  action: string;
  roundId: string | null;
  target: string | null;
  details: AuditDetails;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, "0");

/** "04/12/2026 17:05:09" in Vietnam time, from a UTC ISO-8601 instant. */
export function vietnamTime(iso: string): string {
  const t = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
  if (Number.isNaN(t.getTime())) return iso;
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/** The UTC instant at which a Vietnam calendar day (YYYY-MM-DD) starts; null for a text that is no date. */
export function vietnamDayStartUtc(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return null;
  return new Date(ms - VIETNAM_OFFSET_MS).toISOString();
}

/** The day after a YYYY-MM-DD, for an inclusive "to" date. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function actionLabel(action: string, locale: Locale): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action][locale] : action;
}

/** `rows=210; seed=42` — details in a stable order, for a table cell or a CSV cell. */
export function describeDetails(details: AuditDetails): string {
  return Object.keys(details)
    .sort()
    .map((k) => `${k}=${details[k] ?? ""}`)
    .join("; ");
}

export const AUDIT_CSV_HEADER = ["thoi_gian_vn", "thoi_gian_utc", "nguoi_thuc_hien", "hanh_dong", "ma_hanh_dong", "dot_khao_sat", "doi_tuong", "chi_tiet", "ma_ban_ghi"];

export function auditCsvCells(r: AuditRecord, locale: Locale): string[] {
  return [vietnamTime(r.at), r.at, r.actor, actionLabel(r.action, locale), r.action, r.roundId ?? "", r.target ?? "", describeDetails(r.details), r.id];
}

export const AUDIT_PAGE_SIZE = 50;

/** The audit page's filters as read from its address (a GET form); anything unreadable is left out, not refused. */
export interface AuditQuery {
  round: string;
  user: string;
  action: string;
  from: string;
  to: string;
  page: number;
}

export function parseAuditQuery(search: URLSearchParams): AuditQuery {
  const text = (name: string, max = 100) => (search.get(name) ?? "").trim().slice(0, max);
  const day = (name: string) => (vietnamDayStartUtc(text(name, 10)) ? text(name, 10) : "");
  const page = Number(search.get("page"));
  return {
    round: text("round"),
    user: text("user"),
    action: isAuditAction(text("action")) ? text("action") : "",
    from: day("from"),
    to: day("to"),
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
  };
}

/** The address of the same filters (another page, the CSV download); empty values are left out. */
export function auditSearch(q: Partial<AuditQuery>): string {
  const p = new URLSearchParams();
  for (const key of ["round", "user", "action", "from", "to"] as const) if (q[key]) p.set(key, q[key]);
  if (q.page && q.page > 1) p.set("page", String(q.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
