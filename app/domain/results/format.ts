/**
 * Numbers as the results pages print them: Vietnamese with a decimal comma and a no-break space between
 * thousands (83,94% · 1 234 phiếu), English with a decimal point and commas (83.94% · 1,234). Written out
 * rather than taken from Intl so that server and browser, and every Node build, print the same text.
 */
import type { Locale } from "../definition/schema";
// The area itself, not the catalogue: the catalogue's templates print numbers with this module.
import { terms } from "../messages/areas/terms";

/** What an empty estimate (no valid answer in the group) prints as: never 0. */
export const EMPTY = "—";

const SEPARATORS: Record<Locale, { decimal: string; group: string }> = {
  vi: { decimal: ",", group: "\u00a0" },
  en: { decimal: ".", group: "," },
};

/** `x` with `digits` decimals, grouped thousands; "−" (U+2212) for negatives, never "−0". */
export function formatNumber(x: number, digits: number, locale: Locale): string {
  if (!Number.isFinite(x)) return EMPTY;
  const fixed = Math.abs(x).toFixed(digits);
  const negative = x < 0 && Number(fixed) !== 0;
  const [whole, frac] = fixed.split(".");
  const { decimal, group } = SEPARATORS[locale];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? "\u2212" : ""}${grouped}${frac ? decimal + frac : ""}`;
}

/** A share in percent: "83,94%"; null prints as "—". */
export function formatPercent(x: number | null | undefined, locale: Locale, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? EMPTY : `${formatNumber(x, digits, locale)}%`;
}

/** A confidence interval in percent: "82,10–85,78"; "—" when either bound is missing. */
export function formatInterval(low: number | null | undefined, high: number | null | undefined, locale: Locale, digits = 2): string {
  if (low === null || low === undefined || high === null || high === undefined) return EMPTY;
  return `${formatNumber(low, digits, locale)}\u2013${formatNumber(high, digits, locale)}`;
}

/** A difference in percentage points with its sign: "+1,23", "−0,40", "0,00". */
export function formatPoints(x: number | null | undefined, locale: Locale, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return EMPTY;
  const text = formatNumber(x, digits, locale);
  return text.startsWith("\u2212") || Number(Math.abs(x).toFixed(digits)) === 0 ? text : `+${text}`;
}

/** A count: "1 234" (vi), "1,234" (en). */
export function formatCount(n: number, locale: Locale): string {
  return formatNumber(Math.round(n), 0, locale);
}

/** Vietnam is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * A stored UTC instant in Vietnam time, with the zone said: "21/11/2026 21:05 (giờ Việt Nam, UTC+7)" (vi),
 * "21/11/2026 21:05 (Vietnam time, UTC+7)" (en). Staff read times on their own clock.
 */
export function formatTimestamp(iso: string, locale: Locale): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, "0");
  const text = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return `${text} (${terms.vietnamTime[locale]}, UTC+7)`;
}
