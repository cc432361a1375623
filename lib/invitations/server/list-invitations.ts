import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor, type PaginationQuery } from "@/lib/http/pagination";
import type { PendingInvitationList } from "@/lib/invitations/invitation.schemas";

/** Invitations that can still be accepted (owners only), newest first; never their links. */
export async function listInvitations({
  actor,
  workspaceId,
  page,
}: {
  actor: Actor;
  workspaceId: string;
  page: PaginationQuery;
}): Promise<PendingInvitationList> {
  await requireWorkspaceAccess(actor, workspaceId, "member.manage");
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const rows = await db.invitation.findMany({
    where: {
      workspaceId,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      ...(after ? { OR: [{ createdAt: { lt: new Date(after.at) } }, { createdAt: new Date(after.at), id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, invitedBy: { select: { id: true, name: true } } },
  });
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() })),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
