-- AlterTable
ALTER TABLE "IdempotencyKey" ADD COLUMN     "isAnswerByReference" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pendingUntil" TIMESTAMP(3);

-- Keys left pending by requests that died before this migration get a lease that has run out.
UPDATE "IdempotencyKey" SET "pendingUntil" = "createdAt" + interval '2 minutes' WHERE "responseStatus" = 0;
