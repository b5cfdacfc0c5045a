/** Tables of fieldwork: the sampling frame, samples, paper entry. See migration 002. */

/** One dossier holder of a round's frame. Contact details are NOT here (see FrameContactsTable). */
export interface FramePersonsTable {
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

export interface FieldworkTables {
  frame_persons: FramePersonsTable;
  frame_contacts: FrameContactsTable;
  contact_purges: ContactPurgesTable;
  samples: SamplesTable;
  sample_units: SampleUnitsTable;
  paper_entries: PaperEntriesTable;
}
