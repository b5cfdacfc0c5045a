import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { unlink } from "node:fs/promises";
import { RoundSettingsFields, type SettingsValues } from "../components/staff/round-settings-fields";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale, metaLocale } from "../components/use-locale";
import { getDb } from "../db.server";
import { catalogue, fill, localize, msg, render, type MessageLike } from "../domain/messages";
import { parseRoundSettings, ROUND_SETTINGS_FIELDS, type RoundSettingsField } from "../domain/round-settings";
import type { LocalizedText } from "../domain/definition/schema";
import { listDefinitions } from "../services/definitions/versions.server";
import { attempt, refusalText } from "../services/platform/route-errors.server";
import { commitSession, csrfToken, getSession } from "../services/platform/session.server";
import { receiveFormWithCsv } from "../services/platform/uploads.server";
import { createRound, getRound, listUnitSources } from "../services/rounds/rounds.server";
import { readUnitsFile } from "../services/rounds/units-import.server";
import { requirePermission } from "../services/staff/guards.server";
import styles from "../styles/fieldwork.css";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.newRound[metaLocale(matches)]}` }];

const w = catalogue.roundSetup;
const UNITS_MAX_BYTES = 20 * 1024 * 1024;
type UnitsSource = "later" | "upload" | "copy";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "createRound");
  const { db } = await getDb();
  const [definitions, sources] = await Promise.all([listDefinitions(db), listUnitSources(db, { provinceCode: user.provinceCode })]);
  const session = await getSession(request);
  return data(
    {
      csrf: csrfToken(session),
      fixedProvince: user.provinceCode,
      // Retired versions take no new round (resolveDefinitionRef refuses them too); newest versions first.
      definitions: definitions
        .filter((d) => d.status === "published")
        .reverse()
        .map((d) => ({ id: d.id, title: { vi: d.title_vi, en: d.title_en ?? d.title_vi } })),
      sources,
    },
    { headers: { "Set-Cookie": await commitSession(session) } }
  );
}

interface Refused {
  fields: Partial<Record<RoundSettingsField | "units", MessageLike>>;
  refusal: { message: LocalizedText; details: LocalizedText[] } | null;
  values: SettingsValues & { definition: string; id: string; units: UnitsSource; unitsFrom: string };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "createRound");
  const { db } = await getDb();
  const received = await receiveFormWithCsv(request, { maxBytes: UNITS_MAX_BYTES, tooLarge: localize(msg("roundSetup.unitsTooLarge")) });
  if (!received.ok) {
    return data<Refused>({ fields: {}, refusal: { message: received.message, details: [] }, values: emptyValues() }, { status: received.status });
  }
  const { form, path, fileName } = received;
  try {
    const text = (k: string) => (typeof form.get(k) === "string" ? (form.get(k) as string) : "");
    const units = (["later", "upload", "copy"] as const).find((u) => u === text("units")) ?? "later";
    const values: Refused["values"] = {
      ...(Object.fromEntries(ROUND_SETTINGS_FIELDS.map((f) => [f, text(f)])) as SettingsValues),
      definition: text("definition"),
      id: text("id"),
      units,
      unitsFrom: text("unitsFrom"),
    };
    // A province-scoped manager creates rounds of their own province only, whatever the form says.
    if (user.provinceCode) values.provinceCode = user.provinceCode;
    const parsed = parseRoundSettings(values);
    const fields: Refused["fields"] = parsed.ok ? {} : { ...parsed.errors };
    if (units === "upload" && !path) fields.units = msg("roundSetup.unitsNeedFile");
    if (units === "copy" && !values.unitsFrom) fields.units = msg("roundSetup.unitsNeedRound");
    if (Object.keys(fields).length) return data<Refused>({ fields, refusal: null, values }, { status: 400 });

    const done = await attempt(async () => {
      // The units are checked before the round exists, so a bad file leaves no half-made round behind.
      const unitRows = units === "upload" && path ? await readUnitsFile({ path }, fileName ?? "units.csv") : undefined;
      if (units === "copy") await getRound(db, values.unitsFrom, { provinceCode: user.provinceCode });
      return createRound(db, {
        definition: values.definition,
        name: values.name,
        id: values.id || undefined,
        provinceCode: values.provinceCode,
        periodStart: values.periodStart,
        periodEnd: values.periodEnd,
        helpContact: values.helpContact,
        units: unitRows,
        unitsFrom: units === "copy" ? values.unitsFrom : null,
        actor: user.id,
      });
    });
    if (done.ok) return redirect(`/staff/rounds/${done.value.id}/sample`);
    const { refusal } = done;
    return data<Refused>(
      { fields: {}, refusal: { message: refusalText(refusal), details: refusal.detailsLocalized ?? refusal.details.map((x) => ({ vi: x, en: x })) }, values },
      { status: refusal.status }
    );
  } finally {
    if (path) await unlink(path).catch(() => {});
  }
}

function emptyValues(): Refused["values"] {
  return { name: "", provinceCode: "", periodStart: "", periodEnd: "", helpContact: "", definition: "", id: "", units: "later", unitsFrom: "" };
}

export default function NewRound() {
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const values = result?.values ?? emptyValues();
  const fieldErrors = Object.fromEntries(Object.entries(result?.fields ?? {}).map(([k, m]) => [k, render(m as MessageLike, locale)])) as Partial<
    Record<RoundSettingsField | "units", string>
  >;
  const busy = navigation.state === "submitting";
  return (
    <div className="panel wide">
      <p className="eyebrow">
        <Link to="/staff">{catalogue.staff.rounds[locale]}</Link>
      </p>
      <h1>{w.newRound[locale]}</h1>
      {result && (
        <div className="fw-alert" role="alert" data-create-refused>
          <p className="fw-error">{result.refusal ? result.refusal.message[locale] : w.fixErrors[locale]}</p>
          {result.refusal && result.refusal.details.length > 0 && (
            <ul className="error-details">
              {result.refusal.details.map((x, i) => (
                <li key={i}>{x[locale]}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {d.definitions.length === 0 ? (
        <p>{w.noDefinitions[locale]}</p>
      ) : (
        <Form method="post" encType="multipart/form-data" className="fw-form">
          <input type="hidden" name="csrf" value={d.csrf} />
          <div className="field wide-field">
            <label htmlFor="definition">{w.definition[locale]}</label>
            <select id="definition" name="definition" defaultValue={values.definition || d.definitions[0].id} required>
              {d.definitions.map((def) => (
                <option key={def.id} value={def.id}>
                  {def.id} – {def.title[locale]}
                </option>
              ))}
            </select>
          </div>
          <RoundSettingsFields values={values} errors={fieldErrors} locale={locale} fixedProvince={d.fixedProvince} />
          <div className="field">
            <label htmlFor="id">{w.id[locale]}</label>
            <input id="id" name="id" defaultValue={values.id} maxLength={63} pattern="[a-z0-9][a-z0-9\-]*" aria-describedby="id-hint" />
            <p className="hint" id="id-hint">
              {w.idHint[locale]}
            </p>
          </div>
          <fieldset>
            <legend>{w.units[locale]}</legend>
            <label>
              <input type="radio" name="units" value="later" defaultChecked={values.units === "later"} /> {w.unitsLater[locale]}
            </label>
            <label>
              <input type="radio" name="units" value="upload" defaultChecked={values.units === "upload"} /> {w.unitsUpload[locale]}
            </label>
            <div className="field">
              <label htmlFor="file">{w.unitsFile[locale]}</label>
              <input id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby="units-hint" />
              <p className="hint" id="units-hint">
                {w.unitsFileHint[locale]}
              </p>
            </div>
            {d.sources.length > 0 && (
              <>
                <label>
                  <input type="radio" name="units" value="copy" defaultChecked={values.units === "copy"} /> {w.unitsCopy[locale]}
                </label>
                <div className="field wide-field">
                  <label htmlFor="unitsFrom">{w.unitsCopyFrom[locale]}</label>
                  <select id="unitsFrom" name="unitsFrom" defaultValue={values.unitsFrom}>
                    <option value="">—</option>
                    {d.sources.map((s) => (
                      <option key={s.id} value={s.id}>
                        {fill(w.unitsCount, { name: `${s.name} (${s.id})`, count: s.units }, locale)}
                      </option>
                    ))}
                  </select>
                </div>
              </>
            )}
            {fieldErrors.units && <p className="fw-error">{fieldErrors.units}</p>}
          </fieldset>
          <div className="fw-actions">
            <button type="submit" className="button primary" disabled={busy}>
              {w.create[locale]}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
