import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import { db } from "@/lib/db";
import { savedViewSelect, toSavedViews } from "@/lib/views/server/saved-view-read";
import type { SavedViewList } from "@/lib/views/view.schemas";

/** The views a member sees: every shared view of the workspace and their own personal ones, by name. */
export async function listSavedViews({ actor, workspaceId }: { actor: Actor; workspaceId: string }): Promise<SavedViewList> {
  const access = await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  const rows = await db.savedView.findMany({
    where: { workspaceId, OR: [{ visibility: "shared" }, { ownerId: actor.userId }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: savedViewSelect,
  });
  return { items: await toSavedViews(rows, { userId: actor.userId, role: access.role, isBlindReview: access.isBlindReview }) };
}
