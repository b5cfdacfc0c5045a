import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffDefinitions } from "../../app/domain/definition/diff";
import { diffLines, markWords } from "../../app/domain/definition/diff-text";
import { parseDefinition } from "../../app/domain/definition/parse";
import type { Definition } from "../../app/domain/definition/schema";
import { wordDiff } from "../../app/domain/definition/word-diff";
import { compareMeasures } from "../../app/domain/indices/compare";
import { changedDefinition, makeDefinition, type DefinitionInput } from "../fixtures/definition-factory";

function parsed(raw: DefinitionInput | unknown): Definition {
  const result = parseDefinition(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.map((i) => i.message.en)));
  return result.definition;
}
const v2 = (change: (d: DefinitionInput) => void) =>
  parsed(
    changedDefinition((d) => {
      d.version = "2";
      change(d);
    }),
  );
const base = parsed(makeDefinition());

describe("word diff", () => {
  it("marks the changed words of a Vietnamese sentence and nothing else", () => {
    expect(markWords(wordDiff("Công chức lịch sự", "Công chức có thái độ lịch sự"))).toBe("Công chức {+có thái độ +}lịch sự");
    expect(markWords(wordDiff("Kết quả đúng hẹn", "Kết quả trả đúng hẹn."))).toBe("Kết quả {+trả +}đúng hẹn{+.+}");
    expect(markWords(wordDiff("Nơi ngồi chờ", "Trụ sở sạch sẽ"))).toBe("[-Nơi ngồi chờ-]{+Trụ sở sạch sẽ+}");
  });

  it("sees no change between a composed text and the same text with combining accents (NFD)", () => {
    const nfc = "Hài lòng về thủ tục";
    expect(wordDiff(nfc, nfc.normalize("NFD"))).toEqual([{ op: "same", text: nfc }]);
  });
});

describe("diffDefinitions", () => {
  it("finds no differences between a version and itself under another number", () => {
    const diff = diffDefinitions(base, v2(() => {}));
    expect(diff.same).toBe(true);
    expect(diffLines(diff, base, v2(() => {}), "en")).toEqual(["test@1 → test@2", "no differences"]);
  });

  it("reports an added question, a policy item shown only after it, and the consequence for the indices", () => {
    const b = v2((d) => {
      d.sections[0].items.push({ code: "Q_NEW", type: "yesno", label: { vi: "Ông/Bà có biết chính sách mới không?" }, scale: "yesno" });
      d.sections[1].items.push({
        code: "SV_NEW",
        type: "satisfaction5",
        label: { vi: "Chính sách mới phù hợp" },
        scale: "sat5",
        positive: ["4", "5"],
        showIf: { item: "Q_NEW", in: ["1"] },
      });
      (d.indices![0].children[0] as { children: unknown[] }).children.push({ item: "SV_NEW" });
    });
    const diff = diffDefinitions(base, b);
    expect(diff.same).toBe(false);
    expect(diff.questions.map((q) => [q.code, q.status, q.moved])).toEqual([
      ["Q_NEW", "added", false],
      ["SV_NEW", "added", false],
    ]);
    expect(diff.nodes).toEqual([
      expect.objectContaining({ code: "EL", status: "kept", changes: [{ field: "children", before: ["SV_1", "SV_2", "SV_GEN"], after: ["SV_1", "SV_2", "SV_GEN", "SV_NEW"] }] }),
    ]);
    const rows = Object.fromEntries(diff.comparability.rows.map((r) => [r.code, r]));
    expect(rows.EL).toMatchObject({ comparable: false, reasons: [{ kind: "itemsChanged", added: ["SV_NEW"], removed: [] }] });
    expect(rows.SIPAS).toMatchObject({ comparable: false });
    expect(rows.SV_1).toMatchObject({ comparable: true });
    const text = diffLines(diff, base, b, "en").join("\n");
    expect(text).toContain("+ SV_NEW «Chính sách mới phù hợp» (section D, no. 7)");
    expect(text).toContain("EL «Service»: items changed: +SV_NEW");
    const vi = diffLines(diff, base, b, "vi").join("\n");
    expect(vi).toContain("không so sánh được");
    expect(vi).toContain("câu hỏi thành phần thay đổi: +SV_NEW");
  });

  it("uses the round comparison's rule: the same verdict as compareMeasures, row for row", () => {
    const b = v2((d) => {
      d.sections[1].items[0].positive = ["5"];
    });
    const diff = diffDefinitions(base, b);
    expect(diff.comparability).toEqual(compareMeasures(base, b));
    expect(diff.questions).toEqual([expect.objectContaining({ code: "SV_1", changes: [{ field: "positive", before: ["4", "5"], after: ["5"] }] })]);
    expect(diff.comparability.rows.filter((r) => !r.comparable).map((r) => r.code)).toEqual(["SIPAS", "EL", "SV_1"]);
  });

  it("keeps the indices comparable when only wording changes, and shows the changed words", () => {
    const b = v2((d) => {
      d.sections[1].items[1].label = { vi: "Kết quả được trả đúng hẹn", en: "The result came on time" };
    });
    const diff = diffDefinitions(base, b);
    expect(diff.questions).toEqual([
      expect.objectContaining({
        code: "SV_2",
        changes: [{ field: "label", texts: [{ lang: "vi", before: "Kết quả đúng hẹn", after: "Kết quả được trả đúng hẹn", words: expect.any(Array) }] }],
      }),
    ]);
    expect(diffLines(diff, base, b, "vi").join("\n")).toContain("nội dung: (tiếng Việt) Kết quả {+được trả +}đúng hẹn");
    expect(diff.comparability.rows.every((r) => r.comparable)).toBe(true);
  });

  it("tells a moved question from the ones an insertion merely shifts", () => {
    const b = v2((d) => {
      const [sv1] = d.sections[1].items.splice(0, 1);
      d.sections[1].items.push(sv1);
      d.sections[0].items.unshift({ code: "A_AGE", type: "number", label: { vi: "Tuổi" } });
    });
    const diff = diffDefinitions(base, b);
    expect(diff.questions.map((q) => [q.code, q.status, q.moved])).toEqual([
      ["A_AGE", "added", false],
      ["SV_1", "kept", true],
    ]);
  });

  it("words option, required, skip-rule and tree changes, and warns when a kept code changes meaning", () => {
    const b = v2((d) => {
      d.sections[0].items[0].options = [
        { code: "1", label: { vi: "Nam", en: "Male" } },
        { code: "2", label: { vi: "Nữ", en: "Female" } },
        { code: "3", label: { vi: "Khác", en: "Other" } },
      ];
      d.sections[2].items[0].required = true;
      d.sections[1].showIf = { any: [{ item: "Q8_PROC", in: ["1"] }, { item: "A_SEX", in: ["3"] }] };
      Object.assign(d.indices![0].children[0], { rule: "item", item: "SV_GEN" });
    });
    const diff = diffDefinitions(base, b);
    const text = diffLines(diff, base, b, "en").join("\n");
    expect(text).toContain("options: +3 «Other»");
    expect(text).toContain("required: no → yes");
    expect(text).toContain("display rule: question Q8_PROC is answered “Yes” → question Q8_PROC is answered “Yes” or question A_SEX is answered “Other”");
    expect(text).toContain("rule: mean → one question");
    expect(text).toMatch(/EL «Service»: .*rule changed \(mean → item SV_GEN\)/);
    expect(diff.warnings.map((w) => w.code)).toEqual(["A_SEX"]);
  });
});

describe("the shipped 2022 questionnaire", () => {
  const load = (v: string) => parsed(JSON.parse(readFileSync(new URL(`../../survey-definitions/sipas-2022/${v}.json`, import.meta.url), "utf8")));

  it("@1 against itself has no differences", () => {
    expect(diffDefinitions(load("1"), load("1")).same).toBe(true);
  });
});
