import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import type { CommentList } from "@/lib/comments/comment.schemas";
import { commentSelect, mentionCandidates, toComment } from "@/lib/comments/server/comment-view";
import { db } from "@/lib/db";
import { keysetPage, type PaginationQuery } from "@/lib/http/pagination";

/** A claim's discussion, oldest first, as a conversation reads. */
export async function listComments({ actor, claimId, query }: { actor: Actor; claimId: string; query: PaginationQuery }): Promise<CommentList> {
  const { claim } = await requireClaimAccess(actor, claimId, "workspace.read");
  const [page, candidates] = await Promise.all([
    keysetPage({
      query,
      order: { direction: "asc", columns: { createdAt: "date", id: "id" } },
      findRows: ({ after, orderBy, take }) => db.comment.findMany({ where: { AND: [{ claimId, deletedAt: null }, after] }, orderBy, take, select: commentSelect }),
    }),
    mentionCandidates(db, claim.workspaceId),
  ]);
  return { items: page.items.map((row) => toComment(row, candidates)), nextCursor: page.nextCursor };
}
