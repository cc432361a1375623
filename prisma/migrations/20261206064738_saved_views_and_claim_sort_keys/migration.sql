-- Saved views of the claims table, and the claims table's sort keys (issue 14 §5).
-- Generated diff plus triggers, written by hand. Keyset pagination (lib/http/pagination.ts) needs
-- one plain, non-null, indexed column per sort, compared in the same order it is sorted:
--  * statement, passage title: lower-cased first 48 characters (a cursor carries the key, and
--    cursors are at most 500 characters); rows that tie on it are ordered by id.
--  * label, state: an integer rank (enums cannot be compared with < in Prisma; a NULL label would
--    drop out of a keyset bound). Unlabelled sorts after disputed.
--  * evidence count: kept by a trigger on ClaimEvidence with +1/-1, which stays right when links of
--    one claim are written concurrently (each update waits for the other's row lock and adds to it).
-- The passage title is copied on insert (and when a claim moves) and again when a passage is renamed.

-- CreateEnum
CREATE TYPE "SavedViewVisibility" AS ENUM ('personal', 'shared');

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "evidenceCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "labelRank" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "passageTitleSortKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "stateRank" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "statementSortKey" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "visibility" "SavedViewVisibility" NOT NULL DEFAULT 'personal',
    "filter" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SavedView_workspaceId_visibility_name_idx" ON "SavedView"("workspaceId", "visibility", "name");

-- CreateIndex
CREATE INDEX "SavedView_workspaceId_ownerId_name_idx" ON "SavedView"("workspaceId", "ownerId", "name");

-- CreateIndex
CREATE INDEX "Claim_workspaceId_updatedAt_id_idx" ON "Claim"("workspaceId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_workspaceId_statementSortKey_id_idx" ON "Claim"("workspaceId", "statementSortKey", "id");

-- CreateIndex
CREATE INDEX "Claim_workspaceId_labelRank_id_idx" ON "Claim"("workspaceId", "labelRank", "id");

-- CreateIndex
CREATE INDEX "Claim_workspaceId_stateRank_id_idx" ON "Claim"("workspaceId", "stateRank", "id");

-- CreateIndex
CREATE INDEX "Claim_workspaceId_passageTitleSortKey_id_idx" ON "Claim"("workspaceId", "passageTitleSortKey", "id");

-- CreateIndex
CREATE INDEX "Claim_workspaceId_evidenceCount_id_idx" ON "Claim"("workspaceId", "evidenceCount", "id");

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


CREATE FUNCTION claim_sort_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."statementSortKey" := lower(left(NEW.statement, 48));
  NEW."labelRank" := CASE NEW.label WHEN 'factual' THEN 1 WHEN 'opinion' THEN 2 WHEN 'disputed' THEN 3 ELSE 4 END;
  NEW."stateRank" := CASE NEW.state WHEN 'draft' THEN 1 WHEN 'in_review' THEN 2 WHEN 'verified' THEN 3 ELSE 4 END;
  IF TG_OP = 'INSERT' OR NEW."passageId" IS DISTINCT FROM OLD."passageId" THEN
    NEW."passageTitleSortKey" := (SELECT lower(left(title, 48)) FROM "Passage" WHERE id = NEW."passageId");
  END IF;
  IF TG_OP = 'INSERT' THEN
    -- A claim is born without links; the ClaimEvidence trigger counts from here.
    NEW."evidenceCount" := 0;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Claim_sortKeys"
  BEFORE INSERT OR UPDATE ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION claim_sort_keys();

CREATE FUNCTION passage_title_sort_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Claim" SET "passageTitleSortKey" = lower(left(NEW.title, 48)) WHERE "passageId" = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Passage_titleSortKey"
  AFTER UPDATE OF title ON "Passage"
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION passage_title_sort_key();

CREATE FUNCTION claim_evidence_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."deletedAt" IS NULL THEN
    UPDATE "Claim" SET "evidenceCount" = "evidenceCount" - 1 WHERE id = OLD."claimId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."deletedAt" IS NULL THEN
    UPDATE "Claim" SET "evidenceCount" = "evidenceCount" + 1 WHERE id = NEW."claimId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ClaimEvidence_count"
  AFTER INSERT OR DELETE OR UPDATE OF "deletedAt", "claimId" ON "ClaimEvidence"
  FOR EACH ROW EXECUTE FUNCTION claim_evidence_count();

-- Existing claims: the BEFORE trigger sets the statement, label and state keys.
UPDATE "Claim" AS c SET
  "passageTitleSortKey" = (SELECT lower(left(p.title, 48)) FROM "Passage" AS p WHERE p.id = c."passageId"),
  "evidenceCount" = (SELECT count(*) FROM "ClaimEvidence" AS l WHERE l."claimId" = c.id AND l."deletedAt" IS NULL);
