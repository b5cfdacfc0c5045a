import { expect, test, type Page } from "@playwright/test";
import { WAIT_FOR_ROUNDS_UP_TO } from "../../app/services/results/jobs.server";
import { signIn, sipasWithEnv } from "./helpers";
import { allSatisfied2023, knownRows2022, manyRows, seedRound, uniqueId } from "./results-seed";

const row = (page: Page, table: string, code: string) => page.getByTestId(table).locator(`tr[data-code="${code}"]`);

test("the results page shows the overall SIPAS, the districts with their ranking, and an empty district as a dash", async ({ page }) => {
  const id = uniqueId("kq");
  await seedRound(id, "sipas-2022@1", "Kết quả kiểm thử", knownRows2022());
  await signIn(page);
  await page.goto(`/staff/rounds/${id}/results`);

  // Computed by hand: services (45·2 + 20·5)/(60·2 + 40·5) = 59.375%, policies (30·2 + 40·5)/320 = 81.25%,
  // SIPAS = their mean = 70.3125%.
  await expect(page.getByTestId("headline").locator(".headline-value")).toHaveText("70,31%");
  await expect(page.getByTestId("results-statement")).toHaveText("Có trọng số · gộp toàn bộ người trả lời · khoảng tin cậy 95% (Wald) · n = 100 phiếu");
  await expect(row(page, "satisfaction-table", "SIPAS").locator(".est")).toHaveText("70,31%");
  await expect(row(page, "satisfaction-table", "SERVICE").locator(".est")).toHaveText("59,38%");
  await expect(row(page, "satisfaction-table", "POLICY").locator(".est")).toHaveText("81,25%");
  await expect(page.getByTestId("assessment-table")).toBeVisible();
  await expect(page.getByTestId("expectation-table")).toBeVisible();

  // How the figures are computed, in plain words from this round's definition; times on Vietnam's clock.
  const how = page.getByTestId("how-computed");
  await expect(how.getByRole("heading", { level: 3 })).toHaveText("Các số liệu này được tính như thế nào");
  await expect(how).toContainText("người trả lời “Hài lòng” hoặc “Rất hài lòng” được tính là hài lòng");
  await expect(how).toContainText("Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) = trung bình cộng của 2 phần");
  await expect(how).toContainText("95 trên 100 khoảng");
  await expect(how).not.toContainText("ADR");
  await expect(how).not.toContainText("Wald");
  await expect(page.getByText(/Tính lúc .*\(giờ Việt Nam, UTC\+7\)/)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Các trang của đợt khảo sát" }).getByRole("link", { name: "So sánh" })).toHaveAttribute("href", `/staff/rounds/${id}/compare`);

  // Bars with interval whiskers for SIPAS, 2 domains and 9 components; the SVG speaks for itself.
  const components = page.getByTestId("chart-components");
  await expect(components.locator("svg[role=img] rect.bar")).toHaveCount(12);
  await expect(components.locator("svg[role=img] > title")).toHaveText("Chỉ số hài lòng theo thành phần – Toàn bộ đợt khảo sát");
  await expect(components.locator("svg g.ci")).toHaveCount(12);

  await page.getByLabel("Phân nhóm").selectOption("district");
  await page.getByRole("button", { name: "Xem kết quả" }).click();
  await expect(page).toHaveURL(/by=district/);
  const groups = page.getByTestId("groups-table");
  await expect(groups.locator('tr[data-group="D01"] .est')).toHaveText("62,50%");
  await expect(groups.locator('tr[data-group="D02"] .est')).toHaveText("75,00%");
  await expect(groups.locator('tr[data-group="D03"] .est')).toHaveText("—");
  await expect(groups.locator('tr[data-group="D03"] .ci-inline')).toHaveCount(0);
  await expect(groups.locator('tr[data-group="D03"]')).toContainText("Thị xã Bắc Minh");

  // The ranking: Tây Hòa first, Đông Sơn second, the empty district last without a dot.
  const ranking = page.getByTestId("chart-ranking");
  await expect(ranking.locator("g.chart-row")).toHaveCount(3);
  await expect(ranking.locator("g.chart-row").first()).toHaveAttribute("data-code", "D02");
  await expect(ranking.locator('g.chart-row[data-code="D03"]')).toHaveAttribute("data-empty", "true");
  await expect(ranking.locator("circle.dot")).toHaveCount(2);
  await expect(ranking.locator('g.chart-row[data-code="D03"] circle')).toHaveCount(0);

  // One district's own tables.
  await groups.locator('tr[data-group="D02"]').getByRole("link").click();
  await expect(page.getByTestId("satisfaction-table").locator("caption")).toContainText("Huyện Tây Hòa");
  await expect(row(page, "satisfaction-table", "SIPAS").locator(".est")).toHaveText("75,00%");

  // "Download this table": every option of the page travels to the file (the same figures, from the same cache).
  const csv = page.getByRole("link", { name: "Tải bảng này (CSV)" });
  await expect(csv).toHaveAttribute("href", `/staff/rounds/${id}/data/indices.csv?by=district&weighted=true&multiUnit=pooled&interval=wald&lang=vi`);
  const download = await page.request.get((await csv.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  const text = await download.text();
  expect(text).toContain(",SIPAS,Chỉ số hài lòng về sự phục vụ hành chính (SIPAS),70.3125,");
  expect(text).toMatch(/\nD02,SIPAS,[^\n]*,75,/);

  // Logit intervals chosen on the page are the intervals in the file: the same estimate, an interval that is not
  // symmetric around it (Wald's is), equal to the page's own figures.
  await page.getByRole("radio", { name: /^Logit/ }).check();
  await page.getByRole("button", { name: "Xem kết quả" }).click();
  await expect(page).toHaveURL(/interval=logit/);
  await expect(csv).toHaveAttribute("href", /interval=logit/);
  const logitText = await (await page.request.get((await csv.getAttribute("href"))!)).text();
  const sipasOf = (file: string, group: string) => {
    const line = file.split("\r\n").find((l) => l.startsWith(`${group},SIPAS,`))!;
    const [estimate, , low, high] = line.split(",").slice(-6).map(Number);
    return { estimate, low, high };
  };
  const wald = sipasOf(text, "D02");
  const logit = sipasOf(logitText, "D02");
  expect(logit.estimate).toBe(wald.estimate);
  expect(wald.high - wald.estimate).toBeCloseTo(wald.estimate - wald.low, 9);
  expect(Math.abs(logit.high - logit.estimate - (logit.estimate - logit.low))).toBeGreaterThan(0.01);
  expect(logit.low).not.toBeCloseTo(wald.low, 3);
  const shown = (x: number) => x.toFixed(2).replace(".", ",");
  await expect(row(page, "satisfaction-table", "SIPAS").locator(".ci-inline")).toContainText(shown(logit.low));
  await expect(row(page, "satisfaction-table", "SIPAS").locator(".ci-inline")).toContainText(shown(logit.high));

  // Unweighted: services 65/100, policies 70/100.
  await page.goto(`/staff/rounds/${id}/results?weighted=false`);
  await expect(page.getByTestId("headline").locator(".headline-value")).toHaveText("67,50%");
  await expect(page.getByTestId("results-statement")).toContainText("Không trọng số");

  await page.goto(`/staff/rounds/${id}/results?lang=en`);
  await expect(page.getByTestId("headline").locator(".headline-value")).toHaveText("70.31%");
  await expect(page.getByTestId("results-statement")).toHaveText(
    "Weighted · pooled over all respondents · 95% confidence intervals (Wald) · n = 100 responses"
  );
  await page.goto(`/staff/rounds/${id}/results?lang=vi`);
});

test("a large round shows its progress while it is computed, then the results, with and without JavaScript", async ({ page, browser }) => {
  const id = uniqueId("kq-lon");
  const n = WAIT_FOR_ROUNDS_UP_TO + 1000;
  // A province of its own: no other test's comparison picks this round and computes it first.
  await seedRound(id, "sipas-2022@1", "Đợt lớn kiểm thử", manyRows(n), `L${id.slice(-6)}`);
  await signIn(page);

  // The progress endpoint starts the job for options nobody asked for yet and reports it.
  const first = await (await page.request.get(`/staff/rounds/${id}/results/progress?weighted=false`)).json();
  expect(first).toMatchObject({ state: "computing", total: n });
  await expect
    .poll(async () => (await (await page.request.get(`/staff/rounds/${id}/results/progress?weighted=false`)).json()).state, { timeout: 60_000 })
    .toBe("ready");

  // With JavaScript: the server sends "Đang tính… 0%" with a progress bar, the page polls the progress endpoint and
  // updates itself. (The panel is transient, so the assertions are on the HTML sent and on the polling.)
  const polled = page.waitForRequest(/\/results\/progress\?/);
  const response = await page.goto(`/staff/rounds/${id}/results`);
  const html = await response!.text();
  expect(html).toMatch(/role="status"[^>]*>(Đang tính… \d+%|Đang chuẩn bị…)</);
  expect(html).toContain("<progress");
  await polled;
  await expect(page.getByTestId("headline").locator(".headline-value")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("computing")).toHaveCount(0);
  await expect(row(page, "satisfaction-table", "SV_ACC_1").locator(".est")).toHaveText(/^66,6[67]%$/);

  // Without JavaScript: the page refreshes itself (meta refresh) until the result is there.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await signIn(noJs);
  const plain = await (await noJs.goto(`/staff/rounds/${id}/results?interval=logit`))!.text();
  expect(plain).toMatch(/<meta http-equiv="refresh" content="2"\/?>/);
  expect(plain).toMatch(/role="status"[^>]*>(Đang tính… \d+%|Đang chuẩn bị…)</);
  await expect(noJs.getByTestId("headline")).toBeVisible({ timeout: 60_000 });
  await expect(noJs.getByTestId("results-statement")).toContainText("khoảng tin cậy 95% (logit)");
  await context.close();
});

test("year over year: nodes whose items changed are not compared until accepted, and questions of one version are flagged", async ({ page }) => {
  const baseline = uniqueId("kq-2022");
  const current = uniqueId("kq-2023");
  await seedRound(baseline, "sipas-2022@1", "Năm 2022 kiểm thử", knownRows2022());
  await seedRound(current, "sipas-2023@1", "Năm 2023 kiểm thử", allSatisfied2023(50));
  await signIn(page);
  await page.goto(`/staff/rounds/${current}/results`);
  await page.getByRole("link", { name: /So sánh với đợt khảo sát khác/ }).click();
  // Nothing is computed before the baseline is chosen.
  await expect(page.getByText("Chọn đợt gốc rồi bấm “Xem kết quả” để so sánh.")).toBeVisible();
  await expect(page.getByTestId("change-table")).toHaveCount(0);
  await page.getByLabel("Đợt gốc (so sánh với)").selectOption(baseline);
  await page.getByRole("button", { name: "Xem kết quả" }).click();

  await expect(page.getByTestId("compare-flags")).toContainText("Câu hỏi chỉ có ở đợt này");
  await expect(page.getByTestId("compare-flags")).toContainText("P_QUAL_ADMIN");
  const table = page.getByTestId("change-table").first();
  await expect(table.locator('tr[data-code="SIPAS"]')).toContainText("không so sánh được");
  await expect(table.locator('tr[data-code="SIPAS"] td.change .est')).toHaveText("—");
  // Why the headline is not compared, by the names of its parts; changed questions by their text, not codes.
  await expect(page.getByTestId("headline-blocked")).toContainText("Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) chưa so sánh được giữa hai đợt");
  await expect(page.getByTestId("headline-blocked")).toContainText("Hài lòng về xây dựng và thực hiện chính sách");
  await expect(table.locator('tr[data-code="POLICY"] .reasons')).toContainText("câu hỏi thay đổi: thêm “");
  await expect(table.locator('tr[data-code="POLICY"] .reasons')).not.toContainText("P_QUAL_ADMIN");
  // The same question in both versions: 100% now against 59.375% then.
  await expect(table.locator('tr[data-code="SV_STAFF_1"] td.change .est')).toHaveText("+40,63 điểm ▲");
  await expect(table.locator('tr[data-code="P_QUAL_ADMIN"]')).toContainText("chỉ có ở đợt này");
  await expect(page.getByTestId("chart-change").locator('g.chart-row[data-code="SIPAS"] rect.bar')).toHaveCount(0);

  await table.locator('tr[data-code="SIPAS"]').getByLabel("Vẫn so sánh").check();
  await page.getByRole("button", { name: "Xem kết quả" }).click();
  await expect(page).toHaveURL(/accept=SIPAS/);
  await expect(table.locator('tr[data-code="SIPAS"]')).toContainText("đã chấp nhận so sánh");
  await expect(table.locator('tr[data-code="SIPAS"] td.change .est')).toHaveText("+29,69 điểm ▲");
  await expect(page.getByTestId("chart-change").locator('g.chart-row[data-code="SIPAS"] rect.bar')).toHaveCount(1);
  await expect(table.locator('tr[data-code="POLICY"]')).toContainText("không so sánh được");
  await expect(page).toHaveTitle("SIPAS – Năm 2023 kiểm thử – So sánh với đợt khảo sát khác");

  // An English reader reads the reasons and the title in English.
  await page.goto(`${page.url()}&lang=en`);
  await expect(page).toHaveTitle("SIPAS – Năm 2023 kiểm thử – Compare with another round");
  await expect(table.locator('tr[data-code="POLICY"] .reasons')).toContainText("questions changed: added “");
  await expect(table.locator('tr[data-code="POLICY"] .reasons')).toHaveAttribute("title", /^items changed: .*\+P_QUAL_ADMIN/);
});

test("the engine's notes on the round's data and the page's title are in the reader's language", async ({ page }) => {
  const id = uniqueId("kq-notes");
  await seedRound(id, "sipas-2022@1", "Đợt có phiếu trọng số 0", [...knownRows2022().slice(0, 20), { ...knownRows2022()[0], weight: 0 }]);
  await signIn(page);
  await page.goto(`/staff/rounds/${id}/results`);
  await expect(page).toHaveTitle("SIPAS – Đợt có phiếu trọng số 0 – Kết quả");
  const how = page.getByTestId("how-computed");
  await expect(how).toContainText("1 phiếu có trọng số 0, không được tính vào ước lượng nào.");
  await expect(how).not.toContainText("weight 0");

  await page.goto(`/staff/rounds/${id}/results?lang=en`);
  await expect(page).toHaveTitle("SIPAS – Đợt có phiếu trọng số 0 – Results");
  await expect(how).toContainText("1 response has weight 0 and counts in no estimate.");
  await expect(how).not.toContainText("trọng số 0");
});

test("a clerk, who keys forms but sees no results, is refused the results, their progress and the comparison", async ({ page }) => {
  const id = uniqueId("kq-clerk");
  await seedRound(id, "sipas-2022@1", "Đợt của văn thư", knownRows2022().slice(0, 10));
  const username = uniqueId("vanthu");
  sipasWithEnv({ SIPAS_NEW_PASSWORD: "clerk-password-123" }, "staff", "create", "--username", username, "--role", "clerk");
  await page.goto("/staff/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("clerk-password-123");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Các đợt khảo sát");
  for (const path of [`/staff/rounds/${id}/results`, `/staff/rounds/${id}/results/progress`, `/staff/rounds/${id}/compare`]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(403);
  }
  await page.goto(`/staff/rounds/${id}`);
  await expect(page.getByRole("navigation", { name: "Các trang của đợt khảo sát" }).getByRole("link", { name: "Kết quả" })).toHaveCount(0);
});
