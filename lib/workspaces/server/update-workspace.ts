import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { UpdateWorkspaceInput, Workspace } from "@/lib/workspaces/workspace.schemas";
import { toWorkspace, workspaceSelect } from "@/lib/workspaces/server/workspace-view";

/** Renames a workspace or switches blind double review or second-person verification (owners). */
export async function updateWorkspace({ actor, workspaceId, input }: { actor: Actor; workspaceId: string; input: UpdateWorkspaceInput }): Promise<Workspace> {
  const access = await requireWorkspaceAccess(actor, workspaceId, "workspace.settings");
  return db.$transaction(async (tx) => {
    const before = await tx.workspace.findUnique({ where: { id: workspaceId }, select: workspaceSelect });
    if (!before) throw notFound("This workspace");
    const after = await tx.workspace.update({ where: { id: workspaceId }, data: input, select: workspaceSelect });
    await recordAuditEvents(
      tx,
      (["name", "isBlindReview", "isSecondVerifierRequired"] as const)
        .filter((field) => input[field] !== undefined && input[field] !== before[field])
        .map((field) => ({
          workspaceId,
          actorId: actor.userId,
          entityType: "workspace" as const,
          entityId: workspaceId,
          action: "workspace.updated",
          field,
          before: before[field],
          after: after[field],
        })),
    );
    return toWorkspace(after, access.role);
  });
}
