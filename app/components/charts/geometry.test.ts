import { describe, expect, it } from "vitest";
import { layoutRows, niceDomain, niceStep, scalePercent, symmetricDomain, ticks, wrapLabel } from "./geometry";

describe("chart labels", () => {
  it("wraps a long Vietnamese label at spaces", () => {
    expect(wrapLabel("Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị", 30)).toEqual(["Tiếp nhận, giải quyết góp ý,", "phản ánh, kiến nghị"]);
    expect(wrapLabel("Thủ tục hành chính", 30)).toEqual(["Thủ tục hành chính"]);
  });

  it("truncates what does not fit with an ellipsis, never beyond the line length", () => {
    const lines = wrapLabel("Sự tham gia của người dân vào xây dựng, thực hiện chính sách ở địa phương trong năm qua", 24, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith("…")).toBe(true);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(24);
    expect(lines[0]).toBe("Sự tham gia của người");
  });

  it("cuts a word longer than a line", () => {
    expect(wrapLabel("ABCDEFGHIJKLMNOP", 6, 3)).toEqual(["ABCDEF", "GHIJKL", "MNOP"]);
    expect(wrapLabel("ABCDEFGHIJKLMNOPQRS", 6, 2)).toEqual(["ABCDEF", "GHIJK…"]);
  });
});

describe("chart scales", () => {
  it("maps values to percent of the plot width, clamped", () => {
    const x = scalePercent([60, 100]);
    expect(x(80)).toBe(50);
    expect(x(100)).toBe(100);
    expect(x(40)).toBe(0);
    expect(x(110)).toBe(100);
  });

  it("picks nice steps and ticks", () => {
    expect(niceStep(100)).toBe(25);
    expect(niceStep(10)).toBe(2.5);
    expect(niceStep(7)).toBe(2);
    expect(ticks([0, 100])).toEqual([0, 25, 50, 75, 100]);
    expect(ticks([70, 90])).toEqual([70, 75, 80, 85, 90]);
  });

  it("zooms a dot plot onto the intervals, at least 10 points wide, within 0–100", () => {
    expect(niceDomain([81.2, 84.7, 88.9])).toEqual([80, 92.5]);
    expect(niceDomain([72.1, 79.4, 91.3])).toEqual([70, 95]);
    expect(niceDomain([83, 84])).toEqual([77.5, 90]);
    expect(niceDomain([97, 99.5])).toEqual([90, 100]);
    expect(niceDomain([0.5, 2])).toEqual([0, 10]);
    expect(niceDomain([])).toEqual([0, 100]);
  });

  it("centres a change chart on zero", () => {
    expect(symmetricDomain([-1.2, 3.4])).toEqual([-4, 4]);
    expect(symmetricDomain([0.3])).toEqual([-2, 2]);
    const [lo, hi] = symmetricDomain([-7.5, 2]);
    expect(lo).toBe(-hi);
    expect(hi).toBeGreaterThanOrEqual(7.5);
  });
});

describe("row layout", () => {
  it("stacks label lines above each mark, rows one after the other", () => {
    const { rows, height } = layoutRows([1, 2], { top: 0, lineHeight: 17, markHeight: 14, gap: 10 });
    expect(rows[0].lineY).toEqual([13]);
    expect(rows[0].markY).toBe(20);
    expect(rows[0].bottom).toBe(34);
    expect(rows[1].top).toBe(44);
    expect(rows[1].lineY).toEqual([57, 74]);
    expect(rows[1].markY).toBe(44 + 34 + 3);
    expect(height).toBe(rows[1].bottom + 10);
    for (const r of rows) expect(r.lineY[r.lineY.length - 1]).toBeLessThan(r.markY);
  });
});
