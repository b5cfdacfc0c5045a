import type { Locale } from "../../domain/definition/schema";
import type { PlanView } from "../../services/fieldwork/sampling.server";
import { plan as planWords } from "../../domain/messages/areas/plan";
import { TableScroll } from "../table-scroll";

const words = planWords;

const STAGES: Record<string, { vi: string; en: string }> = {
  district: planWords.stageDistrict,
  commune: planWords.stageCommune,
  village: planWords.stageVillage,
  person: planWords.stagePerson,
};
const METHODS: Record<string, { vi: string; en: string }> = { srs: planWords.methodSrs, "pps-systematic": planWords.methodPps };

/** A column head in plain words, with the statistician's notation as a second, smaller line. */
function Head({ text, notation, locale }: { text: { vi: string; en: string }; notation: string; locale: Locale }) {
  return (
    <>
      {text[locale]}
      <span className="notation">{notation}</span>
    </>
  );
}

export const formatNumber = (n: number, locale: Locale, digits = 0) =>
  n.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatProbability(p: number, locale: Locale) {
  return p >= 0.001 ? formatNumber(p, locale, 4) : p.toExponential(2);
}

/** Stratum sizes, n_h, π_h and weights (stratified), or the stages (multi-stage): what staff check before drawing. */
export function PlanTable({ plan, locale, caption }: { plan: PlanView; locale: Locale; caption?: string }) {
  if (plan.kind === "multistage") {
    return (
      <TableScroll>
        <table className="fw-table" data-plan="multistage">
          {caption && <caption className="visually-hidden">{caption}</caption>}
          <thead>
            <tr>
              <th scope="col">{words.stage[locale]}</th>
              <th scope="col">{words.method[locale]}</th>
              <th scope="col" className="num">
                {words.units[locale]}
              </th>
              <th scope="col" className="num">
                {words.parents[locale]}
              </th>
              <th scope="col" className="num">
                {words.perParent[locale]}
              </th>
              <th scope="col" className="num">
                {words.takeAll[locale]}
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.stages.map((s) => (
              <tr key={s.name}>
                <th scope="row">{STAGES[s.name]?.[locale] ?? s.name}</th>
                <td>{METHODS[s.method]?.[locale] ?? s.method}</td>
                <td className="num">{formatNumber(s.units, locale)}</td>
                <td className="num">{formatNumber(s.parents, locale)}</td>
                <td className="num">{s.requestedPerParent}</td>
                <td className="num">{s.takeAllParents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    );
  }
  return (
    <>
      {/* On a phone: one card per stratum; the table from 720 px. */}
      <ul className="fw-cards" aria-label={caption}>
        {plan.strata.map((h) => (
          <li key={h.key}>
            <p className="fw-card-title">{h.label}</p>
            <dl>
              <div>
                <dt>
                  <Head text={words.frame} notation="N_h" locale={locale} />
                </dt>
                <dd>{formatNumber(h.frameSize, locale)}</dd>
              </div>
              <div>
                <dt>
                  <Head text={words.sample} notation="n_h" locale={locale} />
                </dt>
                <dd>{formatNumber(h.sampleSize, locale)}</dd>
              </div>
              <div>
                <dt>
                  <Head text={words.pi} notation="π_h" locale={locale} />
                </dt>
                <dd>{formatProbability(h.inclusionProbability, locale)}</dd>
              </div>
              <div>
                <dt>
                  <Head text={words.weight} notation="1/π_h" locale={locale} />
                </dt>
                <dd>{h.designWeight === null ? "—" : formatNumber(h.designWeight, locale, 2)}</dd>
              </div>
              <div>
                <dt>{words.reserve[locale]}</dt>
                <dd>{formatNumber(h.reserveSize, locale)}</dd>
              </div>
            </dl>
          </li>
        ))}
        <li className="total">
          <p className="fw-card-title">{words.total[locale]}</p>
          <dl>
            <div>
              <dt>
                  <Head text={words.frame} notation="N_h" locale={locale} />
                </dt>
              <dd>{formatNumber(plan.frameSize, locale)}</dd>
            </div>
            <div>
              <dt>
                  <Head text={words.sample} notation="n_h" locale={locale} />
                </dt>
              <dd>{formatNumber(plan.sampleSize, locale)}</dd>
            </div>
          </dl>
        </li>
      </ul>
      <TableScroll className="fw-wide-only">
        <table className="fw-table" data-plan="stratified">
          {caption && <caption className="visually-hidden">{caption}</caption>}
          <thead>
            <tr>
              <th scope="col" className="sticky">
                {words.stratum[locale]}
              </th>
              <th scope="col" className="num">
                <Head text={words.frame} notation="N_h" locale={locale} />
              </th>
              <th scope="col" className="num">
                <Head text={words.sample} notation="n_h" locale={locale} />
              </th>
              <th scope="col" className="num">
                {words.reserve[locale]}
              </th>
              <th scope="col" className="num">
                <Head text={words.pi} notation="π_h = n_h / N_h" locale={locale} />
              </th>
              <th scope="col" className="num">
                <Head text={words.weight} notation="1/π_h" locale={locale} />
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.strata.map((h) => (
              <tr key={h.key} className={h.sampleSize === 0 ? "fw-warning" : undefined}>
                <th scope="row" className="sticky">
                  {h.label}
                </th>
                <td className="num">{formatNumber(h.frameSize, locale)}</td>
                <td className="num">{formatNumber(h.sampleSize, locale)}</td>
                <td className="num">{formatNumber(h.reserveSize, locale)}</td>
                <td className="num">{formatProbability(h.inclusionProbability, locale)}</td>
                <td className="num">{h.designWeight === null ? "—" : formatNumber(h.designWeight, locale, 2)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="sticky">
                {words.total[locale]}
              </th>
              <td className="num">{formatNumber(plan.frameSize, locale)}</td>
              <td className="num">{formatNumber(plan.sampleSize, locale)}</td>
              <td className="num">{formatNumber(plan.reserveSize, locale)}</td>
              <td className="num" colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </>
  );
}
