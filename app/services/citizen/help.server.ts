import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { helpLines, type HelpLine } from "../../domain/help-contacts";

/** The help contacts of the rounds open now, for citizen pages that do not know the citizen's round yet. */
export async function openRoundHelp(db: Kysely<Database>): Promise<HelpLine[]> {
  const rows = await db
    .selectFrom("rounds")
    .select(["name", "help_contact"])
    .where("status", "=", "open")
    .where("help_contact", "is not", null)
    .execute();
  return helpLines(rows.map((r) => ({ name: r.name, helpContact: r.help_contact })));
}
