/**
 * The spreadsheet form of each table download: its columns in the reader's language and its rows as typed cells.
 * The CSV form of the same tables is in ../csv (machine headers, documented in docs/downloads.md).
 */
import type { Answers } from "../definition/conditions";
import type { Definition, Item, Locale } from "../definition/schema";
import { textIn } from "../definition/text";
import type { IndexResult } from "../indices/types";
import { msg, render, type MessageKey } from "../messages";
import { CODEBOOK_HEADER, codebookRows, EXPORT_DESIGN_COLUMNS, INDICES_HEADER, MULTIPLE_JOIN } from "../csv/responses-export";
import { DASHBOARD_COLUMNS, type DashboardRow } from "../fieldwork/dashboard";
import { column, numberCell, percentCell, vietnamWallClock, type TableCell, type TableColumn, type TableSheet } from "./table";

// ---------------------------------------------------------------- indices

/** The index table: estimate and its interval side by side as percents, then SE, answers and weights. */
export function indicesSheet(roundName: string, locale: Locale): TableSheet {
  const [group, node, label, estimate, se, ciLow, ciHigh, n, weightSum] = INDICES_HEADER;
  return {
    sheetName: render(msg("columns.indicesSheet"), locale),
    title: render(msg("columns.indicesTitle", { round: roundName }), locale),
    columns: [
      column(group, msg("columns.group"), msg("columns.groupAbout"), "text", locale, { width: 14 }),
      column(node, msg("columns.node"), msg("columns.nodeAbout"), "text", locale, { width: 14 }),
      column(label, msg("columns.label"), msg("columns.labelAbout"), "text", locale, { width: 50 }),
      column(estimate, msg("columns.estimate"), msg("columns.estimateAbout"), "percent", locale, { width: 12 }),
      column(ciLow, msg("columns.ciLow"), msg("columns.ciLowAbout"), "percent", locale, { width: 14 }),
      column(ciHigh, msg("columns.ciHigh"), msg("columns.ciHighAbout"), "percent", locale, { width: 14 }),
      column(se, msg("columns.se"), msg("columns.seAbout"), "decimal", locale, { decimals: 2, width: 14 }),
      column(n, msg("columns.n"), msg("columns.nAbout"), "integer", locale, { width: 14 }),
      column(weightSum, msg("columns.weightSum"), msg("columns.weightSumAbout"), "decimal", locale, { decimals: 1, width: 14 }),
    ],
  };
}

export function indicesCells(result: IndexResult, locale: Locale): TableCell[][] {
  const rows: TableCell[][] = [];
  for (const g of result.groups) {
    const group = g.key === null ? null : g.label ? `${g.key} · ${g.label[locale]}` : g.key;
    for (const x of g.nodes) {
      rows.push([group, x.code, x.label[locale], percentCell(x.estimate), percentCell(x.ciLow), percentCell(x.ciHigh), numberCell(x.se), x.n, numberCell(x.weightSum)]);
    }
  }
  return rows;
}

// ---------------------------------------------------------------- responses

/** Whether an item's answers are written as numbers: number items, and choices whose codes are all plain integers. */
function numericItem(item: Item, labels: boolean): boolean {
  if (item.type === "number") return true;
  if (labels || item.type === "multiple" || item.type === "text") return false;
  return (item.options ?? []).length > 0 && (item.options ?? []).every((o) => /^(0|[1-9][0-9]{0,8})$/.test(o.code));
}

export interface ResponsesSheetLayout {
  sheet: TableSheet;
  items: Item[];
  numeric: boolean[];
  labels: Map<string, Map<string, string>> | null;
}

const DESIGN_HEADERS = {
  response_id: ["columns.responseId", "columns.responseIdAbout", "text"],
  submitted_at: ["columns.submittedAt", "columns.submittedAtAbout", "datetime"],
  entry_mode: ["columns.entryMode", "columns.entryModeAbout", "text"],
  locale: ["columns.locale", "columns.localeAbout", "text"],
  unit: ["columns.unit", "columns.unitAbout", "text"],
  stratum: ["columns.stratum", "columns.stratumAbout", "text"],
  psu: ["columns.psu", "columns.psuAbout", "text"],
  weight: ["columns.weight", "columns.weightAbout", "decimal"],
  fpc: ["columns.fpc", "columns.fpcAbout", "integer"],
} as const satisfies Record<SheetDesignColumn, readonly [string, string, TableColumn["kind"]]>;

/** The workbook writes the stratum in words in its `stratum` column: the CSV's separate `stratum_label` is not needed. */
type SheetDesignColumn = Exclude<(typeof EXPORT_DESIGN_COLUMNS)[number], "stratum_label">;
const SHEET_DESIGN_COLUMNS = EXPORT_DESIGN_COLUMNS.filter((c): c is SheetDesignColumn => c !== "stratum_label");

/**
 * The responses sheet: the design columns in words, then one column per item headed by its code (the explanation
 * sheet gives the question and its options). With `labels`, choice cells hold the option labels.
 */
export function responsesSheet(def: Definition, roundName: string, locale: Locale, labels: boolean): ResponsesSheetLayout {
  const items = def.sections.flatMap((s) => s.items);
  const numeric = items.map((i) => numericItem(i, labels));
  const design = SHEET_DESIGN_COLUMNS.map((c) => {
    const [header, about, kind] = DESIGN_HEADERS[c];
    return column(c, msg(header), msg(about), kind, locale, {
      width: c === "stratum" ? 30 : c === "submitted_at" ? 20 : c === "response_id" ? 24 : 12,
      decimals: c === "weight" ? 4 : undefined,
    });
  });
  const itemColumns = items.map((item, k): TableColumn => {
    const options = (item.options ?? []).map((o) => (labels ? textIn(o.label, locale) : `${o.code} = ${textIn(o.label, locale)}`)).join("; ");
    const answers =
      item.type === "number"
        ? render(msg("columns.itemNumber"), locale)
        : item.type === "text"
          ? render(msg("columns.itemText"), locale)
          : render(msg(labels ? "columns.itemLabels" : "columns.itemCodes", { options }), locale) +
            (item.type === "multiple" ? `; ${render(msg("columns.itemSeveral"), locale)}` : "");
    return {
      machine: item.code,
      header: item.code,
      about: render(msg("columns.itemAbout", { question: textIn(item.label, locale), answers }), locale),
      kind: numeric[k] ? (item.type === "number" ? "decimal" : "integer") : "text",
      width: Math.max(10, item.code.length + 2),
    };
  });
  return {
    sheet: {
      sheetName: render(msg("columns.responsesSheet"), locale),
      title: render(msg("columns.responsesTitle", { round: roundName }), locale),
      columns: [...design, ...itemColumns],
    },
    items,
    numeric,
    labels: labels ? new Map(items.map((i) => [i.code, new Map((i.options ?? []).map((o) => [o.code, textIn(o.label, locale)]))])) : null,
  };
}

export interface ResponseSheetSource {
  id: string;
  submittedAt: string | null;
  entryMode: string;
  locale: string;
  unit: string | null;
  stratum: string | null;
  psu: string | null;
  weight: number | null;
  fpc: number | null;
  answers: Answers;
}

const ENTRY_WORDS = { online: msg("columns.entryOnline"), paper: msg("columns.entryPaper"), import: msg("columns.entryImport") } as const;

/** One response as cells; `stratumWords` turns a stored stratum key into words. */
export function responseCells(layout: ResponsesSheetLayout, r: ResponseSheetSource, locale: Locale, stratumWords: (key: string) => string): TableCell[] {
  const entry = ENTRY_WORDS[r.entryMode as keyof typeof ENTRY_WORDS];
  const cells: TableCell[] = [
    r.id,
    vietnamWallClock(r.submittedAt),
    entry ? render(entry, locale) : r.entryMode,
    r.locale,
    r.unit,
    r.stratum === null ? null : stratumWords(r.stratum),
    r.psu,
    numberCell(r.weight),
    numberCell(r.fpc),
  ];
  layout.items.forEach((item, k) => {
    const v = r.answers[item.code];
    const names = layout.labels?.get(item.code);
    if (v === undefined || v === null) cells.push(null);
    else if (typeof v === "number") cells.push(v);
    else if (Array.isArray(v)) cells.push(v.map((c) => names?.get(c) ?? c).join(names ? ` ${MULTIPLE_JOIN} ` : MULTIPLE_JOIN));
    else if (layout.numeric[k]) cells.push(Number(v));
    else cells.push(names?.get(v) ?? v);
  });
  return cells;
}

// ---------------------------------------------------------------- codebook

const CODEBOOK_WORDS = [
  ["columns.cbCode", "columns.cbCodeAbout"],
  ["columns.cbSection", "columns.cbSectionAbout"],
  ["columns.cbType", "columns.cbTypeAbout"],
  ["columns.cbLabelVi", "columns.cbLabelViAbout"],
  ["columns.cbLabelEn", "columns.cbLabelEnAbout"],
  ["columns.cbOptions", "columns.cbOptionsAbout"],
  ["columns.cbPositive", "columns.cbPositiveAbout"],
  ["columns.cbRequired", "columns.cbRequiredAbout"],
  ["columns.cbShownIf", "columns.cbShownIfAbout"],
] as const;

const CODEBOOK_WIDTHS = [16, 10, 14, 50, 50, 50, 14, 10, 30];

export function codebookSheet(roundName: string, locale: Locale): TableSheet {
  return {
    sheetName: render(msg("columns.codebookSheet"), locale),
    title: render(msg("columns.codebookTitle", { round: roundName }), locale),
    columns: CODEBOOK_HEADER.map((machine, i) =>
      column(machine, msg(CODEBOOK_WORDS[i][0]), msg(CODEBOOK_WORDS[i][1]), machine === "required" ? "integer" : "text", locale, { width: CODEBOOK_WIDTHS[i] }),
    ),
  };
}

/** The codebook of the workbook's responses sheet, which has no `stratum_label` column (its `stratum` is in words). */
export function codebookCells(def: Definition): TableCell[][] {
  return codebookRows(def)
    .filter((r) => r[0] !== "stratum_label")
    .map((r) => r.map((v) => (typeof v === "boolean" ? (v ? 1 : 0) : v === undefined || v === "" ? null : v)));
}

// ---------------------------------------------------------------- fieldwork status

const FIELDWORK_ABOUT: Partial<Record<DashboardKey, MessageKey>> = {
  label: "columns.fwLabelAbout",
  frameSize: "columns.fwFrameAbout",
  sampled: "columns.fwSampledAbout",
  sent: "columns.fwSentAbout",
  returned: "columns.fwReturnedAbout",
  responseRate: "columns.fwRateAbout",
  replacements: "columns.fwReplacementsAbout",
  refused: "columns.fwRefusedAbout",
  unreachable: "columns.fwUnreachableAbout",
  invalid: "columns.fwInvalidAbout",
  keyed: "columns.fwKeyedAbout",
  verified: "columns.fwVerifiedAbout",
};
type DashboardKey = (typeof DASHBOARD_COLUMNS)[number]["key"];

export function fieldworkSheet(roundName: string, locale: Locale): TableSheet {
  return {
    sheetName: render(msg("columns.fieldworkSheet"), locale),
    title: render(msg("columns.fieldworkTitle", { round: roundName }), locale),
    columns: [
      ...DASHBOARD_COLUMNS.map(
        (c): TableColumn => ({
          machine: c.key,
          header: c.label[locale],
          about: FIELDWORK_ABOUT[c.key] ? render({ key: FIELDWORK_ABOUT[c.key]! }, locale) : "",
          kind: c.key === "label" ? "text" : c.key === "responseRate" ? "percent" : "integer",
          width: c.key === "label" ? 36 : 12,
        }),
      ),
      column("stratum", msg("columns.fwStratumKey"), msg("columns.fwStratumKeyAbout"), "text", locale, { width: 20 }),
    ],
  };
}

export function fieldworkCells(r: DashboardRow): TableCell[] {
  return [...DASHBOARD_COLUMNS.map((c) => (c.key === "label" ? r.label : c.key === "responseRate" ? numberCell(r.responseRate) : numberCell(r[c.key] as number | null))), r.stratum];
}

// ---------------------------------------------------------------- rejected frame rows

export function rejectedSheet(fileName: string, headers: readonly string[], locale: Locale): TableSheet {
  return {
    sheetName: render(msg("columns.rejectedSheet"), locale),
    title: render(msg("columns.rejectedTitle", { file: fileName }), locale),
    columns: [
      column("line", msg("columns.rjLine"), msg("columns.rjLineAbout"), "integer", locale, { width: 8 }),
      ...headers.map((h): TableColumn => ({ machine: h, header: h, about: render(msg("columns.rjCellAbout"), locale), kind: "text", width: Math.max(12, h.length + 2) })),
      column("problems", msg("columns.rjProblems"), msg("columns.rjProblemsAbout"), "text", locale, { width: 60 }),
    ],
  };
}
