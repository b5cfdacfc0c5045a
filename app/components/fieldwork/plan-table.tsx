import type { Locale } from "../../domain/definition/schema";
import type { PlanView } from "../../services/fieldwork/sampling.server";

const words = {
  stratum: { vi: "Tầng", en: "Stratum" },
  frame: { vi: "Khung mẫu N_h", en: "Frame N_h" },
  sample: { vi: "Cỡ mẫu n_h", en: "Sample n_h" },
  reserve: { vi: "Dự phòng", en: "Reserve" },
  pi: { vi: "Xác suất chọn π_h", en: "Inclusion prob. π_h" },
  weight: { vi: "Trọng số 1/π_h", en: "Weight 1/π_h" },
  total: { vi: "Tổng", en: "Total" },
  stage: { vi: "Giai đoạn", en: "Stage" },
  method: { vi: "Cách chọn", en: "Method" },
  units: { vi: "Số đơn vị", en: "Units" },
  parents: { vi: "Đơn vị cấp trên", en: "Parents" },
  perParent: { vi: "Chọn mỗi đơn vị cấp trên", en: "Selected per parent" },
  takeAll: { vi: "Lấy toàn bộ", en: "Taken whole" },
  stages: {
    district: { vi: "Huyện", en: "Districts" },
    commune: { vi: "Xã", en: "Communes" },
    village: { vi: "Thôn", en: "Villages" },
    person: { vi: "Người", en: "Persons" },
  } as Record<string, { vi: string; en: string }>,
  methods: {
    srs: { vi: "ngẫu nhiên đơn giản", en: "simple random" },
    "pps-systematic": { vi: "tỷ lệ với quy mô (PPS)", en: "proportional to size (PPS)" },
  } as Record<string, { vi: string; en: string }>,
};

export const formatNumber = (n: number, locale: Locale, digits = 0) =>
  n.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatProbability(p: number, locale: Locale) {
  return p >= 0.001 ? formatNumber(p, locale, 4) : p.toExponential(2);
}

/** Stratum sizes, n_h, π_h and weights (stratified), or the stages (multi-stage): what staff check before drawing. */
export function PlanTable({ plan, locale, caption }: { plan: PlanView; locale: Locale; caption?: string }) {
  if (plan.kind === "multistage") {
    return (
      <div className="table-scroll">
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
                <th scope="row">{words.stages[s.name]?.[locale] ?? s.name}</th>
                <td>{words.methods[s.method]?.[locale] ?? s.method}</td>
                <td className="num">{formatNumber(s.units, locale)}</td>
                <td className="num">{formatNumber(s.parents, locale)}</td>
                <td className="num">{s.requestedPerParent}</td>
                <td className="num">{s.takeAllParents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
                <dt>{words.frame[locale]}</dt>
                <dd>{formatNumber(h.frameSize, locale)}</dd>
              </div>
              <div>
                <dt>{words.sample[locale]}</dt>
                <dd>{formatNumber(h.sampleSize, locale)}</dd>
              </div>
              <div>
                <dt>{words.pi[locale]}</dt>
                <dd>{formatProbability(h.inclusionProbability, locale)}</dd>
              </div>
              <div>
                <dt>{words.weight[locale]}</dt>
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
              <dt>{words.frame[locale]}</dt>
              <dd>{formatNumber(plan.frameSize, locale)}</dd>
            </div>
            <div>
              <dt>{words.sample[locale]}</dt>
              <dd>{formatNumber(plan.sampleSize, locale)}</dd>
            </div>
          </dl>
        </li>
      </ul>
      <div className="table-scroll fw-wide-only">
        <table className="fw-table" data-plan="stratified">
          {caption && <caption className="visually-hidden">{caption}</caption>}
          <thead>
            <tr>
              <th scope="col" className="sticky">
                {words.stratum[locale]}
              </th>
              <th scope="col" className="num">
                {words.frame[locale]}
              </th>
              <th scope="col" className="num">
                {words.sample[locale]}
              </th>
              <th scope="col" className="num">
                {words.reserve[locale]}
              </th>
              <th scope="col" className="num">
                {words.pi[locale]}
              </th>
              <th scope="col" className="num">
                {words.weight[locale]}
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
      </div>
    </>
  );
}
