import "server-only";
import { blindLabelRefused } from "@/lib/review/server/blind-labels";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { assertRoleAllows } from "@/lib/auth/server/workspace-access";
import { recordAuditEvents, type AuditEventInput } from "@/lib/audit/server/record-audit-event";
import type { Claim, UpdateClaimInput } from "@/lib/claims/claim.schemas";
import { requireClaimAccess } from "@/lib/claims/server/claim-access";
import { lockClaimRow } from "@/lib/claims/server/lock-claim-for-content-change";
import { claimSelect, toClaim, type ClaimViewer } from "@/lib/claims/server/claim-view";
import { db, type DbTransaction } from "@/lib/db";
import { emitWebhookEvent } from "@/lib/webhooks/server/emit-webhook-event";
import { AppError, notFound } from "@/lib/http/errors";
import { correctionChangesOf, recordCorrection } from "@/lib/publishing/server/record-correction";
import { checkContentChange, checkTransition, decisionOf } from "@/lib/review/review-state";

type ChangedField = Exclude<keyof UpdateClaimInput, "correctionNote">;

/**
 * The one place a claim's label, state, statement, assignee, verdict, verdict note or duplicate link changes. The caller
 * names the version it started from; a stale version is refused with the current claim (412), so
 * no update is ever lost. Each changed field is audited in the same transaction. Changing the content
 * of a decided claim reopens it (review-state's checkContentChange), so it is decided again. A change to
 * what a published claim's page shows is a public correction (recordCorrection), in the same transaction.
 */
export async function updateClaim({
  actor,
  claimId,
  version,
  input,
}: {
  actor: Actor;
  claimId: string;
  version: number;
  input: UpdateClaimInput;
}): Promise<Claim> {
  const { claim: found, role, isBlindReview, isSecondVerifierRequired } = await requireClaimAccess(actor, claimId, "workspace.read");
  if (input.label !== undefined || input.statement !== undefined || input.verdictNote !== undefined) assertRoleAllows(role, "claim.label");
  if (input.label !== undefined && isBlindReview && !can(role, "claim.decide")) throw blindLabelRefused();
  if (input.assigneeId !== undefined) {
    assertRoleAllows(role, "claim.assign");
    if (input.assigneeId !== null) await assertMember(found.workspaceId, input.assigneeId);
  }
  if (input.duplicateOfId !== undefined) assertRoleAllows(role, "claim.label");
  // The verdict is the desk's decision on whether the claim holds: editors and owners only.
  if (input.verdict !== undefined) assertRoleAllows(role, "claim.decide");
  const viewer: ClaimViewer = { role, isBlindReview };

  return db.$transaction(async (tx) => {
    if (input.duplicateOfId) {
      // Two claims marked duplicates of each other at once must not both pass the loop check:
      // duplicate links of a workspace are checked one transaction at a time.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`claim-duplicates:${found.workspaceId}`}, 0))`;
      await assertDuplicateTarget(tx, found.workspaceId, claimId, input.duplicateOfId);
    }
    // A state change reads the evidence count: lock the claim first, as evidence changes do, so an
    // evidence link removed meanwhile cannot leave a claim verified with none.
    if (input.state !== undefined) await lockClaimRow(tx, claimId);
    const current = await loadClaim(tx, claimId);
    if (current.version !== version) throw staleVersion(current, viewer);

    const changes = changedFields(current, input);
    const rating = changes.verdict ? await lockGivableRating(tx, current.workspaceId, changes.verdict) : changes.verdict === null ? null : current.rating;
    const isWordingChanged = changes.label !== undefined || changes.statement !== undefined;
    if (isWordingChanged || changes.verdict !== undefined || changes.verdictNote !== undefined) {
      const check = checkContentChange({ state: current.state, role });
      if (!check.ok) throw new AppError(check.code, check.message);
      if (check.reopensTo && changes.state === undefined) changes.state = check.reopensTo;
    }
    const lastEditedById = isWordingChanged ? actor.userId : current.lastEditedById;
    if (changes.state !== undefined) {
      const check = checkTransition({
        from: current.state,
        to: changes.state,
        role,
        label: changes.label !== undefined ? changes.label : current.label,
        verdict: changes.verdict !== undefined ? changes.verdict : current.verdict,
        evidenceCount: current._count.evidence,
        secondPerson: isSecondVerifierRequired ? { actorId: actor.userId, createdById: current.createdBy.id, lastEditedById } : undefined,
      });
      if (!check.ok) throw new AppError(check.code, check.message, { details: { allowed: check.allowed } });
    }
    const fields = Object.keys(changes) as ChangedField[];
    // A label set by an editor or owner is the final one; anyone else's waits for an editor. An editor
    // sending the label a claim already has confirms it (e.g. one set before blind review was switched on).
    const isDecider = can(role, "claim.decide");
    const isLabelConfirmed = input.label !== undefined && changes.label === undefined && isDecider && current.labelDecidedById === null;
    const labelDecision = changes.label !== undefined || isLabelConfirmed ? { labelDecidedById: isDecider ? actor.userId : null } : {};
    if (isLabelConfirmed) fields.push("label");
    if (fields.length === 0) return toClaim(current, viewer);
    await recordCorrection(tx, { actor, claimId, note: input.correctionNote, changes: correctionChangesOf(current, changes) });

    const updatedAt = new Date();
    const updated = await tx.claim.updateMany({
      where: { id: claimId, version, deletedAt: null },
      data: { ...changes, ...labelDecision, ...(changes.state !== undefined && decisionOf(changes.state, actor.userId, updatedAt)), updatedAt, lastEditedById, version: { increment: 1 } },
    });
    if (updated.count === 0) throw staleVersion(await loadClaim(tx, claimId), viewer);

    await recordAuditEvents(
      tx,
      fields.map(
        (field): AuditEventInput => ({
          workspaceId: current.workspaceId,
          actorId: actor.userId,
          entityType: "claim",
          entityId: claimId,
          claimId,
          action: field === "state" ? "claim.state_changed" : "claim.updated",
          field,
          before: current[field] ?? null,
          after: (field in changes ? changes[field] : current[field]) ?? null,
        }),
      ),
    );
    if (changes.state === "verified" || changes.state === "rejected") {
      const label = changes.label !== undefined ? changes.label : current.label;
      const statement = changes.statement !== undefined ? changes.statement : current.statement;
      const verdictNote = changes.verdictNote !== undefined ? changes.verdictNote : current.verdictNote;
      await emitWebhookEvent(tx, {
        workspaceId: current.workspaceId,
        type: changes.state === "verified" ? "claim.verified" : "claim.rejected",
        payload: {
          claim: {
            id: claimId,
            passageId: current.passageId,
            statement,
            label,
            verdict: changes.verdict !== undefined ? changes.verdict : current.verdict,
            verdictNote,
            state: changes.state,
            decidedAt: updatedAt.toISOString(),
            decidedBy: { id: actor.userId, name: actor.name },
          },
        },
      });
    }
    if (changes.assigneeId && changes.assigneeId !== actor.userId) {
      await tx.notification.create({
        data: { userId: changes.assigneeId, workspaceId: current.workspaceId, kind: "assignment", actorId: actor.userId, claimId },
      });
    }
    // The row is locked by our update, so the claim is exactly what we loaded plus our changes.
    return toClaim({ ...current, ...changes, rating, ...labelDecision, updatedAt, lastEditedById, version: version + 1 } as typeof current, viewer);
  });
}

async function loadClaim(tx: DbTransaction, claimId: string) {
  const row = await tx.claim.findUnique({ where: { id: claimId }, select: { ...claimSelect, lastEditedById: true } });
  if (!row) throw notFound("This claim");
  return row;
}

function changedFields(current: Awaited<ReturnType<typeof loadClaim>>, input: UpdateClaimInput): UpdateClaimInput {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input) as [ChangedField | "correctionNote", unknown][]) {
    // The correction note describes the change; it is not a field of the claim.
    if (field === "correctionNote") continue;
    if (value !== undefined && value !== current[field]) changes[field] = value;
  }
  return changes as UpdateClaimInput;
}

function staleVersion(current: Awaited<ReturnType<typeof loadClaim>>, viewer: ClaimViewer): AppError {
  return new AppError(
    "precondition_failed",
    `Someone else changed this claim (it is now at version ${current.version}). Review their change, then apply yours again.`,
    { details: { current: toClaim(current, viewer) }, headers: { ETag: `"${current.version}"` } },
  );
}

/** The original must be a live claim of the same workspace (else 404), and the link must not close a loop. */
async function assertDuplicateTarget(tx: DbTransaction, workspaceId: string, claimId: string, duplicateOfId: string): Promise<void> {
  if (duplicateOfId === claimId) {
    const message = "A claim cannot be a duplicate of itself; choose another claim.";
    throw new AppError("validation_failed", message, { details: [{ path: ["body", "duplicateOfId"], message }] });
  }
  let nextId: string | null = duplicateOfId;
  // Follow the original's own duplicate links: reaching this claim again would make a loop.
  for (let hops = 0; nextId !== null && hops < 50; hops++) {
    const original: { id: string; duplicateOfId: string | null } | null = await tx.claim.findFirst({
      where: { id: nextId, workspaceId, deletedAt: null, passage: { deletedAt: null } },
      select: { id: true, duplicateOfId: true },
    });
    if (!original) {
      if (hops === 0) throw notFound("The claim to mark this one a duplicate of");
      return;
    }
    if (original.duplicateOfId === claimId) {
      throw new AppError("conflict", "That claim is already marked as a duplicate of this one. Unlink it first, or mark it the other way round.");
    }
    nextId = original.duplicateOfId;
  }
}

/**
 * The rating a claim is being given, share-locked so the scale cannot remove or retire it before
 * this claim commits; an unknown or retired key is refused naming the field and the choices.
 */
async function lockGivableRating(tx: DbTransaction, workspaceId: string, key: string): Promise<{ name: string }> {
  const [rating] = await tx.$queryRaw<{ name: string; retiredAt: Date | null }[]>`
    SELECT name, "retiredAt" FROM "Rating" WHERE "workspaceId" = ${workspaceId} AND key = ${key} FOR SHARE`;
  if (rating && rating.retiredAt === null) return { name: rating.name };
  const givable = await tx.rating.findMany({ where: { workspaceId, retiredAt: null }, orderBy: { position: "asc" }, select: { key: true } });
  const choices = `Choose one of: ${givable.map((option) => option.key).join(", ")}.`;
  const message = rating
    ? `The rating “${rating.name}” (${key}) is retired from this workspace's scale, so claims can no longer be given it. ${choices}`
    : `“${key}” is not a rating on this workspace's scale. ${choices}`;
  throw new AppError("validation_failed", message, { details: [{ path: ["body", "verdict"], message }] });
}

async function assertMember(workspaceId: string, userId: string): Promise<void> {
  const membership = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } });
  if (!membership) {
    const message = "The assignee must be a member of this workspace.";
    throw new AppError("validation_failed", message, { details: [{ path: ["body", "assigneeId"], message }] });
  }
}
