import { afterAll, beforeAll, expect, it } from "vitest";
import { readVisitor, visitorHeader } from "../../app/services/citizen/visitor.server";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

// The visitor cookie (ADR 023) is verified once per value and remembered (issue 11 part 4): what is remembered must
// never let a changed or foreign cookie through.
describeEachDialect("visitor cookie", (dialect) => {
  let t: TestDatabase;
  let other: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    other = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    for (const d of [t, other]) {
      await d?.close();
      await d?.drop();
    }
  });

  const cookieOf = (setCookie: string) => setCookie.split(";")[0];

  it("reads the same browser back each time, and refuses a cookie changed by one character or signed elsewhere", async () => {
    const fresh = await readVisitor(t.db, null);
    expect(fresh.id).toBeNull();
    const cookie = cookieOf(await visitorHeader(t.db, fresh, "ABCDEFGHJK"));
    for (let i = 0; i < 3; i++) {
      const back = await readVisitor(t.db, `sipas_lang=x; ${cookie}`);
      expect(back).toEqual({ id: fresh.nextId, codes: ["ABCDEFGHJK"], nextId: fresh.nextId });
    }
    const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
    const dot = value.lastIndexOf(".");
    const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === "A" ? "B" : "A") + s.slice(at + 1);
    expect((await readVisitor(t.db, `${name}=${flip(value, 3)}`)).id).toBeNull(); // the payload changed
    expect((await readVisitor(t.db, `${name}=${flip(value, dot + 3)}`)).id).toBeNull(); // the signature changed
    expect((await readVisitor(other.db, cookie)).id).toBeNull(); // another installation's secret
    expect((await readVisitor(t.db, cookie)).id).toBe(fresh.nextId);
  });
});
