import { describe, expect, it } from "vitest";
import { describeDetails, nextDay, vietnamDayStartUtc, vietnamTime } from "../../app/domain/audit";
import { render } from "../../app/domain/messages";
import { passwordProblems, temporaryPasswordFrom } from "../../app/domain/password-policy";

const refused = (password: string, username = "") => passwordProblems(password, username).map((p) => render(p, "en"));

describe("the password policy", () => {
  it("asks for 10 characters, counted as a person counts them (Vietnamese letters are one each)", () => {
    expect(refused("ngắn quá")).toEqual(["A password needs at least 10 characters."]);
    expect(refused("đường làng")).toEqual([]);
    expect(refused("x".repeat(201))[0]).toMatch(/at most 200/);
  });

  it("refuses the passwords and patterns guessed first", () => {
    for (const p of ["password123", "Password1234", "1234567890", "qwertyuiop", "matkhau123", "Matkhau@2024", "P@ssw0rd2024!", "admin@12345", "1111111111", "0987654321", "abc@123456", "aaaaaaaaab"]) {
      expect(refused(p), p).not.toEqual([]);
    }
  });

  it("refuses digits only and the username inside the password", () => {
    expect(refused("0912 345 678")).toEqual(["A password may not be digits only (a phone number or a birthday is easily guessed)."]);
    expect(refused("nguyenvana-2024", "nguyenvana")).toEqual(["The password may not contain the username."]);
  });

  it("accepts a few ordinary words", () => {
    for (const p of ["lúa chín vàng đồng", "e2e-admin-password", "admin: sông Hồng", "clerk-password-1", "Sông Hồng mùa nước"]) expect(refused(p), p).toEqual([]);
  });

  it("makes one-time passwords of unambiguous characters", () => {
    const bytes = Uint8Array.from({ length: 12 }, (_, i) => i * 21);
    expect(temporaryPasswordFrom(bytes)).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
    expect(refused(temporaryPasswordFrom(bytes))).toEqual([]);
  });
});

describe("audit times and details", () => {
  it("shows UTC instants in Vietnam time (UTC+7) and finds where a Vietnam day starts", () => {
    expect(vietnamTime("2026-12-04T17:05:09.123Z")).toBe("05/12/2026 00:05:09");
    expect(vietnamDayStartUtc("2026-12-05")).toBe("2026-12-04T17:00:00.000Z");
    expect(vietnamDayStartUtc("2026-02-30")).toBeNull();
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });

  it("writes details in a stable order", () => {
    expect(describeDetails({ seed: 42, rows: 210, pending: false, file: null })).toBe("file=; pending=false; rows=210; seed=42");
  });
});
