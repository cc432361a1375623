import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import type { Comment, CreateCommentInput } from "@/lib/comments/comment.schemas";
import { findMentions } from "@/lib/comments/mentions";
import { commentSelect, mentionCandidates, toComment } from "@/lib/comments/server/comment-view";
import { db } from "@/lib/db";

/** Posts a comment on a claim; each member it mentions (other than the author) is notified once. */
export async function createComment({ actor, claimId, input }: { actor: Actor; claimId: string; input: CreateCommentInput }): Promise<Comment> {
  const { claim } = await requireClaimAccess(actor, claimId, "comment.create");
  return db.$transaction(async (tx) => {
    const candidates = await mentionCandidates(tx, claim.workspaceId);
    const row = await tx.comment.create({
      data: { workspaceId: claim.workspaceId, claimId, authorId: actor.userId, body: input.body },
      select: commentSelect,
    });
    const mentionedUserIds = [...new Set(findMentions(input.body, candidates).map((mention) => mention.userId))].filter((userId) => userId !== actor.userId);
    if (mentionedUserIds.length > 0) {
      await tx.notification.createMany({
        data: mentionedUserIds.map((userId) => ({ userId, workspaceId: claim.workspaceId, kind: "mention", actorId: actor.userId, claimId, commentId: row.id })),
      });
    }
    await recordAuditEvents(tx, [
      {
        workspaceId: claim.workspaceId,
        actorId: actor.userId,
        entityType: "comment",
        entityId: row.id,
        claimId,
        action: "comment.created",
        after: { body: input.body, mentionedUserIds },
      },
    ]);
    return toComment(row, candidates);
  });
}
