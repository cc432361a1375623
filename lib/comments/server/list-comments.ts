import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import type { CommentList } from "@/lib/comments/comment.schemas";
import { commentSelect, mentionCandidates, toComment } from "@/lib/comments/server/comment-view";
import { db } from "@/lib/db";
import { afterKeyset, decodeCursor, encodeCursor, type PaginationQuery } from "@/lib/http/pagination";

/** A claim's discussion, oldest first, as a conversation reads. */
export async function listComments({ actor, claimId, query }: { actor: Actor; claimId: string; query: PaginationQuery }): Promise<CommentList> {
  const { claim } = await requireClaimAccess(actor, claimId, "workspace.read");
  const [rows, candidates] = await Promise.all([
    db.comment.findMany({
      where: {
        claimId,
        deletedAt: null,
        ...(query.cursor ? afterKeyset(decodeCursor(query.cursor), "asc") : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: query.limit + 1,
      select: commentSelect,
    }),
    mentionCandidates(db, claim.workspaceId),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toComment(row, candidates)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
