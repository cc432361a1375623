import "server-only";
import type { DbTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { publishChanges } from "@/lib/live/server/publish-change";
import { newRowId } from "@/lib/row-id";

export type AuditEventInput = {
  workspaceId: string;
  actorId: string | null;
  entityType: "workspace" | "membership" | "passage" | "claim" | "evidence" | "comment" | "invitation" | "rating" | "release" | "job" | "webhook";
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

/** A JSON value as a jsonb parameter: undefined is SQL NULL, null is JSON null (as toJson above). */
const jsonbSql = (value: unknown) => (value === undefined ? Prisma.sql`NULL::jsonb` : Prisma.sql`${JSON.stringify(value)}::jsonb`);

/**
 * recordAuditEvents as one `INSERT` for a data-modifying CTE, writing the events only when `onlyIf`
 * (a condition, e.g. `EXISTS (SELECT 1 FROM updated)`) holds. Events of one change share their
 * creation time; their ids (newRowId) keep the order they are given in, as the history reads them.
 * The caller announces them with publishChangesSql in the same statement.
 */
export function insertAuditEventsSql(events: readonly AuditEventInput[], onlyIf: Prisma.Sql): Prisma.Sql {
  const rows = events.map(
    (event) => Prisma.sql`(${newRowId()}::text, ${event.workspaceId}::text, ${event.actorId}::text, ${event.entityType}::text,
      ${event.entityId}::text, ${event.claimId ?? null}::text, ${event.action}::text, ${event.field ?? null}::text, ${jsonbSql(event.before)}, ${jsonbSql(event.after)})`,
  );
  return Prisma.sql`INSERT INTO "AuditEvent" ("id", "workspaceId", "actorId", "entityType", "entityId", "claimId", "action", "field", "before", "after")
    SELECT * FROM (VALUES ${Prisma.join(rows)}) AS event WHERE ${onlyIf}`;
}
