/**
 * Screenshots of the sample plan, the frame import's mapping step and the fieldwork dashboard
 * (Vietnamese; phone 390 px and desktop 1280 px) for docs/screenshots/.
 *
 *   DATABASE_URL=tests/.tmp/shots.sqlite SIPAS_ADMIN_PASSWORD=… node bin/sipas.mjs demo seed
 *   DATABASE_URL=tests/.tmp/shots.sqlite PORT=3232 node bin/server.mjs &
 *   DATABASE_URL=tests/.tmp/shots.sqlite SIPAS_ADMIN_PASSWORD=… node --import tsx tests/tools/fieldwork-screenshots.ts http://127.0.0.1:3232
 *
 * It seeds two rounds into the server's database (a frame of 3,366 dossier holders, as Lạng Sơn
 * listed; one round drawn and half through fieldwork, one waiting for its design).
 */
import { chromium, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { openDatabase } from "../../db/connection";
import { markAllSent, replaceFromReserve, setOutcome } from "../../app/services/fieldwork/fieldwork.server";
import { importFrameFile } from "../../app/services/fieldwork/frame-import.server";
import { registerUpload } from "../../app/services/fieldwork/frame-uploads.server";
import { importRoundUnits } from "../../app/services/rounds/units-import.server";
import { createRound } from "../../app/services/rounds/rounds.server";
import { drawRoundSample } from "../../app/services/fieldwork/sampling.server";
import { answers2022, insertSubmittedForInvitation } from "../fixtures/responses-factory";
import { factoryUnits, frameCsv, unitsCsv } from "../fixtures/frame-factory";

const base = process.argv[2] ?? "http://127.0.0.1:3232";
const password = process.env.SIPAS_ADMIN_PASSWORD;
if (!password) throw new Error("set SIPAS_ADMIN_PASSWORD to the admin password of the server's database");
const DIR = "tests/.tmp/shots";
mkdirSync(DIR, { recursive: true });

const handle = openDatabase({ url: process.env.DATABASE_URL });
const db = handle.db;
const suffix = Date.now().toString(36);
const drawn = `minh-hoa-2022-${suffix}`;
const planned = `minh-hoa-2023-${suffix}`;

async function prepare(id: string, name: string, year: number) {
  await createRound(db, { id, definition: "sipas-2022@1", name, provinceCode: "P01", periodStart: `${year}-08-01`, periodEnd: `${year}-10-31` });
  await importRoundUnits(db, id, { text: unitsCsv(factoryUnits(3, 3)) }, "don-vi.csv");
  const path = `${DIR}/frame-${id}.csv`;
  writeFileSync(path, frameCsv({ rows: 3366, districts: 3, communesPerDistrict: 3, seed: year, year }));
  await importFrameFile(db, { roundId: id, path, fileName: "nguoi-nhan-ket-qua-quy-3.csv", mode: "all", userId: "screenshots" });
}

await prepare(drawn, "Sở Nội vụ tỉnh Minh Họa – SIPAS 2022", 2022);
const admin = await db.selectFrom("staff_users").select("id").where("username", "=", "admin").executeTakeFirstOrThrow();
await drawRoundSample(db, {
  roundId: drawn,
  design: {
    kind: "stratified",
    strataBy: ["level", "district"],
    size: { method: "yamane", e: 0.05 },
    allocation: { method: "proportional-min", min: 20 },
    reserve: 5,
  },
  seed: 20221015,
  userId: admin.id,
});
// Fieldwork half done: letters sent, some answers online and on paper, a few refusals replaced.
await markAllSent(db, drawn);
const units = await db
  .selectFrom("sample_units")
  .select(["invitation_code", "stratum"])
  .where("round_id", "=", drawn)
  .where("role", "=", "sample")
  .orderBy("stratum")
  .orderBy("position")
  .execute();
let i = 0;
for (const u of units) {
  const code = u.invitation_code!;
  const r = (i++ * 7919) % 100;
  if (r < 46) {
    const now = new Date().toISOString();
    const paper = r < 14;
    await insertSubmittedForInvitation(db, code, answers2022(r % 3 ? "4" : "5", "4"), paper ? "paper" : "online");
    if (paper) {
      for (const n of [1, 2])
        await db
          .insertInto("paper_entries")
          .values({ id: randomUUID(), round_id: drawn, invitation_code: code, entry_no: n, clerk_id: admin.id, answers: "{}", created_at: now })
          .execute();
    }
  } else if (r < 50) {
    await setOutcome(db, { roundId: drawn, code, outcome: "refused" });
    await replaceFromReserve(db, { roundId: drawn, code });
  } else if (r < 53) {
    await setOutcome(db, { roundId: drawn, code, outcome: "unreachable" });
  }
}

await prepare(planned, "Sở Nội vụ tỉnh Minh Họa – SIPAS 2023", 2023);
// An upload of a file whose headers need the mapping step.
const other = `${DIR}/tiep-nhan-${suffix}.csv`;
writeFileSync(
  other,
  frameCsv({
    rows: 50,
    districts: 3,
    communesPerDistrict: 3,
    seed: 5,
    year: 2023,
    headers: { name: "Công dân", phone: "Di động", unit: "Bộ phận giải quyết", date: "Ngày có kết quả", dossier: "Số hồ sơ" },
  })
);
const upload = await registerUpload(db, { roundId: planned, path: other, fileName: "tiep-nhan-thang-8.csv", userId: admin.id });
await handle.close();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function signedIn(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: width < 500 ? 2 : 1, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(`${base}/staff/login?lang=vi`);
  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(password!);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(/\/staff$/);
  return page;
}

async function shot(name: string, page: Page, fullPage = false) {
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage });
  console.log(`docs/screenshots/${name}.png`);
}

const plan = `/staff/rounds/${planned}/sample?kind=stratified&strata=level&strata=district&size=yamane&e=5&alloc=proportional-min&min=20&reserve=5`;

for (const [device, width, height] of [
  ["desktop", 1280, 900],
  ["phone", 390, 844],
] as const) {
  const page = await signedIn(width, height);
  await page.goto(`${base}${plan}`);
  await page.locator("[data-plan-ready]").waitFor();
  if (device === "desktop") await shot(`sample-plan-${device}-vi`, page, true);
  else {
    await page.locator("#plan-title").evaluate((e) => e.scrollIntoView({ block: "start" }));
    await shot(`sample-plan-${device}-vi`, page);
  }
  await page.goto(`${base}/staff/rounds/${planned}/sample/import/${upload.id}`);
  await page.locator("[data-mapping-form]").waitFor();
  if (device === "desktop") await shot(`sample-mapping-${device}-vi`, page, true);
  await page.goto(`${base}/staff/rounds/${drawn}/fieldwork`);
  await page.locator("[data-kpis]").waitFor();
  await shot(`fieldwork-${device}-vi`, page, device === "desktop");
  if (device === "phone") {
    await page.locator("h3", { hasText: "Theo từng tầng" }).evaluate((e) => e.scrollIntoView({ block: "start" }));
    await shot(`fieldwork-table-${device}-vi`, page);
  }
  await page.context().close();
}
await browser.close();
