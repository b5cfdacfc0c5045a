/** Tables of staff governance (migration 009): server-side sessions and the append-only audit trail. */

/**
 * One signed-in browser. The cookie is signed and carries a random token; the row is keyed by the token's SHA-256,
 * so the cookie opens pages only while its row is live: sign-out, a password change, a reset or a deactivation
 * ends it on every app server sharing the database.
 */
export interface StaffSessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ended_at: string | null;
  ended_reason: "sign_out" | "password_changed" | "password_reset" | "deactivated" | null;
}

/**
 * A staff action, never changed nor deleted (triggers refuse it). `actor` is the username at the time, or
 * `cli:<user>` for the command line; `at` is UTC ISO-8601 (shown in Vietnam time).
 */
export interface AuditEventsTable {
  id: string;
  at: string;
  actor: string;
  actor_id: string | null;
  action: string;
  round_id: string | null;
  target: string | null;
  /** JSON object of plain values (counts, seed, file name); never contact details. */
  details: string;
}

export interface StaffTables {
  staff_sessions: StaffSessionsTable;
  audit_events: AuditEventsTable;
}
