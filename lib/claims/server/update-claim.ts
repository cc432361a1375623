import "server-only";
import { blindLabelRefused } from "@/lib/review/server/blind-labels";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { assertRoleAllows } from "@/lib/auth/server/workspace-access";
import { recordAuditEvents, type AuditEventInput } from "@/lib/audit/server/record-audit-event";
import type { Claim, UpdateClaimInput } from "@/lib/claims/claim.schemas";
import { assertClaimAccessible } from "@/lib/claims/server/claim-access";
import { runClaimWrite } from "@/lib/claims/server/claim-write-statement";
import { lockClaimRow } from "@/lib/claims/server/lock-claim-for-content-change";
import { claimSelect, hidesUndecidedLabels, toClaim, type ClaimViewer } from "@/lib/claims/server/claim-view";
import { db, type DbTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimLabel, ReviewState, Role } from "@/lib/generated/prisma/enums";
import { emitWebhookEvent } from "@/lib/webhooks/server/emit-webhook-event";
import { AppError, notFound } from "@/lib/http/errors";
import { newRowId } from "@/lib/row-id";
import { utcTimestampSql } from "@/lib/sql-time";
import { correctionChangesOf, recordCorrection } from "@/lib/publishing/server/record-correction";
import { checkContentChange, checkTransition, decisionOf } from "@/lib/review/review-state";

type ChangedField = Exclude<keyof UpdateClaimInput, "correctionNote">;

/** What the checks of a change read of the claim, whichever way it was read. */
type ClaimBeforeChange = {
  workspaceId: string;
  state: ReviewState;
  label: ClaimLabel | null;
  statement: string;
  assigneeId: string | null;
  verdictNote: string | null;
  verdict: string | null;
  duplicateOfId: string | null;
  labelDecidedById: string | null;
  lastEditedById: string | null;
  createdById: string;
  evidenceCount: number;
};

/** The caller's access to the claim and the claim as the checks need it, read in one statement. */
type UpdateAccess = {
  role: Role;
  isBlindReview: boolean;
  isSecondVerifierRequired: boolean;
  /** Whether the assignee the change names (if any) is a member of the claim's workspace. */
  isAssigneeMember: boolean;
  version: number;
  claim: ClaimBeforeChange;
};

/** A change worked out by the checks: the fields to write and what each audit event says. */
type PlannedUpdate = {
  changes: UpdateClaimInput;
  fields: ChangedField[];
  labelDecision: { labelDecidedById?: string | null };
  lastEditedById: string | null;
};

/**
 * The one place a claim's label, state, statement, assignee, verdict, verdict note or duplicate link changes. The caller
 * names the version it started from; a stale version is refused with the current claim (412), so
 * no update is ever lost. Each changed field is audited with the change. Changing the content
 * of a decided claim reopens it (review-state's checkContentChange), so it is decided again. A change to
 * what a published claim's page shows is a public correction (recordCorrection), in the same transaction.
 *
 * The common changes (label, statement, verdict note, assignee, and a reopening) take two statements:
 * one read of the access and the claim, the checks in TypeScript, then one statement that writes the
 * claim guarded by its version (the version proves the row is the one that was checked), its audit
 * events, the assignee's notification and the live NOTIFY, and answers the claim. A state change (it
 * reads the evidence count under the claim's lock and may emit webhooks), a verdict (it share-locks
 * the rating), a duplicate link (the loop check under the workspace's lock), a correction of a
 * published claim, or a guarded write that matched no row (someone else changed it) take the
 * transaction below, which runs the same checks again on what it locked.
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
  const access = await readUpdateAccess(actor, claimId, input.assigneeId ?? null);
  const { role, isBlindReview, claim: found } = access;
  if (input.label !== undefined || input.statement !== undefined || input.verdictNote !== undefined) assertRoleAllows(role, "claim.label");
  if (input.label !== undefined && isBlindReview && !can(role, "claim.decide")) throw blindLabelRefused();
  if (input.assigneeId !== undefined) {
    assertRoleAllows(role, "claim.assign");
    if (input.assigneeId !== null && !access.isAssigneeMember) {
      const message = "The assignee must be a member of this workspace.";
      throw new AppError("validation_failed", message, { details: [{ path: ["body", "assigneeId"], message }] });
    }
  }
  if (input.duplicateOfId !== undefined) assertRoleAllows(role, "claim.label");
  // The verdict is the desk's decision on whether the claim holds: editors and owners only.
  if (input.verdict !== undefined) assertRoleAllows(role, "claim.decide");
  const viewer: ClaimViewer = { role, isBlindReview };

  const isGuardedWritePossible = input.state === undefined && input.verdict === undefined && input.duplicateOfId === undefined && access.version === version;
  if (isGuardedWritePossible) {
    const plan = planUpdate({ actor, access, current: found, input });
    if (plan.fields.length > 0) {
      const written = await writeGuarded({ actor, claimId, version, current: found, plan, viewer, isPublicChange: correctionChangesOf(found, plan.changes).length > 0 });
      if (written) return written;
    }
  }
  return updateInTransaction({ actor, claimId, version, input, access, viewer });
}

/**
 * requireClaimAccess's rules (404 outside the caller's workspaces, 410 when the claim or its passage
 * is deleted) in the statement that also reads what the checks of a change need.
 */
async function readUpdateAccess(actor: Actor, claimId: string, assigneeId: string | null): Promise<UpdateAccess> {
  const rows = await db.$queryRaw<
    (Omit<ClaimBeforeChange, "evidenceCount"> & {
      role: Role;
      isBlindReview: boolean;
      isSecondVerifierRequired: boolean;
      isAssigneeMember: boolean;
      version: number;
      evidenceCount: number;
      deletedAt: Date | null;
      passageDeletedAt: Date | null;
    })[]
  >`
    SELECT m."role"::text AS "role", w."isBlindReview", w."isSecondVerifierRequired",
      EXISTS (SELECT 1 FROM "Membership" a WHERE a."workspaceId" = c."workspaceId" AND a."userId" = ${assigneeId}::text) AS "isAssigneeMember",
      c."version", c."workspaceId", c."state"::text AS "state", c."label"::text AS "label", c."statement", c."assigneeId", c."verdictNote", c."verdict",
      c."duplicateOfId", c."labelDecidedById", c."lastEditedById", c."createdById", c."evidenceCount", c."deletedAt", p."deletedAt" AS "passageDeletedAt"
    FROM "Claim" c
    JOIN "Passage" p ON p."id" = c."passageId"
    JOIN "Workspace" w ON w."id" = c."workspaceId"
    JOIN "Membership" m ON m."workspaceId" = c."workspaceId" AND m."userId" = ${actor.userId}
    WHERE c."id" = ${claimId}`;
  const row = rows[0];
  if (!row) throw notFound("This claim");
  assertClaimAccessible(row, "workspace.read");
  const { role, isBlindReview, isSecondVerifierRequired, isAssigneeMember, version, deletedAt: _deleted, passageDeletedAt: _passageDeleted, ...claim } = row;
  return { role, isBlindReview, isSecondVerifierRequired, isAssigneeMember, version, claim };
}

/**
 * The checks of a change (review-state's content-change and transition rules, the label decision),
 * on the claim as read; they throw AppError for a refused change. `changes` may gain the state a
 * content change reopens the claim to.
 */
function planUpdate({ actor, access, current, input }: { actor: Actor; access: UpdateAccess; current: ClaimBeforeChange; input: UpdateClaimInput }): PlannedUpdate {
  const { role, isSecondVerifierRequired } = access;
  const changes = changedFields(current, input);
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
      evidenceCount: current.evidenceCount,
      secondPerson: isSecondVerifierRequired ? { actorId: actor.userId, createdById: current.createdById, lastEditedById } : undefined,
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
  return { changes, fields, labelDecision, lastEditedById };
}

/** One audit event per changed field: what it was and what it is now. */
function auditEventsOf(actor: Actor, claimId: string, current: ClaimBeforeChange, { changes, fields }: PlannedUpdate): AuditEventInput[] {
  return fields.map((field) => ({
    workspaceId: current.workspaceId,
    actorId: actor.userId,
    entityType: "claim",
    entityId: claimId,
    claimId,
    action: field === "state" ? "claim.state_changed" : "claim.updated",
    field,
    before: current[field] ?? null,
    after: (field in changes ? changes[field] : current[field]) ?? null,
  }));
}

/** The columns a change writes besides updatedAt and version, as `SET` items. */
function claimColumnsSql(changes: UpdateClaimInput, plan: PlannedUpdate, decision: { decidedById: string | null; decidedAt: Date | null } | null): Prisma.Sql[] {
  const set: Prisma.Sql[] = [];
  if (changes.label !== undefined) set.push(Prisma.sql`"label" = ${changes.label}::text::"ClaimLabel"`);
  if (changes.statement !== undefined) set.push(Prisma.sql`"statement" = ${changes.statement}::text`);
  if (changes.verdictNote !== undefined) set.push(Prisma.sql`"verdictNote" = ${changes.verdictNote}::text`);
  if (changes.assigneeId !== undefined) set.push(Prisma.sql`"assigneeId" = ${changes.assigneeId}::text`);
  if (changes.state !== undefined) set.push(Prisma.sql`"state" = ${changes.state}::text::"ReviewState"`);
  if (decision) set.push(Prisma.sql`"decidedById" = ${decision.decidedById}::text, "decidedAt" = ${utcTimestampSql(decision.decidedAt)}`);
  if ("labelDecidedById" in plan.labelDecision) set.push(Prisma.sql`"labelDecidedById" = ${plan.labelDecision.labelDecidedById ?? null}::text`);
  set.push(Prisma.sql`"lastEditedById" = ${plan.lastEditedById}::text`);
  return set;
}

/**
 * The change in one statement: the claim's update, guarded by the version the checks read (and, for
 * a change to what a fact-check page shows, by the claim having no live page, whose change is a
 * correction), with its audit events, the assignee's notification and the NOTIFY written only when
 * the update matched, and the claim's JSON as the answer. Null when it matched no row.
 */
async function writeGuarded({
  actor,
  claimId,
  version,
  current,
  plan,
  viewer,
  isPublicChange,
}: {
  actor: Actor;
  claimId: string;
  version: number;
  current: ClaimBeforeChange;
  plan: PlannedUpdate;
  viewer: ClaimViewer;
  isPublicChange: boolean;
}): Promise<Claim | null> {
  const updatedAt = new Date();
  const { changes } = plan;
  const decision = changes.state !== undefined ? decisionOf(changes.state, actor.userId, updatedAt) : null;
  const events = auditEventsOf(actor, claimId, current, plan);
  const notifyAssignee =
    changes.assigneeId && changes.assigneeId !== actor.userId
      ? Prisma.sql`, notified_assignee AS (
          INSERT INTO "Notification" ("id", "userId", "workspaceId", "kind", "actorId", "claimId")
          SELECT ${newRowId()}::text, ${changes.assigneeId}::text, c."workspaceId", 'assignment', ${actor.userId}::text, c."id" FROM updated c)`
      : Prisma.empty;
  return runClaimWrite(db, {
    cte: "updated",
    written: Prisma.sql`
      UPDATE "Claim" c SET ${Prisma.join(claimColumnsSql(changes, plan, decision))}, "updatedAt" = ${utcTimestampSql(updatedAt)}, "version" = c."version" + 1
      WHERE c."id" = ${claimId} AND c."version" = ${version}::int AND c."deletedAt" IS NULL
        ${isPublicChange ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "Publication" pub WHERE pub."claimId" = c."id" AND pub."withdrawnAt" IS NULL)` : Prisma.empty}
      RETURNING c.*`,
    events,
    after: notifyAssignee,
    hidesLabels: hidesUndecidedLabels(viewer),
  });
}

/**
 * The change in one transaction, for what the guarded write does not cover: it locks what the checks
 * read (the claim for a state change, the rating for a verdict, the workspace's duplicate links for
 * a duplicate link), checks again on what it locked and answers 412 with the current claim when the
 * version moved on.
 */
async function updateInTransaction({
  actor,
  claimId,
  version,
  input,
  access,
  viewer,
}: {
  actor: Actor;
  claimId: string;
  version: number;
  input: UpdateClaimInput;
  access: UpdateAccess;
  viewer: ClaimViewer;
}): Promise<Claim> {
  const workspaceId = access.claim.workspaceId;
  return db.$transaction(async (tx) => {
    if (input.duplicateOfId) {
      // Two claims marked duplicates of each other at once must not both pass the loop check:
      // duplicate links of a workspace are checked one transaction at a time.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`claim-duplicates:${workspaceId}`}, 0))`;
      await assertDuplicateTarget(tx, workspaceId, claimId, input.duplicateOfId);
    }
    // A state change reads the evidence count: lock the claim first, as evidence changes do, so an
    // evidence link removed meanwhile cannot leave a claim verified with none.
    if (input.state !== undefined) await lockClaimRow(tx, claimId);
    const current = await loadClaim(tx, claimId);
    if (current.version !== version) throw staleVersion(current, viewer);

    const before: ClaimBeforeChange = { ...current, createdById: current.createdBy.id, evidenceCount: current._count.evidence };
    const newVerdict = input.verdict !== undefined && input.verdict !== current.verdict ? input.verdict : undefined;
    const rating = newVerdict ? await lockGivableRating(tx, current.workspaceId, newVerdict) : newVerdict === null ? null : current.rating;
    const plan = planUpdate({ actor, access, current: before, input });
    const { changes, fields, labelDecision, lastEditedById } = plan;
    if (fields.length === 0) return toClaim(current, viewer);
    // A public fact-check of a rejected claim would stand behind what the desk no longer does: withdrawing says so openly.
    if (changes.state === "rejected" && current.publication && current.publication.withdrawnAt === null) {
      throw new AppError(
        "conflict",
        `This claim is published as a fact-check (/fact-checks/${current.publication.slug}). Withdraw the fact-check first, so its page says it was withdrawn, then reject the claim.`,
      );
    }
    await recordCorrection(tx, { actor, claimId, note: input.correctionNote, changes: correctionChangesOf(current, changes) });

    const updatedAt = new Date();
    const updated = await tx.claim.updateMany({
      where: { id: claimId, version, deletedAt: null },
      data: { ...changes, ...labelDecision, ...(changes.state !== undefined && decisionOf(changes.state, actor.userId, updatedAt)), updatedAt, lastEditedById, version: { increment: 1 } },
    });
    if (updated.count === 0) throw staleVersion(await loadClaim(tx, claimId), viewer);

    await recordAuditEvents(tx, auditEventsOf(actor, claimId, before, plan));
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

function changedFields(current: ClaimBeforeChange, input: UpdateClaimInput): UpdateClaimInput {
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
