import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../app/domain/safe-redirect";

describe("the page after sign-in", () => {
  it("is a path on this site, kept with its query", () => {
    expect(safeRedirectPath("/staff/rounds/demo/results?by=unit")).toBe("/staff/rounds/demo/results?by=unit");
    expect(safeRedirectPath("/staff")).toBe("/staff");
  });

  it("is never another site, however the address is disguised", () => {
    for (const next of [
      "//evil.example/",
      "/\\evil.example/",
      "/\t/evil.example",
      "/\\\\evil.example",
      "/\n/evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      " /\\evil.example",
      "\\/evil.example",
      "",
      null,
      undefined,
    ]) {
      const target = safeRedirectPath(next);
      expect(new URL(target, "https://sipas.example").origin, JSON.stringify(next)).toBe("https://sipas.example");
      expect(target.startsWith("//") || target.startsWith("/\\"), JSON.stringify(next)).toBe(false);
    }
  });
});
