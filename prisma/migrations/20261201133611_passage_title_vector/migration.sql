-- A passage's title as its own full-text vector, so search can find title matches through an index
-- without reading every passage whose text matches (see lib/search/search-sql.ts).
-- Written from the generated diff by hand: schema.prisma declares the column as Unsupported(...),
-- and the expression lives only here. Same configuration as "searchVector": `english`.

-- AlterTable
ALTER TABLE "Passage" ADD COLUMN "titleVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('english'::regconfig, "title")
) STORED;

-- CreateIndex
CREATE INDEX "Passage_titleVector_idx" ON "Passage" USING GIN ("titleVector");
