import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import type { RatingScale } from "@/lib/ratings/rating.schemas";
import { readRatingRows, toRatingScale } from "@/lib/ratings/server/rating-scale-view";

/** The workspace's rating scale, in order (any member). */
export async function readRatingScale({ actor, workspaceId }: { actor: Actor; workspaceId: string }): Promise<RatingScale> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  return toRatingScale(await readRatingRows(workspaceId));
}
