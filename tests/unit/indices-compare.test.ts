/**
 * Year-over-year comparison across definition versions (throwaway definitions, not the shipped ones).
 */
import { describe, expect, it } from "vitest";
import { parseDefinition } from "~/domain/definition/parse";
import type { Definition } from "~/domain/definition/schema";
import { compareRounds, computeIndices, type ResponseRecord } from "~/domain/indices";
import { buildCompareView } from "~/domain/results/compare-view";
import { reasonText } from "~/domain/results/reason-text";

const t = (s: string) => ({ vi: s, en: s });
const sat = (code: string, positive = ["4", "5"]) => ({ code, type: "satisfaction5", label: t(code), scale: "sat5", positive });

function definition(version: string, items: ReturnType<typeof sat>[], indices: unknown[]): Definition {
  const parsed = parseDefinition({
    key: "yoy",
    version,
    title: t("yoy"),
    scales: { sat5: ["1", "2", "3", "4", "5"].map((code) => ({ code, label: t(code) })) },
    sections: [{ code: "s", title: t("s"), items }],
    indices,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.definition;
}

// 2023: SAT = mean(A(A1, A2), B(B1)), positive 4–5 everywhere, and an expectation item E1 dropped in 2024.
const def2023 = definition("2023", [sat("A1"), sat("A2"), sat("B1"), sat("E1")], [
  {
    code: "SAT",
    kind: "satisfaction",
    label: t("SAT"),
    children: [
      { code: "A", label: t("A"), children: [{ item: "A1" }, { item: "A2" }] },
      { code: "B", label: t("B"), children: [{ item: "B1" }] },
    ],
  },
  { code: "EXP", kind: "expectation", label: t("EXP"), children: [{ item: "E1" }] },
]);
// 2024: A gains A3; B1 counts only "5" as positive; a new node C.
const def2024 = definition("2024", [sat("A1"), sat("A2"), sat("A3"), sat("B1", ["5"]), sat("C1")], [
  {
    code: "SAT",
    kind: "satisfaction",
    label: t("SAT"),
    children: [
      { code: "A", label: t("A"), children: [{ item: "A1" }, { item: "A2" }, { item: "A3" }] },
      { code: "B", label: t("B"), children: [{ item: "B1" }] },
      { code: "C", label: t("C"), children: [{ item: "C1" }] },
    ],
  },
]);

function records(n: number, seed: number, codes: string[]): ResponseRecord[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, (_, i) => ({
    answers: Object.fromEntries(codes.map((c) => [c, String(1 + Math.floor(rnd() * 5))])),
    unit: i % 2 ? "P1" : "P2",
    stratum: null,
    psu: null,
    weight: 1 + (i % 3),
    fpc: null,
  }));
}

const r2023 = computeIndices(def2023, records(400, 1, ["A1", "A2", "B1", "E1"]), { groupBy: "unit" });
const r2024 = computeIndices(def2024, records(500, 2, ["A1", "A2", "A3", "B1", "C1"]), { groupBy: "unit" });

function row(cmp: ReturnType<typeof compareRounds>, group: string | null, code: string) {
  return cmp.groups.find((g) => g.key === group)!.rows.find((r) => r.code === code)!;
}

describe("compareRounds", () => {
  const cmp = compareRounds(r2023, r2024, def2023, def2024);

  it("flags the items that exist in only one version", () => {
    expect(cmp.itemsOnlyInA).toEqual(["E1"]);
    expect(cmp.itemsOnlyInB).toEqual(["A3", "C1"]);
    expect(row(cmp, null, "C1")).toMatchObject({ inA: false, inB: true, comparable: false, difference: null });
    expect(row(cmp, null, "EXP")).toMatchObject({ inA: true, inB: false, comparable: false, difference: null });
  });

  it("gives the difference of an unchanged item with an interval for independent samples", () => {
    for (const group of [null, "P1", "P2"]) {
      const a1 = row(cmp, group, "A1");
      const before = r2023.groups.find((g) => g.key === group)!.nodes.find((n) => n.code === "A1")!;
      const after = r2024.groups.find((g) => g.key === group)!.nodes.find((n) => n.code === "A1")!;
      expect(a1.comparable).toBe(true);
      expect(a1.reasons).toEqual([]);
      expect(a1.difference).toBeCloseTo(after.estimate! - before.estimate!, 12);
      expect(a1.se).toBeCloseTo(Math.hypot(before.se!, after.se!), 12);
      expect(a1.ciHigh! - a1.difference!).toBeCloseTo(1.959963984540054 * a1.se!, 10);
    }
  });

  it("marks a node whose items changed as not comparable, with the reason", () => {
    const a = row(cmp, null, "A");
    expect(a.comparable).toBe(false);
    expect(a.difference).toBeNull();
    expect(a.reasons).toEqual([{ kind: "itemsChanged", added: ["A3"], removed: [] }]);
    expect(reasonText(a.reasons[0], "en")).toBe("items changed: +A3");
    expect(reasonText(a.reasons[0], "vi")).toBe("câu hỏi thành phần thay đổi: +A3");
    const root = row(cmp, null, "SAT");
    expect(root.comparable).toBe(false);
    expect(root.reasons[0]).toEqual({ kind: "itemsChanged", added: ["A3", "C1"], removed: [] });
  });

  it("marks an item whose positive answers changed, and every node above it", () => {
    const positive = { kind: "positiveChanged", item: "B1", from: ["4", "5"], to: ["5"] };
    expect(row(cmp, null, "B1").reasons).toEqual([positive]);
    expect(reasonText(row(cmp, null, "B1").reasons[0], "en")).toBe("positive answers of B1 changed (4,5 → 5)");
    expect(reasonText(row(cmp, null, "B1").reasons[0], "vi")).toBe("phương án tính là tích cực của B1 thay đổi (4,5 → 5)");
    expect(row(cmp, null, "B").comparable).toBe(false);
    expect(row(cmp, null, "SAT").reasons).toContainEqual(positive);
  });

  it("compares a changed node the user accepted, and says it was accepted", () => {
    const accepted = compareRounds(r2023, r2024, def2023, def2024, { acceptChanged: ["A"] });
    const a = row(accepted, "P1", "A");
    expect(a.comparable).toBe(true);
    expect(a.accepted).toBe(true);
    expect(a.reasons).toEqual([{ kind: "itemsChanged", added: ["A3"], removed: [] }]);
    expect(a.difference).toBeCloseTo(a.estimateB! - a.estimateA!, 12);
    expect(row(accepted, "P1", "SAT").comparable).toBe(false);
    const all = compareRounds(r2023, r2024, def2023, def2024, { acceptChanged: true });
    expect(row(all, null, "SAT").comparable).toBe(true);
    expect(row(all, null, "C").comparable).toBe(false); // only in 2024: nothing to compare with
  });

  it("compares the headline index when every part of it is comparable (a changed part accepted), and names the parts that stop it", () => {
    // 2023b: only A changed (A3 added); B and the tree's rule are the same.
    const def2023b = definition("2023b", [sat("A1"), sat("A2"), sat("A3"), sat("B1"), sat("E1")], [
      {
        code: "SAT",
        kind: "satisfaction",
        label: t("SAT"),
        children: [
          { code: "A", label: t("Tiếp cận"), children: [{ item: "A1" }, { item: "A2" }, { item: "A3" }] },
          { code: "B", label: t("B"), children: [{ item: "B1" }] },
        ],
      },
    ]);
    const rb = computeIndices(def2023b, records(300, 3, ["A1", "A2", "A3", "B1"]), { groupBy: "unit" });
    const blocked = compareRounds(r2023, rb, def2023, def2023b);
    expect(row(blocked, null, "SAT")).toMatchObject({ comparable: false, difference: null });
    const view = buildCompareView(blocked, r2023, rb, { groupNames: {} });
    expect(view.headlineBlocked).toEqual({ label: t("SAT"), parts: [t("Tiếp cận")] });
    const accepted = compareRounds(r2023, rb, def2023, def2023b, { acceptChanged: ["A"] });
    expect(row(accepted, null, "SAT")).toMatchObject({ comparable: true, byParts: true });
    expect(row(accepted, null, "SAT").difference).toBeCloseTo(row(accepted, null, "SAT").estimateB! - row(accepted, null, "SAT").estimateA!, 12);
    expect(buildCompareView(accepted, r2023, rb, { groupNames: {} }).headlineBlocked).toBeNull();
    // A changed rule of the root itself is not made comparable by its parts.
    expect(row(cmp, null, "SAT").comparable).toBe(false);
  });

  it("names changed questions by their text, not their codes", () => {
    const labels = { A3: { vi: "Nơi tiếp nhận có chỗ ngồi", en: "Seats at the desk" }, B1: { vi: "Công chức lịch sự", en: "Polite staff" } };
    expect(reasonText({ kind: "itemsChanged", added: ["A3"], removed: ["B1"] }, "vi", 6, labels)).toBe("câu hỏi thay đổi: thêm “Nơi tiếp nhận có chỗ ngồi”; bỏ “Công chức lịch sự”");
    expect(reasonText({ kind: "itemsChanged", added: ["A3"], removed: [] }, "en", 6, labels)).toBe("questions changed: added “Seats at the desk”");
    expect(reasonText({ kind: "positiveChanged", item: "B1", from: ["4", "5"], to: ["5"] }, "vi", 6, labels)).toBe(
      "phương án tính là tích cực của “Công chức lịch sự” thay đổi (4,5 → 5)",
    );
  });

  it("refuses a result computed for another definition version", () => {
    expect(() => compareRounds(r2024, r2023, def2023, def2024)).toThrow(/computed for yoy 2024, not yoy 2023/);
  });
});
