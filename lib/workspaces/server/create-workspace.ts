import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { defaultRatingRows } from "@/lib/ratings/default-rating-scale";
import type { CreateWorkspaceInput, Workspace } from "@/lib/workspaces/workspace.schemas";
import { toWorkspace, workspaceSelect } from "@/lib/workspaces/server/workspace-view";

/** Creates a workspace with the caller as its owner and the default rating scale. */
export async function createWorkspace({ actor, input }: { actor: Actor; input: CreateWorkspaceInput }): Promise<Workspace> {
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { name: input.name, memberships: { create: { userId: actor.userId, role: "owner" } } },
      select: workspaceSelect,
    });
    await tx.rating.createMany({ data: defaultRatingRows(workspace.id) });
    await recordAuditEvents(tx, [
      {
        workspaceId: workspace.id,
        actorId: actor.userId,
        entityType: "workspace",
        entityId: workspace.id,
        action: "workspace.created",
        after: { name: workspace.name },
      },
    ]);
    return toWorkspace(workspace, "owner");
  });
}
