-- Who set a claim's current label as the final one. No backfill on purpose: existing labels stay
-- undecided (null), so in a blind workspace reviewers see them only once an editor confirms them; the
-- audit log is history, not a source of state.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "labelDecidedById" TEXT;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_labelDecidedById_fkey" FOREIGN KEY ("labelDecidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
