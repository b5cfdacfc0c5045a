// What the browser downloads for one route of a built app, and which source modules those bytes come from.
// Usage: npx remix build --sourcemap && node tests/tools/bundle-report.mjs [routeId] [buildDir]
//   routeId defaults to routes/s.$code (the citizen form); buildDir to $SIPAS_BUILD_DIR or build.
// gzip per file is exact; per module it is the module's share of its file's raw bytes times the file's gzip size
// (an estimate: good enough to see what is large). Needs the .map files that `--sourcemap` writes.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { SourceMapConsumer } from "source-map-js";

const routeId = process.argv[2] ?? "routes/s.$code";
const dir = join(process.argv[3] ?? process.env.SIPAS_BUILD_DIR ?? "build", "client");
const manifestFile = readdirSync(dir).find((f) => f.startsWith("manifest-") && f.endsWith(".js"));
const mtext = readFileSync(join(dir, manifestFile), "utf8");
const manifest = JSON.parse(mtext.slice(mtext.indexOf("{"), mtext.lastIndexOf("}") + 1));

const routes = [];
for (let id = routeId; id; id = manifest.routes[id]?.parentId) routes.unshift(manifest.routes[id]);
if (!routes.length || routes.at(-1).id !== routeId) throw new Error(`no route ${routeId}`);
const local = (href) => join(dir, href.replace(/^\/build\//, ""));
const files = new Set();
const visit = (href) => {
  if (files.has(href)) return;
  files.add(href);
  const code = readFileSync(local(href), "utf8");
  // Static imports between chunks (esbuild writes `from "./chunk-X.js"` / `import "./chunk-X.js"`).
  for (const m of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
    visit(new URL(m[1], `http://x${href}`).pathname);
  }
};
for (const href of [manifest.entry.module, ...manifest.entry.imports]) visit(href);
for (const r of routes) for (const href of [r.module, ...(r.imports ?? [])]) visit(href);

const perModule = new Map();
let raw = 0;
let gz = 0;
const rows = [];
for (const href of files) {
  const code = readFileSync(local(href));
  const g = gzipSync(code, { level: 6 }).length;
  raw += code.length;
  gz += g;
  rows.push([href, code.length, g]);
  const mapFile = local(href) + ".map";
  if (!existsSync(mapFile)) continue;
  const lines = code.toString("utf8").split("\n");
  const consumer = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, "utf8")));
  const counts = new Map();
  let prev = null;
  const flush = (endLine, endCol) => {
    if (!prev || !prev.source) return;
    let n = 0;
    if (endLine === prev.generatedLine) n = endCol - prev.generatedColumn;
    else {
      n = lines[prev.generatedLine - 1].length - prev.generatedColumn;
      for (let l = prev.generatedLine + 1; l < endLine; l++) n += lines[l - 1].length + 1;
      n += endCol;
    }
    counts.set(prev.source, (counts.get(prev.source) ?? 0) + n);
  };
  consumer.eachMapping((m) => {
    flush(m.generatedLine, m.generatedColumn);
    prev = m;
  });
  flush(lines.length, lines.at(-1).length);
  const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
  for (const [src, n] of counts) {
    const key = src.replace(/^.*node_modules\//, "npm:").replace(/^(\.\.\/)+/, "");
    const e = perModule.get(key) ?? { raw: 0, gz: 0 };
    e.raw += n;
    e.gz += (n / total) * g;
    perModule.set(key, e);
  }
}
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`route ${routeId}: ${files.size} scripts, ${kb(raw)} KiB raw, ${kb(gz)} KiB gzip (scripts only)\n`);
for (const [href, r, g] of rows.sort((a, b) => b[2] - a[2])) console.log(`${kb(g)} KiB gz ${kb(r)} KiB raw  ${href}`);
const byPackage = new Map();
for (const [src, e] of perModule) {
  const pkg = src.startsWith("npm:") ? src.split("/").slice(0, src.startsWith("npm:@") ? 2 : 1).join("/") : src.split("/").slice(0, 3).join("/");
  const p = byPackage.get(pkg) ?? { raw: 0, gz: 0 };
  p.raw += e.raw;
  p.gz += e.gz;
  byPackage.set(pkg, p);
}
console.log("\nby package / app folder (gzip estimated):");
for (const [k, e] of [...byPackage].sort((a, b) => b[1].gz - a[1].gz)) console.log(`${kb(e.gz)} KiB gz ${kb(e.raw)} KiB raw  ${k}`);
if (process.env.MODULES) {
  console.log("\nlargest modules:");
  for (const [k, e] of [...perModule].sort((a, b) => b[1].raw - a[1].raw).slice(0, Number(process.env.MODULES))) console.log(`${kb(e.gz)} KiB gz ${kb(e.raw)} KiB raw  ${k}`);
}
