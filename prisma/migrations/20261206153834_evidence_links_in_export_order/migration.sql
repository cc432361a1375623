-- DropIndex
DROP INDEX "ClaimEvidence_claimId_createdAt_idx";

-- CreateIndex
CREATE INDEX "ClaimEvidence_claimId_createdAt_id_idx" ON "ClaimEvidence"("claimId", "createdAt", "id");
