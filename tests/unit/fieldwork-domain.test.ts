import { describe, expect, it } from "vitest";
import { designFromForm, designToForm, parseAllocation, parseMargin, SampleDesignSchema } from "../../app/domain/fieldwork/design";
import { createRowValidator, guessMapping, missingFields, parseDate, parseLevel, parsePhone, parseSex } from "../../app/domain/fieldwork/frame";
import { effectiveOutcome, responseStatus } from "../../app/domain/fieldwork/outcomes";

describe("frame cells", () => {
  it("reads dates as Vietnamese write them, and refuses dates that do not exist", () => {
    expect(parseDate("15/08/2022")).toBe("2022-08-15");
    expect(parseDate("5-8-2022")).toBe("2022-08-05");
    expect(parseDate("05.08.2022 14:30")).toBe("2022-08-05");
    expect(parseDate("2022-08-15")).toBe("2022-08-15");
    expect(parseDate("29/02/2024")).toBe("2024-02-29");
    for (const bad of ["29/02/2022", "31/04/2022", "08/15/2022", "15/08/22", "hôm qua", "2022-13-01", ""]) expect(parseDate(bad), bad).toBeNull();
  });

  it("normalises phone numbers, giving back the 0 Excel drops", () => {
    expect(parsePhone("0912 345 678")).toBe("0912345678");
    expect(parsePhone("+84 912.345.678")).toBe("0912345678");
    expect(parsePhone("912345678")).toBe("0912345678");
    expect(parsePhone("(024) 3825 1234")).toBe("02438251234");
    for (const bad of ["12345", "0912345678 / 0987654321", "abc", "212345678"]) expect(parsePhone(bad), bad).toBeNull();
  });

  it("reads levels and sexes in Vietnamese or English, never taking Object's own keys for a level", () => {
    expect(parseLevel("Cấp xã")).toBe("commune");
    expect(parseLevel("HUYỆN")).toBe("district");
    expect(parseLevel("province")).toBe("province");
    expect(parseLevel("constructor")).toBeNull();
    expect(parseLevel("toString")).toBeNull();
    expect([parseSex("Nữ"), parseSex("nam"), parseSex("F"), parseSex("khác")]).toEqual(["2", "1", "2", null]);
  });

  it("recognises common headers and says what is missing", () => {
    const mapping = guessMapping(["STT", "Họ và tên", "Điện thoại", "Địa chỉ liên hệ", "Mã đơn vị", "Lĩnh vực TTHC", "Ngày trả KQ", "Mã hồ sơ"]);
    expect(mapping).toMatchObject({ name: 1, phone: 2, address: 3, unit: 4, field: 5, returned_on: 6, dossier_id: 7, level: null });
    expect(missingFields(mapping)).toEqual([]);
    expect(missingFields(guessMapping(["Tên", "Ghi chú"]))).toEqual(["unit", "phone"]);
  });

  it("validates a row whole and keeps unmapped columns for strata", () => {
    const headers = ["Họ tên", "SĐT", "Đơn vị", "Thôn"];
    const validate = createRowValidator({
      headers,
      mapping: guessMapping(headers),
      units: [{ code: "X01", name: "Xã Tân Lập", level: "commune" }],
      currentYear: 2026,
    });
    const decomposed = "Nguyễn Văn An".normalize("NFD");
    expect(validate(2, [decomposed, "0912345678", "xã tân lập", " Thôn 3 "])).toEqual({
      ok: true,
      record: expect.objectContaining({ name: "Nguyễn Văn An", unitCode: "X01", unitLevel: "commune", extra: { Thôn: "Thôn 3" } }),
    });
    const bad = validate(3, ["", "", "X02", "", "trailing"]);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => [p.kind, p.column])).toEqual([
      ["extra_cells", null],
      ["missing_value", 0],
      ["missing_contact", 1],
      ["unknown_unit", 2],
    ]);
  });
});

describe("design form", () => {
  const form = (pairs: [string, string][]) => new URLSearchParams(pairs);

  it("reads margins as percentages and allocations by name", () => {
    expect(parseMargin("5%")).toBe(0.05);
    expect(parseMargin("0,05")).toBe(0.05);
    expect(parseMargin("5")).toBe(0.05);
    expect(parseMargin("0")).toBeNull();
    expect(parseAllocation("min:30")).toEqual({ method: "proportional-min", min: 30 });
    expect(parseAllocation("proportional")).toEqual({ method: "proportional" });
    expect(parseAllocation("random")).toBeNull();
  });

  it("turns the form into a design and back", () => {
    const { design, errors } = designFromForm(
      form([
        ["kind", "stratified"],
        ["strata", "level"],
        ["strata", "unit"],
        ["size", "margin"],
        ["e", "5"],
        ["alloc", "proportional-min"],
        ["min", "20"],
        ["reserve", "4"],
      ])
    );
    expect(errors).toEqual({});
    expect(design).toEqual({
      kind: "stratified",
      strataBy: ["level", "unit"],
      size: { method: "margin", e: 0.05 },
      allocation: { method: "proportional-min", min: 20 },
      reserve: 4,
      channel: "paper",
    });
    expect(designFromForm(form(designToForm(design!))).design).toEqual(design);
    expect(SampleDesignSchema.safeParse(design).success).toBe(true);

    const multi = designFromForm(
      form([
        ["kind", "multistage"],
        ["district", "3"],
        ["commune", "2"],
        ["villageColumn", "Thôn"],
        ["village", "3"],
        ["person", "31"],
        ["pps", "district"],
        ["reserve", "2"],
      ])
    );
    expect(multi.design).toMatchObject({
      kind: "multistage",
      district: { select: 3, method: "pps-systematic" },
      village: { select: 3, method: "srs" },
      person: { select: 31, reserve: 2 },
    });
    expect(designFromForm(form(designToForm(multi.design!))).design).toEqual(multi.design);
  });

  it("says which field is wrong", () => {
    expect(
      designFromForm(
        form([
          ["kind", "stratified"],
          ["size", "fixed"],
          ["n", "many"],
        ])
      ).errors.n?.vi
    ).toMatch(/Cỡ mẫu phải là số nguyên/);
    expect(
      designFromForm(
        form([
          ["kind", "stratified"],
          ["size", "yamane"],
          ["e", "0"],
        ])
      ).errors.e?.en
    ).toMatch(/margin is a percentage/);
    expect(
      designFromForm(
        form([
          ["kind", "multistage"],
          ["district", "3"],
        ])
      ).errors.stages
    ).toBeDefined();
  });
});

describe("outcomes", () => {
  it("counts a submitted questionnaire as returned whatever was recorded, and everyone else as a non-respondent", () => {
    expect(effectiveOutcome("refused", true)).toBe("returned");
    expect(effectiveOutcome("sent", false)).toBe("sent");
    expect(effectiveOutcome("replaced", false)).toBe("pending");
    expect(responseStatus("returned")).toBe("respondent");
    expect(responseStatus("unreachable")).toBe("nonrespondent");
  });
});
