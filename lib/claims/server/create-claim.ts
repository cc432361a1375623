import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { anchorByPosition, anchorByQuote } from "@/lib/claims/anchoring";
import type { Claim, CreateClaimInput } from "@/lib/claims/claim.schemas";
import { claimSelect, toClaim } from "@/lib/claims/server/claim-view";
import { db, type DbTransaction } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { ReviewState, Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/errors";
import { decisionOf } from "@/lib/review/review-state";
import { blindLabelRefused } from "@/lib/review/server/blind-labels";
import { requirePassageAccess } from "@/lib/passages/server/passage-access";
import { lockPassageRevision } from "@/lib/revisions/server/lock-passage-revision";

/** Where a claim came from: marked by a person, or an accepted suggestion (recorded in its audit event). */
export type ClaimOrigin = "manual" | "suggestion";

/** Marks a span of a passage as a draft claim, anchored by offsets or by quote. */
export async function createClaim({ actor, passageId, input }: { actor: Actor; passageId: string; input: CreateClaimInput }): Promise<Claim> {
  const { passage, role, isBlindReview } = await requirePassageAccess(actor, passageId, "claim.create", { includeText: true });
  return db.$transaction(async (tx) => {
    await lockPassageRevision(tx, passage.id, passage.revision);
    return insertClaim(tx, { actor, role, isBlindReview, passage, input });
  });
}

/**
 * What an import adds to the claim it writes: the state, verdict and verdict note the file carries (the
 * importer asked review-state whether it may set that state), the original creation time, and
 * where it came from. Its event is `claim.imported` instead of `claim.created`.
 */
export type ImportedClaim = { state: ReviewState; verdictNote: string | null; verdict: string | null; createdAt: Date | null; evidenceCount: number; from: Record<string, unknown> };

/**
 * The one way a claim is written with its `claim.created` (or `claim.imported`) event, in the
 * caller's transaction after the caller checked "claim.create": createClaim, batch create,
 * accepting suggestions (several at once), and importing. It refuses (AppError) before it writes
 * anything, so a caller may report a refused item and go on in the same transaction.
 */
export async function insertClaim(
  tx: DbTransaction,
  {
    actor,
    role,
    isBlindReview,
    passage,
    input,
    origin = "manual",
    imported,
  }: { actor: Actor; role: Role; isBlindReview: boolean; passage: { id: string; workspaceId: string; text: string }; input: CreateClaimInput; origin?: ClaimOrigin; imported?: ImportedClaim },
): Promise<Claim> {
  const passageId = passage.id;
  // Blind double review: a label shown on a new claim would be a vote everyone sees, so suggestions arrive unlabelled and only an editor sets one.
  if (isBlindReview && origin === "suggestion") input = { ...input, label: undefined };
  if (isBlindReview && input.label != null && !can(role, "claim.decide")) throw blindLabelRefused();
  const anchor = "exact" in input ? anchorByQuote(passage.text, input) : anchorByPosition(passage.text, input);
  if (!anchor.ok) {
    throw new AppError("validation_failed", `The claim cannot be placed: ${anchor.reason}`, {
      details: [{ path: ["body", "exact" in input ? "exact" : "start"], message: anchor.reason }],
    });
  }
  const { quote, position } = anchor.target;
  const claim = await tx.claim.create({
    data: {
      workspaceId: passage.workspaceId,
      passageId,
      createdById: actor.userId,
      lastEditedById: actor.userId,
      statement: input.statement ?? quote.exact,
      label: input.label,
      // An editor's label is final from the start; anyone else's waits for an editor.
      labelDecidedById: input.label != null && can(role, "claim.decide") ? actor.userId : null,
      ...quote,
      ...position,
      // An imported decided claim was decided, for this desk, by whoever brought it in (they need claim.decide).
      ...(imported && {
        state: imported.state,
        verdictNote: imported.verdictNote,
        verdict: imported.verdict,
        ...decisionOf(imported.state, actor.userId, new Date()),
        ...(imported.createdAt && { createdAt: imported.createdAt }),
      }),
    },
    select: claimSelect,
  });
  await recordAuditEvents(tx, [
    {
      workspaceId: passage.workspaceId,
      actorId: actor.userId,
      entityType: "claim",
      entityId: claim.id,
      claimId: claim.id,
      action: imported ? "claim.imported" : "claim.created",
      after: {
        exact: quote.exact,
        start: position.start,
        end: position.end,
        label: input.label ?? null,
        ...(origin === "manual" ? {} : { origin }),
        ...(imported && { state: imported.state, verdict: imported.verdict, evidenceCount: imported.evidenceCount, from: imported.from }),
      },
    },
  ]);
  return toClaim(claim, { role, isBlindReview });
}
