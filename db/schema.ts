/**
 * The hand-written database interface. Portable by construction: text ids made by the app,
 * ISO-8601 UTC timestamps as text, booleans as 0/1 integers, JSON as text (parsed by zod on read).
 */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { EntryTables } from "./schema-entry";
import type { FieldworkTables } from "./schema-fieldwork";
import type { ResultsTables } from "./schema-results";
import type { StaffTables } from "./schema-staff";

export interface DefinitionsTable {
  id: string; // `${key}@${version}`
  key: string;
  version: string;
  title_vi: string;
  title_en: string;
  content: string; // canonical JSON of the definition
  content_hash: string; // sha256 of `content`
  /** Retired versions stay for the rounds that use them but are offered to no new round. */
  status: "published" | "retired";
  source: string; // file path, "app" (the studio) or "xlsx:<file>"
  created_at: string;
  published_at: string | null;
  /** Staff user id, or `cli:<user>`; null for versions imported before the studio. */
  published_by: string | null;
  /** The version the draft was made from. */
  based_on: string | null;
  retired_at: string | null;
  retired_by: string | null;
}

/** A questionnaire being written: any JSON object, validated as it is edited and on publishing. */
export interface DefinitionDraftsTable {
  id: string;
  key: string;
  version: string;
  based_on: string | null;
  content: string;
  /** Bumped by every save; a save naming an older revision is refused (no lost update). */
  revision: number;
  province_code: string | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface RoundsTable {
  id: string;
  definition_id: string;
  name: string;
  period_start: string | null;
  period_end: string | null;
  /** Staff scoped to a province only see rounds with this code. Null = national. */
  province_code: string | null;
  status: "open" | "closed";
  created_at: string;
  /** Who citizens can ask for help (a phone number, an e-mail, an office), shown on the form. */
  help_contact: string | null;
  /** Bumped by every change to the round's responses or weights: the key of cached results. */
  data_version: number;
}

export interface RoundUnitsTable {
  round_id: string;
  code: string;
  name: string;
  level: "province" | "district" | "commune" | "agency";
  parent_code: string | null;
}

export interface InvitationsTable {
  code: string;
  round_id: string;
  unit_code: string | null;
  stratum: string | null;
  psu: string | null;
  weight: number | null;
  /** Stratum population size N_h (finite-population correction), copied into the response. */
  fpc: number | null;
  channel: "paper" | "link" | "sms";
  status: "issued" | "started" | "submitted";
  created_at: string;
  first_opened_at: string | null;
  submitted_at: string | null;
}

export interface ResponsesTable {
  id: string;
  round_id: string;
  /** Null for responses imported from CSV (earlier years, paper batches keyed elsewhere). */
  invitation_code: string | null;
  definition_id: string;
  status: "draft" | "submitted";
  answers: string; // JSON object: item code -> answer
  /** Compact copy of the answers (app/domain/answers/answer-codes.ts); null for rows written before it. */
  answer_codes: string | null;
  locale: "vi" | "en";
  entry_mode: "online" | "paper" | "import";
  /** Stratum population size N_h for the finite-population correction (null = none). */
  fpc: number | null;
  unit_code: string | null;
  stratum: string | null;
  psu: string | null;
  weight: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface StaffUsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: "admin" | "manager" | "clerk" | "analyst";
  province_code: string | null;
  created_at: string;
  /** 0 once deactivated: cannot sign in, every session ended. */
  active: number;
  /** 1 after an admin set a one-time password: the next sign-in must choose a new one. */
  must_change_password: number;
  password_changed_at: string | null;
  deactivated_at: string | null;
}

export interface RateLimitsTable {
  bucket: string;
  window_start: string;
  count: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Database extends FieldworkTables, ResultsTables, EntryTables, StaffTables {
  definitions: DefinitionsTable;
  definition_drafts: DefinitionDraftsTable;
  rounds: RoundsTable;
  round_units: RoundUnitsTable;
  invitations: InvitationsTable;
  responses: ResponsesTable;
  staff_users: StaffUsersTable;
  rate_limits: RateLimitsTable;
  settings: SettingsTable;
}

export type DefinitionRow = Selectable<DefinitionsTable>;
export type DefinitionDraftRow = Selectable<DefinitionDraftsTable>;
export type RoundRow = Selectable<RoundsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type ResponseRow = Selectable<ResponsesTable>;
export type StaffUserRow = Selectable<StaffUsersTable>;
export type NewResponse = Insertable<ResponsesTable>;
export type ResponseUpdate = Updateable<ResponsesTable>;
// Kept so that a future table with a database-made column has the import ready.
export type { Generated };
