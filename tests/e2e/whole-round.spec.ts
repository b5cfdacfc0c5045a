/**
 * A whole small fieldwork round through the web pages, as the civil servants of a province run it:
 * units and a sampling frame of 300 dossier holders uploaded (with the column-matching step), the
 * plan checked and a stratified sample drawn with a seed, questionnaires printed, citizens answering
 * online, paper forms keyed twice by two clerks with a supervisor settling a disagreement, outcomes
 * and a replacement recorded, then the fieldwork dashboard and the weighted results.
 *
 * Every figure checked is computed from what the test did (the frame it wrote, the answers it gave),
 * never copied from a previous run.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import Papa from "papaparse";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { formatCode } from "../../app/domain/codes";
import type { Answers } from "../../app/domain/definition/conditions";
import { formatInterval, formatPercent } from "../../app/domain/results/format";
import { answerWholeForm, createStaff, keyPaperForm, loadDefinition, newRound, signIn, SKIP_CHOICES, type Choices } from "./helpers";
import { readPdf } from "./pdf-reader";

const definition = loadDefinition("sipas-2022/2.json"); // what `newRound` pins, as the demo does
const SATISFACTION_ITEMS = definition.sections.flatMap((s) => s.items).filter((i) => i.type === "satisfaction5");

// ---------------------------------------------------------------------------------------------
// The province's units and its list of dossier holders

interface Unit {
  code: string;
  name: string;
  /** As written in the units file. */
  level: "tỉnh" | "huyện" | "xã";
  parent: string;
  /** Persons served there in the frame (0: no one-stop unit of its own in this frame). */
  frame: number;
  /** The "Cấp" cell of the frame file. */
  levelCell: string;
}

const UNITS: Unit[] = [
  { code: "P01", name: "Tỉnh Minh Họa", level: "tỉnh", parent: "", frame: 0, levelCell: "" },
  { code: "D01", name: "Huyện Đông Sơn", level: "huyện", parent: "P01", frame: 120, levelCell: "Huyện" },
  { code: "D01-X01", name: "Xã Hòa Bình", level: "xã", parent: "D01", frame: 90, levelCell: "Xã" },
  { code: "D02", name: "Thị xã Tây Hòa", level: "huyện", parent: "P01", frame: 60, levelCell: "Huyện" },
  { code: "D02-P01", name: "Phường Quảng Phú", level: "xã", parent: "D02", frame: 30, levelCell: "Phường" },
];
const FRAME_UNITS = UNITS.filter((u) => u.frame > 0);
const FRAME_SIZE = FRAME_UNITS.reduce((n, u) => n + u.frame, 0);

/** The sample design chosen on the page: strata = units, a fixed n shared equally, reserve persons per stratum. */
const SAMPLE_SIZE = 40;
const RESERVE = 2;
const SEED = "20221015";
/** The comment written on the paper forms (question 73, the last of sipas-2022@2). */
const COMMENT = "Cán bộ một cửa nhiệt tình, hướng dẫn rõ ràng.";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE_MALE = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Công"];
const GIVEN = "An Bình Cường Dũng Giang Hà Hải Hạnh Hòa Hùng Lan Linh Mai Nam Phương Quân Sơn Thảo Trang Tuấn Yến Ánh".split(" ");
const STREETS = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Quang Trung", "Lý Thường Kiệt"];
const FIELDS = ["Hộ tịch", "Đất đai", "Xây dựng", "Đăng ký kinh doanh", "Tư pháp", "Lao động – Thương binh và Xã hội"];
/** The file's headers: the name and unit columns are not ones the importer knows, so staff match them by hand. */
const HEADERS = [
  "Mã hồ sơ",
  "Người nhận kết quả",
  "Số điện thoại",
  "Địa chỉ",
  "Nơi giải quyết",
  "Cấp",
  "Lĩnh vực",
  "Ngày trả kết quả",
  "Giới tính",
  "Năm sinh",
];

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The frame as a one-stop unit exports it: one row per person, units interleaved, deterministic. */
function frameFile(): { csv: string; names: Set<string> } {
  let state = 20221;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const places = FRAME_UNITS.flatMap((u) => Array.from({ length: u.frame }, () => u));
  for (let i = places.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [places[i], places[j]] = [places[j], places[i]];
  }
  const names = new Set<string>();
  const lines = [HEADERS.join(",")];
  places.forEach((unit, i) => {
    const female = random() < 0.5;
    let name: string;
    do name = `${pick(FAMILY)} ${female ? "Thị" : pick(MIDDLE_MALE)} ${pick(GIVEN)}`;
    while (names.has(name) && names.size < 2000);
    names.add(name);
    const digits = String(Math.floor(random() * 1e8)).padStart(8, "0");
    // Phones as people write them: mostly 09xxxxxxxx, sometimes +84 with spaces.
    const phone = i % 7 === 3 ? `+84 9${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5)}` : `09${digits}`;
    const month = 8 + Math.floor(random() * 3);
    const day = 1 + Math.floor(random() * 28);
    const cells = [
      `HS-2022-${String(i + 1).padStart(6, "0")}`,
      name,
      phone,
      `Số ${1 + Math.floor(random() * 200)} đường ${pick(STREETS)}, ${unit.name}`,
      unit.name, // the unit by its name, as the exporting software writes it
      unit.levelCell,
      pick(FIELDS),
      `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/2022`,
      female ? "Nữ" : "Nam",
      String(1950 + Math.floor(random() * 55)),
    ];
    lines.push(cells.map(csvCell).join(","));
  });
  return { csv: "\uFEFF" + lines.join("\r\n") + "\r\n", names };
}

function unitsFile(): string {
  return ["Mã,Tên,Cấp,Mã cấp trên", ...UNITS.map((u) => [u.code, u.name, u.level, u.parent].join(","))].join("\r\n") + "\r\n";
}

/** Numbers as the fieldwork pages print them (vi-VN). */
const vi = (x: number, digits = 0) => x.toLocaleString("vi-VN", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const columnLetter = (i: number) => String.fromCharCode(65 + i);
const stratumLabel = (u: Unit) => `${u.name} (${u.code})`;

// ---------------------------------------------------------------------------------------------
// Answers

type Mood = "satisfied" | "dissatisfied";
/** Every satisfaction question answered the same way: so every index node equals the weighted share of satisfied people. */
const moodCode = (mood: Mood) => (mood === "satisfied" ? "4" : "2");

/** Online: the 2022 routing of the whole-form tests (did a procedure, no school child, no feedback) and the mood. */
function onlineChoices(mood: Mood): Choices {
  return { ...SKIP_CHOICES, ...Object.fromEntries(SATISFACTION_ITEMS.map((i) => [i.code, moodCode(mood)])) };
}

/** On paper: the same routing as online (so both answer the same questions), the mood, then any differences. */
function paperAnswers(mood: Mood, overrides: Record<string, string> = {}): Answers {
  const plan: Record<string, string> = { A_SEX: "2", A_AGE: "3", Q2_FOLLOW: "3", ...SKIP_CHOICES };
  const answers: Answers = {};
  for (const item of definition.sections.flatMap((s) => s.items)) {
    if (!item.options) continue;
    answers[item.code] =
      overrides[item.code] ?? (item.type === "satisfaction5" ? moodCode(mood) : plan[item.code] ?? (item.options.some((o) => o.code === "4") ? "4" : "1"));
  }
  return answers;
}

// ---------------------------------------------------------------------------------------------
// What happens to each invitation, kept as the test goes, to compute what the pages must show

interface Invitation {
  code: string;
  name: string;
  unit: Unit;
  weight: number;
  replacement: boolean;
  outcome: "pending" | "sent" | "refused" | "unreachable" | "invalid";
  returned: "online" | "paper" | null;
  mood: Mood | null;
  /** Paper entries saved for this code. */
  keyings: number;
}

async function asStaff(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, password);
  return page;
}

/** A citizen on a device of their own, with the code from the invitation letter. */
async function citizenAnswers(browser: Browser, invitation: Invitation, mood: Mood, typeOnHomePage = false) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (typeOnHomePage) {
    await page.goto("/");
    await page.getByLabel("Mã khảo sát").fill(formatCode(invitation.code).toLowerCase());
    await page.getByRole("button", { name: "Bắt đầu trả lời" }).click();
    await expect(page).toHaveURL(new RegExp(`/s/${invitation.code}`));
  } else {
    await page.goto(`/s/${invitation.code}`);
  }
  await answerWholeForm(page, onlineChoices(mood));
  await expect(page.locator(".thanks .code")).toHaveText(formatCode(invitation.code));
  await context.close();
  invitation.returned = "online";
  invitation.mood = mood;
}

test("a whole round: frame, plan and draw, printing, online and double-keyed paper answers, outcomes, fieldwork and weighted results", async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  const suffix = randomBytes(3).toString("hex");
  const roundName = "Khảo sát SIPAS 2022 – đợt toàn trình";
  const round = newRound(roundName);
  const CLERK_PASSWORD = "nhap-phieu-2022";
  const clerkA = `nhap.a.${suffix}`;
  const clerkB = `nhap.b.${suffix}`;
  const supervisor = `giamsat.${suffix}`;
  createStaff(clerkA, "clerk", CLERK_PASSWORD, "P01");
  createStaff(clerkB, "clerk", CLERK_PASSWORD, "P01");
  createStaff(supervisor, "manager", CLERK_PASSWORD, "P01");
  const { csv: frame, names: frameNames } = frameFile();
  expect(frame.normalize("NFC")).toBe(frame);
  const base = `/staff/rounds/${round}`;
  const nav = (name: string) => page.getByRole("navigation", { name: "Các trang của đợt khảo sát" }).getByRole("link", { name, exact: true });

  // Equal allocation of a fixed n over the unit strata: n_h = n / H, π_h = n_h / N_h, weight N_h / n_h.
  const perStratum = SAMPLE_SIZE / FRAME_UNITS.length;
  expect(Number.isInteger(perStratum)).toBe(true);
  const weightOf = (u: Unit) => u.frame / perStratum;

  await test.step("an administrator uploads the units and the frame, matching the two columns the importer does not know", async () => {
    await signIn(page);
    await page.locator(`tr[data-round="${round}"]`).getByRole("link", { name: roundName }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(roundName);
    await nav("Khung mẫu và chọn mẫu").click();
    await expect(page.getByText("Chưa có đơn vị.", { exact: false })).toBeVisible();

    await page.getByLabel("Tệp danh sách đơn vị (CSV)").setInputFiles({ name: "don-vi.csv", mimeType: "text/csv", buffer: Buffer.from(unitsFile()) });
    await page.getByRole("button", { name: "Tải lên danh sách đơn vị" }).click();
    await expect(page.getByRole("status")).toHaveText(`Đã cập nhật danh sách đơn vị: +${UNITS.length}, 0 cập nhật; ${UNITS.length} đơn vị.`);

    await page.getByLabel("Tệp khung mẫu (CSV)").setInputFiles({ name: "khung-mau-2022.csv", mimeType: "text/csv", buffer: Buffer.from(frame) });
    await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
    await expect(page).toHaveURL(/\/sample\/import\/[0-9a-f-]+$/);
    await expect(page.getByText("khung-mau-2022.csv")).toBeVisible();
    await expect(page.locator("[data-mapping-missing]")).toHaveText("Chưa nhận ra cột cho: Họ và tên, Đơn vị (mã hoặc tên)");
    // The recognised columns are already matched; the preview shows the file's first rows, accents intact.
    await expect(page.getByLabel("Số điện thoại")).toHaveValue(String(HEADERS.indexOf("Số điện thoại")));
    await expect(page.getByLabel("Lĩnh vực")).toHaveValue(String(HEADERS.indexOf("Lĩnh vực")));
    const firstRow = frame.split("\r\n")[1];
    await expect(page.locator("table.fw-preview tbody tr").first()).toContainText(firstRow.split(",")[1]);
    await page.getByLabel("Họ và tên *").selectOption({ label: `${columnLetter(1)} · Người nhận kết quả` });
    await page.getByLabel("Đơn vị (mã hoặc tên) *").selectOption({ label: `${columnLetter(4)} · Nơi giải quyết` });
    await page.getByRole("button", { name: "Kiểm tra và nhập khung mẫu" }).click();
    await expect(page.locator("[data-import-done]")).toContainText(`Đã nhập ${vi(FRAME_SIZE)} người vào khung mẫu`);
    await expect(page.locator("[data-import-done]")).not.toContainText("dòng bị loại");

    await page.getByRole("link", { name: "Tiếp theo: thiết kế mẫu" }).click();
    await expect(page.locator("[data-frame-size]")).toHaveAttribute("data-frame-size", String(FRAME_SIZE));
  });

  await test.step("the plan shows each stratum's size, n_h, π_h and weight; the sample is drawn with a seed", async () => {
    await page.getByRole("checkbox", { name: "Cấp đơn vị" }).uncheck();
    await expect(page.getByRole("checkbox", { name: "Đơn vị", exact: true })).toBeChecked();
    await page.getByRole("radio", { name: /Cố định n =/ }).check();
    await page.getByRole("spinbutton", { name: "n", exact: true }).fill(String(SAMPLE_SIZE));
    await page.getByRole("radio", { name: "Chia đều" }).check();
    await page.getByLabel("Số người dự phòng mỗi tầng").fill(String(RESERVE));
    await page.getByRole("button", { name: "Xem phương án chọn mẫu" }).click();

    const plan = page.locator("table[data-plan=stratified]");
    await expect(plan.locator("tbody tr")).toHaveCount(FRAME_UNITS.length);
    for (const u of FRAME_UNITS) {
      const row = plan.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: stratumLabel(u), exact: true }) });
      await expect(row.locator("td")).toHaveText([vi(u.frame), vi(perStratum), vi(RESERVE), vi(perStratum / u.frame, 4), vi(weightOf(u), 2)]);
    }
    await expect(plan.locator("tfoot td")).toHaveText([vi(FRAME_SIZE), vi(SAMPLE_SIZE), vi(RESERVE * FRAME_UNITS.length), ""]);
    await expect(page.locator("[data-sum-pi]")).toContainText(`Σπ = ${vi(SAMPLE_SIZE, 2)} = cỡ mẫu n = ${vi(SAMPLE_SIZE)}`);

    await page.getByLabel(/Hạt giống ngẫu nhiên/).fill(SEED);
    await page.getByRole("button", { name: "Chọn mẫu", exact: true }).click();
    const drawn = page.locator("[data-sample-drawn]");
    await expect(drawn.locator(".fw-kpis dd")).toHaveText([vi(SAMPLE_SIZE), `${vi(RESERVE * FRAME_UNITS.length)} (0 đã dùng)`, SEED]);
    await expect(page.getByText("Mẫu đã được chọn: khung mẫu đã cố định, không thể thêm, thay hay gỡ tệp.")).toBeVisible();
  });

  const invitations: Invitation[] = [];
  const byUnit = (u: Unit) => invitations.filter((i) => i.unit === u && !i.replacement);

  await test.step("the mail-merge file lists every sampled person with a code, a link and their contact", async () => {
    await nav("Thư mời, phiếu in").click();
    await expect(page.getByRole("heading", { level: 3, name: `${vi(SAMPLE_SIZE)} người đang được mời (gồm người thay thế)` })).toBeVisible();
    const download = page.waitForEvent("download");
    await page.locator("[data-mail-merge]").click();
    const text = readFileSync((await (await download).path())!, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(SAMPLE_SIZE);
    for (const r of rows) {
      const code = r.ma_khao_sat.replace("-", "");
      expect(r.duong_dan).toMatch(new RegExp(`/s/${code}\\?k=[\\w-]{16}$`));
      expect(frameNames.has(r.ho_ten), `${r.ho_ten} is a person of the frame`).toBe(true);
      expect(r.ho_ten.normalize("NFC")).toBe(r.ho_ten);
      const unit = FRAME_UNITS.find((u) => u.code === r.ma_don_vi)!;
      expect(unit, r.ma_don_vi).toBeDefined();
      expect(r.dia_chi).toContain(unit.name);
      invitations.push({ code, name: r.ho_ten, unit, weight: weightOf(unit), replacement: false, outcome: "pending", returned: null, mood: null, keyings: 0 });
    }
    for (const u of FRAME_UNITS) expect(byUnit(u), u.code).toHaveLength(perStratum);
  });

  // Who does what: per stratum, by position in the mail-merge file.
  const [dongSon, hoaBinh, tayHoa, quangPhu] = FRAME_UNITS;
  const online: [Invitation, Mood][] = [
    [byUnit(dongSon)[0], "satisfied"],
    [byUnit(dongSon)[1], "dissatisfied"],
    [byUnit(hoaBinh)[0], "satisfied"],
    [byUnit(quangPhu)[0], "dissatisfied"],
  ];
  const paperMatch = byUnit(dongSon)[2]; // keyed twice alike
  const paperMismatch = byUnit(tayHoa)[0]; // keyed twice, one question differs
  const paperOnce = byUnit(quangPhu)[1]; // keyed once: waits for its second entry
  const refuses = byUnit(hoaBinh)[1]; // refuses, replaced from the reserve
  const unreachable = byUnit(tayHoa)[1];
  const paperForms = [paperMatch, paperMismatch, paperOnce];

  await test.step("the printable questionnaires carry each person's code and name, on screen and in the PDF", async () => {
    await page.getByRole("link", { name: "In phiếu khảo sát" }).click();
    // By default every unsent form of the round: 40 questionnaires (about 2.4 MB of HTML) take a few seconds.
    await expect(page.getByRole("heading", { level: 1, name: "In phiếu khảo sát giấy" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("status")).toHaveText(`${SAMPLE_SIZE} phiếu; đang hiển thị 1–${SAMPLE_SIZE}.`);
    await expect(page.locator(".pf-person")).toHaveCount(SAMPLE_SIZE);

    // Only the forms for the people who will answer on paper.
    await page.getByRole("radio", { name: /Các mã sau/ }).check();
    await page.getByLabel("Danh sách mã").fill(paperForms.map((i) => formatCode(i.code)).join("\n"));
    await page.getByRole("button", { name: "Hiển thị" }).click();
    await expect(page.getByRole("status")).toHaveText(`${paperForms.length} phiếu; đang hiển thị 1–${paperForms.length}.`);
    await expect(page.locator(".pf-person")).toHaveCount(paperForms.length);
    for (const inv of paperForms) {
      const sheet = page.locator(`.pf-person[data-code="${inv.code}"]`);
      await expect(sheet.locator(".pf-questionnaire .pf-code")).toHaveText(formatCode(inv.code));
      await expect(sheet.locator(".pf-cover .pf-code")).toHaveText(formatCode(inv.code));
      // The name is on the cover letter the citizen keeps, never on the questionnaire sent back.
      await expect(sheet.locator(".pf-cover .pf-name")).toHaveText(`Kính gửi: Ông/Bà ${inv.name}`);
      await expect(sheet.locator(".pf-questionnaire")).not.toContainText(inv.name);
    }
    const pdf = readPdf(await page.pdf({ format: "A4", preferCSSPageSize: true }));
    const starts = pdf.pages.map((p, i) => (p.text.includes("THƯ MỜI THAM GIA KHẢO SÁT") ? i : -1)).filter((i) => i >= 0);
    expect(starts).toHaveLength(paperForms.length);
    const allText = pdf.pages.map((p) => p.text).join("\n");
    for (const inv of paperForms) {
      expect(allText).toContain(`Mã khảo sát ${formatCode(inv.code)}`);
      expect(allText).toContain(inv.name);
    }
    expect(allText).not.toContain("In phiếu khảo sát giấy"); // the toolbar is not printed

    // The letters and forms went out: every invitation is marked sent.
    await page.getByRole("link", { name: roundName }).click();
    await page.getByRole("button", { name: "Đánh dấu mọi thư chưa gửi là “đã gửi”" }).click();
    await expect(page.getByRole("status")).toHaveText(`${SAMPLE_SIZE} thư được đánh dấu đã gửi.`);
    for (const inv of invitations) inv.outcome = "sent";
  });

  await test.step("citizens answer online, several at the same time, with the code from their letter and see the thank-you page", async () => {
    await Promise.all(online.map(([inv, mood], n) => citizenAnswers(browser, inv, mood, n === 0)));
  });

  await test.step("two clerks key the paper forms blind, a supervisor settles the one disagreement", async () => {
    const lead = await asStaff(browser, supervisor, CLERK_PASSWORD);
    await lead.goto(`${base}/entry`);
    await lead.getByRole("button", { name: "Bật nhập hai lần" }).click();
    await expect(lead.locator(".pe-settings").nth(1)).toContainText("nhập hai lần (hai cán bộ khác nhau nhập độc lập)");

    const first = await asStaff(browser, clerkA, CLERK_PASSWORD);
    const mismatchFirst = paperAnswers("satisfied");
    for (const [inv, answers, mood] of [
      [paperMatch, paperAnswers("satisfied"), "satisfied"],
      [paperMismatch, mismatchFirst, "satisfied"],
      [paperOnce, paperAnswers("dissatisfied"), "dissatisfied"],
    ] as const) {
      await keyPaperForm(first, round, inv.code, definition, answers, COMMENT);
      await expect(first.getByRole("status")).toHaveText(`Đã lưu lần nhập 1 của phiếu ${formatCode(inv.code)}. Cần một cán bộ khác nhập lần 2.`);
      inv.keyings++;
      inv.mood = mood;
    }

    const second = await asStaff(browser, clerkB, CLERK_PASSWORD);
    await second.goto(`${base}/entry?code=${paperMatch.code}`);
    await expect(second.locator(".pe-banner")).toContainText("Lần nhập 2 / 2 (nhập độc lập, không xem lần 1)");
    await expect(second.locator(".pe-form input:checked")).toHaveCount(0); // blind: nothing of entry 1 is shown
    await keyPaperForm(second, round, paperMatch.code, definition, paperAnswers("satisfied"), COMMENT);
    await expect(second.getByRole("status")).toHaveText(
      `Đã lưu lần nhập 2 của phiếu ${formatCode(paperMatch.code)}: khớp với lần 1. Phiếu đã được xác nhận và tính là đã gửi.`
    );
    paperMatch.keyings++;
    paperMatch.returned = "paper";
    // Question 32 (P_INFO_1) read differently from the paper: "Rất hài lòng" instead of "Hài lòng".
    await keyPaperForm(second, round, paperMismatch.code, definition, paperAnswers("satisfied", { P_INFO_1: "5" }), COMMENT);
    await expect(second.getByRole("status")).toHaveText(
      `Đã lưu lần nhập 2 của phiếu ${formatCode(paperMismatch.code)}: khác lần 1 ở 1 câu. Phiếu chờ cán bộ giám sát đối chiếu.`
    );
    paperMismatch.keyings++;
    await expect(second.locator(".pe-settings").first()).toHaveText(/Đã xác nhận: 1 · Chờ nhập lần 2: 1 · Cần đối chiếu: 1/);

    await lead.goto(`${base}/entry/review`);
    const queued = lead.locator(`tr[data-code="${paperMismatch.code}"]`);
    await expect(queued).toContainText(`${clerkA}, ${clerkB}`);
    await expect(queued.locator("td.num")).toHaveText("1");
    await expect(lead.locator("table.pe-queue").nth(1)).toContainText(formatCode(paperOnce.code));
    await queued.getByRole("link").click();
    const question = lead.getByRole("radiogroup", { name: /^32\. / });
    await expect(question.locator("dd")).toHaveText(["4 · Hài lòng", "5 · Rất hài lòng"]);
    expect(mismatchFirst.P_INFO_1).toBe("4");
    await question.getByRole("radio", { name: /Rất hài lòng/ }).check();
    await lead.getByRole("button", { name: "Xác nhận phiếu" }).click();
    await expect(lead.getByRole("status")).toHaveText(`Đã xác nhận phiếu ${formatCode(paperMismatch.code)}: phiếu được tính là đã gửi.`);
    await expect(lead.getByText("Không có phiếu nào cần đối chiếu.")).toBeVisible();
    paperMismatch.returned = "paper";

    // A verified form is closed to the citizen online too.
    await lead.goto(`/s/${paperMismatch.code}`);
    await expect(lead.getByRole("heading", { level: 1 })).toContainText("đã được gửi");
    for (const p of [lead, first, second]) await p.context().close();
  });

  await test.step("outcomes: one person refuses and is replaced from the reserve (the replacement answers), one cannot be reached", async () => {
    await page.goto(`${base}/invitations`);
    const search = async (text: string) => {
      await page.getByPlaceholder("Mã khảo sát hoặc họ tên").fill(text);
      await page.getByRole("button", { name: "Xem", exact: true }).click();
      await expect(page.locator("[data-field-units] tbody tr")).toHaveCount(1);
    };
    for (const [inv, outcome, label] of [
      [refuses, "refused", "Từ chối"],
      [unreachable, "unreachable", "Không liên lạc được"],
    ] as const) {
      await search(formatCode(inv.code));
      const row = page.locator(`tr[data-code="${inv.code}"]`);
      await expect(row).toContainText(inv.name);
      await row.getByRole("combobox").selectOption({ label });
      await row.getByRole("button", { name: "Lưu" }).click();
      await expect(page.getByRole("status")).toHaveText(`Đã lưu tình trạng của ${formatCode(inv.code)}.`);
      await expect(page.locator(`tr[data-code="${inv.code}"] .fw-badge`)).toHaveText(label);
      inv.outcome = outcome;
    }

    await search(formatCode(refuses.code));
    await page.locator(`tr[data-code="${refuses.code}"]`).getByRole("button", { name: "Thay bằng người dự phòng" }).click();
    const status = page.getByRole("status");
    await expect(status).toHaveText(new RegExp(`^Đã thay ${formatCode(refuses.code)} bằng người dự phòng số 1, mã mới [2-9A-Z]{5}-[2-9A-Z]{5}\\.$`));
    const newCode = /mã mới ([2-9A-Z]{5}-[2-9A-Z]{5})/.exec((await status.textContent())!)![1].replace("-", "");
    await search(formatCode(newCode));
    const replacementRow = page.locator(`tr[data-code="${newCode}"]`);
    await expect(replacementRow).toContainText(`thay cho ${formatCode(refuses.code)}`);
    await expect(replacementRow).toContainText(refuses.unit.code);
    const replacementName = (await replacementRow.locator("td").first().textContent())!;
    expect(frameNames.has(replacementName)).toBe(true);
    const replacement: Invitation = {
      code: newCode,
      name: replacementName,
      unit: refuses.unit,
      weight: refuses.weight,
      replacement: true,
      outcome: "pending",
      returned: null,
      mood: null,
      keyings: 0,
    };
    invitations.push(replacement);
    await citizenAnswers(browser, replacement, "dissatisfied");

    // The refused person, with who replaced them.
    await page.getByPlaceholder("Mã khảo sát hoặc họ tên").fill("");
    await page.getByLabel("Tình trạng", { exact: true }).selectOption({ label: "Từ chối" });
    await page.getByRole("button", { name: "Xem", exact: true }).click();
    await expect(page.locator("[data-field-units] tbody tr")).toHaveCount(1);
    await expect(page.locator("[data-field-units] tbody tr")).toContainText(`đã thay bằng ${formatCode(newCode)}`);
  });

  const returned = invitations.filter((i) => i.returned);
  await test.step("the fieldwork dashboard shows, per stratum, what was sampled, sent, returned, keyed and verified", async () => {
    await nav("Theo dõi thực địa").click();
    const expected = (list: Invitation[], frameSize: number) => {
      const sampled = list.filter((i) => !i.replacement).length;
      const replacements = list.filter((i) => i.replacement).length;
      const back = list.filter((i) => i.returned).length;
      return [
        vi(frameSize),
        vi(sampled),
        vi(list.filter((i) => i.returned || i.outcome !== "pending").length),
        vi(back),
        `${vi((100 * back) / (sampled + replacements), 1)}%`,
        vi(replacements),
        vi(list.filter((i) => !i.returned && i.outcome === "refused").length),
        vi(list.filter((i) => !i.returned && i.outcome === "unreachable").length),
        vi(list.filter((i) => !i.returned && i.outcome === "invalid").length),
        vi(list.filter((i) => i.keyings > 0).length),
        vi(list.filter((i) => i.returned === "paper").length),
      ];
    };
    const table = page.locator("table[data-dashboard]");
    await expect(table.locator("tbody tr")).toHaveCount(FRAME_UNITS.length);
    for (const u of FRAME_UNITS) {
      const row = table.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: stratumLabel(u), exact: true }) });
      const ofUnit = invitations.filter((i) => i.unit === u);
      await expect(row.locator("td"), u.code).toHaveText(expected(ofUnit, u.frame));
    }
    await expect(table.locator("tfoot td")).toHaveText(expected(invitations, FRAME_SIZE));
    const onlineCount = returned.filter((i) => i.returned === "online").length;
    const paperCount = returned.filter((i) => i.returned === "paper").length;
    await expect(page.locator("[data-returned]")).toHaveAttribute("data-returned", String(returned.length));
    await expect(page.locator("[data-returned]")).toHaveText(`${returned.length} (${onlineCount} trực tuyến, ${paperCount} giấy)`);
    const keyedKpi = page.locator("[data-kpis] div").filter({ hasText: "Phiếu giấy đã nhập / đã kiểm tra" }).locator("dd");
    await expect(keyedKpi).toHaveText(`${invitations.filter((i) => i.keyings > 0).length} / ${paperCount}`);
  });

  await test.step("the weighted results show the overall SIPAS with its interval, over every submitted response", async () => {
    await nav("Kết quả").click();
    await expect(page.getByRole("radio", { name: "Có trọng số" })).toBeChecked();
    // Each respondent answered every satisfaction question alike, so SIPAS = weighted share of satisfied respondents.
    const total = returned.reduce((s, i) => s + i.weight, 0);
    const satisfied = returned.filter((i) => i.mood === "satisfied").reduce((s, i) => s + i.weight, 0);
    const estimate = formatPercent((100 * satisfied) / total, "vi");
    const headline = page.getByTestId("headline");
    await expect(headline.locator("dt")).toHaveText("Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)");
    await expect(headline.locator(".headline-value")).toHaveText(estimate);
    await expect(page.getByTestId("results-statement")).toHaveText(
      `Có trọng số · gộp toàn bộ người trả lời · khoảng tin cậy 95% (Wald) · n = ${returned.length} phiếu`
    );
    const ci = (await headline.locator(".headline-ci").textContent())!;
    const m = /^khoảng tin cậy 95%: (\d+,\d\d)–(\d+,\d\d)$/.exec(ci);
    expect(m, ci).not.toBeNull();
    const [low, high] = [m![1], m![2]].map((x) => Number(x.replace(",", ".")));
    const value = (100 * satisfied) / total;
    expect(low).toBeLessThan(value);
    expect(high).toBeGreaterThan(value);
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThanOrEqual(100);
    const sipasRow = page.getByTestId("satisfaction-table").locator('tr[data-code="SIPAS"]');
    await expect(sipasRow.locator(".est")).toHaveText(estimate);
    await expect(sipasRow).toContainText(formatInterval(low, high, "vi"));

    // The list of rounds counts the same: codes issued (sample and replacement), no drafts, submissions.
    await page.goto("/staff");
    await expect(page.locator(`tr[data-round="${round}"] td.num`)).toHaveText([String(invitations.length), "0", String(returned.length)]);
  });
});
