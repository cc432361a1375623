-- AlterTable
ALTER TABLE "PassageRevision" ADD COLUMN     "snapshotId" TEXT;

-- AddForeignKey
ALTER TABLE "PassageRevision" ADD CONSTRAINT "PassageRevision_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Until now a revision never replaced a passage's snapshot: the passage's is its import's, revision 1's.
UPDATE "PassageRevision" AS r SET "snapshotId" = p."snapshotId" FROM "Passage" AS p WHERE r."passageId" = p.id AND r.number = 1 AND p."snapshotId" IS NOT NULL;
