import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packAnswerCodes, splitAnswerCodes, unpackAnswerCodes } from "../../app/domain/answers/answer-codes";
import type { Answers } from "../../app/domain/definition/conditions";
import { allItems } from "../../app/domain/definition/conditions";
import { parseDefinitionText } from "../../app/domain/definition/parse";
import type { Definition } from "../../app/domain/definition/schema";
import { computeIndices, createIndexAccumulator, type ResponseRecord } from "../../app/domain/indices";

function load(path: string): Definition {
  const parsed = parseDefinitionText(readFileSync(path, "utf8"));
  if (!parsed.ok) throw new Error("bad fixture");
  return parsed.definition;
}
const def = load("survey-definitions/sipas-2022/1.json");

/** Deterministic pseudo-random answers over every item type of the 2022 form. */
function randomAnswers(seed: number): Answers {
  let x = seed * 2654435761;
  const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const answers: Answers = {};
  for (const item of allItems(def)) {
    if (next() < 0.1) continue;
    if (item.type === "text") answers[item.code] = next() < 0.5 ? "Ý kiến | có dấu + ký hiệu" : "";
    else if (item.type === "number") answers[item.code] = Math.round(next() * 100);
    else if (item.type === "multiple") answers[item.code] = item.options!.filter(() => next() < 0.4).map((o) => o.code);
    else answers[item.code] = item.options![Math.floor(next() * item.options!.length)].code;
  }
  return answers;
}

describe("answer codes", () => {
  it("pack one field per item and unpack to the same choices", () => {
    const answers = randomAnswers(7);
    const packed = packAnswerCodes(def, answers);
    expect(splitAnswerCodes(packed)).toHaveLength(allItems(def).length);
    const back = unpackAnswerCodes(def, packed);
    for (const item of allItems(def)) {
      if (item.type === "text") continue;
      const v = answers[item.code];
      const empty = v === undefined || (Array.isArray(v) && v.length === 0);
      expect(back[item.code], item.code).toEqual(empty ? undefined : v);
    }
    expect(packed).not.toContain("Ý kiến");
  });

  it("give the index engine exactly the same figures as the JSON answers, grouped and weighted", () => {
    const records: ResponseRecord[] = Array.from({ length: 600 }, (_, i) => ({
      answers: randomAnswers(i + 1),
      unit: `U${i % 7}`,
      stratum: `S${i % 5}`,
      psu: i % 3 === 0 ? null : `P${i % 40}`,
      weight: 1 + (i % 9),
      fpc: 1000 + (i % 5),
    }));
    const coded = records.map((r) => ({ ...r, answers: {}, codes: packAnswerCodes(def, r.answers) }));
    for (const options of [
      { groupBy: "unit" as const },
      { groupBy: "A_SEX", designEffects: "all" as const },
      { weighted: false, multiUnit: "meanOfUnits" as const },
      { applySkipLogic: true, groupBy: "Q8_PROC" },
    ]) {
      expect(computeIndices(def, coded, options)).toEqual(computeIndices(def, records, options));
    }
  });
});

describe("one pass in parts", () => {
  const records: ResponseRecord[] = Array.from({ length: 900 }, (_, i) => ({
    answers: {},
    codes: packAnswerCodes(def, randomAnswers(i + 11)),
    unit: `U${i % 5}`,
    stratum: i % 13 === 0 ? null : `S${i % 6}`,
    psu: i % 4 === 0 ? null : `P${i % 37}`,
    weight: 1 + (i % 7),
    fpc: i % 13 === 0 ? null : 5000 + (i % 6),
  }));

  it("absorbing snapshots of disjoint strata gives the single pass's figures", () => {
    for (const options of [{ groupBy: "unit" as const }, { groupBy: "A_SEX", designEffects: "all" as const }, { multiUnit: "meanOfUnits" as const, groupBy: "unit" as const }]) {
      const whole = computeIndices(def, records, options);
      const parts = [0, 1, 2].map((p) => {
        const acc = createIndexAccumulator(def, options);
        acc.addBatch(records.filter((r) => (r.stratum === null ? 0 : Number(r.stratum.slice(1)) % 3) === p));
        return structuredClone(acc.snapshot()); // as postMessage carries it from a worker
      });
      const merged = createIndexAccumulator(def, options);
      for (const part of parts.reverse()) merged.absorb(part);
      const result = merged.finish();
      expect(result.design).toEqual(whole.design);
      whole.groups.forEach((group, g) => {
        const other = result.groups.find((x) => x.key === group.key)!;
        expect(other.responses).toBe(group.responses);
        group.nodes.forEach((row, i) => {
          const o = other.nodes[i];
          expect(o.code).toBe(row.code);
          for (const f of ["estimate", "se", "ciLow", "ciHigh", "deff", "weightSum"] as const) {
            if (row[f] === null) expect(o[f]).toBeNull();
            else expect(Math.abs((o[f] as number) - (row[f] as number))).toBeLessThan(1e-9 * Math.max(1, Math.abs(row[f] as number)));
          }
          expect([o.n, o.respondents, o.df]).toEqual([row.n, row.respondents, row.df]);
        });
      });
    }
  });

  it("refuses parts that share a stratum", () => {
    const a = createIndexAccumulator(def);
    a.addBatch(records.slice(0, 100));
    const b = createIndexAccumulator(def);
    b.addBatch(records.slice(100, 200));
    const merged = createIndexAccumulator(def);
    merged.absorb(a.snapshot());
    expect(() => merged.absorb(b.snapshot())).toThrow(/is in two parts/);
  });
});
