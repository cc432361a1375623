import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { PERSONAL_VIEWS_MAX, SHARED_VIEWS_MAX, type SavedViewVisibility } from "@/lib/views/view.schemas";

/** One list of views is counted in one query; these bounds keep that query small (409 beyond them). */
export async function assertRoomForView({ workspaceId, ownerId, visibility }: { workspaceId: string; ownerId: string; visibility: SavedViewVisibility }) {
  const isShared = visibility === "shared";
  const existing = await db.savedView.count({ where: isShared ? { workspaceId, visibility } : { workspaceId, visibility, ownerId } });
  const limit = isShared ? SHARED_VIEWS_MAX : PERSONAL_VIEWS_MAX;
  if (existing >= limit) {
    throw new AppError(
      "conflict",
      isShared
        ? `This workspace already has ${limit} shared views; delete one before sharing another.`
        : `You already have ${limit} personal views in this workspace; delete one before saving another.`,
    );
  }
}
