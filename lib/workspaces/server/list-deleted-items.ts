import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { restoreWindowStart } from "@/lib/workspaces/restore-window";

export type DeletedItem = { kind: "passage" | "claim"; id: string; title: string; deletedAt: string; deletedBy: string | null };

/** Passages and claims deleted within the restore window, newest first: what an editor can still restore. */
export async function listDeletedItems({ actor, workspaceId }: { actor: Actor; workspaceId: string }): Promise<DeletedItem[]> {
  await requireWorkspaceAccess(actor, workspaceId, "claim.restore");
  const since = restoreWindowStart(new Date());
  const [passages, claims] = await Promise.all([
    db.passage.findMany({
      where: { workspaceId, deletedAt: { gte: since } },
      orderBy: { deletedAt: "desc" },
      take: 200,
      select: { id: true, title: true, deletedAt: true, deletedById: true },
    }),
    db.claim.findMany({
      where: { workspaceId, deletedAt: { gte: since }, passage: { deletedAt: null } },
      orderBy: { deletedAt: "desc" },
      take: 200,
      select: { id: true, statement: true, deletedAt: true, deletedById: true },
    }),
  ]);
  const userIds = [...new Set([...passages, ...claims].flatMap((item) => (item.deletedById ? [item.deletedById] : [])))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  const items: DeletedItem[] = [
    ...passages.map((p) => ({ kind: "passage" as const, id: p.id, title: p.title, deletedAt: p.deletedAt?.toISOString() ?? "", deletedBy: nameOf.get(p.deletedById ?? "") ?? null })),
    ...claims.map((c) => ({ kind: "claim" as const, id: c.id, title: c.statement, deletedAt: c.deletedAt?.toISOString() ?? "", deletedBy: nameOf.get(c.deletedById ?? "") ?? null })),
  ];
  return items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}
