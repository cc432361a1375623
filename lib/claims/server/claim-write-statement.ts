import "server-only";
import { insertAuditEventsSql, type AuditEventInput } from "@/lib/audit/server/record-audit-event";
import type { Claim } from "@/lib/claims/claim.schemas";
import { claimJoins, claimJson } from "@/lib/claims/server/claim-json-sql";
import type { db, DbTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { publishChangesSql } from "@/lib/live/server/publish-change";

/**
 * A claim's write in one statement, as createClaim and updateClaim's guarded write make it: any CTEs
 * it reads (`before`, each `name AS (…), `), the data-modifying CTE `written` (named `cte`, an INSERT
 * or UPDATE returning the claim's row), then, only when it wrote the row, the claim's audit events,
 * any further CTEs over it (`after`, each `, name AS (…)`) and the live NOTIFY, and the claim's JSON
 * as the answer. Null when it wrote nothing.
 */
export async function runClaimWrite(
  client: DbTransaction | typeof db,
  {
    before = Prisma.empty,
    cte,
    written,
    events,
    after = Prisma.empty,
    hidesLabels,
  }: { before?: Prisma.Sql; cte: "created" | "updated"; written: Prisma.Sql; events: readonly AuditEventInput[]; after?: Prisma.Sql; hidesLabels: boolean },
): Promise<Claim | null> {
  const name = Prisma.raw(cte);
  const rows = await client.$queryRaw<{ json: string }[]>`
    WITH ${before}${name} AS (${written}),
    audited AS (${insertAuditEventsSql(events, Prisma.sql`EXISTS (SELECT 1 FROM ${name})`)})
    ${after},
    announced AS (SELECT ${Prisma.join(publishChangesSql(events))} FROM ${name})
    SELECT ${claimJson(Prisma.raw(hidesLabels ? "true" : "false"))}::text AS "json"
    FROM ${name} c ${claimJoins}
    WHERE (SELECT count(*) FROM announced) >= 0`;
  const row = rows[0];
  return row ? (JSON.parse(row.json) as Claim) : null;
}
