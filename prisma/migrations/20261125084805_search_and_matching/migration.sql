-- Claim matching (trigram similarity) and workspace search (weighted full text).
-- Written from the generated diff by hand: Prisma cannot express extensions or generated columns, so
-- schema.prisma declares these columns as Unsupported(...) and the expressions live only here.
-- One text search configuration everywhere: `english`, whose stemming lets "rates" find "rate".
-- Long passage text is indexed up to its first 200,000 characters: a tsvector is capped at 1 MB, and
-- an import must never fail because its text is too varied to index.

-- Both are trusted extensions (PostgreSQL 13+): a database owner may create them without superuser.
-- btree_gist lets one GiST index serve "this workspace, nearest statements first".
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- AlterTable
ALTER TABLE "Passage" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
    setweight(to_tsvector('english'::regconfig, left("text", 200000)), 'C')
) STORED;

-- AlterTable
-- Stop words are dropped before trigram matching: they carry no meaning, and their trigrams are in
-- nearly every statement, which makes similarity search read most of the index.
ALTER TABLE "Claim" ADD COLUMN "statementNormalized" text GENERATED ALWAYS AS (
    btrim(regexp_replace(
        regexp_replace(lower("statement"), '\m(a|an|the|and|or|but|of|to|in|on|at|by|for|with|from|as|into|over|about|after|before|since|than|that|this|these|those|is|are|was|were|be|been|it|its|has|have|had|will|would|can|could|should|he|she|his|her|they|their|we|our|you|your)\M', ' ', 'g'),
        '\s+', ' ', 'g'))
) STORED,
ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, "statement"), 'A') ||
    setweight(to_tsvector('english'::regconfig, "exact"), 'B')
) STORED;

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, coalesce("quote", '')), 'C')
) STORED;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, "body"), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "Passage_searchVector_idx" ON "Passage" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Claim_workspaceId_statementNormalized_idx" ON "Claim" USING GIST ("workspaceId", "statementNormalized" gist_trgm_ops(siglen=64));

-- CreateIndex
CREATE INDEX "Claim_searchVector_idx" ON "Claim" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Claim_duplicateOfId_idx" ON "Claim"("duplicateOfId");

-- CreateIndex
CREATE INDEX "Evidence_searchVector_idx" ON "Evidence" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Comment_searchVector_idx" ON "Comment" USING GIN ("searchVector");
