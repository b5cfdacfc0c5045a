import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../app/cli/main";
import type { RawAnswers } from "../../app/domain/answers/validate";
import { formatCode } from "../../app/domain/codes";
import type { Definition } from "../../app/domain/definition/schema";
import type { AuditRecord } from "../../app/domain/audit";
import { importResponsesCsv } from "../../app/services/data/responses-import.server";
import { createDraft, deleteDraft, publishDraft, saveDraft } from "../../app/services/definitions/drafts.server";
import { importShippedDefinitions } from "../../app/services/definitions/shipped-files.server";
import { getDefinition, retireVersion } from "../../app/services/definitions/versions.server";
import { applyAdjustment, closeRoundAndPurge, mailMergeRows, markAllSent, replaceFromReserve, setOutcome } from "../../app/services/fieldwork/fieldwork.server";
import { importFrameFile } from "../../app/services/fieldwork/frame-import.server";
import { issueCodes } from "../../app/services/fieldwork/invitations.server";
import { drawRoundSample, planRoundSample } from "../../app/services/fieldwork/sampling.server";
import { discardEntries, resolveReview, saveEntry, setDoubleEntry } from "../../app/services/paper/entry.server";
import { cliActor, listAudit, recordExport } from "../../app/services/platform/audit.server";
import { auditXlsx } from "../../app/services/platform/audit-xlsx.server";
import { xlsxChunks } from "../../app/services/platform/xlsx-download.server";
import { createRound, updateRoundSettings } from "../../app/services/rounds/rounds.server";
import { importRoundUnits } from "../../app/services/rounds/units-import.server";
import {
  changeOwnPassword,
  createStaffUser,
  deactivateStaffUser,
  reactivateStaffUser,
  resetStaffPassword,
  updateStaffUser,
} from "../../app/services/staff/accounts.server";
import { signIn, signOut } from "../../app/services/staff/sign-in.server";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { createTestDatabase, describeEachDialect, keepEnv, type TestDatabase } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "sipas-audit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const UNITS = file("don-vi.csv", unitsCsv(factoryUnits(2, 1)));
const FRAME = file("khung-mau.csv", frameCsv({ rows: 120, districts: 2, communesPerDistrict: 1, seed: 7, atDistrict: 0.5 }));
const DESIGN = { kind: "stratified", strataBy: ["level"], size: { method: "fixed", n: 12 }, allocation: { method: "equal" }, reserve: 2 } as const;

/** A complete 2022 paper form: "4" on scales, the first option elsewhere, unless told otherwise. */
function paperForm(def: Definition, choices: RawAnswers = {}): RawAnswers {
  const raw: RawAnswers = {};
  for (const item of def.sections.flatMap((s) => s.items)) {
    if (item.code in choices) raw[item.code] = choices[item.code];
    else if (item.options) raw[item.code] = item.options.some((o) => o.code === "4") ? "4" : item.options[0].code;
    else if (item.type === "text") raw[item.code] = "Phục vụ tốt.";
  }
  return raw;
}

describeEachDialect("the audit trail: every staff action leaves exactly one record", (dialect) => {
  let t: TestDatabase;
  let def: Definition;
  const restoreEnv = keepEnv("USER", "DATABASE_URL", "SIPAS_LANG");
  const ids = { admin: "", manager: "", clerkA: "", clerkB: "" };
  const round = "audit-r";
  let codes: string[] = [];

  beforeAll(async () => {
    process.env.USER = "tester";
    t = await createTestDatabase(dialect);
    await importShippedDefinitions(t.db);
    def = await getDefinition(t.db, "sipas-2022@1");
    ids.admin = (await createStaffUser(t.db, { username: "quantri", password: "quan tri vien tinh", role: "admin", actor: cliActor() })).id;
    ids.manager = (await createStaffUser(t.db, { username: "quanly", password: "quan ly tinh nha", role: "manager", provinceCode: "P01", actor: ids.admin })).id;
    ids.clerkA = (await createStaffUser(t.db, { username: "nhap.a", password: "nhap lieu mot", role: "clerk", provinceCode: "P01", actor: ids.admin })).id;
    ids.clerkB = (await createStaffUser(t.db, { username: "nhap.b", password: "nhap lieu hai", role: "clerk", provinceCode: "P01", actor: ids.admin })).id;
  });
  afterAll(async () => {
    restoreEnv();
    await t?.close();
    await t?.drop();
  });

  const all = async () => (await listAudit(t.db, {}, { offset: 0, limit: 100_000 })).records;

  /** Runs an action and returns the records it added (all of them, whatever their action). */
  async function added(action: () => Promise<unknown>): Promise<AuditRecord[]> {
    const before = new Set((await all()).map((r) => r.id));
    await action();
    return (await all()).filter((r) => !before.has(r.id));
  }

  /** The action leaves exactly one record, of this kind, by this person, on this round. */
  async function one(action: () => Promise<unknown>, want: { action: string; actor: string; roundId?: string | null; target?: string | null }) {
    const records = await added(action);
    expect(records.map((r) => r.action)).toEqual([want.action]);
    expect(records[0]).toMatchObject({ actor: want.actor, roundId: want.roundId ?? null, ...(want.target !== undefined ? { target: want.target } : {}) });
    return records[0];
  }

  it("sign-in, failed sign-in and sign-out", async () => {
    let token = "";
    await one(
      async () => {
        const s = await signIn(t.db, "quanly", "quan ly tinh nha", { ip: "10.0.0.1" });
        if (s.ok) token = s.token;
      },
      { action: "auth.sign_in", actor: "quanly", target: "quanly" }
    );
    const failed = await one(() => signIn(t.db, "quanly", "wrong password!"), { action: "auth.sign_in_failed", actor: "quanly", target: "quanly" });
    expect(failed.details.reason).toBe("bad");
    await one(() => signIn(t.db, "nobody", "whatever it is"), { action: "auth.sign_in_failed", actor: "-", target: "nobody" });
    await one(() => signOut(t.db, token), { action: "auth.sign_out", actor: "quanly" });
    expect(await added(() => signOut(t.db, token))).toEqual([]);
  });

  it("account changes", async () => {
    let id = "";
    let temporary = "";
    await one(
      async () => {
        const created = await createStaffUser(t.db, { username: "phantich", displayName: "Phân tích", role: "analyst", provinceCode: "P01", actor: ids.admin });
        id = created.id;
        temporary = created.temporaryPassword!;
      },
      { action: "account.create", actor: "quantri", target: "phantich" }
    );
    const update = await one(() => updateStaffUser(t.db, id, { displayName: "Phân tích số liệu", role: "analyst", provinceCode: null }, ids.admin), {
      action: "account.update",
      actor: "quantri",
      target: "phantich",
    });
    expect(update.details).toEqual({ name: "Phân tích số liệu", province: null });
    await one(() => changeOwnPassword(t.db, id, temporary, "sông hồng chảy mãi"), { action: "account.password_change", actor: "phantich", target: "phantich" });
    await one(() => resetStaffPassword(t.db, id, ids.admin), { action: "account.password_reset", actor: "quantri", target: "phantich" });
    await one(() => deactivateStaffUser(t.db, id, ids.admin), { action: "account.deactivate", actor: "quantri", target: "phantich" });
    await one(() => reactivateStaffUser(t.db, id, ids.admin), { action: "account.reactivate", actor: "quantri", target: "phantich" });
  });

  it("questionnaire drafts, publish and retire", async () => {
    const scope = { actor: ids.admin, provinceCode: null };
    let draft = await createDraft(t.db, { from: "sipas-2022@1" }, scope);
    const id = draft.id;
    await one(
      async () => {
        draft = await saveDraft(t.db, id, { raw: { ...draft.raw, title: { vi: "Bản sửa", en: "Edited" } }, revision: draft.revision }, scope);
      },
      { action: "definition.draft", actor: "quantri", target: `${draft.key}@${draft.version}` }
    );
    await one(() => publishDraft(t.db, id, { revision: draft.revision }, scope), { action: "definition.publish", actor: "quantri", target: `${draft.key}@${draft.version}` });
    await one(() => retireVersion(t.db, `${draft.key}@${draft.version}`, ids.admin), { action: "definition.retire", actor: "quantri" });
    const other = await createDraft(t.db, { from: "sipas-2023@1" }, scope);
    await one(() => deleteDraft(t.db, other.id, scope), { action: "definition.draft_delete", actor: "quantri" });
  });

  it("a round from creation to closing: units, frame, plan, draw (with the seed), codes, contacts, outcomes, paper, weights, purge", async () => {
    const m = { actor: "quanly", roundId: round };
    await one(() => createRound(t.db, { id: round, definition: "sipas-2022@1", name: "Đợt kiểm tra", provinceCode: "P01", actor: ids.manager }), {
      action: "round.create",
      ...m,
      target: "sipas-2022@1",
    });
    const edit = await one(() => updateRoundSettings(t.db, round, { name: "Đợt kiểm tra", provinceCode: "P01", periodStart: "2000-01-01", periodEnd: "2030-12-31" }, ids.manager), {
      action: "round.edit",
      ...m,
    });
    expect(Object.keys(edit.details).sort()).toEqual(["periodEnd", "periodStart"].sort());
    await one(() => importRoundUnits(t.db, round, { path: UNITS }, UNITS, ids.manager), { action: "units.import", ...m, target: "don-vi.csv" });
    const frame = await one(() => importFrameFile(t.db, { roundId: round, path: FRAME, fileName: "khung-mau.csv", mode: "all", userId: ids.manager }), {
      action: "frame.import",
      ...m,
      target: "khung-mau.csv",
    });
    expect(frame.details).toMatchObject({ imported: true, rows_imported: 120 });
    await one(() => planRoundSample(t.db, round, DESIGN, "vi", ids.manager), { action: "sample.plan", ...m });
    const draw = await one(() => drawRoundSample(t.db, { roundId: round, design: DESIGN, seed: 4242, userId: ids.manager }), { action: "sample.draw", ...m });
    expect(draw.details).toMatchObject({ seed: "4242", sampled: 12 });
    await one(() => issueCodes(t.db, { roundId: round, count: 3, channel: "paper", actor: ids.manager }), { action: "codes.issue", ...m });

    await one(
      async () => {
        for await (const _row of mailMergeRows(t.db, round, { id: ids.manager, role: "manager" }, { baseUrl: "http://x" })) void _row;
      },
      { action: "invitations.mail_merge", ...m }
    );
    codes = (
      await t.db.selectFrom("sample_units").select("invitation_code").where("round_id", "=", round).where("role", "=", "sample").orderBy("position").execute()
    ).map((r) => r.invitation_code!);
    await one(() => markAllSent(t.db, round, ids.manager), { action: "outcome.set", ...m, target: null });
    await one(() => setOutcome(t.db, { roundId: round, code: codes[0], outcome: "refused", actor: ids.manager }), {
      action: "outcome.set",
      ...m,
      target: formatCode(codes[0]),
    });
    const replaced = await one(() => replaceFromReserve(t.db, { roundId: round, code: codes[0], actor: ids.manager }), {
      action: "outcome.replace",
      ...m,
      target: formatCode(codes[0]),
    });
    expect(replaced.details.replaced_by).toMatch(/^\w{5}-\w{5}$/);

    // Paper: a single entry, then double entry with a difference that a supervisor resolves, and a discard.
    await one(() => saveEntry(t.db, { roundId: round, code: codes[1], clerkId: ids.clerkA, raw: paperForm(def) }), { action: "paper.entry", actor: "nhap.a", roundId: round });
    await one(() => setDoubleEntry(t.db, round, true, ids.manager), { action: "paper.settings", ...m });
    const raw = paperForm(def);
    await saveEntry(t.db, { roundId: round, code: codes[2], clerkId: ids.clerkA, raw });
    await one(() => saveEntry(t.db, { roundId: round, code: codes[2], clerkId: ids.clerkB, raw: { ...raw, P_INFO_2: "5" } }), {
      action: "paper.entry",
      actor: "nhap.b",
      roundId: round,
      target: formatCode(codes[2]),
    });
    await one(() => resolveReview(t.db, { roundId: round, code: codes[2], reviewerId: ids.manager, picks: { P_INFO_2: "5" } }), {
      action: "paper.resolve",
      ...m,
      target: formatCode(codes[2]),
    });
    await saveEntry(t.db, { roundId: round, code: codes[3], clerkId: ids.clerkA, raw });
    await one(() => discardEntries(t.db, { roundId: round, code: codes[3], which: "all", actor: ids.manager }), { action: "paper.discard", ...m });

    await one(
      () => importResponsesCsv(t.db, round, { name: "cu.csv", open: () => Readable.from([Buffer.from("unit,A_SEX\nD01,1\n")]) }, { actor: ids.manager }),
      { action: "responses.import", ...m, target: "cu.csv" }
    );
    await one(() => recordExport(t.db, { actor: ids.manager, kind: "responses", roundId: round }), { action: "export", ...m, target: "responses" });
    await one(() => applyAdjustment(t.db, round, ids.manager), { action: "weights.adjust", ...m });

    const closing = await added(() => closeRoundAndPurge(t.db, round, { id: ids.manager, role: "manager" }));
    expect(closing.map((r) => r.action).sort()).toEqual(["contacts.purge", "round.close"]);
    expect(closing.every((r) => r.actor === "quanly" && r.roundId === round)).toBe(true);
    expect(closing.find((r) => r.action === "contacts.purge")!.details.rows).toBe(120);
  });

  describe("from the command line, as cli:<user>", () => {
    async function sipas(...argv: string[]) {
      process.env.DATABASE_URL = t.url;
      process.env.SIPAS_LANG = "en";
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
      if (code !== 0) throw new Error(`sipas ${argv.join(" ")}: ${err.join("\n")}`);
      return out;
    }
    const c = { actor: "cli:tester", roundId: "cli-r" };
    const draw = ["--strata", "level", "--size", "8", "--allocation", "equal", "--reserve", "1"];

    it("round, units, frame, plan, draw, codes, mail merge, outcomes, exports, weights, close", async () => {
      const out = join(dir, `out-${dialect}.csv`);
      await one(() => sipas("rounds", "create", "--definition", "sipas-2022@1", "--name", "Đợt dòng lệnh", "--id", "cli-r", "--province", "P01"), {
        action: "round.create",
        ...c,
      });
      await one(() => sipas("units", "import", "--round", "cli-r", UNITS), { action: "units.import", ...c });
      await one(() => sipas("frame", "import", "--round", "cli-r", FRAME), { action: "frame.import", ...c });
      await one(() => sipas("sample", "plan", "--round", "cli-r", ...draw), { action: "sample.plan", ...c });
      const drawn = await one(() => sipas("sample", "draw", "--round", "cli-r", ...draw, "--seed", "77"), { action: "sample.draw", ...c });
      expect(drawn.details.seed).toBe("77");
      await one(() => sipas("codes", "issue", "--round", "cli-r", "--count", "2"), { action: "codes.issue", ...c });
      await one(() => sipas("invitations", "export", "--round", "cli-r", "--out", out), { action: "invitations.mail_merge", ...c });
      const first = (await t.db.selectFrom("sample_units").select("invitation_code").where("round_id", "=", "cli-r").where("role", "=", "sample").orderBy("position").executeTakeFirstOrThrow())
        .invitation_code!;
      await one(() => sipas("outcome", "set", "--round", "cli-r", "--code", first, "--outcome", "refused"), { action: "outcome.set", ...c });
      await one(() => sipas("outcome", "replace", "--round", "cli-r", "--code", first), { action: "outcome.replace", ...c });
      await one(() => sipas("export", "responses", "--round", "cli-r", "--out", out), { action: "export", ...c, target: "responses" });
      await one(() => sipas("export", "codebook", "--round", "cli-r", "--out", out), { action: "export", ...c, target: "codebook" });
      await one(() => sipas("indices", "--round", "cli-r", "--out", out), { action: "export", ...c, target: "indices" });
      await one(() => sipas("fieldwork", "status", "--round", "cli-r", "--csv"), { action: "export", ...c, target: "fieldwork" });
      const closing = await added(() => sipas("rounds", "close", "--round", "cli-r"));
      expect(closing.map((r) => [r.action, r.actor, r.roundId]).sort()).toEqual([
        ["contacts.purge", "cli:tester", "cli-r"],
        ["round.close", "cli:tester", "cli-r"],
      ]);
    });

    it("sipas audit export writes the round's records (Vietnam time and UTC) and is itself recorded", async () => {
      const out = join(dir, `audit-${dialect}.csv`);
      const printed = await one(() => sipas("audit", "export", "--round", "cli-r", "--since", "2020-01-01", "--out", out), { action: "export", ...c, target: "audit" });
      expect(printed.details.out).toBe(out);
      const lines = readFileSync(out, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(lines[0]).toBe("thoi_gian_vn,thoi_gian_utc,nguoi_thuc_hien,hanh_dong,ma_hanh_dong,dot_khao_sat,doi_tuong,chi_tiet,ma_ban_ghi");
      expect(lines[1]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2},\d{4}-\d{2}-\d{2}T[^,]+Z,cli:tester,Round created,round\.create,cli-r,/);
      expect(lines.slice(1).every((l) => l.includes(",cli-r,"))).toBe(true);
      expect(lines.length - 1).toBe((await listAudit(t.db, { roundId: "cli-r" }, { offset: 0, limit: 1000 })).total - 1);
      await expect(sipas("audit", "export", "--since", "yesterday", "--out", out)).rejects.toThrow(/not a date/);
    });

    it("sipas audit export --format xlsx writes the same records as a workbook in the reader's language, the time a date cell in Vietnam time", async () => {
      const out = join(dir, `audit-${dialect}.xlsx`);
      const printed = await one(() => sipas("audit", "export", "--round", "cli-r", "--format", "xlsx", "--out", out), { action: "export", ...c, target: "audit" });
      expect(printed.details.format).toBe("xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const [data, about] = wb.worksheets;
      expect([data.name, about.name]).toEqual(["Audit trail", "About the columns"]);
      expect(data.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect((data.getRow(1).values as unknown[]).slice(1, 5)).toEqual(["Time (Vietnam time)", "Time (UTC)", "Who", "Action"]);
      const records = (await listAudit(t.db, { roundId: "cli-r" }, { offset: 0, limit: 1000 })).records;
      // Every record of the round before this export (the export's own record is written after the file).
      expect(data.rowCount - 1).toBe(records.length - 1);
      const first = data.getRow(2);
      expect(first.getCell(1).type).toBe(ExcelJS.ValueType.Date);
      expect(first.getCell(1).numFmt).toBe("dd/mm/yyyy hh:mm:ss");
      expect((first.getCell(1).value as Date).getTime() - Date.parse(String(first.getCell(2).value))).toBe(7 * 3600_000);
      expect([first.getCell(4).value, first.getCell(5).value, first.getCell(6).value]).toEqual(["Round created", "round.create", "cli-r"]);

      // The page's download for a Vietnamese reader: the same rows, headers and action names in Vietnamese.
      const parts: Uint8Array[] = [];
      for await (const chunk of xlsxChunks(await auditXlsx(t.db, { roundId: "cli-r" }, "vi"))) parts.push(chunk);
      const vi = new ExcelJS.Workbook();
      await vi.xlsx.load(Buffer.concat(parts) as never);
      const [viData, viAbout] = vi.worksheets;
      expect([viData.name, viAbout.name]).toEqual(["Nhật ký", "Giải thích cột"]);
      expect((viData.getRow(1).values as unknown[]).slice(1)).toEqual([
        "Thời gian (giờ Việt Nam)", "Thời gian (UTC)", "Người thực hiện", "Thao tác", "Mã thao tác", "Đợt khảo sát", "Đối tượng", "Chi tiết", "Mã bản ghi",
      ]);
      expect(viData.rowCount - 1).toBe(records.length);
      expect(viData.getRow(2).getCell(4).value).toBe("Tạo đợt khảo sát");
    });
  });

  it("nothing can change or delete a record, not even with the app's own database login", async () => {
    const [record] = await all();
    await expect(t.db.updateTable("audit_events").set({ actor: "someone else" }).where("id", "=", record.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom("audit_events").where("id", "=", record.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom("audit_events").execute()).rejects.toThrow(/append-only/);
    if (dialect === "postgres") await expect(sql`truncate audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
    expect((await all()).find((r) => r.id === record.id)).toEqual(record);
  });
});

/** Every source file under a folder. */
function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const p = join(folder, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

it("no code of the app or the CLI writes to the audit trail except by adding a record", () => {
  const writers = sources("app").filter((p) => /["'`]audit_events["'`]/.test(readFileSync(p, "utf8")));
  expect(writers.map((p) => p.replaceAll("\\", "/"))).toEqual(["app/services/platform/audit.server.ts"]);
  const text = readFileSync("app/services/platform/audit.server.ts", "utf8");
  expect(text).toMatch(/insertInto\("audit_events"\)/);
  expect(text).not.toMatch(/updateTable|deleteFrom|truncate|replaceInto|onConflict/i);
});
