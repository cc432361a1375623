import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";
import { passageSuggestions, SUGGESTION_DISMISSED } from "@/lib/suggestions/server/passage-suggestions";
import type { DismissSuggestionInput } from "@/lib/suggestions/suggestion.schemas";

export type SuggestionDismissal = { start: number; end: number; exact: string };

/**
 * Hides a suggestion of the passage for everyone: a SuggestionDismissal row, with a
 * `suggestion.dismissed` audit event as history. Dismissing is a marking decision, so it needs the
 * role that may mark claims. Dismissing twice stores and records one.
 */
export async function dismissSuggestion({
  actor,
  passageId,
  input,
}: {
  actor: Actor;
  passageId: string;
  input: DismissSuggestionInput;
}): Promise<{ dismissal: SuggestionDismissal; isNew: boolean }> {
  return db.$transaction(async (tx) => {
    const { passage } = await requirePassageAccess(actor, passageId, "claim.create", { client: tx, includeText: true, forUpdate: true });
    const suggestion = passageSuggestions(passage).find((item) => item.start === input.start && item.end === input.end);
    if (!suggestion) {
      throw new AppError(
        "validation_failed",
        `No suggestion of this passage spans ${input.start}–${input.end}. Send the start and end of an item from GET /api/v1/passages/${passageId}/suggestions.`,
        { details: [{ path: ["body", "start"], message: "Not the span of a suggestion" }] },
      );
    }
    const dismissal = { start: suggestion.start, end: suggestion.end, exact: suggestion.exact };
    const created = await tx.suggestionDismissal.createMany({
      data: [{ passageId, start: suggestion.start, end: suggestion.end, dismissedById: actor.userId }],
      skipDuplicates: true,
    });
    if (created.count === 0) return { dismissal, isNew: false };
    await recordAuditEvents(tx, [
      { workspaceId: passage.workspaceId, actorId: actor.userId, entityType: "passage", entityId: passageId, action: SUGGESTION_DISMISSED, after: dismissal },
    ]);
    return { dismissal, isNew: true };
  });
}
