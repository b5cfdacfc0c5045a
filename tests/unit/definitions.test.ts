import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allItems, computeVisibility, findItem, type Answers } from "../../app/domain/definition/conditions";
import { diffDefinitions } from "../../app/domain/definition/diff";
import { issueLine, parseDefinitionText } from "../../app/domain/definition/parse";
import { isLeaf, type Definition, type IndexNode, type IndexTree, type Item } from "../../app/domain/definition/schema";

const SHIPPED = ["sipas-2017", "sipas-2022", "sipas-2023"] as const;
const GROUPS_2022 = ["ECON", "HEALTH", "EDU", "ORDER", "ROAD", "POWER", "WATER", "SOCIAL"];
const GROUPS_2023 = [...GROUPS_2022, "ADMIN"];

const texts = Object.fromEntries(
  SHIPPED.map((key) => [key, readFileSync(new URL(`../../survey-definitions/${key}/1.json`, import.meta.url), "utf8")]),
) as Record<(typeof SHIPPED)[number], string>;

function load(key: (typeof SHIPPED)[number]): Definition {
  const result = parseDefinitionText(texts[key]);
  if (!result.ok) throw new Error(`${key}: ${result.issues.map((i) => issueLine(i, "en")).join("; ")}`);
  return result.definition;
}
const tree = (def: Definition, code: string): IndexTree => {
  const found = def.indices.find((t) => t.code === code);
  if (!found) throw new Error(`no index tree ${code}`);
  return found;
};
const childNodes = (n: IndexNode) => n.children.filter((c): c is IndexNode => !isLeaf(c));
function findNode(root: IndexNode, code: string): IndexNode | undefined {
  if (root.code === code) return root;
  for (const child of childNodes(root)) {
    const found = findNode(child, code);
    if (found) return found;
  }
  return undefined;
}
const node = (root: IndexNode, code: string): IndexNode => {
  const found = findNode(root, code);
  if (!found) throw new Error(`no node ${code} under ${root.code}`);
  return found;
};
const leavesUnder = (n: IndexNode): string[] => n.children.flatMap((c) => (isLeaf(c) ? [c.item] : leavesUnder(c)));
const item = (def: Definition, code: string): Item => {
  const found = findItem(def, code);
  if (!found) throw new Error(`no item ${code}`);
  return found.item;
};
const labelsOf = (i: Item) => i.options!.map((o) => o.label.en);

describe("shipped definitions load", () => {
  it.each(SHIPPED)("%s parses without issues, with key and version matching its path", (key) => {
    const result = parseDefinitionText(texts[key]);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(load(key)).toMatchObject({ key, version: "1" });
  });

  it.each(SHIPPED)("%s holds Vietnamese text in NFC only", (key) => {
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === "string") strings.push(v);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(JSON.parse(texts[key]));
    expect(strings.filter((s) => s !== s.normalize("NFC"))).toEqual([]);
    expect(strings).toContain("Rất hài lòng");
  });

  it.each(SHIPPED)("%s: every satisfaction item uses the 5-point scale with {4, 5} positive", (key) => {
    const def = load(key);
    const satisfaction = allItems(def).filter((i) => i.type === "satisfaction5");
    expect(satisfaction.length).toBeGreaterThan(0);
    for (const i of satisfaction) {
      expect(labelsOf(i)).toEqual(["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"]);
      expect(i.positive).toEqual(["4", "5"]);
      expect(i.required).toBe(true);
    }
    expect(item(def, "COMMENT")).toMatchObject({ type: "text", required: false });
  });
});

describe("SIPAS 2017–2021 (Decision 2640/QĐ-BNV): 5 elements, 22 criteria", () => {
  const def = load("sipas-2017");
  const sipas = tree(def, "SIPAS");

  it("aggregates SIPAS as the mean of 5 element nodes over 22 criteria", () => {
    expect(sipas.kind).toBe("satisfaction");
    expect(sipas.rule).toBe("mean");
    expect(childNodes(sipas).map((n) => [n.code, n.rule, leavesUnder(n).length])).toEqual([
      ["EL_ACCESS", "mean", 4],
      ["EL_PROC", "mean", 5],
      ["EL_STAFF", "mean", 6],
      ["EL_RESULT", "mean", 4],
      ["EL_FEEDBACK", "mean", 3],
    ]);
    expect(sipas.children.every((c) => !isLeaf(c))).toBe(true);
    expect(leavesUnder(sipas)).toHaveLength(22);
    expect(new Set(leavesUnder(sipas)).size).toBe(22);
    expect(leavesUnder(sipas).every((c) => item(def, c).type === "satisfaction5")).toBe(true);
  });

  it("asks an expectation per element and says the split is reconstructed", () => {
    expect(tree(def, "EXPECT")).toMatchObject({ kind: "expectation" });
    expect(leavesUnder(tree(def, "EXPECT"))).toEqual(["EXP_ACCESS", "EXP_PROC", "EXP_STAFF", "EXP_RESULT", "EXP_FEEDBACK"]);
    expect(def.basis).toMatch(/2640\/QĐ-BNV/);
    expect(def.basis).toMatch(/reconstructed/i);
  });
});

describe("SIPAS 2022 (plan 6076/BNV-CCHC)", () => {
  const def = load("sipas-2022");
  const sipas = tree(def, "SIPAS");

  it("has the sections A–E in order: profile, Q1–Q8, policy, service, expectations", () => {
    expect(def.sections.map((s) => s.code)).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("asks the Part A profile as required demographic items, and not the location", () => {
    const a = def.sections[0].items;
    expect(a.map((i) => i.code)).toEqual(["A_SEX", "A_AGE", "A_ETHNIC", "A_EDU", "A_JOB", "A_AREA", "A_TERRAIN"]);
    expect(a.every((i) => i.type === "demographic" && i.required)).toBe(true);
    expect(labelsOf(item(def, "A_AGE"))).toEqual(["18–25", "26–34", "35–49", "50–60", "Over 60"]);
    expect(item(def, "A_EDU").options).toHaveLength(6);
    expect(item(def, "A_JOB").options).toHaveLength(7);
    expect(labelsOf(item(def, "A_TERRAIN"))).toEqual(["Mountains", "Delta or lowland", "Island"]);
  });

  it("asks Q1 interest per policy group and Q2–Q8 as in the method", () => {
    const b = def.sections[1].items;
    expect(b.filter((i) => i.code.startsWith("Q1_")).map((i) => [i.code, i.type])).toEqual(GROUPS_2022.map((g) => [`Q1_${g}`, "level3"]));
    expect(item(def, "Q2_CHANNEL").options).toHaveLength(7);
    expect(item(def, "Q3_COMMENT").options).toHaveLength(5);
    expect(labelsOf(item(def, "Q4_HARASS"))).toEqual(["None", "Some", "Many"]);
    expect(labelsOf(item(def, "Q5_PAYMENT"))).toEqual(["None", "Some", "Many"]);
    expect(labelsOf(item(def, "Q6_DOSSIER"))).toEqual(["In person", "Online", "Both"]);
    expect(labelsOf(item(def, "Q7_INFO"))).toEqual(["In person", "Online", "Both"]);
    const q8 = b.filter((i) => i.code.startsWith("Q8_"));
    expect(q8).toHaveLength(7);
    expect(q8.every((i) => i.type === "yesno")).toBe(true);
  });

  it("aggregates 33 satisfaction items: SIPAS = mean(POLICY 14, SERVICE 19)", () => {
    expect(sipas).toMatchObject({ kind: "satisfaction", rule: "mean" });
    expect(childNodes(sipas).map((n) => n.code)).toEqual(["POLICY", "SERVICE"]);
    expect(leavesUnder(sipas)).toHaveLength(33);
    expect(leavesUnder(node(sipas, "POLICY"))).toHaveLength(14);
    expect(leavesUnder(node(sipas, "SERVICE"))).toHaveLength(19);
    expect(childNodes(node(sipas, "POLICY")).map((n) => [n.code, n.rule, n.children.length])).toEqual([
      ["POL_INFO", "mean", 2],
      ["POL_PART", "mean", 2],
      ["POL_QUAL", "mean", 8],
      ["POL_RES", "mean", 2],
    ]);
    expect(childNodes(node(sipas, "SERVICE")).map((n) => [n.code, n.rule, n.children.length])).toEqual([
      ["EL_ACCESS", "mean", 4],
      ["EL_PROC", "mean", 4],
      ["EL_STAFF", "mean", 5],
      ["EL_RESULT", "mean", 3],
      ["EL_FEEDBACK", "mean", 3],
    ]);
  });

  it("has exactly one policy-quality item per policy group", () => {
    expect(leavesUnder(node(sipas, "POL_QUAL"))).toEqual(GROUPS_2022.map((g) => `P_QUAL_${g}`));
  });

  it("counts “none” as positive for harassment and informal payments, “very much” for the 10 expectations", () => {
    const assess = tree(def, "ASSESS");
    expect(assess.kind).toBe("assessment");
    for (const code of ["Q4_HARASS", "Q5_PAYMENT"]) {
      expect(leavesUnder(assess)).toContain(code);
      const i = item(def, code);
      expect(i.positive!.map((p) => i.options!.find((o) => o.code === p)!.label.en)).toEqual(["None"]);
    }
    const expect10 = tree(def, "EXPECT");
    expect(expect10.kind).toBe("expectation");
    expect(leavesUnder(expect10)).toHaveLength(10);
    for (const code of leavesUnder(expect10)) {
      const i = item(def, code);
      expect(i.type).toBe("level3");
      expect(i.positive!.map((p) => i.options!.find((o) => o.code === p)!.label.en)).toEqual(["Very much"]);
    }
  });
});

describe("SIPAS 2023+ (Decision 1001/QĐ-BNV)", () => {
  const def = load("sipas-2023");
  const sipas = tree(def, "SIPAS");

  it("adds administrative reform as a 9th policy group, in Q1 and in policy quality", () => {
    expect(allItems(def).filter((i) => i.code.startsWith("Q1_")).map((i) => i.code)).toEqual(GROUPS_2023.map((g) => `Q1_${g}`));
    expect(leavesUnder(node(sipas, "POL_QUAL"))).toEqual(GROUPS_2023.map((g) => `P_QUAL_${g}`));
    expect(item(def, "P_QUAL_ADMIN").label.vi).toContain("cải cách hành chính");
  });

  it("takes every element index from its “in general” item, still listing the specific items", () => {
    const elements = childNodes(node(sipas, "SERVICE"));
    expect(elements.map((n) => [n.code, n.rule, n.item])).toEqual([
      ["EL_ACCESS", "item", "SV_ACC_GEN"],
      ["EL_PROC", "item", "SV_PROC_GEN"],
      ["EL_STAFF", "item", "SV_STAFF_GEN"],
      ["EL_RESULT", "item", "SV_RES_GEN"],
      ["EL_FEEDBACK", "item", "SV_FB_GEN"],
    ]);
    expect(elements.map((n) => n.children.length)).toEqual([5, 5, 6, 4, 4]);
    expect(leavesUnder(node(sipas, "POLICY"))).toHaveLength(15);
  });
});

describe("item codes are stable across versions", () => {
  const defs = SHIPPED.map(load);
  const codes = (def: Definition, prefix: string) => allItems(def).map((i) => i.code).filter((c) => c.startsWith(prefix));
  const [d2017, d2022, d2023] = defs;

  it("keeps the 2022 service and policy items in 2023, and the 2017 criteria asked again in 2022", () => {
    const sv2022 = codes(d2022, "SV_");
    expect(sv2022).toHaveLength(19);
    expect(codes(d2023, "SV_").filter((c) => !c.endsWith("_GEN"))).toEqual(sv2022);
    expect(codes(d2023, "P_")).toEqual(expect.arrayContaining(codes(d2022, "P_")));
    expect(codes(d2017, "SV_").filter((c) => !sv2022.includes(c)).sort()).toEqual(["SV_ACC_5", "SV_PROC_5", "SV_RES_4", "SV_STAFF_6"]);
    expect(sv2022.filter((c) => !codes(d2017, "SV_").includes(c))).toEqual(["SV_ACC_4"]);
  });

  it("uses a shared code for the same question only: same type everywhere, same wording and options for answers compared year on year", () => {
    const seen = new Map<string, Item>();
    for (const def of defs) {
      for (const i of allItems(def)) {
        const first = seen.get(i.code);
        if (!first) {
          seen.set(i.code, i);
          continue;
        }
        expect(i.type, i.code).toBe(first.type);
        if (["satisfaction5", "level3", "demographic"].includes(i.type)) {
          expect(i.label, i.code).toEqual(first.label);
          expect(i.options, i.code).toEqual(first.options);
          expect(i.positive, i.code).toEqual(first.positive);
        }
      }
    }
  });
});

describe("skip logic: Q8 answers route the satisfaction items", () => {
  const def = load("sipas-2022");
  const shown = (answers: Answers) => computeVisibility(def, answers);

  it("shows the service section only to people who carried out a procedure", () => {
    expect(shown({}).sections.has("D")).toBe(false);
    expect(shown({ Q8_PROC: "2" }).sections.has("D")).toBe(false);
    expect(shown({ Q8_PROC: "2" }).items.has("SV_ACC_1")).toBe(false);
    expect(shown({ Q8_PROC: "1" }).sections.has("D")).toBe(true);
    expect(shown({ Q8_PROC: "1" }).items.has("SV_ACC_1")).toBe(true);
    expect(shown({ Q8_PROC: "2" }).sections).toEqual(new Set(["A", "B", "C", "E"]));
  });

  it("drops answers to the service items once the person says no procedure", () => {
    const visible = shown({ Q8_PROC: "2", SV_ACC_1: "5", P_INFO_1: "4" });
    expect(visible.effective).toEqual({ Q8_PROC: "2", P_INFO_1: "4" });
  });

  it("asks about education policy only with a child at school, health care only after a public health visit", () => {
    expect(shown({ Q8_SCHOOL: "2" }).items.has("P_QUAL_EDU")).toBe(false);
    expect(shown({ Q8_SCHOOL: "1" }).items.has("P_QUAL_EDU")).toBe(true);
    expect(shown({ Q8_SCHOOL: "1" }).items.has("P_QUAL_HEALTH")).toBe(false);
    expect(shown({ Q8_HEALTH: "1" }).items.has("P_QUAL_HEALTH")).toBe(true);
    expect(shown({}).items.has("P_QUAL_ECON")).toBe(true);
  });

  it("asks how feedback was handled only of people who sent feedback", () => {
    const procedure = { Q8_PROC: "1" };
    expect(shown(procedure).items.has("SV_FB_1")).toBe(true);
    expect(shown(procedure).items.has("SV_FB_2")).toBe(false);
    expect(shown({ ...procedure, Q8_FEEDBACK: "1" }).items.has("SV_FB_2")).toBe(true);
  });

  it("routes the 2023 form the same way, “in general” items included", () => {
    const d2023 = load("sipas-2023");
    expect(computeVisibility(d2023, { Q8_PROC: "2" }).items.has("SV_ACC_GEN")).toBe(false);
    expect(computeVisibility(d2023, { Q8_PROC: "1" }).items.has("SV_ACC_GEN")).toBe(true);
    expect(computeVisibility(d2023, { Q8_SCHOOL: "2" }).items.has("P_QUAL_EDU")).toBe(false);
  });
});

describe("SIPAS 2022 version 2: the wording of the reproduced 2022 paper form", () => {
  const text2 = readFileSync(new URL("../../survey-definitions/sipas-2022/2.json", import.meta.url), "utf8");
  const parsed = parseDefinitionText(text2);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => issueLine(i, "en")).join("; "));
  const def = parsed.definition;
  const v1 = load("sipas-2022");
  const sipas = tree(def, "SIPAS");
  const vi = (code: string) => item(def, code).label.vi;
  const optionsVi = (code: string) => item(def, code).options!.map((o) => o.label.vi);

  it("is sipas-2022@2, in NFC, and its basis says which parts come from the form, which were corrected and which the platform added", () => {
    expect(def).toMatchObject({ key: "sipas-2022", version: "2" });
    expect(text2).toBe(text2.normalize("NFC"));
    expect(def.basis).toMatch(/reproduced publicly \[R\]/);
    expect(def.basis).toMatch(/question 5's stray first option/);
    expect(def.basis).toMatch(/question 10's item 8, missing from the reproduction/);
    expect(def.basis).toMatch(/Added by the platform \[I\]: the English texts/);
  });

  it("asks the form's questions in its words", () => {
    expect(vi("Q4_HARASS_LOCAL")).toBe("Ông/Bà có suy nghĩ như thế nào về tình trạng công chức gây phiền hà, sách nhiễu cho người dân hiện nay ở địa phương?");
    expect(optionsVi("Q5_PAYMENT_LOCAL")).toEqual([
      "Không có người dân nào phải đưa tiền ngoài quy định cho công chức.",
      "Một số người dân phải đưa tiền ngoài quy định cho công chức.",
      "Nhiều người dân phải đưa tiền ngoài quy định cho công chức.",
    ]);
    expect(optionsVi("Q3_JOIN")).toHaveLength(5);
    expect(optionsVi("Q2_FOLLOW")[6]).toBe("Qua hình thức khác (xin ghi cụ thể).");
    expect(computeVisibility(def, { Q2_FOLLOW: "7" }).items.has("Q2_OTHER")).toBe(true);
    expect(allItems(def).filter((i) => i.code.startsWith("Q8_")).map((i) => i.code)).toEqual([
      "Q8_SCHOOL", "Q8_HEALTH", "Q8_AGENCY", "Q8_PROC", "Q8_FEEDBACK", "Q8_POLICY", "Q8_RESPONSE",
    ]);
    expect(vi("SV_ACC_CLEAN")).toBe("Trụ sở cơ quan tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính sạch sẽ, văn minh.");
    expect(item(def, "P_QUAL_HEALTH").help!.vi).toMatch(/^Gồm các quy định về bệnh viện/);
    expect(optionsVi("Q1_ECON")).toEqual(["Không quan tâm", "Quan tâm một chút", "Rất quan tâm"]);
  });

  it("keeps the 2022 structure: 33 satisfaction items, policy 2 + 2 + 8 + 2, service 4 + 4 + 5 + 3 + 3, 9 expectations", () => {
    expect(leavesUnder(sipas)).toHaveLength(33);
    expect(childNodes(node(sipas, "POLICY")).map((n) => n.children.length)).toEqual([2, 2, 8, 2]);
    expect(childNodes(node(sipas, "SERVICE")).map((n) => n.children.length)).toEqual([4, 4, 5, 3, 3]);
    expect(leavesUnder(node(sipas, "POL_QUAL"))).toEqual(GROUPS_2022.map((g) => `P_QUAL_${g}`));
    expect(leavesUnder(tree(def, "EXPECT"))).toHaveLength(9);
  });

  it("against version 1, stays comparable where the items kept their meaning, and says why the rest does not (the round comparison's rule)", () => {
    const diff = diffDefinitions(v1, def);
    const nodes = diff.comparability.rows.filter((r) => r.type === "node");
    expect(nodes.filter((r) => r.comparable).map((r) => r.code)).toEqual(["POL_PART", "POL_QUAL", "EL_PROC", "EL_STAFF", "EL_RESULT", "EL_FEEDBACK", "INTEREST"]);
    expect(Object.fromEntries(nodes.filter((r) => !r.comparable).map((r) => [r.code, r.reasons]))).toMatchObject({
      POL_INFO: [{ kind: "itemsChanged", added: ["P_INFO_FORMS"], removed: ["P_INFO_2"] }],
      POL_RES: [{ kind: "itemsChanged", added: ["P_RES_ECON"], removed: ["P_RES_1"] }],
      EL_ACCESS: [{ kind: "itemsChanged", added: ["SV_ACC_CLEAN"], removed: ["SV_ACC_2"] }],
    });
    // The reworded items that kept their code are compared item by item.
    expect(diff.comparability.rows.find((r) => r.code === "SV_STAFF_4")).toMatchObject({ comparable: true });
    expect(diff.questions.find((q) => q.code === "SV_STAFF_4")!.changes.map((c) => c.field)).toEqual(["label"]);
  });
});
