// Sums the JSON reports of vitest and Playwright into one line: "N passed, N failed".
// A suite whose report is missing (it crashed before writing one) counts as one failure.
import { existsSync, readFileSync } from "node:fs";

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);
let passed = 0;
let failed = 0;
// What failed, named just above the summary line: CI keeps only the end of a run's output.
const failures = [];

// The typecheck and the lint count as one check each.
for (const check of ["tests/.tmp/typecheck.json", "tests/.tmp/lint.json"]) {
  if (read(check)?.passed) passed += 1;
  else {
    failed += 1;
    failures.push(check.replace(/^tests\/\.tmp\/|\.json$/g, ""));
  }
}

const vitest = read("tests/.tmp/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // A file whose set-up failed (or that failed to load) reports its tests as skipped: one failure.
  failed += vitest.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length;
  for (const file of vitest.testResults.filter((f) => f.status === "failed")) {
    const tests = file.assertionResults.filter((a) => a.status === "failed");
    const where = file.name.replace(process.cwd() + "/", "");
    if (tests.length === 0) failures.push(`${where}: ${firstLine(file.message)}`);
    for (const test of tests) failures.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
  }
} else failed += 1;

const playwright = read("tests/.tmp/playwright.json");
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  if (playwright.errors?.length) failed += playwright.errors.length;
  for (const error of playwright.errors ?? []) failures.push(`playwright: ${firstLine(error.message)}`);
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected") continue;
        const last = test.results?.[test.results.length - 1];
        failures.push(`${spec.file}:${spec.line} › ${[...titles, spec.title].join(" › ")}: ${firstLine(last?.error?.message)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, child.file === child.title ? titles : [...titles, child.title]);
  };
  for (const suite of playwright.suites ?? []) walk(suite, []);
} else failed += 1;

function firstLine(text) {
  return String(text ?? "").replace(/\u001b\[[0-9;]*m/g, "").split("\n").find((line) => line.trim()) ?? "";
}

if (failures.length) console.log(["failed:", ...failures.map((f) => `  ${f.slice(0, 300)}`)].join("\n"));

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
