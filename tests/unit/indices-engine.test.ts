/**
 * Behaviour of the index engine beyond the R comparison: the memory contract, missing answers, grouping,
 * streaming, input errors. A throwaway definition; the shipped ones are not used here.
 */
import { describe, expect, it } from "vitest";
import { parseDefinition } from "~/domain/definition/parse";
import type { Definition } from "~/domain/definition/schema";
import {
  computeIndices,
  computeIndicesFromStream,
  createIndexAccumulator,
  findEstimate,
  tablesByKind,
  type ResponseRecord,
} from "~/domain/indices";
import { render } from "~/domain/messages";

const t = (s: string) => ({ vi: s, en: s });

function makeDefinition(): Definition {
  const parsed = parseDefinition({
    key: "engine-test",
    version: "1",
    title: t("test"),
    scales: {
      sat5: [
        { code: "1", label: t("1") },
        { code: "2", label: t("2") },
        { code: "3", label: t("3") },
        { code: "4", label: t("4") },
        { code: "5", label: t("5") },
        { code: "X", label: t("no opinion"), missing: true },
      ],
    },
    sections: [
      {
        code: "profile",
        title: t("profile"),
        items: [
          { code: "sex", type: "demographic", label: t("sex"), options: [{ code: "M", label: t("Nam") }, { code: "F", label: t("Nữ") }] },
          { code: "used", type: "yesno", label: t("used"), options: [{ code: "y", label: t("yes") }, { code: "n", label: t("no") }] },
        ],
      },
      {
        code: "sat",
        title: t("sat"),
        items: [
          { code: "A1", type: "satisfaction5", label: t("A1"), scale: "sat5", positive: ["4", "5"] },
          { code: "A2", type: "satisfaction5", label: t("A2"), scale: "sat5", positive: ["4", "5"] },
          { code: "B1", type: "satisfaction5", label: t("B1"), scale: "sat5", positive: ["4", "5"], showIf: { item: "used", in: ["y"] } },
          {
            code: "CH",
            type: "multiple",
            label: t("channels"),
            options: [{ code: "web", label: t("web") }, { code: "post", label: t("post") }, { code: "none", label: t("none") }],
            positive: ["web"],
          },
        ],
      },
    ],
    indices: [
      {
        code: "SAT",
        kind: "satisfaction",
        label: t("SAT"),
        rule: "mean",
        children: [
          { code: "A", label: t("A"), rule: "mean", children: [{ item: "A1" }, { item: "A2" }] },
          { code: "B", label: t("B"), rule: "mean", children: [{ item: "B1" }] },
        ],
      },
      { code: "DIG", kind: "assessment", label: t("digital"), rule: "mean", children: [{ item: "CH" }] },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.definition;
}

const def = makeDefinition();

function rec(answers: ResponseRecord["answers"], extra: Partial<ResponseRecord> = {}): ResponseRecord {
  return { answers, unit: null, stratum: null, psu: null, weight: null, fpc: null, ...extra };
}

/** A deterministic pseudo-random generator (the domain takes randomness from outside). */
function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function synthetic(n: number, seed = 7, clustered = false): ResponseRecord[] {
  const rnd = lcg(seed);
  const out: ResponseRecord[] = [];
  for (let i = 0; i < n; i++) {
    const code = () => String(1 + Math.floor(rnd() * 5));
    out.push({
      answers: { sex: rnd() < 0.5 ? "M" : "F", used: "y", A1: code(), A2: rnd() < 0.1 ? "X" : code(), B1: code(), CH: rnd() < 0.6 ? ["web"] : ["post"] },
      unit: `U${i % 3}`,
      stratum: `S${(clustered ? Math.floor(i / 10) : i) % 4}`,
      psu: clustered ? `P${Math.floor(i / 10)}` : null,
      weight: 1 + (i % 5),
      fpc: null,
    });
  }
  return out;
}

describe("memory contract", () => {
  it("holds per-stratum state only when responses have no PSU code: more responses, same footprint", () => {
    const records = synthetic(20_000);
    const acc = createIndexAccumulator(def, { groupBy: "unit" });
    acc.addBatch(records.slice(0, 1_000));
    const small = acc.footprint();
    acc.addBatch(records.slice(1_000));
    const large = acc.footprint();
    expect(large.responses).toBe(20_000);
    expect(large.doubles).toBe(small.doubles);
    expect(large.strataBlocks).toBe(3 * 4); // units × strata
    expect(large.psuSlots).toBe(0);
  });

  it("grows with the number of PSUs, not with the responses inside them", () => {
    const records = synthetic(20_000, 7, true); // PSUs of 10 responses
    const acc = createIndexAccumulator(def, { groupBy: "unit" });
    acc.addBatch(records.slice(0, 10_000));
    const half = acc.footprint();
    // The same PSUs again: no new state.
    acc.addBatch(records.slice(0, 10_000).map((r) => ({ ...r })));
    expect(acc.footprint().doubles).toBe(half.doubles);
    expect(acc.footprint().psus).toBe(1_000);
    expect(acc.footprint().responses).toBe(20_000);
  });
});

describe("missing answers", () => {
  it("leaves blank, unknown, absent and 'no opinion' answers out of the denominator", () => {
    const result = computeIndices(def, [
      rec({ A1: "5", used: "y" }),
      rec({ A1: "2", used: "y" }),
      rec({ A1: "X", used: "y" }), // no opinion: missing
      rec({ A1: "", used: "y" }), // blank
      rec({ A1: "7", used: "y" }), // not an option
      rec({ used: "y" }), // absent
    ]);
    const a1 = findEstimate(result, null, "A1")!;
    expect(a1.estimate).toBe(50);
    expect(a1.n).toBe(2);
    expect(a1.weightSum).toBe(2);
  });

  it("drops answers to hidden items when asked to apply skip logic", () => {
    const records = [rec({ used: "n", B1: "5" }), rec({ used: "y", B1: "2" })];
    expect(findEstimate(computeIndices(def, records), null, "B1")!.estimate).toBe(50);
    expect(findEstimate(computeIndices(def, records, { applySkipLogic: true }), null, "B1")!.estimate).toBe(0);
  });

  it("reads numeric answers and multiple-choice lists", () => {
    const result = computeIndices(def, [
      rec({ A1: 4 as unknown as string }),
      rec({ CH: ["post", "web"] }),
      rec({ CH: ["post"] }),
      rec({ CH: [] }),
    ]);
    expect(findEstimate(result, null, "A1")!.estimate).toBe(100);
    const ch = findEstimate(result, null, "CH")!;
    expect(ch.estimate).toBe(50);
    expect(ch.n).toBe(2);
  });

  it("renormalises a mean over the children that have answers, and says which are missing", () => {
    const records = [rec({ A1: "5", A2: "1" }), rec({ A1: "4", A2: "4" })];
    const sat = findEstimate(computeIndices(def, records), null, "SAT")!;
    expect(sat.estimate).toBe(75); // only A (B has no answer)
    expect(sat.missingChildren).toEqual(["B"]);
    const strict = findEstimate(computeIndices(def, records, { emptyChildren: "empty" }), null, "SAT")!;
    expect(strict.estimate).toBeNull();
  });
});

describe("groups", () => {
  it("reports a listed group without responses as empty, not 0 and not NaN", () => {
    const result = computeIndices(def, synthetic(200), { groupBy: "unit", groups: ["U0", "U9"] });
    expect(result.groups.map((g) => g.key)).toEqual([null, "U0", "U9", "U1", "U2"]);
    const empty = result.groups.find((g) => g.key === "U9")!;
    expect(empty.responses).toBe(0);
    for (const row of empty.nodes) {
      expect(row.estimate).toBeNull();
      expect(row.se).toBeNull();
      expect(row.ciLow).toBeNull();
      expect(row.n).toBe(0);
      expect(row.weightSum).toBe(0);
    }
  });

  it("groups by a profile item with its option labels, and by a caller's function", () => {
    const records = synthetic(300);
    const bySex = computeIndices(def, records, { groupBy: "sex" });
    expect(bySex.groups.map((g) => g.key)).toEqual([null, "F", "M"]);
    expect(bySex.groups[1].label).toEqual(t("Nữ"));
    const province = (r: ResponseRecord) => (r.unit === "U2" ? "north" : "south");
    const byProvince = computeIndices(def, records, { groupBy: province });
    expect(byProvince.groups.map((g) => g.key)).toEqual([null, "north", "south"]);
    expect(byProvince.groups[1].responses).toBe(100);
  });

  it("keeps the tables of each kind apart", () => {
    const tables = tablesByKind(computeIndices(def, synthetic(50)).groups[0]);
    expect(tables.satisfaction.map((r) => r.code)).toEqual(["SAT", "A", "A1", "A2", "B", "B1"]);
    expect(tables.assessment.map((r) => r.code)).toEqual(["DIG", "CH"]);
    expect(tables.expectation).toEqual([]);
  });
});

describe("the whole round does not depend on the grouping", () => {
  it("gives the same whole-round rows whatever the groups, pooled and as a mean of units", () => {
    // Clustered, with PSUs shared by both sexes: group cells split PSUs, and the whole round sums them back.
    const records = synthetic(3_000, 3, true).map((r, i) => ({ ...r, unit: `U${Math.floor(i / 10) % 3}` }));
    for (const multiUnit of ["pooled", "meanOfUnits"] as const) {
      const base = computeIndices(def, records, { multiUnit }).groups[0].nodes;
      for (const groupBy of ["unit", "sex"] as const) {
        const other = computeIndices(def, records, { multiUnit, groupBy }).groups[0].nodes;
        base.forEach((row, i) => {
          expect(Math.abs(other[i].estimate! - row.estimate!)).toBeLessThan(1e-10);
          expect(Math.abs(other[i].se! / row.se! - 1)).toBeLessThan(1e-10);
          expect(Math.abs(other[i].deff! / row.deff! - 1)).toBeLessThan(1e-10);
          expect(other[i].df).toBe(row.df);
        });
      }
    }
  });
});

describe("design effects", () => {
  it("by default are kept for the whole round and the items, identical to the full computation", () => {
    const records = synthetic(3_000, 7, true).map((r, i) => ({ ...r, unit: `U${i % 4}` }));
    for (const multiUnit of ["pooled", "meanOfUnits"] as const) {
      const all = computeIndices(def, records, { groupBy: "unit", multiUnit, designEffects: "all" });
      const fast = computeIndices(def, records, { groupBy: "unit", multiUnit });
      let nulls = 0;
      all.groups.forEach((group, g) =>
        group.nodes.forEach((row, i) => {
          const o = fast.groups[g].nodes[i];
          expect(o.se).toBe(row.se);
          if (o.deff === null) {
            nulls++;
            expect(group.key !== null && row.type === "node").toBe(true);
          } else expect(Math.abs(o.deff / row.deff! - 1)).toBeLessThan(1e-12);
        }),
      );
      // Group node rows over several items have none: the fast path is really taken.
      expect(nulls).toBeGreaterThan(0);
    }
  });
});

describe("one pass, any order", () => {
  it("gives the same figures for batches, a stream, and shuffled input", async () => {
    const records = synthetic(3_000, 11, true);
    const whole = computeIndices(def, records, { groupBy: "sex" });
    async function* pages() {
      for (let i = 0; i < records.length; i += 500) yield records.slice(i, i + 500);
    }
    const streamed = await computeIndicesFromStream(def, pages(), { groupBy: "sex" });
    const shuffled = [...records].reverse();
    const reversed = computeIndices(def, shuffled, { groupBy: "sex" });
    for (const other of [streamed, reversed]) {
      for (const [g, group] of whole.groups.entries()) {
        for (const [i, row] of group.nodes.entries()) {
          const o = other.groups[g].nodes[i];
          expect(o.code).toBe(row.code);
          expect(o.estimate!).toBeCloseTo(row.estimate!, 10);
          expect(o.se!).toBeCloseTo(row.se!, 10);
        }
      }
    }
  });
});

describe("weights and design", () => {
  it("treats a response without PSU code exactly as a PSU of its own", () => {
    const records = synthetic(2_000, 5);
    records.push(rec({ A1: "5", A2: "4", sex: "M" }, { stratum: "lonely", weight: 3 }));
    const own = records.map((r, i) => ({ ...r, psu: `r${i}` }));
    // Half and half: the two paths mixed in the same strata.
    const mixed = records.map((r, i) => (i % 2 ? { ...r, psu: `r${i}` } : r));
    const opts = { groupBy: "sex", designEffects: "all" } as const;
    const base = computeIndices(def, records, opts);
    for (const other of [computeIndices(def, own, opts), computeIndices(def, mixed, opts)]) {
      expect(other.design.lonelyStrata).toEqual(["lonely"]);
      for (const [g, group] of base.groups.entries()) {
        for (const [i, row] of group.nodes.entries()) {
          const o = other.groups[g].nodes[i];
          expect(Math.abs(o.estimate! - row.estimate!)).toBeLessThan(1e-10);
          expect(Math.abs(o.se! / row.se! - 1)).toBeLessThan(1e-10);
          expect(Math.abs(o.deff! / row.deff! - 1)).toBeLessThan(1e-10);
        }
      }
    }
  });

  it("uses Student's t with the design degrees of freedom when asked, and gives no interval without any", () => {
    const records = [
      ...["5", "1", "4", "2"].map((a, i) => rec({ A1: a, sex: "M" }, { stratum: "S1", psu: `p${i % 2}` })),
      ...["5", "4", "1"].map((a) => rec({ A1: a, sex: "F" }, { stratum: "S2", psu: "q" })),
    ];
    const normal = computeIndices(def, records, { groupBy: "sex" });
    const t = computeIndices(def, records, { groupBy: "sex", df: "design", interval: "logit" });
    const whole = findEstimate(t, null, "A1")!;
    expect(whole.df).toBe(1); // 3 PSUs − 2 strata
    const logit = (x: number) => Math.log(x / (1 - x));
    const [p, se] = [whole.estimate! / 100, whole.se! / 100];
    const q = ((logit(p) - logit(whole.ciLow! / 100)) * p * (1 - p)) / se;
    expect(q).toBeCloseTo(12.706204736174694, 9); // qt(0.975, 1)
    expect(findEstimate(normal, null, "A1")!.df).toBe(1);
    const female = findEstimate(t, "F", "A1")!; // one PSU: 0 degrees of freedom
    expect(female.df).toBe(0);
    expect(female.estimate).toBeCloseTo(66.667, 3);
    expect([female.ciLow, female.ciHigh]).toEqual([null, null]);
    expect(findEstimate(normal, "F", "A1")!.ciLow).not.toBeNull();
  });

  it("widens the interval with the confidence level", () => {
    const records = synthetic(500);
    const at = (level: number) => findEstimate(computeIndices(def, records, { level }), null, "SAT")!;
    const a95 = at(0.95);
    const a90 = at(0.9);
    expect((a95.ciHigh! - a95.estimate!) / a95.se!).toBeCloseTo(1.959963984540054, 12);
    expect((a90.ciHigh! - a90.estimate!) / a90.se!).toBeCloseTo(1.6448536269514715, 12);
  });

  it("ignores weights when unweighted, and says so", () => {
    const records = [rec({ A1: "5" }, { weight: 9 }), rec({ A1: "1" }, { weight: 1 })];
    expect(findEstimate(computeIndices(def, records), null, "A1")!.estimate).toBe(90);
    const unweighted = computeIndices(def, records, { weighted: false });
    expect(findEstimate(unweighted, null, "A1")!.estimate).toBe(50);
    expect(render(unweighted.notes[0], "en")).toMatch(/^Unweighted/);
    expect(render(unweighted.notes[0], "vi")).toMatch(/^Không trọng số/);
  });

  it("writes its notes as catalogue messages: a Vietnamese reader reads them in Vietnamese, an English reader in English", () => {
    const records = [
      rec({ A1: "5", sex: "M" }, { unit: "U1", weight: 2 }),
      rec({ A1: "4", sex: "F" }, { unit: "U2", weight: 0 }),
      rec({ A1: "1" }, { unit: "U2" }),
      rec({ A1: "2", sex: "M" }, { unit: null }),
    ];
    const result = computeIndices(def, records, { groupBy: "sex", multiUnit: "meanOfUnits", interval: "logit", level: 0.999 });
    expect(result.notes.map((n) => render(n, "vi"))).toEqual([
      "Có trọng số: mỗi phiếu tính theo trọng số của phiếu (phiếu thiếu trọng số tính 1).",
      "1 phiếu có trọng số 0, không được tính vào ước lượng nào.",
      "1 phiếu không có giá trị của tiêu chí phân nhóm (sex): chỉ được tính vào số liệu chung.",
      "Số liệu chung là trung bình cộng chỉ số của 2 đơn vị; đơn vị không có câu trả lời hợp lệ cho một chỉ tiêu không được tính vào trung bình của chỉ tiêu đó. Số liệu từng nhóm gộp người trả lời của nhóm.",
      "1 phiếu không có đơn vị nên không được tính vào số liệu chung.",
      "Khoảng tin cậy 99,9% tính trên thang logit (phân vị chuẩn).",
      "Hiệu ứng thiết kế (deff): phương sai theo thiết kế mẫu chia cho phương sai nếu chọn mẫu ngẫu nhiên đơn giản có hoàn lại cùng số người trả lời.",
    ]);
    expect(result.notes.map((n) => render(n, "en"))).toEqual([
      "Weighted by the response weights (a missing weight counts 1).",
      "1 response has weight 0 and counts in no estimate.",
      "1 response has no value for the grouping (sex): counted in the whole round only.",
      "Whole-round figures are the mean of the 2 unit indices; a unit without a valid answer for a row is left out of that row's mean. Group figures pool the group's respondents.",
      "1 response has no unit and is not in the whole-round figures.",
      "99.9% intervals on the logit scale (normal quantile).",
      "Design effect: design variance ÷ variance under simple random sampling with replacement of the same respondents.",
    ]);
  });

  it("rejects a negative weight, two population sizes for one stratum, and a population below the sample", () => {
    expect(() => computeIndices(def, [rec({ A1: "5" }, { weight: -1 })])).toThrow(/weight/);
    expect(() => computeIndices(def, [rec({ A1: "5" }, { stratum: "S", fpc: 10 }), rec({ A1: "5" }, { stratum: "S", fpc: 12 })])).toThrow(
      /two population sizes/,
    );
    expect(() => computeIndices(def, [rec({ A1: "5" }, { stratum: "S", fpc: 1 }), rec({ A1: "4" }, { stratum: "S", fpc: 1 })])).toThrow(
      /below the 2 sampled PSUs/,
    );
  });

  it("gives a census stratum no variance", () => {
    const records = [1, 2, 3, 4].map((i) => rec({ A1: i % 2 ? "5" : "1" }, { stratum: "S", fpc: 4 }));
    const a1 = findEstimate(computeIndices(def, records), null, "A1")!;
    expect(a1.estimate).toBe(50);
    expect(a1.se).toBe(0);
  });

  it("handles a stratum with a single PSU without failing, and notes it", () => {
    const records = [
      rec({ A1: "5" }, { stratum: "S1", psu: "a" }),
      rec({ A1: "1" }, { stratum: "S1", psu: "b" }),
      rec({ A1: "5" }, { stratum: "S2", psu: "c" }),
      rec({ A1: "2" }, { stratum: "S2", psu: "c" }),
    ];
    const result = computeIndices(def, records);
    expect(result.design.lonelyStrata).toEqual(["S2"]);
    expect(result.notes.map((n) => render(n, "en")).join(" ")).toMatch(/1 stratum had a single PSU \(S2\).*survey\.lonely\.psu = 'adjust'/);
    expect(result.notes.map((n) => render(n, "vi"))).toContain(
      "1 tầng chỉ có một cụm được chọn (S2): không đo được độ dao động bên trong các tầng này, nên sai số của chúng được ước lượng thận trọng so với trung bình chung.",
    );
    expect(findEstimate(result, null, "A1")!.se).toBeGreaterThan(0);
  });

  it("gives a degenerate logit interval at 100% instead of NaN", () => {
    const result = computeIndices(def, [rec({ A1: "5" }), rec({ A1: "4" })], { interval: "logit" });
    const a1 = findEstimate(result, null, "A1")!;
    expect([a1.estimate, a1.se, a1.ciLow, a1.ciHigh, a1.deff]).toEqual([100, 0, 100, 100, null]);
  });

  it("keeps the logit interval inside 0–100 where the Wald interval is clipped", () => {
    const records = Array.from({ length: 20 }, (_, i) => rec({ A1: i === 0 ? "1" : "5" }));
    const wald = findEstimate(computeIndices(def, records), null, "A1")!;
    const logit = findEstimate(computeIndices(def, records, { interval: "logit" }), null, "A1")!;
    expect(wald.ciHigh).toBe(100);
    expect(logit.ciHigh!).toBeLessThan(100);
    expect(logit.ciLow!).toBeLessThan(wald.ciLow!);
  });
});
