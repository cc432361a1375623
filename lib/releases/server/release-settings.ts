import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { ReleaseLicenceSchema, type ReleaseSettings, type UpdateReleaseSettingsInput } from "@/lib/releases/release.schemas";

/** The workspace's release licence as stored (no row: none chosen). */
export async function readReleaseLicence(workspaceId: string) {
  const row = await db.releaseSettings.findUnique({ where: { workspaceId }, select: { licence: true } });
  return row?.licence ? ReleaseLicenceSchema.parse(row.licence) : null;
}

export async function getReleaseSettings({ actor, workspaceId }: { actor: Actor; workspaceId: string }): Promise<ReleaseSettings> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  return { licence: await readReleaseLicence(workspaceId) };
}

/** The owners' choice of licence for the workspace's releases; audited. Releases already cut keep theirs. */
export async function updateReleaseSettings({
  actor,
  workspaceId,
  input,
}: {
  actor: Actor;
  workspaceId: string;
  input: UpdateReleaseSettingsInput;
}): Promise<ReleaseSettings> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.settings");
  return db.$transaction(async (tx) => {
    const before = await tx.releaseSettings.findUnique({ where: { workspaceId }, select: { licence: true } });
    await tx.releaseSettings.upsert({
      where: { workspaceId },
      create: { workspaceId, licence: input.licence, updatedById: actor.userId },
      update: { licence: input.licence, updatedById: actor.userId },
    });
    if ((before?.licence ?? null) !== input.licence) {
      await recordAuditEvents(tx, [
        { workspaceId, actorId: actor.userId, entityType: "workspace", entityId: workspaceId, action: "release.licence", field: "licence", before: before?.licence ?? null, after: input.licence },
      ]);
    }
    return { licence: input.licence };
  });
}
