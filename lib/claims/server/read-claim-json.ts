import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertClaimAccessible } from "@/lib/claims/server/claim-access";
import { claimJoins, claimJson, hidesLabelsSql, roleAllowsSql } from "@/lib/claims/server/claim-json-sql";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { notFound } from "@/lib/http/errors";

type Row = { role: Role; deletedAt: Date | null; passageDeletedAt: Date | null; version: number; json: string | null };

/**
 * `getClaim`'s answer (the same JSON and the same 404, 403 and 410) in one statement: the caller's
 * membership, the claim and its evidence links, built by PostgreSQL and returned as text.
 */
export async function readClaimJson({ actor, claimId }: { actor: Actor; claimId: string }): Promise<{ json: string; version: number }> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT m."role", c."deletedAt", p."deletedAt" AS "passageDeletedAt", c."version",
      CASE WHEN ${roleAllowsSql(Prisma.sql`m."role"`, "workspace.read")} AND c."deletedAt" IS NULL AND p."deletedAt" IS NULL
        THEN ${claimJson(hidesLabelsSql(Prisma.sql`m."role"`, Prisma.sql`w."isBlindReview"`))}::text END AS "json"
    FROM "Claim" c ${claimJoins}
    JOIN "Membership" m ON m."workspaceId" = c."workspaceId" AND m."userId" = ${actor.userId}
    JOIN "Workspace" w ON w."id" = c."workspaceId"
    WHERE c."id" = ${claimId}`;
  const row = rows[0];
  if (!row) throw notFound("This claim");
  assertClaimAccessible(row, "workspace.read");
  if (row.json === null) throw notFound("This claim");
  return { json: row.json, version: row.version };
}
