import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { keysetPage, type PaginationQuery } from "@/lib/http/pagination";
import type { PendingInvitationList } from "@/lib/invitations/invitation.schemas";

/** Invitations that can still be accepted (owners only), newest first; never their links. */
export async function listInvitations({
  actor,
  workspaceId,
  query,
}: {
  actor: Actor;
  workspaceId: string;
  query: PaginationQuery;
}): Promise<PendingInvitationList> {
  await requireWorkspaceAccess(actor, workspaceId, "member.manage");
  const page = await keysetPage({
    query,
    order: { direction: "desc", columns: { createdAt: "date", id: "id" } },
    findRows: ({ after, orderBy, take }) =>
      db.invitation.findMany({
        where: { AND: [{ workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, after] },
        orderBy,
        take,
        select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, invitedBy: { select: { id: true, name: true } } },
      }),
  });
  return {
    items: page.items.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() })),
    nextCursor: page.nextCursor,
  };
}
