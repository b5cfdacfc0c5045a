import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDefinitionText } from "../definition/parse";
import type { Definition } from "../definition/schema";
import { cautionOf, explainComputation, type ExplainOptions } from "./explain";

const def = (file: string): Definition => {
  const parsed = parseDefinitionText(readFileSync(new URL(`../../../survey-definitions/${file}`, import.meta.url), "utf8"));
  if (!parsed.ok) throw new Error("shipped definition does not parse");
  return parsed.definition;
};

const OPTIONS: ExplainOptions = { weighted: true, multiUnit: "pooled", interval: "wald", grouped: false, weighting: { kind: "adjusted", at: "2022-10-01T03:00:00Z" } };

describe("how the figures are computed, from the round's definition", () => {
  const sipas2022 = def("sipas-2022/1.json");
  const text = (o: ExplainOptions = OPTIONS, d = sipas2022, locale: "vi" | "en" = "vi") =>
    explainComputation(d, o, locale)
      .map((s) => `## ${s.title}\n${s.points.join("\n")}`)
      .join("\n");

  it("says which answers count as satisfied for each kind of question, by their labels", () => {
    const t = text();
    expect(t).toMatch(/Câu hỏi mức độ hài lòng \(\d+ câu hỏi, thang: Rất không hài lòng, Không hài lòng, Bình thường, Hài lòng, Rất hài lòng\): người trả lời “Hài lòng” hoặc “Rất hài lòng” được tính là hài lòng\./);
    expect(t).toMatch(/Câu hỏi ba mức .*“Rất quan tâm” được tính là đánh giá tích cực/);
    expect(t).toMatch(/“Rất nhiều” được tính là mong đợi cao/);
    expect(t).toMatch(/Câu bỏ trống .*câu bị ẩn do điều kiện rẽ nhánh không được tính/);
  });

  it("walks the tree with its real rules: the index from its domains, domains from components, components from questions", () => {
    const t = text();
    const root = sipas2022.indices[0];
    const domains = root.children.map((c) => ("label" in c ? c.label.vi : ""));
    expect(t).toContain(`${root.label.vi} = trung bình cộng của 2 phần: ${domains.join("; ")}.`);
    expect(t).toMatch(/= trung bình cộng tỷ lệ của 4 câu hỏi\./);
    // A definition with another rule says that rule.
    const weighted = structuredClone(sipas2022);
    Object.assign(weighted.indices[0], { rule: "weighted", weights: [0.4, 0.6] });
    expect(text(OPTIONS, weighted)).toContain(`${root.label.vi} = trung bình có trọng số của 2 phần: ${domains[0]} (hệ số 0,40); ${domains[1]} (hệ số 0,60).`);
    const pooled = structuredClone(sipas2022);
    Object.assign(pooled.indices[0], { rule: "pooled" });
    expect(text(OPTIONS, pooled)).toContain(`${root.label.vi} = tỷ lệ trên tất cả câu trả lời của 33 câu hỏi gộp lại`);
  });

  it("names the weights actually used, explains the 95% interval in words, and no statistician's shorthand", () => {
    expect(text()).toMatch(/điều chỉnh cho người không trả lời trong từng tầng \(áp dụng lúc 01\/10\/2022 10:00 \(giờ Việt Nam, UTC\+7\)\)/);
    expect(text({ ...OPTIONS, weighting: { kind: "design" } })).toMatch(/Chưa điều chỉnh cho người không trả lời/);
    expect(text({ ...OPTIONS, weighted: false })).toMatch(/Không dùng trọng số: mỗi phiếu được tính như nhau/);
    expect(text()).toMatch(/95 trên 100 khoảng/);
    expect(text()).not.toMatch(/\b(FPC|Wald|deff|ADR|z·SE|PSU)\b/);
    expect(text(OPTIONS, sipas2022, "en")).toMatch(/“Satisfied” or “Very satisfied” counts as satisfied/);
  });

  it("marks figures resting on few respondents or with a very wide interval", () => {
    expect(cautionOf({ estimate: 50, ciLow: 0, ciHigh: 100, respondents: 2 })).toBe("few");
    expect(cautionOf({ estimate: 50, ciLow: 35, ciHigh: 65, respondents: 40 })).toBe("wide");
    expect(cautionOf({ estimate: 80, ciLow: 75, ciHigh: 85, respondents: 400 })).toBeNull();
    expect(cautionOf({ estimate: null, ciLow: null, ciHigh: null, respondents: 0 })).toBeNull();
  });
});
