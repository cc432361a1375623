import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertRoleAllows, requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { assertRoomForView } from "@/lib/views/server/saved-view-limits";
import { savedViewSelect, toSavedViews } from "@/lib/views/server/saved-view-read";
import type { CreateSavedViewInput, SavedView } from "@/lib/views/view.schemas";

/** Saves a filter and sort under a name: personal for any member, shared for editors and owners. */
export async function createSavedView({
  actor,
  workspaceId,
  input,
}: {
  actor: Actor;
  workspaceId: string;
  input: CreateSavedViewInput;
}): Promise<SavedView> {
  const access = await requireWorkspaceAccess(actor, workspaceId, "view.create");
  if (input.visibility === "shared") assertRoleAllows(access.role, "view.share");
  await assertRoomForView({ workspaceId, ownerId: actor.userId, visibility: input.visibility });
  const row = await db.savedView.create({
    data: { workspaceId, ownerId: actor.userId, name: input.name, visibility: input.visibility, filter: input.filter },
    select: savedViewSelect,
  });
  const [view] = await toSavedViews([row], { userId: actor.userId, role: access.role, isBlindReview: access.isBlindReview });
  if (!view) throw new Error("The new view could not be read back");
  return view;
}
