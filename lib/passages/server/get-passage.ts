import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Passage } from "@/lib/passages/passage.schemas";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";
import { toPassage } from "@/lib/passages/server/passage-view";

/** One passage with its text, for any member of its workspace. */
export async function getPassage({ actor, passageId }: { actor: Actor; passageId: string }): Promise<Passage> {
  const { passage } = await requirePassageAccess(actor, passageId, "workspace.read", { includeText: true });
  return toPassage(passage);
}
