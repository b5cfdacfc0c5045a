import { expect, test } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { E2E_PORT } from "../../playwright.config";
import { makeRequest, seededRandom, type Fixture, type RawRequest } from "./malformed-cases";

// Issue 11, parts 1 and 2: a few thousand malformed requests over every public and staff route against a built
// server of its own (its own port and database, so its memory is its own to measure). Expected: no 5xx, no stack
// trace, every request that waited got an answer, the server still answers afterwards, and its memory stays under
// 300 MB. MALFORMED_SEED and MALFORMED_COUNT replay or widen a run.
const PORT = E2E_PORT + 2;
const DB = `tests/.tmp/malformed-${PORT}.sqlite`;
const PASSWORD = "malformed-admin-password";
const SEED = Number(process.env.MALFORMED_SEED ?? 20261205);
const COUNT = Number(process.env.MALFORMED_COUNT ?? 3000);
const CONCURRENCY = 8;
const RSS_LIMIT_MB = 300;
const STACK = /\n\s+at [\w$.<>[\] ]+ \(|[\w.-]+\.(?:m?js|tsx?):\d+:\d+|node_modules\//;

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

let server: ChildProcess;
let serverLog = "";
const base = `http://127.0.0.1:${PORT}`;

test.beforeAll(async () => {
  mkdirSync("tests/.tmp", { recursive: true });
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) rmSync(f, { force: true });
  const env = { ...process.env, DATABASE_URL: DB, PORT: String(PORT), HOST: "127.0.0.1", SIPAS_ADMIN_PASSWORD: PASSWORD, SIPAS_ACCESS_LOG: "0" };
  execFileSync("node", ["bin/sipas.mjs", "demo", "seed"], { env, stdio: "ignore" });
  server = spawn("node", ["bin/server.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (d) => (serverLog += d));
  server.stderr!.on("data", (d) => (serverLog += d));
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${base}/`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not start:\n${serverLog}`);
});

test.afterAll(() => {
  server?.kill();
});

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/** A real staff session (cookie and CSRF token), so that staff actions are reached past their guards too. */
async function signInStaff(): Promise<Pick<Fixture, "staffCookie" | "csrf">> {
  const form = await fetch(`${base}/staff/login`);
  let cookie = cookiesOf(form).join("; ");
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1];
  const signedIn = await fetch(`${base}/staff/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ csrf, username: "admin", password: PASSWORD }),
  });
  expect(signedIn.status).toBe(302);
  cookie = cookiesOf(signedIn).find((c) => c.startsWith("__sipas_staff="))!;
  const again = await fetch(`${base}/staff/login`, { headers: { Cookie: cookie } });
  const staffCookie = cookiesOf(again).find((c) => c.startsWith("__sipas_staff=")) ?? cookie;
  const csrfAfter = /name="csrf" value="([^"]+)"/.exec(await again.text())![1];
  expect((await fetch(`${base}/staff/rounds/demo`, { headers: { Cookie: staffCookie }, redirect: "manual" })).status).toBe(200);
  return { staffCookie, csrf: csrfAfter };
}

interface Outcome {
  status: number | null;
  head: string;
  error?: string;
}

/** Sends one request as raw bytes and reads the status line and the start of the answer. */
function send(r: RawRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = connect(PORT, "127.0.0.1");
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const head = Buffer.concat(chunks).toString("latin1");
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({ status: m ? Number(m[1]) : null, head, error });
    };
    const timer = setTimeout(() => finish("timeout"), 20_000);
    socket.on("data", (d: Buffer) => {
      if (size < 256 * 1024) chunks.push(d);
      size += d.length;
    });
    socket.on("end", () => finish());
    socket.on("close", () => finish());
    socket.on("error", (e) => finish((e as NodeJS.ErrnoException).code ?? e.message));
    socket.on("connect", () => {
      if (r.raw) {
        socket.write(r.raw);
        return;
      }
      const lines = [`${r.method} ${r.path} HTTP/1.1`, ...r.headers.map(([k, v]) => `${k}: ${v}`)];
      if (r.body.length || r.declaredLength !== undefined) lines.push(`Content-Length: ${r.declaredLength ?? r.body.length}`);
      socket.write(Buffer.concat([Buffer.from(lines.join("\r\n") + "\r\n\r\n", "latin1"), r.body]), () => {
        if (r.hangUp) setTimeout(() => finish("hung up"), 50);
      });
    });
  });
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : 0;
}

test(`${COUNT} malformed requests over every route: no 5xx, no stack trace, memory under ${RSS_LIMIT_MB} MB, the server still answers`, async () => {
  const code = execFileSync("node", ["bin/sipas.mjs", "codes", "issue", "--round", "demo", "--count", "1", "--channel", "link"], {
    env: { ...process.env, DATABASE_URL: DB },
    encoding: "utf8",
  }).trim();
  const fixture: Fixture = { code, roundId: "demo", ...(await signInStaff()) };
  const rand = seededRandom(SEED);
  const requests = Array.from({ length: COUNT }, (_, i) => makeRequest(rand, fixture, i));

  let peak = rssMb(server.pid!);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid!))), 100);
  const failures: string[] = [];
  const unanswered: string[] = [];
  const statuses = new Map<number | string, number>();
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const r = requests[next++];
        const out = await send(r);
        const key = out.status ?? out.error ?? "no answer";
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (out.status !== null && out.status >= 500) failures.push(`${r.label} → ${out.status}`);
        if (STACK.test(out.head)) failures.push(`${r.label} → a stack trace: ${out.head.slice(0, 300)}`);
        // Only a client that went away, a refused huge body or a request line Node itself rejects may go unanswered.
        const mayGoUnanswered = r.hangUp || r.raw || r.body.length > 512 * 1024;
        if (out.status === null && !mayGoUnanswered) unanswered.push(`${r.label} → ${out.error ?? "no answer"}`);
      }
    }),
  );
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(server.pid!));
  const seconds = (Date.now() - started) / 1000;
  console.log(`seed ${SEED}: ${COUNT} requests in ${seconds.toFixed(1)} s, server peak RSS ${peak.toFixed(0)} MB, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);

  expect(failures, `seed ${SEED}\n${serverLog.slice(-2000)}`).toEqual([]);
  expect(unanswered, `seed ${SEED}`).toEqual([]);
  expect(peak).toBeLessThan(RSS_LIMIT_MB);
  // Still alive and still itself: the home page, a citizen's form and a staff page.
  expect((await fetch(`${base}/`)).status).toBe(200);
  expect((await fetch(`${base}/s/${code}`)).status).toBeLessThan(500);
  // The staff session the storm used is still valid (no request of it could end it without the token).
  expect((await fetch(`${base}/staff/rounds/demo`, { headers: { Cookie: fixture.staffCookie }, redirect: "manual" })).status).toBe(200);
});
