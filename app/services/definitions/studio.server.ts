/**
 * What the studio's pages read about one version or draft, and the editor's save: a change (domain/studio/edit)
 * applied to the draft at the revision the person saw, so a concurrent save by someone else is refused.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { applyEdit, type Edit } from "../../domain/studio/edit";
import { getDraft, saveDraft, type Draft, type DraftScope } from "./drafts.server";

export async function editDraft(db: Kysely<Database>, id: string, input: { revision: number; edit: Edit }, scope: DraftScope): Promise<{ draft: Draft; focus?: ReturnType<typeof applyEdit>["focus"] }> {
  const current = await getDraft(db, id, scope);
  const { raw, focus } = applyEdit(current.raw, input.edit);
  const draft = await saveDraft(db, id, { raw, revision: input.revision }, scope);
  return { draft, focus };
}
