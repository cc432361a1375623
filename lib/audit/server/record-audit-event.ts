import "server-only";
import type { DbTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { publishChanges } from "@/lib/live/server/publish-change";

export type AuditEventInput = {
  workspaceId: string;
  actorId: string | null;
  entityType: "workspace" | "membership" | "passage" | "claim" | "evidence" | "comment" | "invitation" | "rating" | "release" | "job";
  entityId: string;
  claimId?: string;
  action: string;
  field?: string;
  /** A JSON-serialisable value; null is recorded as JSON null ("was empty"). */
  before?: unknown;
  after?: unknown;
};

const toJson = (value: unknown) =>
  value === undefined ? undefined : value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue);

/**
 * Audit events are written only inside the transaction of the change they describe. Every audited
 * change is also what open pages need to hear about, so this is where live updates are sent from.
 */
export async function recordAuditEvents(tx: DbTransaction, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({
    data: events.map((event) => ({ ...event, before: toJson(event.before), after: toJson(event.after) })),
  });
  await publishChanges(tx, events);
}
