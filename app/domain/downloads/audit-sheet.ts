/**
 * The audit trail as a spreadsheet (issue 12: "audit if present"): the same records as audit.csv, with the time as a
 * date cell in Vietnam time and the headers in the reader's language.
 */
import { actionLabel, describeDetails, type AuditRecord } from "../audit";
import type { Locale } from "../definition/schema";
import { msg, render } from "../messages";
import { column, vietnamWallClock, type TableCell, type TableSheet } from "./table";

export function auditSheet(roundId: string | undefined, locale: Locale): TableSheet {
  return {
    sheetName: render(msg("columns.auditSheet"), locale),
    title: render(roundId ? msg("columns.auditTitleRound", { round: roundId }) : msg("columns.auditTitle"), locale),
    columns: [
      column("thoi_gian_vn", msg("columns.auTime"), msg("columns.auTimeAbout"), "datetime", locale, { width: 20 }),
      column("thoi_gian_utc", msg("columns.auUtc"), msg("columns.auUtcAbout"), "text", locale, { width: 26 }),
      column("nguoi_thuc_hien", msg("columns.auActor"), msg("columns.auActorAbout"), "text", locale, { width: 18 }),
      column("hanh_dong", msg("columns.auAction"), msg("columns.auActionAbout"), "text", locale, { width: 32 }),
      column("ma_hanh_dong", msg("columns.auActionCode"), msg("columns.auActionCodeAbout"), "text", locale, { width: 22 }),
      column("dot_khao_sat", msg("columns.auRound"), msg("columns.auRoundAbout"), "text", locale, { width: 16 }),
      column("doi_tuong", msg("columns.auTarget"), msg("columns.auTargetAbout"), "text", locale, { width: 24 }),
      column("chi_tiet", msg("columns.auDetails"), msg("columns.auDetailsAbout"), "text", locale, { width: 60 }),
      column("ma_ban_ghi", msg("columns.auId"), msg("columns.auIdAbout"), "text", locale, { width: 28 }),
    ],
  };
}

export function auditSheetCells(r: AuditRecord, locale: Locale): TableCell[] {
  return [vietnamWallClock(r.at), r.at, r.actor, actionLabel(r.action, locale), r.action, r.roundId, r.target, describeDetails(r.details) || null, r.id];
}
