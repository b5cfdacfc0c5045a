import { describe, expect, it } from "vitest";
import { helpLines } from "../../app/domain/help-contacts";

describe("help contacts of the open rounds", () => {
  it("one line per distinct contact, with every round that gives it, in Vietnamese order of the rounds' names", () => {
    const lines = helpLines([
      { name: "SIPAS Hải Phòng 2026", helpContact: "Sở Nội vụ Hải Phòng, 0225 3842 222" },
      { name: "SIPAS Hà Nội 2026", helpContact: "Sở Nội vụ Hà Nội, 024 3825 1111" },
      { name: "SIPAS Hà Nội 2026 (bổ sung)", helpContact: "  Sở Nội vụ Hà Nội,  024 3825 1111 " },
      { name: "Đợt không đầu mối", helpContact: null },
      { name: "Đợt để trống", helpContact: "   " },
    ]);
    expect(lines).toEqual([
      { contact: "Sở Nội vụ Hà Nội, 024 3825 1111", rounds: ["SIPAS Hà Nội 2026", "SIPAS Hà Nội 2026 (bổ sung)"] },
      { contact: "Sở Nội vụ Hải Phòng, 0225 3842 222", rounds: ["SIPAS Hải Phòng 2026"] },
    ]);
  });

  it("no open round with a contact: no line (the page shows none)", () => {
    expect(helpLines([])).toEqual([]);
    expect(helpLines([{ name: "Đợt A", helpContact: null }])).toEqual([]);
  });
});
