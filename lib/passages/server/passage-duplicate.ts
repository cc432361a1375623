import "server-only";
import { db, type DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { passagePagePath } from "@/lib/passages/server/passage-view";

/**
 * Refuses a second live passage with the same text in a workspace. The advisory lock, held until
 * the transaction ends, makes two simultaneous imports of one text wait for each other.
 */
export async function assertTextNotInWorkspace(
  tx: DbTransaction,
  input: { workspaceId: string; textHash: string; exceptPassageId?: string },
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`passage-text:${input.workspaceId}:${input.textHash}`}, 0))`;
  const existing = await tx.passage.findFirst({
    where: {
      workspaceId: input.workspaceId,
      textHash: input.textHash,
      deletedAt: null,
      ...(input.exceptPassageId ? { id: { not: input.exceptPassageId } } : {}),
    },
    select: { id: true, title: true, workspaceId: true },
  });
  if (!existing) return;
  throw new AppError(
    "conflict",
    `This workspace already has this text, as the passage “${existing.title}”. Open that passage instead of importing it again.`,
    { details: { existingPassage: { id: existing.id, title: existing.title, url: passagePagePath(existing) } } },
  );
}

/**
 * Refuses to import a web address a live passage of the workspace already came from. Revisions will
 * turn this into "add as a new revision"; until then the 409 names the passage, as for the same text.
 */
export async function assertUrlNotInWorkspace(workspaceId: string, urls: string[], client: DbTransaction | typeof db = db): Promise<void> {
  const existing = await client.passage.findFirst({
    where: { workspaceId, deletedAt: null, sourceUrl: { in: [...new Set(urls)] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, workspaceId: true },
  });
  if (!existing) return;
  throw new AppError(
    "conflict",
    `This workspace already has a passage from this address, “${existing.title}”. Open that passage instead of importing it again.`,
    { details: { existingPassage: { id: existing.id, title: existing.title, url: passagePagePath(existing) } } },
  );
}
