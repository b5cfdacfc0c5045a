/**
 * Geometry of the results charts, kept pure so it can be tested without a browser. Charts are drawn with
 * horizontal positions in percent of the chart's width (SVG lengths accept "%"), so one server-rendered SVG
 * fits a phone and a desktop without scaling its text; vertical positions are pixels.
 */

/**
 * Splits a label into at most `maxLines` lines of at most `maxChars` characters, at spaces; a word longer than a
 * line is cut. When the text does not fit, the last line ends with "…". Vietnamese words are short syllables, so
 * breaking at spaces reads naturally.
 */
export function wrapLabel(text: string, maxChars: number, maxLines = 2): string[] {
  const pieces = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => (w.length <= maxChars ? [w] : w.match(new RegExp(`.{1,${maxChars}}`, "gu")) ?? [w]));
  const lines: string[] = [];
  let current = "";
  for (const w of pieces) {
    if (!current) current = w;
    else if (current.length + 1 + w.length <= maxChars) current += ` ${w}`;
    else {
      lines.push(current);
      current = w;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const out = lines.slice(0, maxLines - 1);
  const rest = lines
    .slice(maxLines - 1)
    .join(" ")
    .slice(0, maxChars - 1);
  const space = rest.lastIndexOf(" ");
  out.push((space > maxChars * 0.6 ? rest.slice(0, space) : rest).trimEnd() + "…");
  return out;
}

/** A linear map from `domain` to 0–100 (percent of the plot width), clamped to the plot. */
export function scalePercent(domain: readonly [number, number]): (value: number) => number {
  const [lo, hi] = domain;
  const span = hi - lo || 1;
  return (value) => Math.round(Math.min(100, Math.max(0, ((value - lo) / span) * 100)) * 1000) / 1000;
}

/** A "nice" tick step (1, 2, 2.5 or 5 × 10^k) giving about `target` intervals over `span`. */
export function niceStep(span: number, target = 4): number {
  if (!(span > 0)) return 1;
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  const nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * The axis range of a dot plot (no zero baseline needed): covering `values`, widened to at least `minSpan`,
 * rounded out to a nice step and kept within `limits` (0–100 for shares).
 */
export function niceDomain(values: readonly number[], opts: { minSpan?: number; limits?: readonly [number, number] } = {}): [number, number] {
  const [minLimit, maxLimit] = opts.limits ?? [0, 100];
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [minLimit, maxLimit];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  const minSpan = opts.minSpan ?? 10;
  if (hi - lo < minSpan) {
    const mid = (lo + hi) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  const step = niceStep(hi - lo);
  lo = Math.max(minLimit, Math.floor(lo / step) * step);
  hi = Math.min(maxLimit, Math.ceil(hi / step) * step);
  if (lo === minLimit && hi - lo < minSpan) hi = Math.min(maxLimit, lo + minSpan);
  if (hi === maxLimit && hi - lo < minSpan) lo = Math.max(minLimit, hi - minSpan);
  return [lo, hi];
}

/** A range symmetric around 0 for differences, at least ±`minHalf`, rounded out to a nice step. */
export function symmetricDomain(values: readonly number[], minHalf = 2): [number, number] {
  const finite = values.filter(Number.isFinite).map(Math.abs);
  const m = Math.max(minHalf, ...finite);
  const step = niceStep(2 * m);
  const half = Math.ceil(m / step) * step;
  return [-half, half];
}

/** Tick values from lo to hi by a nice step (both ends included when they fall on the step). */
export function ticks(domain: readonly [number, number], target = 4): number[] {
  const [lo, hi] = domain;
  const step = niceStep(hi - lo, target);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6 || 0);
  return out;
}

export interface RowGeometry {
  /** Baselines of the label lines. */
  lineY: number[];
  /** Top of the bar or the interval line's band. */
  markY: number;
  /** Centre of the bar / interval band. */
  markMid: number;
  top: number;
  bottom: number;
}

export interface RowLayoutOptions {
  top?: number;
  lineHeight?: number;
  markHeight?: number;
  gap?: number;
}

/** Stacks rows vertically: each row's label lines, then its bar (or interval) below them. */
export function layoutRows(lineCounts: readonly number[], opts: RowLayoutOptions = {}): { rows: RowGeometry[]; height: number } {
  const lineHeight = opts.lineHeight ?? 17;
  const markHeight = opts.markHeight ?? 14;
  const gap = opts.gap ?? 12;
  let y = opts.top ?? 0;
  const rows = lineCounts.map((lines) => {
    const top = y;
    const lineY = Array.from({ length: Math.max(1, lines) }, (_, i) => top + (i + 1) * lineHeight - 4);
    const markY = top + Math.max(1, lines) * lineHeight + 3;
    const bottom = markY + markHeight;
    y = bottom + gap;
    return { lineY, markY, markMid: markY + markHeight / 2, top, bottom };
  });
  return { rows, height: y };
}
