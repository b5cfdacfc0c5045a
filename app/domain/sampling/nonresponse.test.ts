import { describe, expect, it } from "vitest";
import { render } from "../messages";
import { adjustForNonResponse, type FieldworkUnit } from "./nonresponse";
import { drawSample, type FrameUnit } from "./stratified";

const unit = (id: string, stratum: string, designWeight: number, status: FieldworkUnit["status"]): FieldworkUnit => ({ id, stratum, designWeight, status });

function allNumbersFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allNumbersFinite);
  if (value && typeof value === "object") return Object.values(value).every(allNumbersFinite);
  return true;
}

describe("non-response adjustment within stratum", () => {
  it("spreads the weight of eligible non-respondents over the respondents", () => {
    const result = adjustForNonResponse([
      unit("a1", "A", 10, "respondent"),
      unit("a2", "A", 10, "respondent"),
      unit("a3", "A", 10, "nonrespondent"),
      unit("a4", "A", 10, "ineligible"),
      unit("b1", "B", 4, "respondent"),
      unit("b2", "B", 4, "respondent"),
    ]);
    expect(result.strata).toEqual([
      { stratum: "A", sampled: 4, eligible: 3, respondents: 2, nonrespondents: 1, ineligible: 1, eligibleWeight: 30, respondentWeight: 20, factor: 1.5, responseRate: 2 / 3, problem: null },
      { stratum: "B", sampled: 2, eligible: 2, respondents: 2, nonrespondents: 0, ineligible: 0, eligibleWeight: 8, respondentWeight: 8, factor: 1, responseRate: 1, problem: null },
    ]);
    expect(result.units.map((u) => [u.id, u.adjustedWeight])).toEqual([["a1", 15], ["a2", 15], ["a3", 0], ["a4", 0], ["b1", 4], ["b2", 4]]);
    expect(result.eligibleWeight).toBe(38);
    expect(result.unrepresentedStrata).toEqual([]);
  });

  it("uses design weights, not counts, when weights differ within a stratum", () => {
    const result = adjustForNonResponse([unit("x", "A", 10, "respondent"), unit("y", "A", 20, "nonrespondent"), unit("z", "A", 30, "respondent")]);
    expect(result.strata[0].factor).toBe(60 / 40);
    expect(result.units.map((u) => u.adjustedWeight)).toEqual([15, 0, 45]);
  });

  it("keeps the eligible weight of each stratum: Σ adjusted weights of respondents = Σ design weights of eligible", () => {
    const units = [unit("1", "A", 3.5, "respondent"), unit("2", "A", 3.5, "nonrespondent"), unit("3", "A", 3.5, "nonrespondent"), unit("4", "B", 7, "respondent")];
    const result = adjustForNonResponse(units);
    expect(result.units.filter((u) => u.stratum === "A").reduce((s, u) => s + u.adjustedWeight, 0)).toBeCloseTo(10.5, 12);
    expect(result.units.reduce((s, u) => s + u.adjustedWeight, 0) + result.unrepresentedWeight).toBeCloseTo(result.eligibleWeight, 12);
  });

  it("reports a stratum without respondents plainly, with no NaN or Infinity", () => {
    const result = adjustForNonResponse([
      unit("a1", "A", 10, "respondent"),
      unit("c1", "C", 25, "nonrespondent"),
      unit("c2", "C", 25, "nonrespondent"),
      unit("d1", "D", 5, "ineligible"),
    ]);
    const c = result.strata.find((s) => s.stratum === "C")!;
    expect(c).toMatchObject({ respondents: 0, factor: null, responseRate: 0 });
    expect(render(c.problem!, "en")).toBe(
      "no respondents among 2 eligible sampled units: the stratum cannot be adjusted; merge it with a similar stratum or report it as missing",
    );
    expect(render(c.problem!, "vi")).toMatch(/^không có ai trả lời trong 2 người được chọn thuộc đối tượng khảo sát: không điều chỉnh được tầng này/);
    const d = result.strata.find((s) => s.stratum === "D")!;
    expect(d).toMatchObject({ eligible: 0, factor: null, responseRate: null });
    expect(render(d.problem!, "en")).toBe("all 1 sampled units are ineligible: nothing to adjust");
    expect(result.unrepresentedStrata).toEqual(["C"]);
    expect(result.unrepresentedWeight).toBe(50);
    expect(result.eligibleWeight).toBe(60);
    expect(result.units.find((u) => u.id === "c1")!.adjustedWeight).toBe(0);
    expect(allNumbersFinite(result)).toBe(true);
  });

  it("works on a drawn sample: the adjusted weights still add up to the frame size", () => {
    const frame: FrameUnit[] = Array.from({ length: 300 }, (_, i) => ({ id: `u${i}`, attributes: { unit: i < 200 ? "A" : "B" } }));
    const drawn = drawSample(frame, { strataBy: ["unit"], size: { method: "fixed", n: 30 }, allocation: { method: "proportional" } }, 11);
    const fieldwork = drawn.sample.map((s, i): FieldworkUnit => ({ id: s.id, stratum: s.stratum, designWeight: s.designWeight, status: i % 3 === 0 ? "nonrespondent" : "respondent" }));
    const result = adjustForNonResponse(fieldwork);
    expect(result.strata.map((s) => [s.stratum, s.eligibleWeight])).toEqual([['["A"]', 200], ['["B"]', 100]]);
    expect(result.units.reduce((s, u) => s + u.adjustedWeight, 0)).toBeCloseTo(300, 9);
  });

  it("accepts an empty list", () => {
    expect(adjustForNonResponse([])).toEqual({ units: [], strata: [], unrepresentedStrata: [], unrepresentedWeight: 0, eligibleWeight: 0 });
  });
});

describe("errors", () => {
  it("refuses a unit listed twice", () => {
    expect(() => adjustForNonResponse([unit("x", "A", 1, "respondent"), unit("x", "A", 1, "respondent")])).toThrow("unit x appears twice");
  });
  it.each([0, -2, Number.NaN, Number.POSITIVE_INFINITY])("refuses design weight %s", (w) => {
    expect(() => adjustForNonResponse([unit("x", "A", w, "respondent")])).toThrow(`unit x has design weight ${w}; it must be a positive number`);
  });
  it("refuses an unknown status", () => {
    expect(() => adjustForNonResponse([unit("x", "A", 1, "returned" as never)])).toThrow(
      'unit x has unknown status "returned" (respondent, nonrespondent or ineligible)',
    );
  });
});
