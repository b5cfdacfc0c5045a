import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint step of `npm test` keeps app/domain pure. Here its rule is shown to bite: each import below, written in a
// domain file, is an error; the same imports in a service are not.
const eslint = new ESLint();
const errorsOf = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0].messages.filter((m) => m.severity === 2);

describe("the lint of app/domain", () => {
  it.each([
    'import { json } from "@remix-run/node";',
    'import type { Kysely } from "kysely";',
    'import Database from "better-sqlite3";',
    'import { readFileSync } from "node:fs";',
    'import { randomBytes } from "crypto";',
    'import { getRound } from "../../services/rounds/rounds.server";',
    'import { getDb } from "../db.server";',
    'import { useState } from "react";',
  ])("refuses %s in a domain file", async (line) => {
    const errors = await errorsOf(`${line}\nexport const x = 1;\n`, "app/domain/results/example.ts");
    expect(errors.map((e) => e.ruleId)).toEqual(["no-restricted-imports"]);
    expect(errors[0].message).toContain("app/domain is pure");
  });

  it("lets the domain import the domain and zod, and a service import anything", async () => {
    expect(await errorsOf('import * as z from "zod/mini";\nimport { UserError } from "../errors";\nexport const x = z;\n', "app/domain/results/example.ts")).toEqual([]);
    expect(await errorsOf('import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n', "app/services/platform/example.server.ts")).toEqual([]);
  });

  it.each(["app/domain/results/example.ts", "app/routes/staff.example.tsx", "app/components/x.tsx"])("refuses classic zod in %s (it would land in the citizen form's first load)", async (file) => {
    const errors = await errorsOf('import { z } from "zod";\nexport const x = z;\n', file);
    expect(errors.map((e) => e.ruleId)).toEqual(["no-restricted-imports"]);
    expect(errors[0].message).toContain("zod/mini");
  });

  it("lets a component take a service's type but not call it", async () => {
    expect(await errorsOf('import type { PlanView } from "../../services/fieldwork/sampling.server";\nexport type X = PlanView;\n', "app/components/fieldwork/x.tsx")).toEqual([]);
    const errors = await errorsOf('import { planRoundSample } from "../../services/fieldwork/sampling.server";\nexport const x = planRoundSample;\n', "app/components/fieldwork/x.tsx");
    expect(errors.map((e) => e.ruleId)).toEqual(["@typescript-eslint/no-restricted-imports"]);
  });
});
