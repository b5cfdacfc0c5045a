import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDefinition, importDefinition, listDefinitions } from "../../app/services/definitions/versions.server";
import { importShippedDefinitions, listDefinitionFiles } from "../../app/services/definitions/shipped-files.server";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "./harness";

describeEachDialect("definitions", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.close();
    await t?.drop();
  });

  it("imports every shipped definition as a published version with its content hash", async () => {
    const outcomes = await importShippedDefinitions(t.db);
    expect(outcomes.map((o) => o.id).sort()).toEqual(["sipas-2017@1", "sipas-2022@1", "sipas-2022@2", "sipas-2023@1"]);
    expect(outcomes.every((o) => o.status === "imported")).toBe(true);
    const stored = await listDefinitions(t.db);
    expect(stored.map((d) => [d.id, d.status, d.content_hash.length])).toEqual([
      ["sipas-2017@1", "published", 64],
      ["sipas-2022@1", "published", 64],
      ["sipas-2022@2", "published", 64],
      ["sipas-2023@1", "published", 64],
    ]);
    const def = await getDefinition(t.db, "sipas-2022@1");
    expect(def.title.vi).toContain("SIPAS 2022");
  });

  it("accepts the same content again (even reformatted) and refuses a changed file under the same version", async () => {
    const file = listDefinitionFiles().find((f) => f.includes("sipas-2022"))!;
    const text = readFileSync(file, "utf8");
    const reformatted = JSON.stringify(JSON.parse(text));
    await expect(importDefinition(t.db, reformatted, "reformatted.json")).resolves.toMatchObject({ status: "unchanged" });

    const changed = JSON.parse(text);
    changed.sections[0].items[0].label.vi = "Giới tính (đã sửa)";
    const attempt = importDefinition(t.db, JSON.stringify(changed), "changed.json");
    await expect(attempt).rejects.toMatchObject({ status: 409 });
    await expect(attempt).rejects.toThrow(/sipas-2022@1 đã được công bố nên không thể thay đổi/);
    const def = await getDefinition(t.db, "sipas-2022@1");
    expect(def.sections[0].items[0].label.vi).toBe("Giới tính");
  });

  it("refuses an invalid definition with every problem, named by its field, and stores nothing", async () => {
    const broken = JSON.parse(readFileSync(listDefinitionFiles()[0], "utf8"));
    broken.version = "99";
    broken.sections[0].items[1].code = broken.sections[0].items[0].code;
    const attempt = importDefinition(t.db, JSON.stringify(broken), "broken.json");
    await expect(attempt).rejects.toMatchObject({ details: [expect.stringMatching(/^Phần A «.*» › câu A_SEX «.*» › mã: Mã câu hỏi “A_SEX” bị trùng/)],
      detailsLocalized: [expect.objectContaining({ en: expect.stringMatching(/^Section A «.*» › question A_SEX «.*» › code: Question code "A_SEX" is used twice/) })] });
    const ids = (await listDefinitions(t.db)).map((d) => d.id);
    expect(ids).not.toContain(`${broken.key}@99`);
  });
});
