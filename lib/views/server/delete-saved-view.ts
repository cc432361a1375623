import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { requireEditableSavedView } from "@/lib/views/server/saved-view-access";

/** Deletes a view for good: it is a shortcut to a filter, nothing the desk decided is lost. */
export async function deleteSavedView({ actor, workspaceId, viewId }: { actor: Actor; workspaceId: string; viewId: string }): Promise<void> {
  const { view } = await requireEditableSavedView({ actor, workspaceId, viewId });
  await db.savedView.deleteMany({ where: { id: view.id } });
}
