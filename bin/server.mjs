#!/usr/bin/env node
// The web server: Express around the Remix build. Like remix-serve, plus the client address in
// the load context (rate limits count per client) and a start-up migration.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolve } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const buildDir = resolve(root, process.env.SIPAS_BUILD_DIR ?? "build");
const build = await import(pathToFileURL(resolve(buildDir, "index.js")).href);
// Worker threads (indices, exports) run the bundles `npm run build` wrote beside the server (bin/build-worker.mjs).
process.env.SIPAS_WORKER_DIR ??= buildDir;

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy set TRUST_PROXY (e.g. "loopback" or a hop count) so req.ip is the client's.
if (process.env.TRUST_PROXY) app.set("trust proxy", /^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY);
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
if (process.env.SIPAS_ACCESS_LOG !== "0") app.use(morgan("tiny"));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV ?? "production",
    getLoadContext: (req) => ({ clientIp: req.ip }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
app.listen(port, host, () => {
  console.log(`SIPAS is running at http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});
