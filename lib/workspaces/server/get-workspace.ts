import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { Workspace } from "@/lib/workspaces/workspace.schemas";
import { toWorkspace, workspaceSelect } from "@/lib/workspaces/server/workspace-view";

export async function getWorkspace({ actor, workspaceId }: { actor: Actor; workspaceId: string }): Promise<Workspace> {
  const access = await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: workspaceSelect });
  if (!workspace) throw notFound("This workspace");
  return toWorkspace(workspace, access.role);
}
