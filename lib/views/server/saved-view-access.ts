import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { canEditSavedView, savedViewSelect } from "@/lib/views/server/saved-view-read";

/**
 * A view the actor may change: someone else's personal view is not found (it is not theirs to
 * see); someone else's shared view needs an editor or owner.
 */
export async function requireEditableSavedView({ actor, workspaceId, viewId }: { actor: Actor; workspaceId: string; viewId: string }) {
  const access = await requireWorkspaceAccess(actor, workspaceId, "view.create");
  const view = await db.savedView.findFirst({
    where: { id: viewId, workspaceId, OR: [{ visibility: "shared" }, { ownerId: actor.userId }] },
    select: savedViewSelect,
  });
  if (!view) throw notFound("This view");
  if (!canEditSavedView(view, { userId: actor.userId, role: access.role })) {
    throw new AppError("forbidden", `Only ${view.owner.name}, who made this shared view, or an editor or owner can change it.`);
  }
  return { access, view };
}
