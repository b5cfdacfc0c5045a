/**
 * One measurement in a fresh process, so that time and peak memory belong to it alone:
 *   indices  <db> <round> [rows.json]   computeRoundIndices by province, weighted (cache emptied first)
 *   export   <db> <round> <out.csv>     exportResponses streamed to a file
 *   baseline <db>                       the same process doing nothing (memory of Node, tsx and the driver)
 * Prints one line of JSON.
 */
import { createWriteStream, statSync, writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { openDatabase } from "../../db/connection";
import { exportResponses } from "../../app/services/data/exports.server";
import { computeRoundIndices } from "../../app/services/results/indices.server";

const [mode, file, round, extra] = process.argv.slice(2);
const handle = openDatabase({ url: file });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const peakMb = () => process.resourceUsage().maxRSS / 1024;

if (mode === "indices") {
  await handle.db.deleteFrom("index_cache").where("round_id", "=", round).execute();
  const c0 = cpu();
  const t0 = performance.now();
  const { result } = await computeRoundIndices(handle.db, { roundId: round, by: "province", weighted: true });
  const seconds = (performance.now() - t0) / 1000;
  if (extra) {
    // Item rows per province, for the comparison with R.
    const rows = result.groups.filter((g) => g.key !== null).flatMap((g) => g.nodes.filter((n) => n.type === "item").map((n) => ({ group: g.key, node: n.code, estimate: n.estimate, se: n.se })));
    writeFileSync(extra, JSON.stringify(rows));
  }
  const rows = result.groups.reduce((n, g) => n + g.nodes.length, 0);
  console.log(JSON.stringify({ seconds, cpuSeconds: cpu() - c0, peakMb: peakMb(), responses: result.design.responses, strata: result.design.strata, psus: result.design.psus, groups: result.groups.length, rows }));
} else if (mode === "export") {
  const c0 = cpu();
  const t0 = performance.now();
  const download = await exportResponses(handle.db, round);
  await pipeline(Readable.from(download.chunks()), createWriteStream(extra));
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ rows: download.totalRows, seconds, cpuSeconds: cpu() - c0, rowsPerSecond: download.totalRows / seconds, peakMb: peakMb(), bytes: statSync(extra).size }));
} else if (mode === "baseline") {
  await handle.db.selectFrom("rounds").select("id").execute();
  console.log(JSON.stringify({ peakMb: peakMb() }));
} else {
  console.error("usage: bench-child.ts indices|export|baseline <db> [round] [file]");
  process.exit(2);
}
await handle.close();
