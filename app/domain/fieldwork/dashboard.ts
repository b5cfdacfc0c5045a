/** The fieldwork dashboard's row and columns: shared by the page, its CSV export and the CLI. */
import type { Locale } from "../definition/schema";

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

export const DASHBOARD_COLUMNS: { key: keyof DashboardRow; label: Record<Locale, string> }[] = [
  { key: "label", label: { vi: "Tầng", en: "Stratum" } },
  { key: "frameSize", label: { vi: "Khung mẫu", en: "Frame size" } },
  { key: "sampled", label: { vi: "Được chọn", en: "Sampled" } },
  { key: "sent", label: { vi: "Đã gửi", en: "Sent" } },
  { key: "returned", label: { vi: "Đã trả lời", en: "Returned" } },
  { key: "responseRate", label: { vi: "Tỷ lệ trả lời", en: "Response rate" } },
  { key: "replacements", label: { vi: "Thay thế", en: "Replacements" } },
  { key: "refused", label: { vi: "Từ chối", en: "Refused" } },
  { key: "unreachable", label: { vi: "Không liên lạc được", en: "Unreachable" } },
  { key: "invalid", label: { vi: "Không hợp lệ", en: "Invalid" } },
  { key: "keyed", label: { vi: "Đã nhập phiếu", en: "Keyed" } },
  { key: "verified", label: { vi: "Đã kiểm tra", en: "Verified" } },
];
