import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { requireWorkspaceAccess } from "@/lib/auth/server/workspace-access";
import type { BulkUpdateClaimsInput, BulkUpdateResult } from "@/lib/claims/claim.schemas";
import { updateClaim } from "@/lib/claims/server/update-claim";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";

/**
 * Applies one change to many claims, each as its own versioned, audited update through
 * updateClaim, so one refusal (a stale version, a forbidden move) does not undo the others.
 */
export async function bulkUpdateClaims({
  actor,
  workspaceId,
  input,
}: {
  actor: Actor;
  workspaceId: string;
  input: BulkUpdateClaimsInput;
}): Promise<BulkUpdateResult> {
  await requireWorkspaceAccess(actor, workspaceId, "workspace.read");
  // The schema refuses a claim listed twice, so each listed claim gets exactly one result.
  const { claimIds } = input;
  const inWorkspace = await db.claim.findMany({
    where: { id: { in: claimIds }, workspaceId },
    select: { id: true, version: true, deletedAt: true },
  });
  const found = new Map(inWorkspace.map((claim) => [claim.id, claim]));
  const results: BulkUpdateResult["results"] = [];
  for (const claimId of claimIds) {
    const claim = found.get(claimId);
    if (!claim) {
      results.push({ claimId, ok: false, error: { code: "not_found", message: "This claim does not exist in this workspace." } });
      continue;
    }
    // As a single claim's answer says (410): deleted, and restorable by an editor.
    if (claim.deletedAt) {
      results.push({ claimId, ok: false, error: { code: "gone", message: "This claim was deleted; an editor can restore it (POST /api/v1/claims/{id}/restore) within the restore window." } });
      continue;
    }
    const version = input.versions?.[claimId] ?? claim.version;
    try {
      results.push({ claimId, ok: true, claim: await updateClaim({ actor, claimId, version, input: input.changes }) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ claimId, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  return { results };
}
