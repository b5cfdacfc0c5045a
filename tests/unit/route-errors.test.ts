import { describe, expect, it } from "vitest";
import { UserError } from "../../app/domain/errors";
import { FORM_LIMIT_BYTES, readForm } from "../../app/services/platform/forms.server";
import { attempt, orRefuse, refusalOf, refuse, respondOrRefuse } from "../../app/services/platform/route-errors.server";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) => new Request("http://x/s/ABC", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function statusOf(work: Promise<unknown>): Promise<number | "ok"> {
  try {
    await work;
    return "ok";
  } catch (e) {
    const refusal = refusalOf(e);
    if (!refusal) throw e;
    return refusal.status;
  }
}

describe("readForm: a posted body that is not a readable form is refused, never a 500", () => {
  it("reads url-encoded and multipart forms", async () => {
    const form = await readForm(post("code=ABCDE-FGHJK&x=%C4%91", { "Content-Type": "application/x-www-form-urlencoded" }));
    expect(form.get("code")).toBe("ABCDE-FGHJK");
    expect(form.get("x")).toBe("đ");
    const data = new FormData();
    data.set("csrf", "t");
    const multipart = new Request("http://x/", { method: "POST", body: data });
    expect((await readForm(multipart)).get("csrf")).toBe("t");
  });

  it.each([
    ["no content type", post("a=1"), 415],
    ["text/plain", post("a=1", { "Content-Type": "text/plain" }), 415],
    ["JSON", post('{"a":1}', { "Content-Type": "application/json" }), 415],
    ["multipart without a boundary", post("--x\r\n", { "Content-Type": "multipart/form-data" }), 400],
    ["multipart with another boundary", post("--x\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--x--\r\n", { "Content-Type": "multipart/form-data; boundary=y" }), 400],
    ["a declared length over the limit", post("a=1", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(FORM_LIMIT_BYTES + 1) }), 413],
  ])("%s: %i", async (_what, request, status) => {
    expect(await statusOf(readForm(request))).toBe(status);
  });

  it("stops reading a streamed body as soon as it passes the limit (413)", async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode("a=" + "x".repeat(64 * 1024));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    expect(await statusOf(readForm(post(body, { "Content-Type": "application/x-www-form-urlencoded" }), { maxBytes: 200_000 }))).toBe(413);
    expect(sent).toBeLessThan(400_000);
  });

  it("says why in both languages", async () => {
    const thrown = await readForm(post("a=1", { "Content-Type": "text/plain" })).catch((e: unknown) => e);
    expect(refusalOf(thrown)?.localized).toEqual({ vi: "Yêu cầu không phải là một biểu mẫu.", en: "The request is not a form." });
  });
});

describe("one way to show a refusal", () => {
  const failing = () => Promise.reject(new UserError("No round x.", 404, ["detail"], { vi: "Không có đợt x.", en: "No round x." }));
  const bug = () => Promise.reject(new TypeError("boom"));

  it("a page gets the refusal for its error boundary; a bug stays a bug", async () => {
    const thrown = await orRefuse(failing).catch((e) => e);
    expect(refusalOf(thrown)).toMatchObject({ status: 404, details: ["detail"], localized: { vi: "Không có đợt x." } });
    await expect(orRefuse(bug)).rejects.toThrow("boom");
  });

  it("a download answers in plain text, a fetch in JSON, with the refusal's status", async () => {
    const text = await respondOrRefuse(new Request("http://x/d.csv"), "text", failing);
    expect(text.status).toBe(404);
    expect(text.headers.get("Content-Type")).toContain("text/plain");
    expect(await text.text()).toBe("Không có đợt x.\ndetail");
    const english = await respondOrRefuse(new Request("http://x/d.csv?lang=en"), "text", failing);
    expect(await english.text()).toBe("No round x.\ndetail");
    const json = await respondOrRefuse(new Request("http://x/p"), "json", () => Promise.reject(refuse({ vi: "Cấm.", en: "Forbidden." }, 403)));
    expect(json.status).toBe(403);
    expect(await json.json()).toMatchObject({ message: "Cấm.", localized: { vi: "Cấm.", en: "Forbidden." } });
    await expect(respondOrRefuse(new Request("http://x/p"), "json", bug)).rejects.toThrow("boom");
  });

  it("an action may keep the refusal beside its form", async () => {
    expect(await attempt(failing)).toMatchObject({ ok: false, refusal: { status: 404 } });
    expect(await attempt(async () => 7)).toEqual({ ok: true, value: 7 });
    await expect(attempt(bug)).rejects.toThrow("boom");
  });
});
