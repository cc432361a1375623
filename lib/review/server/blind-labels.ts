import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { lockClaimRow } from "@/lib/claims/server/lock-claim-for-content-change";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { BlindLabels, SubmitBlindLabelInput } from "@/lib/review/blind-review.schemas";

/** Reviewers in a blind workspace vote; only an editor sets a claim's final label. */
export function blindLabelRefused(): AppError {
  return new AppError(
    "conflict",
    "This workspace uses blind double review: your label is an independent vote (PUT /api/v1/claims/{id}/blind-label), and an editor sets the final label.",
  );
}

/**
 * A reviewer's independent label in a blind double review workspace. It is a vote, not the
 * claim's label: an editor sets that (through update-claim) after comparing the votes.
 */
export async function submitBlindLabel({ actor, claimId, input }: { actor: Actor; claimId: string; input: SubmitBlindLabelInput }): Promise<BlindLabels> {
  const { claim, role } = await requireClaimAccess(actor, claimId, "claim.label");
  await db.$transaction(async (tx) => {
    // Locked, so a vote racing an editor's decision waits for it and sees the claim closed.
    await lockClaimRow(tx, claimId);
    const row = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { state: true, workspace: { select: { isBlindReview: true } } } });
    if (!row.workspace.isBlindReview) {
      throw new AppError("conflict", "Blind double review is off in this workspace: set the claim's label directly.");
    }
    if (row.state === "verified" || row.state === "rejected") {
      throw new AppError("conflict", `This claim is already ${row.state}, so it takes no more votes; an editor would have to reopen it first.`);
    }
    const previous = await tx.blindLabel.findUnique({ where: { claimId_reviewerId: { claimId, reviewerId: actor.userId } }, select: { label: true } });
    if (previous?.label === input.label) return;
    await tx.blindLabel.upsert({
      where: { claimId_reviewerId: { claimId, reviewerId: actor.userId } },
      create: { claimId, reviewerId: actor.userId, label: input.label },
      update: { label: input.label },
    });
    await recordAuditEvents(tx, [
      {
        workspaceId: claim.workspaceId,
        actorId: actor.userId,
        entityType: "claim",
        entityId: claimId,
        claimId,
        action: "claim.blind_labelled",
        field: "blindLabel",
        before: previous?.label ?? null,
        after: input.label,
      },
    ]);
  });
  return readBlindLabels(actor.userId, claimId, can(role, "claim.decide"));
}

/** The caller's own vote, and every vote for editors; reviewers never see another reviewer's label. */
export async function getBlindLabels({ actor, claimId }: { actor: Actor; claimId: string }): Promise<BlindLabels> {
  const { role } = await requireClaimAccess(actor, claimId, "workspace.read");
  return readBlindLabels(actor.userId, claimId, can(role, "claim.decide"));
}

async function readBlindLabels(userId: string, claimId: string, canSeeAll: boolean): Promise<BlindLabels> {
  const row = await db.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: {
      workspace: { select: { isBlindReview: true } },
      blindLabels: {
        where: canSeeAll ? {} : { reviewerId: userId },
        orderBy: { createdAt: "asc" },
        select: { label: true, updatedAt: true, reviewer: { select: { id: true, name: true } } },
      },
    },
  });
  const labels = row.blindLabels.map((vote) => ({ reviewer: vote.reviewer, label: vote.label, updatedAt: vote.updatedAt.toISOString() }));
  return {
    isBlindReview: row.workspace.isBlindReview,
    myLabel: labels.find((vote) => vote.reviewer.id === userId)?.label ?? null,
    labels: canSeeAll ? labels : null,
  };
}
