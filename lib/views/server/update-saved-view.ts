import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertRoleAllows } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { requireEditableSavedView } from "@/lib/views/server/saved-view-access";
import { assertRoomForView } from "@/lib/views/server/saved-view-limits";
import { savedViewSelect, toSavedViews } from "@/lib/views/server/saved-view-read";
import type { SavedView, UpdateSavedViewInput } from "@/lib/views/view.schemas";

/** Renames a view, replaces its filter, or shares or unshares it. */
export async function updateSavedView({
  actor,
  workspaceId,
  viewId,
  input,
}: {
  actor: Actor;
  workspaceId: string;
  viewId: string;
  input: UpdateSavedViewInput;
}): Promise<SavedView> {
  const { access, view } = await requireEditableSavedView({ actor, workspaceId, viewId });
  if (input.visibility && input.visibility !== view.visibility) {
    assertRoleAllows(access.role, "view.share");
    // A personal view is its owner's alone; someone else unsharing it would hide it from everyone but them.
    if (input.visibility === "personal" && view.ownerId !== actor.userId) {
      throw new AppError("forbidden", `Only ${view.owner.name}, who made this view, can make it personal again.`);
    }
    await assertRoomForView({ workspaceId, ownerId: view.ownerId, visibility: input.visibility });
  }
  const row = await db.savedView.update({
    where: { id: view.id },
    data: { name: input.name, visibility: input.visibility, filter: input.filter },
    select: savedViewSelect,
  });
  const [changed] = await toSavedViews([row], { userId: actor.userId, role: access.role, isBlindReview: access.isBlindReview });
  if (!changed) throw new Error("The changed view could not be read back");
  return changed;
}
