// `npm run bench`: runs every tests/bench/*.bench.ts one after the other (each in its own
// process, so their timings and memory do not mix) and stops at the first that fails.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const only = process.argv.slice(2);
const benches = readdirSync("tests/bench")
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (benches.length === 0) {
  console.error("no benchmark matches", only.join(" "));
  process.exit(2);
}
for (const file of benches) {
  console.log(`\n=== ${file}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", `tests/bench/${file}`], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
