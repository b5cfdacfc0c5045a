/**
 * A table download as a spreadsheet reads it: columns with a header and an explanation in the reader's language and a
 * kind (text, whole number, decimal, percent, date and time), and rows of typed cells. Pure: the platform's workbook
 * writer turns it into an .xlsx file (ADR 029); the CSV files keep their machine names (`machine`).
 */
import type { Locale } from "../definition/schema";
import { msg, render, type Message } from "../messages";

export type ColumnKind = "text" | "integer" | "decimal" | "percent" | "datetime";

export interface TableColumn {
  /** The column's name in the CSV file, shown on the explanation sheet so both files can be matched. */
  machine: string;
  header: string;
  about: string;
  kind: ColumnKind;
  /** Decimals shown for a decimal column (the cell keeps every digit). */
  decimals?: number;
  /** Width in characters. */
  width?: number;
}

/** A cell: text, a number (percent as a fraction: 0.8394 shows as 83.94%), a wall-clock time in Vietnam, or empty. */
export type TableCell = string | number | Date | null;

export interface TableSheet {
  /** The data sheet's name (at most 31 characters, as Excel requires). */
  sheetName: string;
  /** A line above the explanation: what the file is. */
  title: string;
  columns: TableColumn[];
}

/** A column from catalogue messages. */
export function column(machine: string, header: Message, about: Message, kind: ColumnKind, locale: Locale, extra: Partial<TableColumn> = {}): TableColumn {
  return { machine, header: render(header, locale), about: render(about, locale), kind, ...extra };
}

const KIND_WORDS: Record<ColumnKind, Message> = {
  text: msg("columns.kindText"),
  integer: msg("columns.kindInteger"),
  decimal: msg("columns.kindDecimal"),
  percent: msg("columns.kindPercent"),
  datetime: msg("columns.kindDateTime"),
};

export function kindWords(kind: ColumnKind, locale: Locale): string {
  return render(KIND_WORDS[kind], locale);
}

/** Vietnam is UTC+7 all year (no daylight saving). */
export const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * A stored UTC instant as the wall clock in Vietnam, for a spreadsheet cell: spreadsheets keep no zone, so the cell
 * holds Vietnam's time and the column says so. Null for a missing or unreadable time.
 */
export function vietnamWallClock(iso: string | null): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + VIETNAM_OFFSET_MS);
}

/** "05/12/2026 13:45": a UTC instant in Vietnam time, as people in Vietnam write it. */
export function formatVietnamTime(iso: string | Date): string {
  const d = new Date((typeof iso === "string" ? Date.parse(iso) : iso.getTime()) + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** A percent of 0–100 as a spreadsheet fraction (83.94 → 0.8394); null stays empty. */
export const percentCell = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x / 100);

/** A number cell, or empty for a missing or non-finite value. */
export const numberCell = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);
