import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor, type PaginationQuery } from "@/lib/http/pagination";
import type { MemberList } from "@/lib/members/member.schemas";
import { memberSelect, toMember } from "@/lib/members/server/member-view";

/** A workspace's members, longest-standing first, by keyset pagination; any member may read it. */
export async function listMembers({ actor, workspaceId, page }: { actor: Actor; workspaceId: string; page: PaginationQuery }): Promise<MemberList> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const rows = await db.membership.findMany({
    where: {
      workspaceId,
      ...(after
        ? { OR: [{ createdAt: { gt: new Date(after.at) } }, { createdAt: new Date(after.at), userId: { gt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
    take: page.limit + 1,
    select: memberSelect,
  });
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toMember),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.userId }) : null,
  };
}
