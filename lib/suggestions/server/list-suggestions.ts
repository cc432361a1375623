import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";
import { openSuggestions } from "@/lib/suggestions/server/passage-suggestions";
import type { Suggestion } from "@/lib/suggestions/suggestion.schemas";

/** The passage's check-worthy sentences not yet marked or dismissed, best first. */
export async function listSuggestions({ actor, passageId, minScore }: { actor: Actor; passageId: string; minScore: number }): Promise<Suggestion[]> {
  const { passage } = await requirePassageAccess(actor, passageId, "workspace.read", { includeText: true });
  return openSuggestions(db, passage, minScore);
}
