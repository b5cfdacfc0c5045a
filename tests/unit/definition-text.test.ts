import { describe, expect, it } from "vitest";
import { parseDefinition } from "../../app/domain/definition/parse";
import { bothLanguages, sectionTexts, showText, textIn } from "../../app/domain/definition/text";
import { exportLayout } from "../../app/domain/csv/responses-export";
import { compilePlan } from "../../app/domain/indices/plan";
import { skipNotes } from "../../app/domain/paper/skip-text";
import { changedDefinition } from "../fixtures/definition-factory";

/** The factory's questionnaire with the service section, its first item and one yes/no option in Vietnamese only. */
function vietnameseOnly() {
  const parsed = parseDefinition(
    changedDefinition((d) => {
      d.sections[1].title = { vi: "Dịch vụ hành chính công" };
      d.sections[1].items[0].label = { vi: "Công chức lịch sự" };
      d.scales!.yesno[0].label = { vi: "Có" };
      d.indices![0].children[0].label = { vi: "Dịch vụ" };
    }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.definition;
}

describe("a questionnaire text without English", () => {
  it("is shown in Vietnamese in the English view, marked as such", () => {
    expect(showText({ vi: "Có" }, "en")).toEqual({ text: "Có", lang: "vi", fallback: true });
    expect(showText({ vi: "Có", en: "Yes" }, "en")).toEqual({ text: "Yes", lang: "en", fallback: false });
    expect(showText({ vi: "Có" }, "vi")).toEqual({ text: "Có", lang: "vi", fallback: false });
    expect(textIn({ vi: "Có" }, "en")).toBe("Có");
    expect(bothLanguages({ vi: "Có" })).toEqual({ vi: "Có", en: "Có" });
  });

  it("tells the form page that a section has texts to mark", () => {
    const def = vietnameseOnly();
    expect(sectionTexts(def.sections[1]).some((t) => !t.en)).toBe(true);
    expect(sectionTexts(def.sections[2]).some((t) => !t.en)).toBe(false);
  });

  it("falls back in results labels, English CSV labels and the paper form's skip notes", () => {
    const def = vietnameseOnly();
    const plan = compilePlan(def);
    expect(plan.rows.find((r) => r.code === "EL")!.label).toEqual({ vi: "Dịch vụ", en: "Dịch vụ" });
    expect(plan.rows.find((r) => r.code === "SV_1")!.label).toEqual({ vi: "Công chức lịch sự", en: "Công chức lịch sự" });
    const layout = exportLayout(def, "en");
    expect(layout.header).toContain("SV_1 · Công chức lịch sự");
    expect(layout.labels!.get("Q8_PROC")!.get("1")).toBe("Có");
    expect(skipNotes(def, "en").sections.get("D")).toMatch(/answered “Có”/);
  });
});
