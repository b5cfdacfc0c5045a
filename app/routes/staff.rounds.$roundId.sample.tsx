import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { randomInt } from "node:crypto";
import { useState } from "react";
import { PlanTable, formatNumber } from "../components/fieldwork/plan-table";
import { UploadForm } from "../components/fieldwork/upload-form";
import { FramePeriodNotice } from "../components/fieldwork/frame-period";
import { FrameFiles } from "../components/fieldwork/frame-files";
import { listFrameFiles, removeFrameFile } from "../services/fieldwork/frame-files.server";
import { catalogue, fill, localize, msg, render } from "../domain/messages";
import { StaffErrorBoundary } from "../components/staff/staff-error-boundary";
import { useLocale, metaLocale } from "../components/use-locale";
import type { Locale, LocalizedText } from "../domain/definition/schema";
import { SeedSchema, describeDesign, designFromForm, designToForm, type DesignFormErrors } from "../domain/fieldwork/design";
import { UNIT_LEVELS } from "../domain/fieldwork/frame";
import { plan as planWords } from "../domain/messages/areas/plan";
import { terms } from "../domain/messages/areas/terms";
import { listFrameImports } from "../services/fieldwork/frame-uploads.server";
import { attempt, orRefuse, refuse } from "../services/platform/route-errors.server";
import { readForm } from "../services/platform/forms.server";
import { resolveLocale } from "../services/platform/locale.server";
import { drawRoundSample, getSampleSummary, listStrataColumns, planRoundSample, type PlanView } from "../services/fieldwork/sampling.server";
import { requireRoundAccess } from "../services/staff/guards.server";
import { commitSession, csrfToken, getSession, verifyCsrf } from "../services/platform/session.server";
import { receiveUpload } from "../services/fieldwork/frame-uploads.server";
import styles from "../styles/fieldwork.css";
import { formatTimestamp } from "../domain/results/format";
import { samplePage, samplePageLevels } from "../domain/messages/areas/sample-page";
import { pageTitles } from "../domain/messages/areas/page-titles";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `SIPAS – ${pageTitles.sample[metaLocale(matches)]}` }];

const t = { ...samplePage, levels: samplePageLevels };

const DEFAULT_FORM: [string, string][] = [
  ["kind", "stratified"],
  ["strata", "level"],
  ["strata", "unit"],
  ["size", "yamane"],
  ["e", "5"],
  ["alloc", "proportional-min"],
  ["min", "10"],
  ["reserve", "5"],
  ["district", "3"],
  ["commune", "2"],
  ["village", "3"],
  ["person", "31"],
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, round, units, user } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
  const url = new URL(request.url);
  const { locale } = await resolveLocale(request);
  const [persons, imports, sample, columns, files] = await Promise.all([
    db
      .selectFrom("frame_persons")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("round_id", "=", round.id)
      .executeTakeFirstOrThrow(),
    listFrameImports(db, round.id, 10),
    getSampleSummary(db, round.id),
    listStrataColumns(db, round.id, locale),
    listFrameFiles(db, round.id),
  ]);
  const frameSize = Number(persons.n);
  // The period notice speaks of the latest file that entered the frame.
  const current = imports.find((i) => i.status === "imported" && i.inFrame) ?? null;
  const waiting =
    imports.find(
      (i) => (i.status === "uploaded" || i.status === "failed" || i.status === "running") && i.fileKept && (!current || i.createdAt > current.createdAt)
    ) ?? null;

  const submitted = url.searchParams.has("kind");
  const values = submitted ? [...url.searchParams.entries()] : DEFAULT_FORM;
  let plan: PlanView | null = null;
  let planError: { message: string; details: string[] } | null = null;
  let designErrors: DesignFormErrors = {};
  if (submitted && !sample && frameSize > 0) {
    const parsed = designFromForm(url.searchParams);
    designErrors = parsed.errors;
    if (parsed.design) {
      const design = parsed.design;
      const planned = await attempt(() => planRoundSample(db, round.id, design, locale, user.id));
      if (planned.ok) plan = planned.value;
      else planError = { message: planned.refusal.message, details: planned.refusal.details };
    }
  }
  const session = await getSession(request);
  const csrf = csrfToken(session);
  const levelCounts = Object.fromEntries(UNIT_LEVELS.map((l) => [l, units.filter((u) => u.level === l).length]));
  return data(
    {
      round: { id: round.id, status: round.status },
      csrf,
      user: { role: user.role },
      units: { count: units.length, levelCounts, list: units.slice(0, 12).map((u) => ({ code: u.code, name: u.name, level: u.level })) },
      frame: {
        size: frameSize,
        current: current && {
          id: current.id,
          fileName: current.fileName,
          finishedAt: current.finishedAt,
          rowsRejected: current.report?.rowsRejected ?? 0,
          rowsRead: current.report?.rowsRead ?? 0,
          outsidePeriod: current.report?.problemsByKind.date_outside_period ?? 0,
          dateColumn: current.mapping.returned_on !== null,
        },
        period: { start: round.period_start, end: round.period_end },
        waiting: waiting && { id: waiting.id, fileName: waiting.fileName, status: waiting.status },
        files,
      },
      columns,
      sample,
      form: { values, submitted },
      plan,
      planError,
      designErrors,
      design: submitted ? designFromForm(url.searchParams).design : null,
      suggestedSeed: randomInt(1, 2 ** 31),
    },
    { headers: { "Set-Cookie": await commitSession(session) } }
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, round, user } = await requireRoundAccess(request, params.roundId!, "manageFieldwork");
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const outcome = await receiveUpload(request, db, round.id, user.id);
    if (outcome.ok && outcome.kind === "frame") return redirect(`/staff/rounds/${round.id}/sample/import/${outcome.importId}`);
    if (outcome.ok) return data({ units: outcome.result, error: null, removed: null });
    return data({ units: null, error: { message: outcome.message, details: outcome.details }, removed: null }, { status: outcome.status });
  }
  const form = await readForm(request);
  verifyCsrf(await getSession(request), form);
  if (form.get("intent") === "remove-file") {
    const importId = form.get("importId");
    const removed = await attempt(() => removeFrameFile(db, { roundId: round.id, importId: typeof importId === "string" ? importId : "", actor: user.id }));
    if (!removed.ok) return data({ units: null, error: { message: removed.refusal.message, details: removed.refusal.details }, removed: null }, { status: removed.refusal.status });
    return data({ units: null, error: null, removed: removed.value });
  }
  if (form.get("intent") !== "draw") throw refuse(msg("staffPages.unknownAction"), 400);
  const parsed = designFromForm(new URLSearchParams([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string")));
  const seed = SeedSchema.safeParse(form.get("seed"));
  if (!parsed.design || !seed.success) {
    return data(
      { units: null, error: { message: localize(msg("staffPages.invalidDesign")), details: [] }, removed: null },
      { status: 400 }
    );
  }
  const { locale } = await resolveLocale(request);
  await orRefuse(() => drawRoundSample(db, { roundId: round.id, design: parsed.design, seed: seed.data, userId: user.id, locale }));
  return redirect(`/staff/rounds/${round.id}/sample#sample`);
}

function Field({ error, locale }: { error?: LocalizedText; locale: Locale }) {
  return error ? <p className="fw-error">{error[locale]}</p> : null;
}

export default function SamplePage() {
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const [unitsResult, setUnitsResult] = useState<{ added: number; updated: number; units: number } | null>(null);
  const value = (name: string) => d.form.values.find(([k]) => k === name)?.[1] ?? "";
  const values = (name: string) => d.form.values.filter(([k]) => k === name).map(([, v]) => v);
  const open = d.round.status === "open";
  const base = `/staff/rounds/${d.round.id}`;
  const units = actionData?.units ?? unitsResult;
  const error = actionData?.error;
  const drawing = navigation.state === "submitting" && navigation.formData?.get("intent") === "draw";

  return (
    <section aria-labelledby="sample-title">
      <h2 id="sample-title" className="visually-hidden">
        {t.title[locale]}
      </h2>
      {!open && <p className="fw-warning">{t.closed[locale]}</p>}
      {error && (
        <div className="fw-alert" role="alert">
          <p className="fw-error">{typeof error.message === "string" ? error.message : error.message[locale]}</p>
          {error.details.length > 0 && (
            <ul className="error-details">
              {error.details.map((x, i) => (
                <li key={i}>{x}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      <section className="fw-section" aria-labelledby="units-title">
        <h2 id="units-title">
          <span className="fw-step">1</span>
          {t.units[locale]}
        </h2>
        {d.units.count === 0 ? (
          <p>{t.unitsNone[locale]}</p>
        ) : (
          <p>
            <strong>{d.units.count}</strong> {t.unitsWord[locale]}:{" "}
            {UNIT_LEVELS.filter((l) => d.units.levelCounts[l])
              .map((l) => `${d.units.levelCounts[l]} ${t.levels[l][locale]}`)
              .join(", ")}
          </p>
        )}
        {units && (
          <p className="notice" role="status">
            {t.unitsDone[locale]}: +{units.added}, {units.updated} {t.updatedWord[locale]}; {units.units}{" "}
            {t.unitsWord[locale]}.
          </p>
        )}
        {open && !d.sample && (
          <details className="fw-details" open={d.units.count === 0}>
            <summary>{t.unitsButton[locale]}</summary>
            <UploadForm
              action={`${base}/sample`}
              jsonAction={`${base}/sample/upload`}
              kind="units"
              csrf={d.csrf}
              locale={locale}
              label={t.unitsUpload[locale]}
              hint={<p className="hint">{t.unitsHint[locale]}</p>}
              button={t.unitsButton[locale]}
              onUnits={(r) => {
                setUnitsResult(r);
                revalidator.revalidate();
              }}
            />
          </details>
        )}
      </section>

      <section className="fw-section" aria-labelledby="frame-title">
        <h2 id="frame-title">
          <span className="fw-step">2</span>
          {t.frame[locale]}
        </h2>
        <p data-frame-size={d.frame.size}>
          <strong>{formatNumber(d.frame.size, locale)}</strong> {t.frameCount[locale]}
        </p>
        {actionData?.removed && (
          <p className="notice" role="status" data-frame-removed>
            {fill(catalogue.frameFiles.removed, { file: actionData.removed.fileName, count: actionData.removed.removed }, locale)}
          </p>
        )}
        <FrameFiles locale={locale} base={base} csrf={d.csrf} files={d.frame.files} period={d.frame.period} changeable={open && !d.sample} />
        {d.frame.waiting && (
          <p className="fw-warning">
            {t.pending[locale]} <Link to={`${base}/sample/import/${d.frame.waiting.id}`}>{d.frame.waiting.fileName}</Link>
          </p>
        )}
        {(d.frame.current || d.frame.period.start || d.frame.period.end) && (
          <FramePeriodNotice
            locale={locale}
            period={d.frame.period}
            outside={d.frame.current && d.frame.current.rowsRead > 0 ? { count: d.frame.current.outsidePeriod, rows: d.frame.current.rowsRead } : null}
            dateColumn={d.frame.current ? d.frame.current.dateColumn : true}
            edit={null}
            locked={!!d.sample}
          />
        )}
        {!d.sample && open && (
          <p className="hint" data-frame-can-change>
            {catalogue.framePeriod.canChange[locale]} <Link to={`${base}/settings`}>{catalogue.roundSetup.settings[locale]}</Link>
          </p>
        )}
        {d.sample ? (
          <p className="fw-meta" data-frame-fixed>{catalogue.frameFiles.fixed[locale]}</p>
        ) : (
          open &&
          d.units.count > 0 && (
            <section aria-labelledby="frame-add-title">
              <h3 id="frame-add-title">{(d.frame.files.length ? catalogue.frameFiles.add : catalogue.frameFiles.addFirst)[locale]}</h3>
              <UploadForm
                action={`${base}/sample`}
                jsonAction={`${base}/sample/upload`}
                kind="frame"
                csrf={d.csrf}
                locale={locale}
                label={t.frameUpload[locale]}
                hint={
                  <>
                    <p className="hint">{t.frameHint[locale]}</p>
                    {d.frame.files.length > 0 && <p className="hint">{catalogue.frameFiles.addHint[locale]}</p>}
                  </>
                }
                button={t.frameButton[locale]}
              />
            </section>
          )
        )}
      </section>

      <section className="fw-section" aria-labelledby="design-title" id="sample">
        <h2 id="design-title">
          <span className="fw-step">3</span>
          {d.sample ? t.drawn[locale] : t.design[locale]}
        </h2>
        {d.sample ? (
          <div data-sample-drawn>
            <dl className="fw-kpis">
              <div>
                <dt>{t.sampled[locale]}</dt>
                <dd>{formatNumber(d.sample.sampled, locale)}</dd>
              </div>
              <div>
                <dt>{t.reserveList[locale]}</dt>
                <dd>
                  {formatNumber(d.sample.reserve, locale)}{" "}
                  <small>
                    ({d.sample.reserveUsed} {t.used[locale]})
                  </small>
                </dd>
              </div>
              <div>
                <dt>{t.seedShort[locale]}</dt>
                <dd className="code">{d.sample.seed}</dd>
              </div>
            </dl>
            <p>{describeDesign(d.sample.design, locale)}</p>
            <p className="fw-meta">
              {t.drawnOn[locale]} {formatTimestamp(d.sample.createdAt, locale)}{" "}
              {t.by[locale]} {d.sample.createdBy}.
            </p>
            <p className="fw-meta">
              {(d.sample.design.kind === "multistage" ? terms.algorithmMultistage : terms.algorithmStratified)[locale]}
            </p>
            <details className="fw-meta">
              <summary>{terms.algorithmDetails[locale]}</summary>
              <code>{d.sample.algorithm}</code>
            </details>
            <PlanTable plan={d.sample.plan} locale={locale} caption={t.drawn[locale]} />
            {d.sample.plan.kind === "stratified" && <p className="hint">{planWords.explain[locale]}</p>}
            <p className="fw-actions">
              {t.next[locale]} <Link to={`${base}/invitations`}>{t.toInvitations[locale]}</Link> · <Link to={`${base}/fieldwork`}>{t.toFieldwork[locale]}</Link>
            </p>
          </div>
        ) : d.frame.size === 0 ? (
          <p>{t.needFrame[locale]}</p>
        ) : (
          <>
            <Form method="get" className="fw-form" preventScrollReset>
              <fieldset>
                <legend>{t.kind[locale]}</legend>
                <label>
                  <input type="radio" name="kind" value="stratified" defaultChecked={value("kind") !== "multistage"} /> {t.stratified[locale]}
                </label>
                <label>
                  <input type="radio" name="kind" value="multistage" defaultChecked={value("kind") === "multistage"} /> {t.multistage[locale]}
                </label>
              </fieldset>
              <fieldset>
                <legend>{t.strata[locale]}</legend>
                <div className="fw-choices-grid">
                  {d.columns.map((c) => (
                    <label key={c.key}>
                      <input type="checkbox" name="strata" value={c.key} defaultChecked={values("strata").includes(c.key)} /> {c.label}
                    </label>
                  ))}
                </div>
                <p className="hint">{t.noStrata[locale]}</p>
                <Field error={d.designErrors.strata} locale={locale} />
              </fieldset>
              <fieldset>
                <legend>{t.size[locale]}</legend>
                <label>
                  <input type="radio" name="size" value="fixed" defaultChecked={value("size") === "fixed"} /> {t.fixed[locale]}
                  <input type="number" name="n" min={1} defaultValue={value("n")} aria-label="n" />
                </label>
                <Field error={d.designErrors.n} locale={locale} />
                <label>
                  <input type="radio" name="size" value="yamane" defaultChecked={value("size") === "yamane" || !value("size")} /> {t.yamane[locale]}
                </label>
                <label>
                  <input type="radio" name="size" value="margin" defaultChecked={value("size") === "margin"} /> {t.margin[locale]}
                </label>
                <label>
                  e{" "}
                  <input
                    type="text"
                    inputMode="decimal"
                    name="e"
                    defaultValue={value("e") || "5"}
                    aria-label={t.marginLabel[locale]}
                    style={{ maxWidth: "6rem" }}
                  />{" "}
                  %
                </label>
                <Field error={d.designErrors.e} locale={locale} />
              </fieldset>
              <fieldset>
                <legend>{t.allocation[locale]}</legend>
                <div className="fw-inline">
                  <label>
                    <input type="radio" name="alloc" value="equal" defaultChecked={value("alloc") === "equal"} /> {t.equal[locale]}
                  </label>
                  <label>
                    <input type="radio" name="alloc" value="proportional" defaultChecked={value("alloc") === "proportional"} /> {t.proportional[locale]}
                  </label>
                  <label>
                    <input type="radio" name="alloc" value="proportional-min" defaultChecked={value("alloc") === "proportional-min"} />{" "}
                    {t.proportionalMin[locale]}
                    <input type="number" name="min" min={0} defaultValue={value("min")} aria-label={t.proportionalMin[locale]} style={{ maxWidth: "6rem" }} />
                  </label>
                </div>
                <Field error={d.designErrors.min} locale={locale} />
                <div className="field">
                  <label htmlFor="reserve">{t.reserve[locale]}</label>
                  <input id="reserve" type="number" name="reserve" min={0} defaultValue={value("reserve")} />
                  <Field error={d.designErrors.reserve} locale={locale} />
                </div>
              </fieldset>
              <details className="fw-details" open={value("kind") === "multistage"}>
                <summary>{t.multistage[locale]}</summary>
                <fieldset>
                  <legend>{t.stages[locale]}</legend>
                  {(["district", "commune"] as const).map((s) => (
                    <label key={s}>
                      <input type="number" name={s} min={1} defaultValue={value(s)} style={{ maxWidth: "6rem" }} /> {t[s][locale]}
                      <input
                        type="checkbox"
                        name="pps"
                        value={s}
                        defaultChecked={values("pps").includes(s)}
                        aria-label={`${t.pps[locale]}: ${t[s][locale]}`}
                      />{" "}
                      PPS
                    </label>
                  ))}
                  <div className="field">
                    <label htmlFor="villageColumn">{t.villageColumn[locale]}</label>
                    <select id="villageColumn" name="villageColumn" defaultValue={value("villageColumn")}>
                      <option value="">{t.none[locale]}</option>
                      {d.columns
                        .filter((c) => !c.builtin)
                        .map((c) => (
                          <option key={c.key} value={c.key}>
                            {c.label}
                          </option>
                        ))}
                    </select>
                  </div>
                  <label>
                    <input type="number" name="village" min={1} defaultValue={value("village")} style={{ maxWidth: "6rem" }} /> {t.village[locale]}
                    <input
                      type="checkbox"
                      name="pps"
                      value="village"
                      defaultChecked={values("pps").includes("village")}
                      aria-label={`${t.pps[locale]}: ${t.village[locale]}`}
                    />{" "}
                    PPS
                  </label>
                  <label>
                    <input type="number" name="person" min={1} defaultValue={value("person")} style={{ maxWidth: "6rem" }} /> {t.person[locale]}
                  </label>
                  <p className="hint">
                    {t.reservePersons[locale]}: {t.reserveAbove[locale]}
                  </p>
                  <Field error={d.designErrors.stages} locale={locale} />
                </fieldset>
              </details>
              <div className="fw-actions">
                <button type="submit" className="button">
                  {t.showPlan[locale]}
                </button>
              </div>
            </Form>

            {d.planError && (
              <div className="fw-alert" role="alert">
                <p className="fw-error">{d.planError.message}</p>
                {d.planError.details.length > 0 && (
                  <ul className="error-details">
                    {d.planError.details.map((x, i) => (
                      <li key={i}>{x}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {d.plan && d.design && (
              <section aria-labelledby="plan-title" data-plan-ready>
                <h3 id="plan-title">{t.plan[locale]}</h3>
                <p>{describeDesign(d.design, locale)}</p>
                {d.plan.warnings.map((w, i) => (
                  <p key={i} className="fw-warning">
                    {/* A plan stored before warnings were messages holds English text. */}
                    {typeof w === "string" ? w : render(w, locale)}
                  </p>
                ))}
                <PlanTable plan={d.plan} locale={locale} caption={t.plan[locale]} />
                {d.plan.kind === "stratified" && <p className="hint">{planWords.explain[locale]}</p>}
                <p className="fw-meta" data-sum-pi>
                  {t.sumPi[locale]}: Σπ = {formatNumber(d.plan.sumOfProbabilities, locale, 2)} {t.equalsN[locale]} n = {formatNumber(d.plan.sampleSize, locale)}
                  {d.plan.probabilityRange && ` (π: ${d.plan.probabilityRange[0].toPrecision(3)} – ${d.plan.probabilityRange[1].toPrecision(3)})`}
                </p>
                {open && (
                  <Form method="post" className="fw-form">
                    <input type="hidden" name="csrf" value={d.csrf} />
                    <input type="hidden" name="intent" value="draw" />
                    {designToForm(d.design).map(([k, v], i) => (
                      <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
                    ))}
                    <div className="field">
                      <label htmlFor="seed">{t.seed[locale]}</label>
                      <input id="seed" name="seed" inputMode="numeric" pattern="[0-9]{1,16}" defaultValue={String(d.suggestedSeed)} required />
                    </div>
                    <p className="fw-warning" data-frame-fixed-at-draw>
                      {catalogue.framePeriod.fixedAtDraw[locale]}
                    </p>
                    <p className="hint">{t.drawNote[locale]}</p>
                    <div className="fw-actions">
                      <button type="submit" className="button primary" disabled={drawing}>
                        {drawing ? t.drawing[locale] : t.draw[locale]}
                      </button>
                    </div>
                  </Form>
                )}
              </section>
            )}
          </>
        )}
      </section>
    </section>
  );
}

export const ErrorBoundary = StaffErrorBoundary;
