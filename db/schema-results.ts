/** Tables of the results side. See migration 003. */

/** Computed indices of a round for one set of options, valid while the round's data version is unchanged. */
export interface IndexCacheTable {
  round_id: string;
  options_key: string;
  data_version: string;
  result: string; // JSON
  computed_at: string;
}

export interface ResultsTables {
  index_cache: IndexCacheTable;
}
