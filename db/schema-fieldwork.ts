/** Tables of fieldwork: the sampling frame, samples, paper entry. See migrations 002 and 003, ADR 014. */

/** One dossier holder of a round's frame. Contact details are NOT here (see FrameContactsTable). */
export interface FramePersonsTable {
  /**
   * `${round}:d:${dossier id}` or, for a row without one, `${round}:n:${line}` (the frame's first file) or
   * `${round}:f${position}:n:${line}` (a later file):
   * made from the file, never at random, so the same file drawn with the same seed gives the
   * same sample on every engine (ADR 014), and a repeated dossier id clashes on the key.
   */
  id: string;
  round_id: string;
  /** 1-based data line of the imported file, for messages and the stable sort of the draw. */
  line: number;
  dossier_id: string | null;
  unit_code: string;
  unit_level: "province" | "district" | "commune" | "agency";
  service_field: string | null;
  returned_on: string | null; // YYYY-MM-DD
  sex: string | null;
  birth_year: number | null;
  /** Other columns of the file (JSON object of text), usable as strata. */
  extra: string;
  created_at: string;
  /** The frame file (frame_imports) the row came from; null only for rows older than migration 011 without one. */
  import_id: string | null;
}

/**
 * Personal data, kept apart from everything else: only roles that need it read this table,
 * no export joins it, and it is emptied when the round closes (see ContactPurgesTable).
 */
export interface FrameContactsTable {
  person_id: string;
  round_id: string;
  name: string;
  phone: string | null;
  address: string | null;
}

export interface ContactPurgesTable {
  id: string;
  round_id: string;
  purged_at: string;
  purged_by: string;
  rows_purged: number;
}

export interface SamplesTable {
  id: string;
  round_id: string;
  /** JSON of the design (strata columns, size rule, allocation, reserve). */
  design: string;
  seed: string; // text: seeds up to 2^53 survive both engines
  algorithm: string;
  /** JSON of the plan shown before the draw (strata sizes, n_h, inclusion probabilities). */
  plan: string;
  created_at: string;
  created_by: string;
  /** JSON of the last non-response adjustment (factors per stratum), null until adjusted. */
  adjustment: string | null;
  adjusted_at: string | null;
  adjusted_by: string | null;
  /** The round's data_version right after the adjustment: later responses make it stale. */
  adjusted_data_version: number | null;
}

export interface SampleUnitsTable {
  sample_id: string;
  person_id: string;
  round_id: string;
  stratum: string;
  role: "sample" | "reserve";
  /** Draw order within the stratum (sample) or reserve order (reserve). */
  position: number;
  inclusion_probability: number;
  design_weight: number;
  /** After non-response adjustment; null until adjusted. */
  adjusted_weight: number | null;
  outcome: "pending" | "sent" | "returned" | "refused" | "unreachable" | "invalid" | "replaced";
  /** The person this reserve unit replaces (the chain of replacements). */
  replaces_person_id: string | null;
  invitation_code: string | null;
  updated_at: string;
  /** First-stage unit of a multi-stage sample (e.g. the district); null for stratified samples. */
  psu: string | null;
  /** What the invitation carries for the finite-population correction: N_h, or the PSUs in the stratum. */
  fpc: number | null;
  /** Replacements come from reserve units of the same group: the stratum, or the village of a multi-stage draw. */
  replacement_group: string | null;
}

/** A keyed paper form: one row per clerk entry (1 = first, 2 = blind second entry). */
export interface PaperEntriesTable {
  id: string;
  round_id: string;
  invitation_code: string;
  entry_no: number;
  clerk_id: string;
  answers: string;
  created_at: string;
}

/** One upload of a frame file: its mapping, progress, and the report of the last attempt. */
export interface FrameImportsTable {
  id: string;
  round_id: string;
  /** The name the file had on the user's computer. */
  file_name: string;
  /** Where the upload is kept until imported; null once deleted. */
  file_path: string | null;
  file_size: number;
  /** JSON array of the header cells. */
  headers: string;
  /** JSON object: frame field -> column index (or null). */
  mapping: string;
  /** JSON object: column index -> "keep" (an extra column, usable as strata) or "ignore", for columns matching no field. */
  column_choices: string | null;
  status: "uploaded" | "running" | "failed" | "imported" | "discarded";
  /** all: a file with any problem imports nothing. valid-only: rejected rows are kept for download. */
  mode: "all" | "valid-only";
  rows_read: number;
  rows_imported: number;
  rows_rejected: number;
  /** JSON of the report (problems, first ones in full, counts by kind). */
  report: string | null;
  created_by: string;
  created_at: string;
  finished_at: string | null;
  /** What the file does to the round's frame once imported (ADR 028). */
  frame_action: FrameAction;
  /** The file a "replace" takes the place of. */
  replaces_import_id: string | null;
  /** 1 while the file's rows are in the frame; 0 before, after a refusal, and once replaced or removed. */
  in_frame: number;
  /** The file's place in the frame (1, 2, …), kept by a replacement; it enters the keys of rows without a dossier id. */
  frame_position: number | null;
  removed_at: string | null;
  removed_by: string | null;
}

/** add: one more file; replace: takes the place of one file; replace_all: the whole frame (the CLI's default). */
export type FrameAction = "add" | "replace" | "replace_all";

/** Rows left out by a valid-only import, as read (personal data: purged with the contacts). */
export interface FrameRejectedRowsTable {
  import_id: string;
  round_id: string;
  line: number;
  /** JSON array of the cells. */
  cells: string;
  /** The problems of the row, as one text. */
  problems: string;
}

export interface FieldworkTables {
  frame_imports: FrameImportsTable;
  frame_rejected_rows: FrameRejectedRowsTable;
  frame_persons: FramePersonsTable;
  frame_contacts: FrameContactsTable;
  contact_purges: ContactPurgesTable;
  samples: SamplesTable;
  sample_units: SampleUnitsTable;
  paper_entries: PaperEntriesTable;
}
