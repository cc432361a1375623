import "server-only";
import type { DbTransaction } from "@/lib/db";
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
