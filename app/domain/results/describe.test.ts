import { describe, expect, it } from "vitest";
import { describeOptions, groupingLabel, significanceOfChange, significanceVsOverall, translateNote, translateReason, type ShownOptions } from "./describe";

const base: ShownOptions = {
  weighted: true,
  multiUnit: "pooled",
  interval: "wald",
  level: 0.95,
  by: "none",
  byLabel: groupingLabel("none"),
  groups: 0,
  responses: 1234,
};

describe("the sentence saying what is shown", () => {
  it("names weighting, pooling, interval and n", () => {
    expect(describeOptions(base, "vi")).toBe("Có trọng số · gộp toàn bộ người trả lời · khoảng tin cậy 95% (Wald) · n = 1\u00a0234 phiếu");
    expect(describeOptions(base, "en")).toBe("Weighted · pooled over all respondents · 95% confidence intervals (Wald) · n = 1,234 responses");
  });

  it("says unweighted, mean of the units, the grouping and logit intervals", () => {
    const o: ShownOptions = {
      ...base,
      weighted: false,
      multiUnit: "meanOfUnits",
      interval: "logit",
      by: "district",
      byLabel: groupingLabel("district"),
      groups: 3,
      responses: 1,
    };
    expect(describeOptions(o, "vi")).toBe(
      "Không trọng số (mỗi phiếu tính 1) · số liệu chung là trung bình chỉ số các huyện · theo cấp huyện (3 nhóm) · khoảng tin cậy 95% (logit) · n = 1 phiếu"
    );
    expect(describeOptions(o, "en")).toContain("whole-round figures are the mean of the districts' indices · by district (3 groups)");
  });

  it("names a profile grouping by its question", () => {
    const o: ShownOptions = { ...base, by: "A_SEX", byLabel: groupingLabel("A_SEX", { vi: "Giới tính", en: "Sex" }), groups: 2 };
    expect(describeOptions(o, "vi")).toContain("theo giới tính (2 nhóm)");
  });
});

describe("design notes and comparison reasons in Vietnamese", () => {
  it("translates the engine's notes and keeps unknown ones", () => {
    expect(translateNote("2 strata had a single PSU (D01, D03); variance contribution centred at the grand mean (survey.lonely.psu = 'adjust').", "vi")).toBe(
      "2 tầng chỉ có một cụm được chọn (D01, D03): không đo được độ dao động bên trong các tầng này, nên sai số của chúng được ước lượng thận trọng so với trung bình chung."
    );
    expect(translateNote("95% Wald intervals (estimate ± z·SE, normal quantile).", "vi")).toMatch(/^Khoảng tin cậy 95% kiểu Wald/);
    expect(translateNote("1 response has weight 0 and count in no estimate.", "vi")).toBe("1 phiếu có trọng số 0, không được tính vào ước lượng nào.");
    expect(translateNote("Something new.", "vi")).toBe("Something new.");
    expect(translateNote("Weighted by the response weights (a missing weight counts 1).", "en")).toBe(
      "Weighted by the response weights (a missing weight counts 1)."
    );
  });

  it("translates why a row is not comparable", () => {
    expect(translateReason("items changed: +P_QUAL_ADMIN", "vi")).toBe("câu hỏi thành phần thay đổi: +P_QUAL_ADMIN");
    expect(translateReason("rule changed (mean → item SV_ACC_GEN)", "vi")).toBe("cách tổng hợp thay đổi (trung bình → theo câu SV_ACC_GEN)");
    expect(translateReason("only in version 2", "vi")).toBe("chỉ có trong phiên bản 2");
    expect(translateReason("items changed: +A +B −C −D −E", "vi", 2)).toBe("câu hỏi thành phần thay đổi: +A +B … (và 3 câu khác)");
    expect(translateReason("items changed: +A +B −C", "en", 2)).toBe("items changed: +A +B … (and 1 more)");
  });
});

describe("significance marks", () => {
  it("marks a group whose interval excludes the overall figure", () => {
    expect(significanceVsOverall({ estimate: 90, ciLow: 85.1, ciHigh: 94 }, 85)).toBe("above");
    expect(significanceVsOverall({ estimate: 80, ciLow: 76, ciHigh: 84.9 }, 85)).toBe("below");
    expect(significanceVsOverall({ estimate: 84, ciLow: 80, ciHigh: 88 }, 85)).toBe("notSignificant");
    expect(significanceVsOverall({ estimate: null, ciLow: null, ciHigh: null }, 85)).toBe("unknown");
  });

  it("marks a change whose interval excludes zero", () => {
    expect(significanceOfChange({ difference: 2, ciLow: 0.5, ciHigh: 3.5 })).toBe("above");
    expect(significanceOfChange({ difference: -2, ciLow: -3.5, ciHigh: -0.1 })).toBe("below");
    expect(significanceOfChange({ difference: 1, ciLow: -0.5, ciHigh: 2.5 })).toBe("notSignificant");
    expect(significanceOfChange({ difference: null, ciLow: null, ciHigh: null })).toBe("unknown");
  });
});
