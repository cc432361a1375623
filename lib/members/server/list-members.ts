import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { keysetPage, type PaginationQuery } from "@/lib/http/pagination";
import type { MemberList } from "@/lib/members/member.schemas";
import { memberSelect, toMember } from "@/lib/members/server/member-view";

/** A workspace's members, longest-standing first, by keyset pagination; any member may read it. */
export async function listMembers({ actor, workspaceId, query }: { actor: Actor; workspaceId: string; query: PaginationQuery }): Promise<MemberList> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const page = await keysetPage({
    query,
    order: { direction: "asc", columns: { createdAt: "date", userId: "id" } },
    findRows: ({ after, orderBy, take }) => db.membership.findMany({ where: { AND: [{ workspaceId }, after] }, orderBy, take, select: memberSelect }),
  });
  return { items: page.items.map(toMember), nextCursor: page.nextCursor };
}
