// Sums the JSON reports of vitest and Playwright into one line: "N passed, N failed".
// A suite whose report is missing (it crashed before writing one) counts as one failure.
import { existsSync, readFileSync } from "node:fs";

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);
let passed = 0;
let failed = 0;

// The typecheck and the lint count as one check each.
for (const check of ["tests/.tmp/typecheck.json", "tests/.tmp/lint.json"]) {
  if (read(check)?.passed) passed += 1;
  else failed += 1;
}

const vitest = read("tests/.tmp/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // A file whose set-up failed (or that failed to load) reports its tests as skipped: one failure.
  failed += vitest.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length;
} else failed += 1;

const playwright = read("tests/.tmp/playwright.json");
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  if (playwright.errors?.length) failed += playwright.errors.length;
} else failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
