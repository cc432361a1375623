import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertRoleAllows } from "@/lib/auth/server/workspace-access";
import { recordAuditEvents } from "@/lib/audit/server/record-audit-event";
import { anchorByPosition, anchorByQuote } from "@/lib/claims/anchoring";
import type { Claim } from "@/lib/claims/claim.schemas";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { claimSelect, toClaim, type ClaimViewer } from "@/lib/claims/server/claim-view";
import { db, type DbTransaction } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import type { SetClaimAnchorInput } from "@/lib/revisions/revision.schemas";

/**
 * A person's decision about a claim's anchor after a revision: confirm a `changed` anchor, place
 * the claim on a span of the newest revision, or confirm it orphaned. Either way the anchor no longer
 * needs review (confidence 1). Reviewers decide for claims not yet decided; a verified or rejected
 * claim needs an editor, as any change to a decided claim's content does (its ClaimReview export
 * depends on it). The review state does not change.
 */
export async function setClaimAnchor({ actor, claimId, version, input }: { actor: Actor; claimId: string; version: number; input: SetClaimAnchorInput }): Promise<Claim> {
  const { role, isBlindReview } = await requireClaimAccess(actor, claimId, "claim.label");
  const viewer: ClaimViewer = { role, isBlindReview };
  return db.$transaction(async (tx) => {
    const current = await loadClaim(tx, claimId);
    if (current.state === "verified" || current.state === "rejected") assertRoleAllows(role, "claim.decide");
    if (current.version !== version) {
      throw new AppError("precondition_failed", `Someone else changed this claim (it is now at version ${current.version}). Look at its anchor again.`, {
        details: { current: toClaim(current, viewer) },
        headers: { ETag: `"${current.version}"` },
      });
    }
    const passage = await tx.passage.findUniqueOrThrow({ where: { id: current.passageId }, select: { text: true, revision: true } });
    const changes = anchorChanges(input, current, passage);
    const after = { ...current, ...changes };
    const updatedAt = new Date();
    await tx.claim.update({ where: { id: claimId }, data: { ...changes, updatedAt, version: { increment: 1 } } });
    await recordAuditEvents(tx, [
      {
        workspaceId: current.workspaceId,
        actorId: actor.userId,
        entityType: "claim",
        entityId: claimId,
        claimId,
        action: `claim.anchor_${input.action === "place" ? "placed" : input.action === "confirm" ? "confirmed" : "orphaned"}`,
        field: "anchor",
        before: { status: current.anchorStatus, exact: current.exact, start: current.start, end: current.end, revision: current.anchorRevision },
        after: { status: after.anchorStatus, exact: after.exact, start: after.start, end: after.end, revision: after.anchorRevision },
      },
    ]);
    return toClaim({ ...current, ...changes, updatedAt, version: version + 1 }, viewer);
  });
}

type LoadedClaim = Awaited<ReturnType<typeof loadClaim>>;

type AnchorChanges = Partial<Pick<LoadedClaim, "exact" | "prefix" | "suffix" | "start" | "end">> &
  Pick<LoadedClaim, "anchorStatus" | "anchorConfidence" | "anchorRevision" | "previousQuote">;

function anchorChanges(input: SetClaimAnchorInput, current: LoadedClaim, passage: { text: string; revision: number }): AnchorChanges {
  const settled = { anchorConfidence: 1, anchorRevision: passage.revision, previousQuote: null };
  if (input.action === "confirm") {
    if (current.anchorStatus !== "changed") {
      throw new AppError("conflict", `Only a changed anchor can be confirmed; this one is ${current.anchorStatus}. Place the claim on a span instead.`);
    }
    return { ...settled, anchorStatus: "exact" as const };
  }
  if (input.action === "orphan") {
    // An orphan keeps the target it had; only its confirmation changes.
    return { ...settled, anchorStatus: "orphaned" as const, anchorRevision: current.anchorStatus === "orphaned" ? current.anchorRevision : passage.revision };
  }
  const anchored = "start" in input ? anchorByPosition(passage.text, input) : anchorByQuote(passage.text, input);
  if (!anchored.ok) {
    throw new AppError("validation_failed", anchored.reason, { details: [{ path: ["body", "start" in input ? "start" : "exact"], message: anchored.reason }] });
  }
  const { quote, position } = anchored.target;
  return { ...settled, anchorStatus: "exact" as const, ...quote, ...position };
}

async function loadClaim(tx: DbTransaction, claimId: string) {
  const row = await tx.claim.findUnique({ where: { id: claimId }, select: claimSelect });
  if (!row) throw notFound("This claim");
  return row;
}
