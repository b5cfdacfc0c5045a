import { expect, test } from "@playwright/test";
import { Agent } from "node:http";
import { FIRST_LOAD_BUDGET_BYTES, firstLoadBytes } from "../bench/citizen-client";
import { issueCodes } from "./helpers";

// What a citizen's phone downloads to open the form with JavaScript, counted as the bench counts it (gzip on the wire:
// the document, its stylesheet, every script it loads). The budget only goes down; docs/BENCHMARKS.md has the figures.
test("the first load of the citizen form stays within its byte budget", async ({ baseURL }) => {
  const [code] = issueCodes();
  const agent = new Agent({ keepAlive: true });
  try {
    const load = await firstLoadBytes(agent, baseURL!, `/s/${code}`);
    expect(load.files).toBeGreaterThan(5); // the scripts were found, so the sum means something
    expect(load.scripts).toBeGreaterThan(50 * 1024);
    expect(load.total, JSON.stringify(load)).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
  } finally {
    agent.destroy();
  }
});
