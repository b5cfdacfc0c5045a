/**
 * Every staff and citizen page, in Vietnamese, on a phone (390 px) and a desktop (1280 px): no WCAG 2.1 AA violation
 * (axe), nothing wider than the screen, no English words of the catalogue on a Vietnamese page. A test fails when a
 * page file exists that this list does not visit. With SHOTS=1 each view is saved to docs/screenshots/.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { openDatabase, sql } from "../../db/connection";
import { E2E_DB } from "../../playwright.config";
import { catalogue } from "../../app/domain/messages";
import {
  answers2022,
  insertSubmittedForInvitation,
} from "../fixtures/responses-factory";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";
import { setHelpContact, signIn, sipas } from "./helpers";

const ROUND = "moi-trang";
const BASELINE = "moi-trang-truoc";
const SHOTS = process.env.SHOTS === "1";

interface Seeded {
  uploadPath: string;
  draftPath: string;
  open: string; // a code to answer
  submitted: string; // a code already answered
}

let seeded: Seeded;

/** A round drawn and half through fieldwork, a baseline round to compare with, and an upload waiting for its columns. */
async function seed(): Promise<Seeded> {
  const dir = mkdtempSync(join(tmpdir(), "sipas-pages-"));
  for (const [id, name, year] of [
    [BASELINE, "Sở Nội vụ tỉnh Minh Họa – SIPAS 2021", 2021],
    [ROUND, "Sở Nội vụ tỉnh Minh Họa – SIPAS 2022", 2022],
  ] as const) {
    sipas(
      "rounds",
      "create",
      "--definition",
      "sipas-2022@2",
      "--name",
      name,
      "--id",
      id,
      "--province",
      "P01",
      "--from",
      `${year}-08-01`,
      "--to",
      `${year}-10-31`
    );
    writeFileSync(join(dir, `units-${id}.csv`), unitsCsv(factoryUnits(3, 2)));
    writeFileSync(
      join(dir, `frame-${id}.csv`),
      frameCsv({
        rows: 240,
        districts: 3,
        communesPerDistrict: 2,
        seed: year,
        year,
      })
    );
    sipas("units", "import", "--round", id, join(dir, `units-${id}.csv`));
    sipas("frame", "import", "--round", id, join(dir, `frame-${id}.csv`));
    sipas(
      "sample",
      "draw",
      "--round",
      id,
      "--strata",
      "level,district",
      "--size",
      "60",
      "--allocation",
      "min:10",
      "--reserve",
      "3",
      "--seed",
      String(year)
    );
  }
  setHelpContact(ROUND, "Sở Nội vụ tỉnh Minh Họa, 0205 3812 345");
  // Two open rounds with different contacts: the code-entry page lists both, each with its round's name.
  setHelpContact(BASELINE, "Văn phòng Sở Nội vụ, 0205 3812 999, khaosat@snv.minhhoa.example.vn");
  const handle = openDatabase({ url: E2E_DB });
  await sql`PRAGMA busy_timeout = 60000`.execute(handle.db);
  try {
    const db = handle.db;
    const admin = await db
      .selectFrom("staff_users")
      .select("id")
      .where("username", "=", "admin")
      .executeTakeFirstOrThrow();
    const codes = async (round: string) =>
      (
        await db
          .selectFrom("sample_units")
          .select("invitation_code")
          .where("round_id", "=", round)
          .where("role", "=", "sample")
          .orderBy("stratum")
          .orderBy("position")
          .execute()
      ).map((r) => r.invitation_code!);
    for (const round of [BASELINE, ROUND]) {
      const all = await codes(round);
      for (const [i, code] of all.slice(0, 36).entries())
        await insertSubmittedForInvitation(
          db,
          code,
          answers2022(i % 3 ? "4" : "2", i % 4 ? "5" : "3", {}, "2"),
          i % 5 ? "online" : "paper"
        );
    }
    const all = await codes(ROUND);
    // Two paper entries that disagree: a form waiting for the supervisor.
    const now = new Date().toISOString();
    for (const [n, sex] of [
      [1, "1"],
      [2, "2"],
    ] as const) {
      await db
        .insertInto("paper_entries")
        .values({
          id: randomUUID(),
          round_id: ROUND,
          invitation_code: all[40],
          entry_no: n,
          clerk_id: admin.id,
          answers: JSON.stringify({ A_SEX: sex }),
          created_at: now,
        })
        .execute();
    }
    await db
      .updateTable("sample_units")
      .set({ outcome: "sent" })
      .where("round_id", "=", ROUND)
      .execute();
    return { uploadPath: "", draftPath: "", open: all[50], submitted: all[0] };
  } finally {
    await handle.close();
  }
}

interface View {
  name: string;
  path: () => string;
  /** The route file(s) of app/routes this view covers. */
  routes: string[];
  staff: boolean;
  ready?: (page: Page) => Promise<void>;
}

const r = `/staff/rounds/${ROUND}`;
const VIEWS: View[] = [
  { name: "home", path: () => "/", routes: ["_index.tsx"], staff: false },
  {
    name: "form",
    path: () => `/s/${seeded.open}`,
    routes: ["s.$code.tsx"],
    staff: false,
  },
  {
    name: "form-refused",
    path: () => `/s/${seeded.submitted}`,
    routes: [],
    staff: false,
  },
  {
    name: "code-unknown",
    path: () => "/s/ABCDEFGHJK",
    routes: [],
    staff: false,
  },
  {
    name: "page-unknown",
    path: () => "/no-such-page",
    routes: ["$.tsx"],
    staff: false,
  },
  {
    name: "thanks",
    path: () => `/s/${seeded.submitted}/thanks`,
    routes: ["s.$code_.thanks.tsx"],
    staff: false,
  },
  {
    name: "staff-login",
    path: () => "/staff/login",
    routes: ["staff.login.tsx"],
    staff: false,
  },
  {
    name: "staff-rounds",
    path: () => "/staff",
    routes: ["staff._index.tsx"],
    staff: true,
  },
  {
    name: "staff-round",
    path: () => r,
    routes: ["staff.rounds.$roundId.tsx", "staff.rounds.$roundId._index.tsx"],
    staff: true,
  },
  {
    name: "staff-sample",
    path: () => `${r}/sample`,
    routes: ["staff.rounds.$roundId.sample.tsx"],
    staff: true,
  },
  {
    name: "staff-sample-import",
    path: () => seeded.uploadPath,
    routes: ["staff.rounds.$roundId.sample_.import.$importId.tsx"],
    staff: true,
  },
  {
    name: "staff-invitations",
    path: () => `${r}/invitations`,
    routes: ["staff.rounds.$roundId.invitations.tsx"],
    staff: true,
  },
  {
    name: "staff-print",
    path: () => `${r}/invitations/print?scope=codes&codes=${seeded.open}`,
    routes: ["staff.rounds.$roundId_.invitations.print.tsx"],
    staff: true,
  },
  {
    name: "staff-entry",
    path: () => `${r}/entry`,
    routes: ["staff.rounds.$roundId.entry.tsx"],
    staff: true,
  },
  {
    name: "staff-entry-review",
    path: () => `${r}/entry/review`,
    routes: ["staff.rounds.$roundId.entry_.review.tsx"],
    staff: true,
  },
  {
    name: "staff-fieldwork",
    path: () => `${r}/fieldwork`,
    routes: ["staff.rounds.$roundId.fieldwork.tsx"],
    staff: true,
  },
  {
    name: "staff-results",
    path: () => `${r}/results`,
    routes: ["staff.rounds.$roundId.results.tsx"],
    staff: true,
    ready: (page) => page.getByTestId("headline").waitFor({ timeout: 60_000 }),
  },
  {
    name: "staff-compare",
    path: () => `${r}/compare?baseline=${BASELINE}`,
    routes: ["staff.rounds.$roundId.compare.tsx"],
    staff: true,
  },
  {
    name: "staff-data",
    path: () => `${r}/data`,
    routes: ["staff.rounds.$roundId.data.tsx"],
    staff: true,
  },
  {
    name: "staff-round-new",
    path: () => "/staff/rounds/new",
    routes: ["staff.rounds.new.tsx"],
    staff: true,
  },
  {
    name: "staff-round-settings",
    path: () => "/staff/rounds/moi-trang-tai-len/settings",
    routes: ["staff.rounds.$roundId.settings.tsx"],
    staff: true,
  },
  { name: "studio-list", path: () => "/staff/questionnaires", routes: ["staff.questionnaires._index.tsx"], staff: true },
  { name: "studio-version", path: () => "/staff/questionnaires/sipas-2022@2", routes: ["staff.questionnaires.$ref._index.tsx"], staff: true },
  { name: "studio-draft", path: () => seeded.draftPath, routes: [], staff: true },
  { name: "studio-edit-question", path: () => `${seeded.draftPath}?edit=item:P_INFO_1#item-P_INFO_1`, routes: [], staff: true },
  { name: "studio-edit-node", path: () => `${seeded.draftPath}?edit=node:SIPAS#node-SIPAS`, routes: [], staff: true },
  { name: "studio-preview", path: () => `${seeded.draftPath}/preview`, routes: ["staff.questionnaires.$ref.preview.tsx"], staff: true },
  { name: "studio-preview-paper", path: () => `${seeded.draftPath}/preview?view=paper`, routes: [], staff: true },
  { name: "studio-compare", path: () => "/staff/questionnaires/sipas-2022@2/compare?with=sipas-2022@1", routes: ["staff.questionnaires.$ref.compare.tsx"], staff: true },
  { name: "studio-publish", path: () => `${seeded.draftPath}/compare`, routes: [], staff: true },
  {
    name: "staff-history",
    path: () => `${r}/history`,
    routes: ["staff.rounds.$roundId.history.tsx"],
    staff: true,
  },
  {
    name: "staff-accounts",
    path: () => "/staff/accounts",
    routes: ["staff.accounts.tsx"],
    staff: true,
  },
  {
    name: "staff-audit",
    path: () => "/staff/audit",
    routes: ["staff.audit.tsx"],
    staff: true,
  },
  {
    name: "staff-password",
    path: () => "/staff/password",
    routes: ["staff.password.tsx"],
    staff: true,
  },
];

/** Route files that are pages (a default export rendering HTML), not downloads or JSON endpoints. */
function pageRoutes(): string[] {
  return readdirSync("app/routes").filter(
    (f) =>
      /\.tsx$/.test(f) &&
      /export default function/.test(
        readFileSync(join("app/routes", f), "utf8")
      )
  );
}

test("every page of the app is in this list", () => {
  const covered = new Set(VIEWS.flatMap((v) => v.routes));
  expect(
    pageRoutes().filter((f) => !covered.has(f) && f !== "staff.logout.tsx")
  ).toEqual([]);
});

// English sentences of the catalogue that must not show on a Vietnamese page (short words like "SIPAS" are fine).
const ENGLISH = Object.values(catalogue)
  .flatMap((area) =>
    Object.values(area as Record<string, { vi: string; en: string }>)
  )
  .filter((e) => e.en !== e.vi && e.en.length >= 24 && !e.en.includes("{"))
  .map((e) => e.en);

test.describe("in Vietnamese, on a phone and a desktop", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(480_000); // a shared 2-core machine under load takes over 4 minutes to seed
    seeded = await seed();
    // The mapping step of an upload whose headers are not recognised.
    const page = await browser.newPage();
    await signIn(page);
    const dir = mkdtempSync(join(tmpdir(), "sipas-upload-"));
    const file = join(dir, "tiep-nhan-thang-8.csv");
    writeFileSync(
      file,
      frameCsv({
        rows: 30,
        districts: 3,
        communesPerDistrict: 2,
        seed: 5,
        year: 2022,
        headers: {
          name: "Công dân",
          phone: "Di động",
          unit: "Bộ phận giải quyết",
        },
      })
    );
    sipas(
      "rounds",
      "create",
      "--definition",
      "sipas-2022@2",
      "--name",
      "Đợt chưa chọn mẫu",
      "--id",
      "moi-trang-tai-len",
      "--province",
      "P01"
    );
    writeFileSync(join(dir, "units.csv"), unitsCsv(factoryUnits(3, 2)));
    sipas(
      "units",
      "import",
      "--round",
      "moi-trang-tai-len",
      join(dir, "units.csv")
    );
    await page.goto("/staff/rounds/moi-trang-tai-len/sample");
    await page.getByLabel("Tệp khung mẫu (CSV)").setInputFiles(file);
    await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
    await page.waitForURL(/\/sample\/import\//);
    seeded.uploadPath = new URL(page.url()).pathname;
    // A draft of the questionnaire studio, made the way staff make one (of 2023: studio.spec.ts makes sipas-2022@3).
    await page.goto("/staff/questionnaires/sipas-2023@1");
    await page.getByRole("button", { name: "Tạo phiên bản mới từ phiên bản này" }).click();
    await page.waitForURL(/made=1/);
    seeded.draftPath = new URL(page.url()).pathname;
    await page.close();
  });

  for (const [device, width, height] of [
    ["phone", 390, 844],
    ["desktop", 1280, 900],
  ] as const) {
    test(`every page on a ${device} (${width} px): no axe violation, nothing wider than the screen, no English`, async ({
      browser,
    }) => {
      test.setTimeout(900_000); // every page with axe, the studio's included: ten minutes at load 18
      const context = await browser.newContext({
        viewport: { width, height },
        locale: "vi-VN",
      });
      const page = await context.newPage();
      let signedIn = false;
      const problems: string[] = [];
      for (const view of VIEWS) {
        if (view.staff && !signedIn) {
          await signIn(page);
          signedIn = true;
        }
        const path = view.path();
        const response = await page.goto(path);
        expect(response?.status(), `${view.name}: ${path}`).toBeLessThan(
          view.name === "form-refused" || view.name === "code-unknown" || view.name === "page-unknown" ? 500 : 400
        );
        await page.waitForLoadState("load");
        await view.ready?.(page);
        const results = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
          .analyze();
        for (const v of results.violations)
          problems.push(
            `${view.name}: ${v.id} (${v.impact}): ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(" | ")}`
          );
        const wide = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth
        );
        if (wide > 1) {
          // Name the outermost elements that stick out, so the message points at the fix.
          const culprits = await page.evaluate(() =>
            [...document.querySelectorAll("body *")]
              .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !(el.parentElement!.getBoundingClientRect().right > window.innerWidth + 1))
              .slice(0, 4)
              .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`),
          );
          problems.push(`${view.name}: ${wide} px wider than the ${width} px screen (${culprits.join(", ")})`);
        }
        const text = await page.locator("body").innerText();
        for (const sentence of ENGLISH)
          if (text.includes(sentence))
            problems.push(
              `${view.name}: English on a Vietnamese page: "${sentence}"`
            );
        if (SHOTS) {
          // The top of the page as a person first sees it scrolled a little: tall enough to show the page's purpose.
          const tall = await page.evaluate(() => document.documentElement.scrollHeight);
          await page.screenshot({ path: `docs/screenshots/${view.name}-${device}-vi.png`, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(tall, device === "phone" ? 1600 : 1300) } });
        }
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
