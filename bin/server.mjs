#!/usr/bin/env node
// The web server: Express around the Remix build. Like remix-serve, plus the client address and a CSP nonce in
// the load context, request guards (methods, content types, body sizes: bin/http-guards.mjs), security headers,
// and an error handler that never shows a stack trace.
process.env.NODE_ENV ??= "production"; // Express and React read it; `npm start` leaves it unset

import remixNode from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { limitedStream, readSmallBody, remixRequest, requestGuard, securityHeaders, sendRefusal, sendResponse } from "./http-guards.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const buildDir = resolve(root, process.env.SIPAS_BUILD_DIR ?? "build");
const build = await import(pathToFileURL(resolve(buildDir, "index.js")).href);
// Worker threads (indices, exports) run the bundles `npm run build` wrote beside the server (bin/build-worker.mjs).
process.env.SIPAS_WORKER_DIR ??= buildDir;

const app = express();
app.disable("x-powered-by");
app.set("env", "production");
// Behind a reverse proxy set TRUST_PROXY (e.g. "loopback" or a hop count) so req.ip is the client's.
if (process.env.TRUST_PROXY) app.set("trust proxy", /^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY);
const accessLog = process.env.SIPAS_ACCESS_LOG !== "0" ? morgan("tiny") : undefined;
app.use(securityHeaders);
app.use(requestGuard);
app.use(citizenPosts); // before compression: a redirect has nothing to compress
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
if (accessLog) app.use(accessLog);

const handleRequest = remixNode.createRequestHandler(build, process.env.NODE_ENV);

/**
 * The no-JS citizen form's POSTs, answered before Remix when they come to a redirect (app/services/citizen/post.server.ts;
 * issue 11 part 4: routing, the web Request and the response machinery cost a POST more than its own work). Anything
 * else goes on to Remix with the body read and what came of it (`context.citizenAnswer`).
 */
const fastCitizenPost = build.entry.module.fastCitizenPost;
const CITIZEN_POST = /^\/s\/[A-Za-z0-9-]+$/;
async function citizenPosts(req, res, next) {
  if (req.method !== "POST" || !fastCitizenPost || res.locals.body.streamed || !CITIZEN_POST.test(req.path)) return next();
  try {
    const read = await readSmallBody(req, res.locals.body.limit);
    if (read.gone) return;
    if (read.tooLarge) return sendRefusal(req, res, 413);
    const search = req.originalUrl.includes("?") ? req.originalUrl.slice(req.originalUrl.indexOf("?")) : "";
    const fast = await fastCitizenPost({ path: req.path, search, contentType: req.headers["content-type"], body: read.body, cookie: req.headers.cookie, clientIp: req.ip });
    res.locals.read = { body: read.body, citizenAnswer: fast?.handOver };
    if (!fast?.location) return next();
    const answer = () => {
      res.statusCode = 302;
      res.setHeader("Location", fast.location);
      if (fast.setCookie) res.setHeader("Set-Cookie", fast.setCookie);
      res.end();
    };
    if (accessLog) accessLog(req, res, answer);
    else answer();
  } catch (error) {
    next(error);
  }
}

app.all("*", async (req, res, next) => {
  try {
    let body = res.locals.read?.body;
    if (req.method === "POST" && !body) {
      const { limit, streamed } = res.locals.body;
      if (streamed) {
        body = limitedStream(req, limit); // an upload: streamed to disk by the route, under its own cap
      } else {
        const read = await readSmallBody(req, limit);
        if (read.gone) return;
        if (read.tooLarge) return sendRefusal(req, res, 413);
        body = read.body;
      }
    }
    const context = { clientIp: req.ip, cspNonce: res.locals.cspNonce, citizenAnswer: res.locals.read?.citizenAnswer };
    let request;
    try {
      request = remixRequest(req, res, body);
    } catch {
      return sendRefusal(req, res, 400); // a Host header that makes no URL
    }
    const response = await handleRequest(request, context);
    await sendResponse(res, response);
  } catch (error) {
    next(error);
  }
});

// Anything thrown above (and Express's own errors: a malformed URL, a body parser) ends here: a status and a short
// page, the details in the server log only.
app.use((error, req, res, _next) => {
  const status = Number(error?.status ?? error?.statusCode);
  const known = Number.isInteger(status) && status >= 400 && status < 500;
  if (!known) console.error(error);
  sendRefusal(req, res, known ? status : 500);
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  const actual = server.address().port;
  const address = `http://${host === "0.0.0.0" ? "localhost" : host}:${actual}`;
  // The last line `npm start` prints, after the seed's Vietnamese lines: in the same language (SIPAS_LANG, as the CLI).
  console.log(process.env.SIPAS_LANG === "en" ? `SIPAS is running at ${address}` : `SIPAS đang chạy tại ${address}`);
});
// Idle kept-alive connections stay open longer than a load balancer's or proxy's own idle timeout (commonly 60 s):
// with Node's default 5 s, the server closes a connection just as the balancer (or a client) sends the next request
// on it, and a POST on it fails with "socket closed" — seen with two servers behind one address (issue 11).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
