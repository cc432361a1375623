import "server-only";
import type { DbTransaction } from "@/lib/db";
import { publishChanges } from "@/lib/live/server/publish-change";

/** What a background job found out about a piece of evidence; open pages hear it under these actions. */
export type EvidenceChangeAction = "evidence.capture_succeeded" | "evidence.capture_retrying" | "evidence.capture_failed" | "evidence.link_checked";

/**
 * Tells open pages that evidence changed without anyone doing it: its capture finished or its link was
 * checked. Announced for every claim the evidence is linked to, so those claims' evidence lists refetch.
 * Not an audit event: the job's row on the jobs page is the record of the work, and a claim's history
 * keeps what people decided. Sent in the change's transaction, so it is heard only once committed.
 */
export async function announceEvidenceChange(tx: DbTransaction, change: { workspaceId: string; evidenceId: string; action: EvidenceChangeAction }): Promise<void> {
  const links = await tx.claimEvidence.findMany({ where: { evidenceId: change.evidenceId, deletedAt: null }, select: { claimId: true } });
  const base = { workspaceId: change.workspaceId, actorId: null, action: change.action };
  await publishChanges(tx, links.length === 0 ? [base] : links.map((link) => ({ ...base, claimId: link.claimId })));
}
