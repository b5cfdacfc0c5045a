import { describe, expect, it } from "vitest";
import { describeOptions, groupingLabel, significanceOfChange, significanceVsOverall, type ShownOptions } from "./describe";
import { reasonText } from "./reason-text";

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

describe("why a row of a comparison is not comparable, in the reader's language", () => {
  it("says each reason in Vietnamese and in English", () => {
    const itemsChanged = { kind: "itemsChanged", added: ["P_QUAL_ADMIN"], removed: [] } as const;
    expect(reasonText(itemsChanged, "vi")).toBe("câu hỏi thành phần thay đổi: +P_QUAL_ADMIN");
    expect(reasonText(itemsChanged, "en")).toBe("items changed: +P_QUAL_ADMIN");
    const rule = { kind: "ruleChanged", from: { rule: "mean" }, to: { rule: "item", item: "SV_ACC_GEN" } } as const;
    expect(reasonText(rule, "vi")).toBe("cách tổng hợp thay đổi (trung bình → theo câu SV_ACC_GEN)");
    expect(reasonText(rule, "en")).toBe("rule changed (mean → item SV_ACC_GEN)");
    expect(reasonText({ kind: "onlyIn", version: "2" }, "vi")).toBe("chỉ có trong phiên bản 2");
    expect(reasonText({ kind: "kindChanged", from: "satisfaction", to: "assessment" }, "vi")).toBe("loại chỉ số thay đổi (hài lòng → đánh giá)");
    expect(reasonText({ kind: "kindChanged", from: "satisfaction", to: "assessment" }, "en")).toBe("kind changed (satisfaction → assessment)");
    expect(reasonText({ kind: "weightsChanged" }, "vi")).toBe("trọng số các thành phần thay đổi");
    expect(reasonText({ kind: "optionsChanged", item: "A1" }, "en")).toBe("answer options of A1 changed");
  });

  it("cuts a long list of changed questions short and says how many more", () => {
    const many = { kind: "itemsChanged", added: ["A", "B"], removed: ["C", "D", "E"] } as const;
    expect(reasonText(many, "vi", 2)).toBe("câu hỏi thành phần thay đổi: +A +B … (và 3 câu khác)");
    expect(reasonText({ ...many, removed: ["C"] }, "en", 2)).toBe("items changed: +A +B … (and 1 more)");
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
