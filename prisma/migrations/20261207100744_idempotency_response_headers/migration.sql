-- AlterTable
ALTER TABLE "IdempotencyKey" ADD COLUMN     "responseHeaders" JSONB;
