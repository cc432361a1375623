import "server-only";
import type { Comment } from "@/lib/comments/comment.schemas";
import { findMentions, type MentionCandidate } from "@/lib/comments/mentions";
import type { DbTransaction, db } from "@/lib/db";

export const commentSelect = {
  id: true,
  claimId: true,
  body: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} as const;

type CommentRow = { id: string; claimId: string; body: string; createdAt: Date; author: { id: string; name: string } };

/** The members a comment of this workspace can mention. */
export async function mentionCandidates(client: DbTransaction | typeof db, workspaceId: string): Promise<MentionCandidate[]> {
  const memberships = await client.membership.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return memberships.map(({ user }) => ({ userId: user.id, name: user.name, email: user.email }));
}

export function toComment(row: CommentRow, candidates: readonly MentionCandidate[]): Comment {
  const names = new Map(candidates.map((candidate) => [candidate.userId, candidate.name]));
  return {
    id: row.id,
    claimId: row.claimId,
    body: row.body,
    author: row.author,
    mentions: findMentions(row.body, candidates).map((mention) => ({ ...mention, name: names.get(mention.userId) ?? "" })),
    createdAt: row.createdAt.toISOString(),
  };
}
