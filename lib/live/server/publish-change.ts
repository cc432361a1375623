import "server-only";
import type { DbTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { LIVE_CHANGE_CHANNEL, type ChangeEvent } from "@/lib/live/live-events";

// NOTIFY payloads are limited to 8000 bytes; a bulk change beyond this many claims says "everything".
const MAX_LISTED_CLAIMS = 100;

type Change = { workspaceId: string; actorId: string | null; claimId?: string; action: string };

/** The change events open pages hear about a set of changes: one per workspace. */
function changeEventsOf(changes: readonly Change[]): ChangeEvent[] {
  const byWorkspace = new Map<string, Change[]>();
  for (const change of changes) byWorkspace.set(change.workspaceId, [...(byWorkspace.get(change.workspaceId) ?? []), change]);
  return [...byWorkspace].map(([workspaceId, group]) => {
    const claimIds = [...new Set(group.flatMap((change) => (change.claimId ? [change.claimId] : [])))];
    return {
      type: "change",
      workspaceId,
      actorId: group[0]?.actorId ?? null,
      claimIds: claimIds.length > MAX_LISTED_CLAIMS ? null : claimIds,
      actions: [...new Set(group.map((change) => change.action))].slice(0, 20),
    };
  });
}

/**
 * The `pg_notify(…)` calls (SQL expressions) that announce `changes`, for a statement that makes the
 * change itself (a data-modifying CTE selects them from the rows it changed, so nothing is announced
 * when nothing changed).
 */
export function publishChangesSql(changes: readonly Change[]): Prisma.Sql[] {
  return changeEventsOf(changes).map((event) => Prisma.sql`pg_notify(${LIVE_CHANGE_CHANNEL}::text, ${JSON.stringify(event)}::text)`);
}

/**
 * Tells every app instance listening on the database about a change. Sent inside the change's
 * transaction: PostgreSQL delivers a NOTIFY only on commit, so a rolled-back change is never announced.
 */
export async function publishChanges(tx: DbTransaction, changes: readonly Change[]): Promise<void> {
  for (const notify of publishChangesSql(changes)) await tx.$executeRaw`SELECT ${notify}`;
}
