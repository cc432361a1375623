import "server-only";
import type { DbTransaction } from "@/lib/db";
import { LIVE_CHANGE_CHANNEL, type ChangeEvent } from "@/lib/live/live-events";

// NOTIFY payloads are limited to 8000 bytes; a bulk change beyond this many claims says "everything".
const MAX_LISTED_CLAIMS = 100;

type Change = { workspaceId: string; actorId: string | null; claimId?: string; action: string };

/**
 * Tells every app instance listening on the database about a change. Sent inside the change's
 * transaction: PostgreSQL delivers a NOTIFY only on commit, so a rolled-back change is never announced.
 */
export async function publishChanges(tx: DbTransaction, changes: readonly Change[]): Promise<void> {
  const byWorkspace = new Map<string, Change[]>();
  for (const change of changes) byWorkspace.set(change.workspaceId, [...(byWorkspace.get(change.workspaceId) ?? []), change]);
  for (const [workspaceId, group] of byWorkspace) {
    const claimIds = [...new Set(group.flatMap((change) => (change.claimId ? [change.claimId] : [])))];
    const event: ChangeEvent = {
      type: "change",
      workspaceId,
      actorId: group[0]?.actorId ?? null,
      claimIds: claimIds.length > MAX_LISTED_CLAIMS ? null : claimIds,
      actions: [...new Set(group.map((change) => change.action))].slice(0, 20),
    };
    await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANGE_CHANNEL}, ${JSON.stringify(event)})`;
  }
}
