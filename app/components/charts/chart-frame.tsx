import { useId, type ReactNode } from "react";
import type { Locale } from "../../domain/definition/schema";
import { TableScroll } from "../table-scroll";
import { chartFrame } from "../../domain/messages/areas/charts";

/**
 * The frame every chart shares: a figure with a visible caption, an SVG that assistive technology reads as one
 * image (role="img" with <title> and <desc>), a legend, and the chart's numbers as a table for anyone who
 * cannot see or print the drawing.
 */
export function ChartFrame(props: {
  title: string;
  /** What the chart shows and its main finding, read out by screen readers. */
  description: string;
  /** The options sentence: what the figures are (weighting, pooling, interval). */
  subtitle?: string;
  height: number;
  locale: Locale;
  legend?: ReactNode;
  table: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className={`chart ${props.className ?? ""}`} data-testid={props.testId}>
      <figcaption className="chart-title">
        <span>{props.title}</span>
        {props.subtitle && <span className="chart-subtitle">{props.subtitle}</span>}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}t`}
        aria-describedby={`${id}d`}
        width="100%"
        height={props.height}
        className="chart-svg"
        style={{ overflow: "visible" }}
        fontSize={13}
      >
        <title id={`${id}t`}>{props.title}</title>
        <desc id={`${id}d`}>{props.description}</desc>
        {props.children}
      </svg>
      {props.legend && <div className="chart-legend">{props.legend}</div>}
      <details className="chart-data">
        <summary>{chartFrame.figures[props.locale]}</summary>
        <TableScroll>{props.table}</TableScroll>
      </details>
    </figure>
  );
}

/** Chart colours: mid-grey-blue bars and black marks read the same in colour and in greyscale print. */
export const INK = {
  bar: "#9fb3cc",
  barStrong: "#6f8db3",
  mark: "#111111",
  paper: "#ffffff",
  grid: "#c4cbd3",
  axis: "#59636e",
  reference: "#7d0d13",
} as const;
