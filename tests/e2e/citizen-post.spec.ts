import { expect, test, type APIResponse } from "@playwright/test";
import { issueCodes } from "./helpers";

// A browser without JavaScript posts each page of the form and follows the redirect (Post/Redirect/Get). The web
// server answers those POSTs before Remix (app/services/citizen/post.server.ts, issue 11 part 4): these check that a
// browser sees the same thing either way, and that what is not a redirect still gets the page Remix renders.

// The demo round's questionnaire, sipas-2022@2: part A (profile), then B1 (Câu 1, interest in policies).
const PAGE_A = "page=A&A_SEX=1&A_AGE=2&A_ETHNIC=1&A_EDUCATION=4&A_WORK=3&A_AREA=1&A_TERRAIN=2&intent=next";
const form = { "Content-Type": "application/x-www-form-urlencoded" };
const visitorCookie = (r: APIResponse) => r.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("__sipas_visitor="))?.value;

test("a page posted without JavaScript is answered with a redirect to the next page, and the browser is remembered", async ({ playwright, baseURL }) => {
  const [code] = issueCodes();
  const browser = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  // A first POST with no cookie at all (a browser that kept none since the page was loaded).
  const first = await browser.post(`/s/${code}`, { headers: form, data: PAGE_A, maxRedirects: 0 });
  expect(first.status()).toBe(302);
  expect(first.headers().location).toBe(`/s/${code}?page=B1`);
  expect(first.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // The redirect keeps the browser's id and this code, as the page's GET does: its next posts cost no look-up budget.
  const cookie = visitorCookie(first);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);

  const again = await browser.post(`/s/${code}`, { headers: form, data: "page=B1&Q1_ECON=1&intent=save", maxRedirects: 0 });
  expect(again.status()).toBe(302);
  expect(again.headers().location).toBe(`/s/${code}?page=B1&saved=1`);
  expect(visitorCookie(again)).toBeUndefined(); // the browser sent it back

  // The page the redirect leads to shows what was saved.
  const shown = await browser.get(`/s/${code}?page=B1`);
  const inputs = [...(await shown.text()).matchAll(/<input[^>]*name="Q1_ECON"[^>]*>/g)].map((m) => m[0]);
  expect(inputs.filter((tag) => /checked/.test(tag)).map((tag) => /value="([^"]*)"/.exec(tag)?.[1])).toEqual(["1"]);
  await browser.dispose();
});

test("a page with a missing answer, an unknown code and an unknown page get the pages Remix renders", async ({ request }) => {
  const [code] = issueCodes();
  const missing = await request.post(`/s/${code}`, { headers: form, data: "page=A&A_SEX=1&intent=next", maxRedirects: 0 });
  expect(missing.status()).toBe(400);
  const html = await missing.text();
  expect(html).toContain('class="error-summary"');
  expect(html).toContain('id="q-A_AGE-error"');

  const unknown = await request.post(`/s/ABCDEFGHJK`, { headers: form, data: PAGE_A, maxRedirects: 0 });
  expect([400, 404]).toContain(unknown.status());
  expect(await unknown.text()).toMatch(/<html lang="vi"/);

  const wrongPage = await request.post(`/s/${code}`, { headers: form, data: "page=NOPE&intent=next", maxRedirects: 0 });
  expect(wrongPage.status()).toBe(400);
});

test("a script's post (.data) and a multipart post still go through Remix", async ({ request }) => {
  const [code] = issueCodes();
  const data = await request.post(`/s/${code}.data`, { headers: form, data: PAGE_A, maxRedirects: 0 });
  expect(data.status()).toBe(202);
  expect(data.headers()["x-remix-response"]).toBe("yes");
  expect(await data.text()).toContain(`/s/${code}?page=B1`);

  const multipart = await request.post(`/s/${code}`, { multipart: { page: "B1", Q1_ECON: "2", intent: "save" }, maxRedirects: 0 });
  expect(multipart.status()).toBe(302);
  expect(multipart.headers().location).toBe(`/s/${code}?page=B1&saved=1`);
});
