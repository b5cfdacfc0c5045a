import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listAudit, recordAudit, streamAudit } from "../../app/services/platform/audit.server";
import {
  changeOwnPassword,
  checkLogin,
  createStaffUser,
  deactivateStaffUser,
  reactivateStaffUser,
  resetStaffPassword,
  updateStaffUser,
} from "../../app/services/staff/accounts.server";
import { sessionUser } from "../../app/services/staff/sessions.server";
import { signIn, signOut } from "../../app/services/staff/sign-in.server";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

describeEachDialect("staff accounts, sessions and the audit trail", (dialect) => {
  let t: TestDatabase;
  let admin = "";
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    admin = (await createStaffUser(t.db, { username: "quantri", password: "quan tri vien tinh", role: "admin", actor: "cli:test" })).id;
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  const actions = async (target?: string) =>
    (await listAudit(t.db, {}, { offset: 0, limit: 1000 })).records.filter((r) => !target || r.target === target).map((r) => r.action);

  it("gives a new account a one-time password that works once and must be changed", async () => {
    const created = await createStaffUser(t.db, { username: "CanBo.Tinh", displayName: "Cán bộ tỉnh", role: "manager", provinceCode: "20", actor: admin });
    expect(created.username).toBe("canbo.tinh");
    expect(created.temporaryPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(created.mustChangePassword).toBe(true);
    const signedIn = await signIn(t.db, "canbo.tinh", created.temporaryPassword!);
    expect(signedIn.ok).toBe(true);
    const token = signedIn.ok ? signedIn.token : "";
    expect((await sessionUser(t.db, token))?.must_change_password).toBe(1);

    await expect(changeOwnPassword(t.db, created.id, "wrong one", "a long new sentence")).rejects.toThrow("Mật khẩu hiện tại không đúng");
    await expect(changeOwnPassword(t.db, created.id, created.temporaryPassword!, "password123")).rejects.toThrow("quá phổ biến");
    await expect(changeOwnPassword(t.db, created.id, created.temporaryPassword!, "Matkhau@2024")).rejects.toThrow("quá phổ biến");
    await expect(changeOwnPassword(t.db, created.id, created.temporaryPassword!, "short")).rejects.toThrow("ít nhất 10 ký tự");
    await expect(changeOwnPassword(t.db, created.id, created.temporaryPassword!, "0912345678")).rejects.toThrow("chỉ gồm chữ số");
    await expect(changeOwnPassword(t.db, created.id, created.temporaryPassword!, "canbo.tinh-2024")).rejects.toThrow("tên đăng nhập");
    await changeOwnPassword(t.db, created.id, created.temporaryPassword!, "lúa chín vàng đồng");
    // The change ends the session it was made from too (the web page starts a fresh one).
    expect(await sessionUser(t.db, token)).toBeNull();
    expect((await checkLogin(t.db, "canbo.tinh", created.temporaryPassword!)).ok).toBe(false);
    const again = await checkLogin(t.db, "canbo.tinh", "lúa chín vàng đồng");
    expect(again.ok && again.user.mustChangePassword).toBe(false);
    expect(await actions("canbo.tinh")).toEqual(["account.password_change", "auth.sign_in", "account.create"]);
  });

  it("ends the session at sign-out, so the same token no longer opens anything", async () => {
    const s = await signIn(t.db, "quantri", "quan tri vien tinh", { ip: "127.0.0.9" });
    if (!s.ok) throw new Error("sign-in failed");
    expect((await sessionUser(t.db, s.token))?.username).toBe("quantri");
    await signOut(t.db, s.token);
    expect(await sessionUser(t.db, s.token)).toBeNull();
    await signOut(t.db, s.token); // a second sign-out of a dead session records nothing
    const records = (await listAudit(t.db, { actor: "quantri" }, { offset: 0, limit: 10 })).records;
    expect(records.slice(0, 2).map((r) => r.action)).toEqual(["auth.sign_out", "auth.sign_in"]);
    expect(records[1].details.ip).toBe("127.0.0.9");
  });

  it("records failed sign-ins without telling whether the user exists, and refuses a deactivated account", async () => {
    expect(await signIn(t.db, "nobody", "whatever it is")).toEqual({ ok: false, reason: "bad" });
    const user = await createStaffUser(t.db, { username: "phantich", password: "phân tích số liệu", role: "analyst", actor: admin });
    const s = await signIn(t.db, "phantich", "phân tích số liệu");
    if (!s.ok) throw new Error("sign-in failed");
    await deactivateStaffUser(t.db, user.id, admin);
    expect(await sessionUser(t.db, s.token)).toBeNull();
    expect(await signIn(t.db, "phantich", "phân tích số liệu")).toEqual({ ok: false, reason: "inactive" });
    expect(await signIn(t.db, "phantich", "not the password")).toEqual({ ok: false, reason: "bad" });
    await reactivateStaffUser(t.db, user.id, admin);
    expect((await signIn(t.db, "phantich", "phân tích số liệu")).ok).toBe(true);
    const failed = (await listAudit(t.db, { action: "auth.sign_in_failed" }, { offset: 0, limit: 10 })).records;
    expect(failed.map((r) => [r.actor, r.target, r.details.reason])).toEqual([
      ["phantich", "phantich", "bad"],
      ["phantich", "phantich", "inactive"],
      ["-", "nobody", "bad"],
    ]);
    expect(await actions("phantich")).toEqual(["auth.sign_in", "account.reactivate", "auth.sign_in_failed", "auth.sign_in_failed", "account.deactivate", "auth.sign_in", "account.create"]);
  });

  it("resets a password: every session of the account ends and the one-time password must be changed", async () => {
    const user = await createStaffUser(t.db, { username: "nhaplieu", password: "nhập liệu phiếu giấy", role: "clerk", actor: admin });
    const a = await signIn(t.db, "nhaplieu", "nhập liệu phiếu giấy");
    const b = await signIn(t.db, "nhaplieu", "nhập liệu phiếu giấy");
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    const temporary = await resetStaffPassword(t.db, user.id, admin);
    expect(await sessionUser(t.db, a.token)).toBeNull();
    expect(await sessionUser(t.db, b.token)).toBeNull();
    const check = await checkLogin(t.db, "nhaplieu", temporary);
    expect(check.ok && check.user.mustChangePassword).toBe(true);
  });

  it("keeps at least one active admin, and records what an update changed", async () => {
    await expect(updateStaffUser(t.db, admin, { displayName: "Q", role: "manager", provinceCode: null }, admin)).rejects.toThrow("quản trị viên cuối cùng");
    const other = await createStaffUser(t.db, { username: "admin2", password: "second admin here", role: "admin", actor: admin });
    await expect(deactivateStaffUser(t.db, other.id, other.id)).rejects.toThrow("tự khóa");
    await updateStaffUser(t.db, other.id, { displayName: "Quản trị 2", role: "manager", provinceCode: "20" }, admin);
    const [update] = (await listAudit(t.db, { action: "account.update" }, { offset: 0, limit: 1 })).records;
    expect(update).toMatchObject({ actor: "quantri", target: "admin2", details: { name: "Quản trị 2", role: "manager", province: "20" } });
  });

  it("is append-only in the database: no update, no delete", async () => {
    await recordAudit(t.db, { actor: "cli:test", action: "codes.issue", roundId: "r1", details: { count: 3 } });
    await expect(sql`update audit_events set actor = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom("audit_events").where("round_id", "=", "r1").execute()).rejects.toThrow(/append-only/);
    expect((await listAudit(t.db, { roundId: "r1" }, { offset: 0, limit: 5 })).total).toBe(1);
  });

  it("filters by Vietnam calendar day and streams oldest first", async () => {
    const { records } = await listAudit(t.db, {}, { offset: 0, limit: 1 });
    const newest = records[0];
    const vnDay = new Date(Date.parse(newest.at) + 7 * 3600_000).toISOString().slice(0, 10);
    const today = await listAudit(t.db, { from: vnDay, to: vnDay }, { offset: 0, limit: 1000 });
    const all = await listAudit(t.db, {}, { offset: 0, limit: 1000 });
    expect(today.total).toBe(all.total);
    expect((await listAudit(t.db, { to: "2001-01-01" }, { offset: 0, limit: 1 })).total).toBe(0);
    await expect(listAudit(t.db, { from: "2022-02-31" }, { offset: 0, limit: 1 })).rejects.toThrow("không phải ngày");
    const streamed = [];
    for await (const r of streamAudit(t.db, {})) streamed.push(r);
    expect(streamed.map((r) => r.id)).toEqual(all.records.map((r) => r.id).reverse());
    expect(all.records.filter((r) => r.actor === "cli:test").map((r) => r.action)).toEqual(["codes.issue", "account.create"]);
  });
});

