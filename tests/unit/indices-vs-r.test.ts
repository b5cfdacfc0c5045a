/**
 * The index engine against R's survey package. The fixtures in tests/fixtures/r/ were written by
 * tests/r/make-fixtures.R (run it with `Rscript tests/r/make-fixtures.R`); this test does not need R.
 *
 * Tolerances (R gives proportions, the engine percent; compared in percent):
 *   estimate, interval bounds   1e-9 absolute (percent)
 *   standard error, deff        1e-6 relative (plus 1e-10 absolute, for SEs that are 0 up to rounding)
 *   svyciprop()'s own bounds    1e-6 absolute (percent): its IRLS fit stops early; the fixture also holds the converged fit
 *   degrees of freedom, counts  exact
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDefinition } from "~/domain/definition/parse";
import { computeIndices, type IndexOptions, type IndexResult, type ResponseRecord } from "~/domain/indices";

const dir = join(process.cwd(), "tests", "fixtures", "r");

interface ExpectedRow {
  group: string | null;
  tree: string;
  code: string;
  type: "node" | "item";
  estimate: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  logitLow: number | null;
  logitHigh: number | null;
  /** svyciprop()'s own bounds (its glm stops at a deviance change of 1e-8: ~1e-9 off on the proportion scale). */
  svycipropLow?: number | null;
  svycipropHigh?: number | null;
  deff: number | null;
  /** Design degrees of freedom (degf() of the row's respondents) and the intervals with qt(0.975, df). */
  df: number;
  tLow: number | null;
  tHigh: number | null;
  tLogitLow: number | null;
  tLogitHigh: number | null;
  /** svyciprop()'s own bounds with its default df = degf(design); null where R's round trip through pnorm fails. */
  svycipropTLow?: number | null;
  svycipropTHigh?: number | null;
  n: number;
  respondents: number;
  weightSum: number;
}

interface Fixture {
  name: string;
  description: string;
  lonelyStrata: number;
  options: { weighted: boolean; groupBy: string; multiUnit: "pooled" | "meanOfUnits" };
  records: ResponseRecord[];
  expected: ExpectedRow[];
}

const parsed = parseDefinition(JSON.parse(readFileSync(join(dir, "definition.json"), "utf8")));
if (!parsed.ok) throw new Error(`fixture definition does not parse: ${JSON.stringify(parsed.issues)}`);
const definition = parsed.definition;
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json") && f !== "definition.json")
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));

function run(fx: Fixture, interval: "wald" | "logit", df: "normal" | "design" = "normal", designEffects: "all" | "overall" = "all"): IndexResult {
  const options: IndexOptions = { ...fx.options, interval, df, designEffects };
  return computeIndices(definition, fx.records, options);
}

function rowOf(result: IndexResult, e: ExpectedRow) {
  const group = result.groups.find((g) => g.key === e.group);
  if (!group) throw new Error(`no group ${e.group}`);
  const row = group.nodes.find((n) => n.tree === e.tree && n.code === e.code && n.type === e.type);
  if (!row) throw new Error(`no row ${e.tree}/${e.code} in group ${e.group}`);
  return row;
}

const pct = (x: number | null) => (x === null ? null : 100 * x);

function close(actual: number | null, expected: number | null, abs: number, rel: number, what: string) {
  if (expected === null) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  const diff = Math.abs(actual! - expected);
  if (diff > abs + rel * Math.abs(expected)) {
    throw new Error(`${what}: engine ${actual}, R ${expected} (difference ${diff})`);
  }
}

describe("index engine agrees with R's survey package", () => {
  it("has the fixtures", () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining(["srs-unweighted", "stratified-weighted", "clustered-fpc", "lonely-psu", "mean-of-units", "pooled-units"]),
    );
  });

  for (const fx of fixtures) {
    describe(`${fx.name}: ${fx.description}`, () => {
      const wald = run(fx, "wald");
      const logit = run(fx, "logit");
      const tWald = run(fx, "wald", "design");
      const tLogit = run(fx, "logit", "design");

      it("estimates, SEs, Wald intervals, counts and design effects", () => {
        for (const e of fx.expected) {
          const row = rowOf(wald, e);
          const what = `${fx.name} group ${e.group} ${e.tree}/${e.code}`;
          close(row.estimate, pct(e.estimate), 1e-9, 0, `${what} estimate`);
          close(row.se, pct(e.se), 1e-10, 1e-6, `${what} se`);
          close(row.ciLow, pct(e.ciLow), 1e-9, 0, `${what} ciLow`);
          close(row.ciHigh, pct(e.ciHigh), 1e-9, 0, `${what} ciHigh`);
          close(row.deff, e.deff, 1e-10, 1e-6, `${what} deff`);
          expect(row.n, `${what} n`).toBe(e.n);
          expect(row.respondents, `${what} respondents`).toBe(e.respondents);
          close(row.weightSum, e.weightSum, 1e-9, 1e-12, `${what} weightSum`);
        }
      });

      it("logit intervals (svyciprop's svyglm fit for items)", () => {
        let checked = 0;
        for (const e of fx.expected) {
          if (e.logitLow === null) continue;
          const row = rowOf(logit, e);
          const what = `${fx.name} group ${e.group} ${e.tree}/${e.code}`;
          close(row.ciLow, pct(e.logitLow), 1e-9, 0, `${what} logit low`);
          close(row.ciHigh, pct(e.logitHigh), 1e-9, 0, `${what} logit high`);
          if (e.svycipropLow != null) {
            close(row.ciLow, pct(e.svycipropLow), 1e-6, 0, `${what} svyciprop low`);
            close(row.ciHigh, pct(e.svycipropHigh!), 1e-6, 0, `${what} svyciprop high`);
            checked++;
          }
        }
        expect(checked).toBeGreaterThan(0);
      });

      it("design degrees of freedom and t intervals (svyciprop's default df = degf)", () => {
        for (const e of fx.expected) {
          const what = `${fx.name} group ${e.group} ${e.tree}/${e.code}`;
          const wald = rowOf(tWald, e);
          const logit = rowOf(tLogit, e);
          expect(wald.df, `${what} df`).toBe(e.df);
          close(wald.ciLow, pct(e.tLow), 1e-9, 0, `${what} t low`);
          close(wald.ciHigh, pct(e.tHigh), 1e-9, 0, `${what} t high`);
          close(logit.ciLow, pct(e.tLogitLow), 1e-9, 0, `${what} t logit low`);
          close(logit.ciHigh, pct(e.tLogitHigh), 1e-9, 0, `${what} t logit high`);
          if (e.svycipropTLow != null) {
            close(logit.ciLow, pct(e.svycipropTLow), 1e-6, 0, `${what} svyciprop t low`);
            close(logit.ciHigh, pct(e.svycipropTHigh!), 1e-6, 0, `${what} svyciprop t high`);
          }
        }
      });

      it("by default gives design effects for the whole round and for items, the same as R", () => {
        const fast = run(fx, "wald", "normal", "overall");
        for (const e of fx.expected) {
          const row = rowOf(fast, e);
          const what = `${fx.name} group ${e.group} ${e.tree}/${e.code} (default)`;
          close(row.estimate, pct(e.estimate), 1e-9, 0, `${what} estimate`);
          close(row.se, pct(e.se), 1e-10, 1e-6, `${what} se`);
          // Group node rows get one only when their estimate rests on a single item (its first moments suffice).
          if (e.group === null || e.type === "item" || row.deff !== null) close(row.deff, e.deff, 1e-10, 1e-6, `${what} deff`);
        }
      });

      it("reports every group R reports, empty groups as empty", () => {
        const groups = [...new Set(fx.expected.map((e) => e.group))];
        expect(wald.groups.map((g) => g.key)).toEqual(groups);
        for (const e of fx.expected.filter((x) => x.estimate === null)) {
          const row = rowOf(wald, e);
          expect(row.estimate).toBeNull();
          expect(row.se).toBeNull();
          expect(row.ciLow).toBeNull();
          expect(row.deff).toBeNull();
        }
      });

      it("says how lonely PSUs were handled", () => {
        expect(wald.design.lonelyStrata.length).toBe(fx.lonelyStrata);
        const note = wald.notes.some((n) => n.key === "indexNotes.lonelyPsu");
        expect(note).toBe(fx.lonelyStrata > 0);
      });
    });
  }
});
