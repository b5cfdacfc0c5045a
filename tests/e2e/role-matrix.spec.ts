/**
 * The role × page × action matrix of the README ("Who may do what"), enforced: each row is asked of the running app by
 * every role (a session per role, a real CSRF token) — ✓ must get past the guard, ✗ must be refused with 403 — and
 * every round row again by a manager of another province, who must be told the round does not exist (404). A staff
 * route file that no row covers fails the test, so a new page cannot skip the table.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/connection";
import { E2E_DB } from "../../playwright.config";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { createStaff, sipas } from "./helpers";

const ROLES = ["admin", "manager", "clerk", "analyst"] as const;
type Role = (typeof ROLES)[number];
const ROUND = "ma-tran";
const PASSWORD = "ma tran vai tro thu";

interface Row {
  method: "GET" | "POST";
  address: string;
  allowed: Record<Role, boolean>;
}

/** The table between the README's role-matrix markers. */
function readMatrix(): Row[] {
  const text = readFileSync("README.md", "utf8");
  const table = text.slice(text.indexOf("<!-- role-matrix:start -->"), text.indexOf("<!-- role-matrix:end -->"));
  return table
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .map((line) => {
      const cells = line.split("|").slice(1, -1).map((c) => c.trim());
      const [method, address] = cells[0].match(/^`(GET|POST) ([^`]+)`/)!.slice(1) as [Row["method"], string];
      const marks = cells.slice(1);
      expect(marks.every((m) => m === "✓" || m === "✗"), line).toBe(true);
      return { method, address, allowed: Object.fromEntries(ROLES.map((r, i) => [r, marks[i] === "✓"])) as Record<Role, boolean> };
    });
}

/** Which route file answers an address of the table (by its shape, as Remix's flat routes name them). */
const ROUTE_FILES: Record<string, string[]> = {
  "/staff": ["staff._index.tsx"],
  "/staff/password": ["staff.password.tsx"],
  "/staff/accounts": ["staff.accounts.tsx"],
  "/staff/audit": ["staff.audit.tsx"],
  "/staff/audit.csv": ["staff.audit[.]csv.tsx"],
  "/staff/audit.xlsx": ["staff.audit[.]xlsx.tsx"],
  "/staff/questionnaires": ["staff.questionnaires._index.tsx"],
  "/staff/questionnaires/<ref>": ["staff.questionnaires.$ref._index.tsx"],
  "/staff/questionnaires/<ref>/preview": ["staff.questionnaires.$ref.preview.tsx"],
  "/staff/questionnaires/<ref>/download": ["staff.questionnaires.$ref.download.tsx"],
  "/staff/questionnaires/<ref>/compare": ["staff.questionnaires.$ref.compare.tsx"],
  "/staff/rounds/new": ["staff.rounds.new.tsx"],
  "<round>": ["staff.rounds.$roundId.tsx", "staff.rounds.$roundId._index.tsx"],
  "<round>/settings": ["staff.rounds.$roundId.settings.tsx"],
  "<round>/history": ["staff.rounds.$roundId.history.tsx"],
  "<round>/history.xlsx": ["staff.rounds.$roundId.history[.]xlsx.tsx"],
  "<round>/history.csv": ["staff.rounds.$roundId.history[.]csv.tsx"],
  "<round>/sample": ["staff.rounds.$roundId.sample.tsx"],
  "<round>/sample/upload": ["staff.rounds.$roundId.sample_.upload.tsx"],
  "<round>/sample/import/<import>": ["staff.rounds.$roundId.sample_.import.$importId.tsx"],
  "<round>/sample/import/<import>/progress": ["staff.rounds.$roundId.sample_.import.$importId_.progress.tsx"],
  "<round>/sample/import/<import>/rejected": ["staff.rounds.$roundId.sample_.import.$importId_.rejected.tsx"],
  "<round>/sample/import/<import>/rejected.xlsx": ["staff.rounds.$roundId.sample_.import.$importId_.rejected[.]xlsx.tsx"],
  "<round>/invitations": ["staff.rounds.$roundId.invitations.tsx"],
  "<round>/invitations/mail-merge": ["staff.rounds.$roundId.invitations_.mail-merge.tsx"],
  "<round>/invitations/print": ["staff.rounds.$roundId_.invitations.print.tsx"],
  "<round>/entry": ["staff.rounds.$roundId.entry.tsx"],
  "<round>/entry/review": ["staff.rounds.$roundId.entry_.review.tsx"],
  "<round>/fieldwork": ["staff.rounds.$roundId.fieldwork.tsx"],
  "<round>/fieldwork/export": ["staff.rounds.$roundId.fieldwork_.export.tsx"],
  "<round>/fieldwork/export.xlsx": ["staff.rounds.$roundId.fieldwork_.export[.]xlsx.tsx"],
  "<round>/results": ["staff.rounds.$roundId.results.tsx"],
  "<round>/results/progress": ["staff.rounds.$roundId.results.progress.ts"],
  "<round>/compare": ["staff.rounds.$roundId.compare.tsx"],
  "<round>/data": ["staff.rounds.$roundId.data.tsx"],
  "<round>/data/responses.csv": ["staff.rounds.$roundId.data.responses[.]csv.tsx"],
  "<round>/data/responses.xlsx": ["staff.rounds.$roundId.data.responses[.]xlsx.tsx"],
  "<round>/data/codebook.csv": ["staff.rounds.$roundId.data.codebook[.]csv.tsx"],
  "<round>/data/codebook.xlsx": ["staff.rounds.$roundId.data.codebook[.]xlsx.tsx"],
  "<round>/data/indices.csv": ["staff.rounds.$roundId.data.indices[.]csv.tsx"],
  "<round>/data/indices.xlsx": ["staff.rounds.$roundId.data.indices[.]xlsx.tsx"],
};

test("every staff route is in the README's matrix", () => {
  const rows = readMatrix();
  expect(rows.filter((r) => !ROUTE_FILES[r.address]).map((r) => r.address)).toEqual([]);
  const covered = new Set(rows.flatMap((r) => ROUTE_FILES[r.address]));
  const staffRoutes = readdirSync("app/routes").filter((f) => f.startsWith("staff.") && f !== "staff.login.tsx" && f !== "staff.logout.tsx");
  expect(staffRoutes.filter((f) => !covered.has(f))).toEqual([]);
});

test("every role against every staff page and action: allowed, refused, other province refused", async ({ playwright, baseURL }) => {
  test.setTimeout(300_000);
  // A round of province P01 with a frame, an import and a drawn sample, so every page has something to show.
  const dir = mkdtempSync(join(tmpdir(), "sipas-matrix-"));
  writeFileSync(join(dir, "units.csv"), unitsCsv(factoryUnits(2, 1)));
  writeFileSync(join(dir, "frame.csv"), frameCsv({ rows: 60, districts: 2, communesPerDistrict: 1, seed: 3, year: 2022 }));
  sipas("rounds", "create", "--definition", "sipas-2022@1", "--name", "Ma trận vai trò", "--id", ROUND, "--province", "P01", "--from", "2022-01-01", "--to", "2022-12-31");
  sipas("units", "import", "--round", ROUND, join(dir, "units.csv"));
  sipas("frame", "import", "--round", ROUND, join(dir, "frame.csv"));
  sipas("sample", "draw", "--round", ROUND, "--strata", "level", "--size", "10", "--allocation", "equal", "--seed", "5");
  const handle = openDatabase({ url: E2E_DB });
  const importId = (await handle.db.selectFrom("frame_imports").select("id").where("round_id", "=", ROUND).executeTakeFirstOrThrow()).id;
  await handle.close();

  const users: [string, Role, string | undefined][] = [
    ["mt.admin", "admin", undefined],
    ["mt.manager", "manager", "P01"],
    ["mt.clerk", "clerk", "P01"],
    ["mt.analyst", "analyst", "P01"],
    ["mt.other", "manager", "P99"],
  ];
  const sessions = new Map<string, { request: APIRequestContext; csrf: string }>();
  for (const [username, role, province] of users) {
    createStaff(username, role, PASSWORD, province);
    const request = await playwright.request.newContext({ baseURL });
    const login = await request.get("/staff/login");
    const csrf = (await login.text()).match(/name="csrf" value="([^"]+)"/)![1];
    const signedIn = await request.post("/staff/login", { form: { csrf, username, password: PASSWORD, next: "/staff" }, maxRedirects: 0 });
    expect(signedIn.status(), username).toBe(302);
    const page = await (await request.get("/staff/password")).text();
    sessions.set(username, { request, csrf: page.match(/name="csrf" value="([^"]+)"/)![1] });
  }

  const url = (address: string) =>
    address
      .replace("<round>", `/staff/rounds/${ROUND}`)
      .replace("<ref>", "sipas-2022@1")
      .replace("<import>", importId);
  const ask = async (username: string, row: Row) => {
    const { request, csrf } = sessions.get(username)!;
    const response =
      row.method === "GET"
        ? await request.get(url(row.address), { maxRedirects: 0 })
        : await request.post(url(row.address), { form: { csrf, intent: "role-matrix-check" }, maxRedirects: 0 });
    const location = response.headers()["location"] ?? "";
    return { status: response.status(), toLogin: location.includes("/staff/login") };
  };

  const wrong: string[] = [];
  for (const row of readMatrix()) {
    for (const [username, role] of users.slice(0, 4)) {
      const got = await ask(username, row);
      const refused = got.status === 401 || got.status === 403 || got.status === 404 || got.toLogin;
      if (row.allowed[role] ? refused || got.status >= 500 : got.status !== 403) {
        wrong.push(`${row.method} ${row.address} as ${role}: ${row.allowed[role] ? "should be allowed" : "should be refused (403)"}, got ${got.status}`);
      }
    }
    if (row.address.startsWith("<round>") && row.allowed.manager) {
      const got = await ask("mt.other", row);
      if (got.status !== 404) wrong.push(`${row.method} ${row.address} as a manager of another province: should be 404, got ${got.status}`);
    }
  }
  expect(wrong).toEqual([]);
  for (const { request } of sessions.values()) await request.dispose();
});
