/** The fieldwork dashboard's row and columns: shared by the page, its CSV export and the CLI. */
import type { Locale } from "../definition/schema";
import { fieldworkColumns } from "../messages/areas/fieldwork-columns";

export interface DashboardRow {
  stratum: string;
  label: string;
  frameSize: number | null;
  sampled: number;
  sent: number;
  returned: number;
  returnedOnline: number;
  returnedPaper: number;
  refused: number;
  unreachable: number;
  invalid: number;
  /** Reserve persons in use. */
  replacements: number;
  /** returned / (sampled + replacements): every invitation that went out counts. */
  responseRate: number | null;
  keyed: number;
  verified: number;
}

const COLUMN_ORDER = ["label", "frameSize", "sampled", "sent", "returned", "responseRate", "replacements", "refused", "unreachable", "invalid", "keyed", "verified"] as const satisfies readonly (keyof DashboardRow)[];

export const DASHBOARD_COLUMNS: { key: keyof DashboardRow; label: Record<Locale, string> }[] = COLUMN_ORDER.map((key) => ({
  key,
  label: fieldworkColumns[key],
}));
