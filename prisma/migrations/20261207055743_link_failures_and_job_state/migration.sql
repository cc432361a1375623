-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "linkFailures" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Job_state_idx" ON "Job"("state");
