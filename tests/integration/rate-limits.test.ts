import { afterAll, beforeAll, expect, it } from "vitest";
import { generateCode } from "../../app/domain/codes";
import { randomBytes } from "node:crypto";
import { seedDemo } from "../../app/services/demo/seed.server";
import { issueCodes } from "../../app/services/fieldwork/invitations.server";
import { redeemCode, type CodeClient } from "../../app/services/citizen/redeem.server";
import type { Visitor } from "../../app/services/citizen/visitor.server";
import { answerLinkSigner } from "../../app/services/platform/signing.server";
import { signIn } from "../../app/services/staff/sign-in.server";
import { takeSignInAttempt } from "../../app/services/staff/sign-in-limits.server";
import { takeAttempt } from "../../app/services/platform/rate-limit.server";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

// ADR 023: budgets of unknown codes per browser (10) and per address (30), taken atomically before the look-up;
// a browser's own codes and signed links never counted; the staff sign-in lockout does not reach the owner's browser.
describeEachDialect("rate limits", (dialect) => {
  let t: TestDatabase;
  const PASSWORD = "rate-limit-admin-password";
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, { adminPassword: PASSWORD, codes: 0 });
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  const newCode = async () => (await issueCodes(t.db, { roundId: "demo", count: 1 }))[0];
  const guess = () => generateCode((n) => randomBytes(n)); // 44.6 bits: never one of the few issued here
  const browser = (codes: string[] = []): Visitor => {
    const id = randomBytes(9).toString("base64url");
    return { id, codes, nextId: id };
  };
  const statusOf = (client: CodeClient, code: string) =>
    redeemCode(t.db, code, client).then(
      () => 200,
      (e: { status?: number }) => e.status ?? 500,
    );
  const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((n, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {});

  it("200 simultaneous unknown codes from one address look up exactly the address's 30, the rest refused", async () => {
    const client = { address: "198.51.100.1" };
    const statuses = await Promise.all(Array.from({ length: 200 }, () => statusOf(client, guess())));
    expect(tally(statuses)).toEqual({ 404: 30, 429: 170 });
  });

  it("200 simultaneous unknown codes from one browser look up exactly its 10", async () => {
    const client = { address: "198.51.100.2", visitor: browser() };
    const statuses = await Promise.all(Array.from({ length: 200 }, () => statusOf(client, guess())));
    expect(tally(statuses)).toEqual({ 404: 10, 429: 190 });
    // Its neighbour behind the same address still opens a real code: the stranger spent only its own budget.
    const real = await newCode();
    expect(await statusOf({ address: "198.51.100.2", visitor: browser() }, real)).toBe(200);
  });

  it("real codes cost nothing: fifty in a row from one browser all open, and its budget of unknown codes is whole after", async () => {
    const client = { address: "198.51.100.3", visitor: browser() };
    for (let i = 0; i < 50; i++) expect(await statusOf(client, await newCode())).toBe(200);
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push(await statusOf(client, guess()));
    expect(tally(statuses)).toEqual({ 404: 10, 429: 1 });
  });

  it("an address whose budget strangers spent: a typed code from a fresh browser waits, a signed link and a code the browser opened before do not", async () => {
    const address = "198.51.100.4";
    for (let i = 0; i < 3; i++) {
      const stranger = { address, visitor: browser() };
      for (let j = 0; j < 10; j++) expect(await statusOf(stranger, guess())).toBe(404);
    }
    const [typed, linked, resumed] = [await newCode(), await newCode(), await newCode()];
    expect(await statusOf({ address, visitor: browser() }, typed)).toBe(429);
    const sign = await answerLinkSigner(t.db);
    expect(await statusOf({ address, visitor: browser(), signature: sign(linked) }, linked)).toBe(200);
    expect(await statusOf({ address, visitor: browser(), signature: sign(typed) }, linked)).toBe(429); // another code's signature
    expect(await statusOf({ address, visitor: browser([resumed]) }, resumed)).toBe(200);
  });

  it("a window boundary neither refills a budget nor cuts a run of attempts in two; the budget comes back as attempts age", async () => {
    const limit = { limit: 10, windowSeconds: 600 };
    const bucket = [{ bucket: `boundary:${randomBytes(6).toString("hex")}`, limit }];
    const at = (iso: string) => new Date(iso);
    const allowedAt = async (iso: string) => (await takeAttempt(t.db, bucket, at(iso))).allowed;
    // Eight attempts in the last seconds of one window, then the run goes on across the boundary.
    for (let i = 0; i < 8; i++) expect(await allowedAt("2026-12-05T08:59:58.000Z")).toBe(true);
    expect(await allowedAt("2026-12-05T09:00:01.000Z")).toBe(true); // 9
    expect(await allowedAt("2026-12-05T09:00:02.000Z")).toBe(true); // 10
    expect(await allowedAt("2026-12-05T09:00:03.000Z")).toBe(false); // fixed windows would have allowed 10 more here
    // Half a window later half of the old attempts have aged out: 8 × 0.5 + 2 = 6, so four more are allowed.
    const later = [];
    for (let i = 0; i < 5; i++) later.push(await allowedAt("2026-12-05T09:05:00.000Z"));
    expect(later).toEqual([true, true, true, true, false]);
  });

  it("staff sign-in: wrong passwords from an attacker's address lock out new browsers, not the owner's usual one", async () => {
    const signInFrom = async (request: Request, address: string, password: string) => {
      const attempt = await takeSignInAttempt(t.db, request, "admin", address);
      if (!attempt.allowed) return { status: 429 };
      const result = await signIn(t.db, "admin", password);
      if (!result.ok) return { status: 401 };
      await attempt.giveBack();
      return { status: 200, cookie: await attempt.remember() };
    };
    const plain = () => new Request("http://sipas.test/staff/login", { method: "POST" });
    const owner = await signInFrom(plain(), "203.0.113.5", PASSWORD);
    expect(owner.status).toBe(200);
    const ownBrowser = () => new Request("http://sipas.test/staff/login", { method: "POST", headers: { Cookie: owner.cookie!.split(";")[0] } });

    // Twenty wrong passwords for the account from many addresses: the account's budget for unknown browsers is spent.
    for (let i = 0; i < 20; i++) expect((await signInFrom(plain(), `192.0.2.${i}`, "wrong password")).status).toBe(401);
    expect((await signInFrom(plain(), "192.0.2.200", "wrong password")).status).toBe(429);
    expect((await signInFrom(plain(), "203.0.113.5", PASSWORD)).status).toBe(429); // a new browser waits, even with the right password
    expect((await signInFrom(ownBrowser(), "203.0.113.5", PASSWORD)).status).toBe(200); // the owner's browser does not
    // ... and that browser's own budget still stops someone who stole the cookie but not the password.
    const stolen = [];
    for (let i = 0; i < 11; i++) stolen.push((await signInFrom(ownBrowser(), "192.0.2.250", "wrong password")).status);
    expect(tally(stolen)).toEqual({ 401: 10, 429: 1 });
  }, 120_000); // 33 password checks (scrypt): seconds alone, far more on a busy two-core machine
});
