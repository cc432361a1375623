-- Generated diff, plus the backfills written by hand: state the product reads moves out of the
-- audit log (dismissed suggestions, who decided a claim); the audit events stay as history.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" TEXT;

-- CreateTable
CREATE TABLE "SuggestionDismissal" (
    "id" TEXT NOT NULL,
    "passageId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "dismissedById" TEXT,
    "dismissedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionDismissal_passageId_start_end_key" ON "SuggestionDismissal"("passageId", "start", "end");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionDismissal" ADD CONSTRAINT "SuggestionDismissal_passageId_fkey" FOREIGN KEY ("passageId") REFERENCES "Passage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionDismissal" ADD CONSTRAINT "SuggestionDismissal_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Dismissals recorded before this migration: the first "suggestion.dismissed" event of each span.
INSERT INTO "SuggestionDismissal" ("id", "passageId", "start", "end", "dismissedById", "dismissedAt")
SELECT DISTINCT ON (a."entityId", (a.after->>'start')::int, (a.after->>'end')::int)
  'sd_' || a.id, a."entityId", (a.after->>'start')::int, (a.after->>'end')::int, a."actorId", a."createdAt"
FROM "AuditEvent" a JOIN "Passage" p ON p.id = a."entityId"
WHERE a."entityType" = 'passage' AND a.action = 'suggestion.dismissed'
  AND jsonb_typeof(a.after->'start') = 'number' AND jsonb_typeof(a.after->'end') = 'number'
ORDER BY a."entityId", (a.after->>'start')::int, (a.after->>'end')::int, a."createdAt", a.id
ON CONFLICT DO NOTHING;

-- Decided claims: the newest audited move into their current state.
UPDATE "Claim" c SET "decidedById" = d."actorId", "decidedAt" = d."createdAt"
FROM (
  SELECT DISTINCT ON (a."claimId") a."claimId", a."actorId", a."createdAt", a.after
  FROM "AuditEvent" a
  WHERE a.action = 'claim.state_changed' AND a.field = 'state' AND a."claimId" IS NOT NULL
  ORDER BY a."claimId", a."createdAt" DESC, a.id DESC
) d
WHERE d."claimId" = c.id AND c.state IN ('verified', 'rejected') AND d.after = to_jsonb(c.state::text);
