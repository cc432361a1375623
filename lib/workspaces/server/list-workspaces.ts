import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor, type PaginationQuery } from "@/lib/http/pagination";
import type { Workspace } from "@/lib/workspaces/workspace.schemas";
import { toWorkspace, workspaceSelect } from "@/lib/workspaces/server/workspace-view";

/** The caller's workspaces, newest membership first, by keyset pagination. */
export async function listWorkspaces({
  actor,
  page,
}: {
  actor: Actor;
  page: PaginationQuery;
}): Promise<{ items: Workspace[]; nextCursor: string | null }> {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const memberships = await db.membership.findMany({
    where: {
      userId: actor.userId,
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after.at) } },
              { createdAt: new Date(after.at), workspaceId: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { workspaceId: "desc" }],
    take: page.limit + 1,
    select: { role: true, createdAt: true, workspaceId: true, workspace: { select: workspaceSelect } },
  });
  const hasMore = memberships.length > page.limit;
  const pageRows = memberships.slice(0, page.limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((membership) => toWorkspace(membership.workspace, membership.role)),
    nextCursor: hasMore && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.workspaceId }) : null,
  };
}

