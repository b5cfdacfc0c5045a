import { describe, expect, it } from "vitest";
import { EMPTY, formatCount, formatInterval, formatNumber, formatPercent, formatPoints, formatTimestamp } from "./format";

describe("results number formatting", () => {
  it("prints shares the Vietnamese way in vi and the English way in en", () => {
    expect(formatPercent(83.9412, "vi")).toBe("83,94%");
    expect(formatPercent(83.9412, "en")).toBe("83.94%");
    expect(formatPercent(100, "vi")).toBe("100,00%");
    expect(formatPercent(70.3125, "vi")).toBe("70,31%");
  });

  it("prints an empty estimate as a dash, never as 0", () => {
    expect(formatPercent(null, "vi")).toBe(EMPTY);
    expect(formatPercent(undefined, "en")).toBe("—");
    expect(formatPercent(0, "vi")).toBe("0,00%");
    expect(formatInterval(null, 85, "vi")).toBe("—");
  });

  it("groups thousands with a no-break space in vi and a comma in en", () => {
    expect(formatCount(1234, "vi")).toBe("1\u00a0234");
    expect(formatCount(1234567, "en")).toBe("1,234,567");
    expect(formatCount(999, "vi")).toBe("999");
    expect(formatNumber(12345.678, 1, "vi")).toBe("12\u00a0345,7");
  });

  it("prints intervals and signed differences", () => {
    expect(formatInterval(82.1, 85.777, "vi")).toBe("82,10–85,78");
    expect(formatInterval(82.1, 85.777, "en")).toBe("82.10–85.78");
    expect(formatPoints(1.234, "vi")).toBe("+1,23");
    expect(formatPoints(-0.4, "en")).toBe("\u22120.40");
    // A difference that rounds to zero has no sign.
    expect(formatPoints(-0.001, "vi")).toBe("0,00");
    expect(formatPoints(0.001, "vi")).toBe("0,00");
  });

  it("prints timestamps in UTC, day first in vi", () => {
    expect(formatTimestamp("2026-11-21T14:05:09.123Z", "vi")).toBe("21/11/2026 21:05 (giờ Việt Nam, UTC+7)");
    expect(formatTimestamp("2026-11-21T20:30:00Z", "vi")).toBe("22/11/2026 03:30 (giờ Việt Nam, UTC+7)");
    expect(formatTimestamp("2026-11-21T14:05:09.123Z", "en")).toBe("21/11/2026 21:05 (Vietnam time, UTC+7)");
  });
});
