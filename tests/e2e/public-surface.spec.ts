import { expect, test, type Page } from "@playwright/test";
import { answerPage, issueCodes, signIn } from "./helpers";
import { seedRound, uniqueId, knownRows2022 } from "./results-seed";

/** What a refusal must never show: a stack trace or a server path. */
function expectNoStackTrace(body: string) {
  expect(body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/work\/|Error: /);
}

/** Collects the browser's Content-Security-Policy refusals on a page. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/.test(m.text())) seen.push(m.text());
  });
  return seen;
}

test.describe("requests the pages do not expect", () => {
  test("TRACE, PUT and DELETE are refused with 405 and a short page, never a stack trace", async ({ request }) => {
    const [code] = issueCodes();
    for (const path of ["/", `/s/${code}`, "/staff/login", "/staff", "/nowhere", "/assets/nothing.js"]) {
      for (const method of ["TRACE", "PUT", "DELETE", "PATCH"]) {
        const res = await request.fetch(path, { method });
        expect(res.status(), `${method} ${path}`).toBe(405);
        expect(res.headers()["allow"]).toBe("GET, HEAD, POST");
        const body = await res.text();
        expectNoStackTrace(body);
        expect(body).toContain("Trang này không nhận phương thức đó.");
      }
    }
  });

  test("a post that is not a form is refused with 415 (or 400), never a 500", async ({ request }) => {
    const [code] = issueCodes();
    const bodies: { headers: Record<string, string>; data: string | Buffer }[] = [
      { headers: {}, data: "" },
      { headers: { "Content-Type": "text/plain" }, data: "code=ABC" },
      { headers: { "Content-Type": "application/json" }, data: '{"code":"ABC"}' },
      { headers: { "Content-Type": "multipart/form-data" }, data: "--x\r\n\r\n" },
      { headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Encoding": "gzip" }, data: Buffer.from([0x1f, 0x8b, 0, 0]) },
    ];
    for (const path of ["/?index", `/s/${code}`, "/staff/login", "/staff/logout"]) {
      for (const { headers, data } of bodies) {
        const res = await request.post(path, { headers, data, maxRedirects: 0 });
        expect([400, 415], `${path} ${JSON.stringify(headers)}`).toContain(res.status());
        expectNoStackTrace(await res.text());
      }
    }
  });

  test("a huge form post is refused with 413 without being kept, and the home page does not echo it", async ({ request }) => {
    const huge = "code=" + "A".repeat(2 * 1024 * 1024);
    const res = await request.post("/?index", { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: huge });
    expect(res.status()).toBe(413);
    const body = await res.text();
    expect(body).toContain("Nội dung gửi lên quá lớn.");
    expect(body.length).toBeLessThan(2000);

    // Under the limit, a long typed code comes back as an error with only a short excerpt of it.
    const long = await request.post("/?index", { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: "code=" + "B".repeat(400_000) });
    expect(long.status()).toBe(400);
    const page = await long.text();
    expect(page.length).toBeLessThan(60_000);
    expect(page).not.toContain("B".repeat(41));
  });

  test("an upload that declares more than its page's cap is refused with 413, without the file being read", async ({ baseURL }) => {
    const { connect } = await import("node:net");
    const url = new URL(baseURL!);
    const ask = (path: string, length: number) =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(url.port), url.hostname);
        let answer = "";
        const started = Date.now();
        // The sender goes on sending (17 MB, then waits): the server reads at most 16 MB of it, thrown away, and answers.
        socket.on("connect", () => {
          socket.write(`POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ${length}\r\n\r\n--b\r\n`);
          socket.write(Buffer.alloc(17 * 1024 * 1024));
        });
        socket.on("data", (d) => (answer += d));
        socket.on("close", () => resolve(`${answer.slice(0, 12)} in ${Date.now() - started} ms`));
        socket.on("error", () => {});
        setTimeout(() => socket.destroy(), 10_000);
      });
    // The data page takes 200 MB of responses, the sample pages a 1 GB frame (plus 1 MB of envelope).
    for (const [path, cap] of [["/staff/rounds/demo/data", 201 * 1024 * 1024], ["/staff/rounds/demo/sample", 1025 * 1024 * 1024], ["/staff/rounds/demo/sample/upload.data", 1025 * 1024 * 1024]] as const) {
      const answer = await ask(path, cap + 1);
      expect(answer, path).toMatch(/^HTTP\/1\.1 413 in \d+ ms$/);
      expect(Number(/in (\d+) ms/.exec(answer)![1]), path).toBeLessThan(5_000);
    }
  });

  test("a refusal speaks English to a reader who chose English", async ({ request }) => {
    const res = await request.fetch("/", { method: "TRACE", headers: { "Accept-Language": "en-GB,en;q=0.9" } });
    expect(await res.text()).toContain("<h1>This page does not accept that method.</h1>");
  });
});

test.describe("security headers", () => {
  test("every page and asset says where scripts may come from, and inline scripts carry the response's nonce", async ({ request }) => {
    const [code] = issueCodes();
    for (const path of ["/", `/s/${code}`, "/staff/login"]) {
      const res = await request.get(path);
      const headers = res.headers();
      const csp = headers["content-security-policy"];
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(headers["referrer-policy"]).toBe("same-origin");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
      // A fresh nonce for every response.
      const again = (await request.get(path)).headers()["content-security-policy"];
      expect(again).not.toBe(csp);
    }
  });

  test("the citizen form runs its script under the policy: checks on the page, no refusals", async ({ page }) => {
    const refused = cspViolations(page);
    const [code] = issueCodes();
    await page.goto(`/s/${code}`);
    await page.waitForLoadState("load");
    // Client-side validation (the script) names the unanswered question without a round trip.
    await answerPage(page, {}, ["A_EDUCATION"]);
    let posted = false;
    page.on("request", (r) => {
      if (r.method() === "POST") posted = true;
    });
    await page.getByRole("button", { name: "Lưu và tiếp tục" }).click();
    await expect(page.locator("#q-A_EDUCATION .field-error")).toHaveText(/Vui lòng trả lời câu hỏi này/);
    expect(posted).toBe(false);
    expect(refused).toEqual([]);
  });

  test("staff pages with charts, QR codes and the upload script work under the policy", async ({ page }) => {
    const refused = cspViolations(page);
    const id = uniqueId("csp");
    await seedRound(id, "sipas-2022@1", "Chính sách bảo mật", knownRows2022());
    await signIn(page);
    await page.goto(`/staff/rounds/${id}/results`);
    await expect(page.getByTestId("chart-components").locator("svg[role=img] rect.bar")).toHaveCount(12);
    issueCodes(2);
    await page.goto(`/staff/rounds/demo/invitations/print?scope=codes&codes=${issueCodes(1)[0]}`);
    await expect(page.locator(".pf-qr svg").first()).toBeVisible();
    await page.goto(`/staff/rounds/${id}/sample`);
    await page.waitForLoadState("load");
    expect(refused).toEqual([]);
  });
});

test("after sign-in, a crafted next address stays on this site", async ({ page, baseURL }) => {
  for (const next of ["/\\evil.example/", "/\t/evil.example", "//evil.example/"]) {
    await page.context().clearCookies();
    await page.goto(`/staff/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Tên đăng nhập").fill("admin");
    await page.getByLabel("Mật khẩu").fill(process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Các đợt khảo sát");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  }
});

test("every page's tab title is in the reader's language", async ({ page }) => {
  // The choice is kept in a cookie: each page is asked for in Vietnamese, then in English.
  const titles = async (path: string) => {
    await page.goto(`${path}?lang=vi`);
    const vi = await page.title();
    await page.goto(`${path}?lang=en`);
    return [vi, await page.title()];
  };
  expect(await titles("/")).toEqual(["SIPAS – Khảo sát sự hài lòng của người dân", "SIPAS – Citizens' satisfaction survey"]);
  expect(await titles("/staff/login")).toEqual(["SIPAS – Đăng nhập cán bộ", "SIPAS – Staff sign-in"]);
  const [code] = issueCodes();
  expect(await titles(`/s/${code}`)).toEqual(["SIPAS – Phiếu khảo sát", "SIPAS – Survey form"]);
  await page.goto("/staff/login?lang=vi"); // signIn reads the Vietnamese labels
  await signIn(page);
  expect(await titles("/staff/audit")).toEqual(["SIPAS – Nhật ký hoạt động", "SIPAS – Audit trail"]);
  expect(await titles("/staff/rounds/demo/history")).toEqual(["SIPAS – Lịch sử của đợt khảo sát", "SIPAS – History of the round"]);
  expect(await titles("/staff/rounds/demo/fieldwork")).toEqual(["SIPAS – Theo dõi thực địa", "SIPAS – Fieldwork"]);
});
