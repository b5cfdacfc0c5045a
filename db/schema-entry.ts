/** Tables of paper data entry (migration 005). Keyed entries themselves are `paper_entries` (migration 002). */

/** Whether a round's paper forms are keyed twice by different clerks. No row = once. */
export interface RoundEntrySettingsTable {
  round_id: string;
  double_entry: number; // 0/1
  updated_at: string;
  updated_by: string;
}

/** A supervisor's resolution of a double-entered form whose two entries differed. */
export interface PaperReviewsTable {
  invitation_code: string;
  round_id: string;
  reviewer_id: string;
  /** How many questions differed between the two entries. */
  mismatches: number;
  /** JSON: item code -> which value was kept ("1", "2" = that entry's, "other" = neither). */
  resolution: string;
  created_at: string;
}

export interface EntryTables {
  round_entry_settings: RoundEntrySettingsTable;
  paper_reviews: PaperReviewsTable;
}
