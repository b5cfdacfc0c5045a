import { expect, test } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { E2E_PORT } from "../../playwright.config";
import { generateCode } from "../../app/domain/codes";
import { EXPECT_2022, PAGES_2022 } from "../fixtures/walk-2022";

// Issue 11, part 5: two app server processes on one PostgreSQL, as behind a load balancer. Under concurrent code
// redemptions and whole submissions through both: one submission per code, the code rate limits shared, a staff
// session valid on both and ended on both by sign-out. Needs PostgreSQL (TEST_DATABASE_URL; npm test starts one).
const PORTS = [E2E_PORT + 3, E2E_PORT + 4];
const PASSWORD = "two-servers-admin-password";
const BASE_URL = process.env.TEST_DATABASE_URL;
const schema = `two_servers_${randomBytes(4).toString("hex")}`;
const servers: ChildProcess[] = [];
const logs = ["", ""];
let databaseUrl = "";
let reachable = false;

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

async function postgresReachable(): Promise<boolean> {
  if (!BASE_URL) return false;
  const client = new pg.Client({ connectionString: BASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

test.beforeAll(async () => {
  reachable = await postgresReachable();
  if (!reachable) {
    console.log(`two-servers.spec: skipped, PostgreSQL is not reachable (TEST_DATABASE_URL=${BASE_URL ?? "unset"}); npm test starts one`);
    return;
  }
  databaseUrl = `${BASE_URL}${BASE_URL!.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, HOST: "127.0.0.1", SIPAS_ADMIN_PASSWORD: PASSWORD, SIPAS_ACCESS_LOG: "0", TRUST_PROXY: "loopback" };
  delete env.SESSION_SECRET; // the secret both servers share is the one kept in the database
  execFileSync("node", ["bin/sipas.mjs", "demo", "seed"], { env, stdio: "ignore" });
  PORTS.forEach((port, i) => {
    const server = spawn("node", ["bin/server.mjs"], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
    server.stdout!.on("data", (d) => (logs[i] += d));
    server.stderr!.on("data", (d) => (logs[i] += d));
    servers.push(server);
  });
  for (const port of PORTS) {
    let up = false;
    for (let i = 0; i < 120 && !up; i++) {
      up = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);
      if (!up) await new Promise((r) => setTimeout(r, 250));
    }
    if (!up) throw new Error(`the server on ${port} did not start:\n${logs.join("\n")}`);
  }
});

test.afterAll(async () => {
  for (const s of servers) s.kill();
  if (!reachable) return;
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

function skipWithoutPostgres() {
  test.skip(!reachable, `PostgreSQL is not reachable (TEST_DATABASE_URL=${BASE_URL ?? "unset"}): the two-server test needs one; npm test starts it`);
}

const server = (i: number) => `http://127.0.0.1:${PORTS[i % 2]}`;
const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

function issueCodes(count: number): string[] {
  const out = execFileSync("node", ["bin/sipas.mjs", "codes", "issue", "--round", "demo", "--count", String(count), "--channel", "link"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return out.trim().split("\n");
}

function post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields),
  });
}

const E = EXPECT_2022; // the last page of the demo's questionnaire, sipas-2022@2

/**
 * A person without JavaScript: types the code on the home page of one server, then sends each page and submits
 * through that server. Returns how it ended: "submitted", "already submitted", or what else it was told.
 */
async function walk(base: string, code: string, address: string): Promise<string> {
  const step = { at: "home page", since: Date.now() };
  try {
    return await walkOrThrow(base, code, address, step);
  } catch (e) {
    return `${base} ${step.at} after ${Date.now() - step.since} ms: ${(e as Error).message} (${String((e as { cause?: unknown }).cause)})`;
  }
}

async function walkOrThrow(base: string, code: string, address: string, step: { at: string; since: number }): Promise<string> {
  const headers = { "X-Forwarded-For": address };
  const opened = await post(`${base}/?index`, { code }, headers);
  if (opened.status !== 302) return `home page answered ${opened.status}`;
  const cookie = cookiesOf(opened).join("; ");
  const send = (fields: Record<string, string>) => post(`${base}/s/${code}`, fields, { ...headers, Cookie: cookie });
  for (const [page, answers] of PAGES_2022) {
    Object.assign(step, { at: `page ${page}`, since: Date.now() });
    const res = await send({ intent: "next", page, ...answers });
    if (res.status === 409) return "already submitted";
    if (res.status !== 302) return `page ${page} answered ${res.status}`;
  }
  Object.assign(step, { at: "submit", since: Date.now() });
  const done = await send({ intent: "submit", page: "E", ...E });
  if (done.status === 409) return "already submitted";
  return done.status === 302 && done.headers.get("location")?.endsWith("/thanks") ? "submitted" : `submit answered ${done.status}`;
}

test("two servers on one PostgreSQL: every code walked through both at once is submitted exactly once", async () => {
  skipWithoutPostgres();
  const codes = issueCodes(24);
  const ends = await Promise.all(
    codes.map(async (code, n) => ({ code, ends: (await Promise.all([walk(server(0), code, `198.51.100.${n}`), walk(server(1), code, `198.51.100.${n + 100}`)])).sort() })),
  );
  expect(ends.filter((e) => e.ends.join(" | ") !== "already submitted | submitted"), logs.join("\n").slice(-2000)).toEqual([]);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query("SELECT status, count(*)::int AS n FROM responses WHERE invitation_code = ANY($1) GROUP BY status", [codes]);
  await client.end();
  expect(rows).toEqual([{ status: "submitted", n: codes.length }]);
});

test("two servers share the code rate limit: 60 unknown codes from one address through both look up exactly its 30", async () => {
  skipWithoutPostgres();
  const headers = { "X-Forwarded-For": "203.0.113.99" };
  const statuses = await Promise.all(
    Array.from({ length: 60 }, (_, i) => fetch(`${server(i)}/s/${generateCode((n) => randomBytes(n))}`, { headers }).then((r) => r.status)),
  );
  expect(statuses.filter((s) => s === 404)).toHaveLength(30);
  expect(statuses.filter((s) => s === 429)).toHaveLength(30);
  // Spent on both: a real code typed from that address now waits on either server.
  const [real] = issueCodes(1);
  for (const i of [0, 1]) expect((await fetch(`${server(i)}/s/${real}`, { headers })).status).toBe(429);
});

test("a staff session made on one server is valid on the other, and signing out on either ends it on both", async () => {
  skipWithoutPostgres();
  const form = await fetch(`${server(0)}/staff/login`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1];
  const signedIn = await post(`${server(0)}/staff/login`, { csrf, username: "admin", password: PASSWORD }, { Cookie: cookiesOf(form).join("; ") });
  expect(signedIn.status).toBe(302);
  const staff = cookiesOf(signedIn).find((c) => c.startsWith("__sipas_staff="))!;
  for (const i of [0, 1]) expect((await fetch(`${server(i)}/staff/rounds/demo`, { headers: { Cookie: staff }, redirect: "manual" })).status).toBe(200);

  // Sign out on the second server, with that page's token.
  const page = await fetch(`${server(1)}/staff/login`, { headers: { Cookie: staff } });
  const token = /name="csrf" value="([^"]+)"/.exec(await page.text())![1];
  const withToken = cookiesOf(page).find((c) => c.startsWith("__sipas_staff=")) ?? staff;
  expect((await post(`${server(1)}/staff/logout`, { csrf: token }, { Cookie: withToken })).status).toBe(302);
  // A copy of the cookie kept from before no longer opens staff pages on either server.
  for (const cookie of [staff, withToken]) {
    for (const i of [0, 1]) {
      const res = await fetch(`${server(i)}/staff/rounds/demo`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toMatch(/^\/staff\/login/);
    }
  }
});
