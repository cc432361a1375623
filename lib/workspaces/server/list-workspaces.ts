import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { keysetPage, type Page, type PaginationQuery } from "@/lib/http/pagination";
import type { Workspace } from "@/lib/workspaces/workspace.schemas";
import { toWorkspace, workspaceSelect } from "@/lib/workspaces/server/workspace-view";

/** The caller's workspaces, newest membership first, by keyset pagination. */
export async function listWorkspaces({ actor, query }: { actor: Actor; query: PaginationQuery }): Promise<Page<Workspace>> {
  const page = await keysetPage({
    query,
    order: { direction: "desc", columns: { createdAt: "date", workspaceId: "id" } },
    findRows: ({ after, orderBy, take }) =>
      db.membership.findMany({
        where: { AND: [{ userId: actor.userId }, after] },
        orderBy,
        take,
        select: { role: true, createdAt: true, workspaceId: true, workspace: { select: workspaceSelect } },
      }),
  });
  return { items: page.items.map((membership) => toWorkspace(membership.workspace, membership.role)), nextCursor: page.nextCursor };
}
