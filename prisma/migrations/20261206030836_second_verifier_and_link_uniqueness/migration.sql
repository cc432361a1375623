-- Generated diff, plus two parts written by hand (schema.prisma cannot express them):
-- the backfill of "lastEditedById" from the audit trail, and the partial unique index on live links.

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "isSecondVerifierRequired" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "lastEditedById" TEXT;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_lastEditedById_fkey" FOREIGN KEY ("lastEditedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Claims written before this migration: the last audited label or statement change, else the creator.
UPDATE "Claim" c SET "lastEditedById" = coalesce(
  (SELECT a."actorId" FROM "AuditEvent" a
    WHERE a."claimId" = c.id AND a.action = 'claim.updated' AND a.field IN ('label', 'statement') AND a."actorId" IS NOT NULL
    ORDER BY a."createdAt" DESC LIMIT 1),
  c."createdById");

-- Links duplicated by earlier races: keep the oldest live one, unlink the rest.
UPDATE "ClaimEvidence" SET "deletedAt" = now()
WHERE id IN (
  SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY "claimId", "evidenceId" ORDER BY "createdAt", id) AS n
    FROM "ClaimEvidence" WHERE "deletedAt" IS NULL
  ) ranked WHERE n > 1
);

-- One live link per claim and evidence record: concurrent links insert ON CONFLICT DO NOTHING.
CREATE UNIQUE INDEX "ClaimEvidence_claimId_evidenceId_live_key" ON "ClaimEvidence"("claimId", "evidenceId") WHERE "deletedAt" IS NULL;
