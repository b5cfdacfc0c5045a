import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { UserError } from "../../domain/errors";
import { msg } from "../../domain/messages";
import { importDefinition, type Actor, type ImportOutcome } from "./versions.server";

export function definitionsDir(): string {
  return resolve(process.env.SIPAS_DEFINITIONS_DIR ?? "survey-definitions");
}

/** survey-definitions/<key>/<version>.json, sorted so imports happen in a stable order. */
export function listDefinitionFiles(dir = definitionsDir()): string[] {
  const files: string[] = [];
  for (const key of readdirSync(dir).sort()) {
    const sub = join(dir, key);
    if (!statSync(sub).isDirectory()) continue;
    for (const f of readdirSync(sub).sort()) if (f.endsWith(".json")) files.push(join(sub, f));
  }
  return files;
}

export function readDefinitionFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new UserError(msg("files.cannotRead", { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
}

/** Publishes a definition file; `actor` (who ran the command) is recorded, the shipped files have none. */
export async function importDefinitionFile(db: Kysely<Database>, file: string, actor?: Actor): Promise<ImportOutcome> {
  return importDefinition(db, readDefinitionFile(file), relative(process.cwd(), file) || file, { actor });
}

export async function importShippedDefinitions(db: Kysely<Database>): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  for (const file of listDefinitionFiles()) out.push(await importDefinitionFile(db, file));
  return out;
}
