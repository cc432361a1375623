import "server-only";
import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/http/errors";

/**
 * Claims are placed by offsets into the text their writer read. A revision saved in between would
 * leave them pointing into the old text, unseen by its re-anchoring: so the writer's transaction
 * shares a lock on the passage row (waiting for a revision in progress, which holds it for update)
 * and refuses with 409 when the revision it read is no longer the newest.
 */
export async function lockPassageRevision(tx: DbTransaction, passageId: string, revision: number): Promise<void> {
  const rows = await tx.$queryRaw<{ revision: number }[]>`SELECT "revision" FROM "Passage" WHERE id = ${passageId} FOR SHARE`;
  const current = rows[0]?.revision;
  if (current !== undefined && current !== revision) {
    throw new AppError("conflict", `The passage was revised (it is now at revision ${current}) while you were marking. Mark the claim again on the new text.`, {
      details: { currentRevision: current },
    });
  }
}
