import type { ReactNode } from "react";
import type { Significance } from "../../domain/results/describe";
import { INK } from "./chart-frame";
import { layoutRows, scalePercent, ticks, wrapLabel } from "./geometry";

/** One row of a horizontal chart: a label above, a bar or dot with its confidence interval below. */
export interface ChartRow {
  key: string;
  label: string;
  /** Indentation level of the label (tree depth). */
  depth?: number;
  /** The row is a total (drawn darker, label bold). */
  strong?: boolean;
  value: number | null;
  low: number | null;
  high: number | null;
  /** The value as printed at the right of the label ("83,94%", "+1,20 đ.%"). */
  valueText: string;
  /** Printed where the mark would be when there is no value ("không có dữ liệu", "không so sánh được"). */
  emptyText?: string;
  significance?: Significance;
}

export interface IntervalRowsProps {
  rows: readonly ChartRow[];
  domain: readonly [number, number];
  /** "bar": a bar from `baseline` to the value; "dot": a dot on its interval line (no baseline needed). */
  mark: "bar" | "dot";
  baseline?: number;
  /** A vertical reference line (the whole-round figure), with its label at the top. */
  reference?: { value: number; label: string };
  formatTick: (v: number) => string;
  maxChars?: number;
}

export const LINE_HEIGHT = 17;
/** A white outline drawn under text (paint-order), so labels stay legible where they cross grid or reference lines. */
const HALO = { stroke: INK.paper, strokeWidth: 3, strokeLinejoin: "round", paintOrder: "stroke" } as const;
const MARK_HEIGHT = 14;
const AXIS_SPACE = 26;

/**
 * Rows of a horizontal chart with their intervals, and the axis below them. Horizontal positions are in percent
 * of the chart's width (see geometry.ts); interval lines are black over light bars, so they show in greyscale too.
 */
export function layoutIntervalRows(props: IntervalRowsProps): { height: number; body: ReactNode } {
  const maxChars = props.maxChars ?? 36;
  const top = props.reference ? LINE_HEIGHT + 4 : 2;
  // Bold labels are wider: give them fewer characters a line.
  const labels = props.rows.map((r) => wrapLabel(r.label, Math.max(16, maxChars - 2 * (r.depth ?? 0) - (r.strong ? 4 : 0)), 2));
  const { rows, height: rowsBottom } = layoutRows(
    labels.map((l) => l.length),
    { top, lineHeight: LINE_HEIGHT, markHeight: MARK_HEIGHT, gap: 10 }
  );
  const x = scalePercent(props.domain);
  const pct = (v: number) => `${x(v)}%`;
  const axisY = rowsBottom - 4;
  const tickValues = ticks(props.domain);
  const baseline = props.baseline ?? props.domain[0];

  const body = (
    <>
      <g aria-hidden="true">
        {tickValues.map((t) => (
          <line
            key={`g${t}`}
            x1={pct(t)}
            x2={pct(t)}
            y1={top}
            y2={axisY}
            stroke={t === baseline && props.mark === "bar" ? INK.axis : INK.grid}
            strokeWidth={1}
            strokeDasharray={t === baseline && props.mark === "bar" ? undefined : "2 3"}
          />
        ))}
        <line x1="0%" x2="100%" y1={axisY} y2={axisY} stroke={INK.axis} strokeWidth={1} />
        {tickValues.map((t, i) => (
          <text key={`t${t}`} x={pct(t)} y={axisY + 16} fill={INK.axis} fontSize={12} textAnchor={i === 0 && x(t) < 5 ? "start" : x(t) > 95 ? "end" : "middle"}>
            {props.formatTick(t)}
          </text>
        ))}
      </g>
      {props.reference && (
        <g className="chart-reference">
          <line
            x1={pct(props.reference.value)}
            x2={pct(props.reference.value)}
            y1={top - 2}
            y2={axisY}
            stroke={INK.reference}
            strokeWidth={2}
            strokeDasharray="6 3"
          />
          <text
            x={pct(props.reference.value)}
            y={LINE_HEIGHT - 4}
            fill={INK.reference}
            fontWeight={600}
            {...HALO}
            textAnchor={x(props.reference.value) > 70 ? "end" : x(props.reference.value) < 30 ? "start" : "middle"}
          >
            {props.reference.label}
          </text>
        </g>
      )}
      {props.rows.map((r, i) => {
        const g = rows[i];
        const indent = (r.depth ?? 0) * 14;
        const hasValue = r.value !== null;
        const hasInterval = r.low !== null && r.high !== null;
        return (
          <g key={r.key} className="chart-row" data-code={r.key} data-empty={hasValue ? undefined : "true"}>
            <title>{`${r.label}: ${r.valueText}`}</title>
            {labels[i].map((line, j) => (
              <text key={j} x="0" dx={indent} y={g.lineY[j]} fill={INK.mark} fontWeight={r.strong ? 700 : 400} {...HALO}>
                {line}
              </text>
            ))}
            <text x="100%" y={g.lineY[0]} textAnchor="end" fill={INK.mark} fontWeight={700} className="chart-value" {...HALO}>
              {r.valueText}
            </text>
            {!hasValue && (
              <text
                x={pct(baseline)}
                dx={x(baseline) > 50 ? 0 : 4}
                y={g.markMid + 4}
                fill={INK.axis}
                fontStyle="italic"
                fontSize={12}
                textAnchor={x(baseline) > 50 ? "middle" : "start"}
              >
                {r.emptyText ?? "—"}
              </text>
            )}
            {hasValue && props.mark === "bar" && (
              <rect
                className="bar"
                x={pct(Math.min(baseline, r.value!))}
                width={`${Math.abs(x(r.value!) - x(baseline))}%`}
                y={g.markY}
                height={MARK_HEIGHT}
                fill={r.strong ? INK.barStrong : INK.bar}
              />
            )}
            {hasValue && hasInterval && (
              <g className="ci">
                <line x1={pct(r.low!)} x2={pct(r.high!)} y1={g.markMid} y2={g.markMid} stroke={INK.mark} strokeWidth={1.5} />
                {[r.low!, r.high!].map((v, k) => (
                  <line key={k} x1={pct(v)} x2={pct(v)} y1={g.markMid - 6} y2={g.markMid + 6} stroke={INK.mark} strokeWidth={1.5} />
                ))}
              </g>
            )}
            {hasValue && props.mark === "dot" && (
              <circle
                className={`dot ${r.significance === "above" || r.significance === "below" ? "significant" : ""}`}
                cx={pct(r.value!)}
                cy={g.markMid}
                r={5.5}
                fill={r.significance === "above" || r.significance === "below" ? INK.mark : INK.paper}
                stroke={INK.mark}
                strokeWidth={2}
              />
            )}
          </g>
        );
      })}
    </>
  );
  return { height: axisY + AXIS_SPACE, body };
}
