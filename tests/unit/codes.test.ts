import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { CODE_ALPHABET, formatCode, generateCode, normalizeCode } from "../../app/domain/codes";

const random = (n: number) => new Uint8Array(randomBytes(n));

describe("invitation codes", () => {
  it("are 10 characters of an alphabet without look-alikes, and pass their own check", () => {
    for (let i = 0; i < 2000; i++) {
      const code = generateCode(random);
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
      expect(normalizeCode(code)).toEqual({ ok: true, code });
    }
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it("accept what people type: lower case, spaces and dashes", () => {
    const code = generateCode(random);
    expect(normalizeCode(` ${formatCode(code).toLowerCase()} `)).toEqual({ ok: true, code });
    expect(normalizeCode(code.replace(/(.{3})/g, "$1 "))).toEqual({ ok: true, code });
  });

  it("catch every single mistyped character and every swap of neighbours", () => {
    const code = generateCode(random);
    for (let i = 0; i < code.length; i++) {
      for (const c of CODE_ALPHABET) {
        if (c === code[i]) continue;
        expect(normalizeCode(code.slice(0, i) + c + code.slice(i + 1))).toEqual({ ok: false, reason: "checksum" });
      }
      if (i + 1 < code.length && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(normalizeCode(swapped)).toEqual({ ok: false, reason: "checksum" });
      }
    }
  });

  it("are spread evenly over the alphabet (no modulo bias)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) for (const c of generateCode(random).slice(0, 9)) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (5000 * 9) / CODE_ALPHABET.length;
    const chi2 = [...CODE_ALPHABET].reduce((s, c) => s + ((counts.get(c) ?? 0) - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(70); // 30 degrees of freedom: p < 1e-4 above 70
  });

  it("explain what is wrong with malformed input", () => {
    expect(normalizeCode("")).toEqual({ ok: false, reason: "empty" });
    expect(normalizeCode("ABCD")).toEqual({ ok: false, reason: "length" });
    expect(normalizeCode("ABCDE0OIL1")).toEqual({ ok: false, reason: "characters" });
  });
});
