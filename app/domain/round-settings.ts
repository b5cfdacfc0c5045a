/**
 * What staff set on a round when they create it or change it before fieldwork starts: its name, province, fieldwork
 * period and the help contact citizens see. One schema for the web form and the CLI; its refusals are catalogue keys
 * so each front door prints them in its reader's language.
 */
import * as z from "zod/mini";
import { msg, type Message } from "./messages";

export const ROUND_SETTINGS_FIELDS = ["name", "provinceCode", "periodStart", "periodEnd", "helpContact"] as const;
export type RoundSettingsField = (typeof ROUND_SETTINGS_FIELDS)[number];

function isRealDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** Empty text means "not set": a round may have no province (national), no period, no contact. */
const nfcTrim = () => z.overwrite((s: string) => s.normalize("NFC").trim());
const emptyIsNull = () => z.transform((s: string) => (s === "" ? null : s));

const optionalText = (max: number) => z.pipe(z.string().check(nfcTrim(), z.maxLength(max, "tooLong")), emptyIsNull());

const day = z.pipe(z.string().check(z.trim(), z.refine((s) => s === "" || isRealDay(s), "badDate")), emptyIsNull());

export const RoundSettingsSchema = z
  .object({
    name: z.string().check(nfcTrim(), z.minLength(1, "needsName"), z.maxLength(200, "tooLong")),
    provinceCode: z.pipe(
      z.string().check(z.trim(), z.refine((s) => s === "" || /^[A-Za-z0-9]{1,10}$/.test(s), "badProvince")),
      emptyIsNull(),
    ),
    periodStart: day,
    periodEnd: day,
    helpContact: optionalText(300),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.periodStart && v.periodEnd && v.periodStart > v.periodEnd) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "endBeforeStart" });
    }),
  );

export type RoundSettings = z.output<typeof RoundSettingsSchema>;
export type RoundSettingsInput = Record<RoundSettingsField, string>;

const REFUSALS: Record<string, (field: RoundSettingsField, value: string) => Message> = {
  needsName: () => msg("roundSetup.needsName"),
  tooLong: () => msg("roundSetup.tooLong"),
  badProvince: (_f, value) => msg("roundSetup.badProvince", { province: value }),
  badDate: (_f, value) => msg("roundSetup.badDate", { date: value }),
  endBeforeStart: () => msg("roundSetup.endBeforeStart"),
};

/** The settings, or a refusal per field (a catalogue message), for a form to show beside each field. */
export function parseRoundSettings(
  input: Partial<RoundSettingsInput>
): { ok: true; value: RoundSettings } | { ok: false; errors: Partial<Record<RoundSettingsField, Message>> } {
  const raw = Object.fromEntries(ROUND_SETTINGS_FIELDS.map((f) => [f, input[f] ?? ""])) as RoundSettingsInput;
  const parsed = RoundSettingsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<RoundSettingsField, Message>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as RoundSettingsField;
    const refusal = REFUSALS[issue.message] ?? REFUSALS.tooLong;
    errors[field] ??= refusal(field, raw[field]);
  }
  return { ok: false, errors };
}

/** What changed between two settings, as the audit trail records it (old → new per field). */
export function settingsChanges(before: RoundSettings, after: RoundSettings): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  for (const f of ROUND_SETTINGS_FIELDS) {
    if (before[f] !== after[f]) changes[f] = `${before[f] ?? "—"} → ${after[f] ?? "—"}`;
  }
  return changes;
}

/** Why the settings can no longer change, or null while they can (see lockReason in the rounds service). */
export type SettingsLock = "closed" | "sampled" | "codes";

/** "01/08/2022 – 31/10/2022" (day first, as Vietnamese write dates); an open end is "…". */
export function formatPeriod(start: string | null, end: string | null): string {
  const day = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : "…");
  return `${day(start)} – ${day(end)}`;
}
