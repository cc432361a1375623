-- The link checker compares a page's readable text, not its markup (issue 18): the stored copy's text
-- hash, and when the text was last found as captured. Existing captures get their text hash on their
-- next check (read from the stored copy).
ALTER TABLE "Snapshot" ADD COLUMN "textSha256" TEXT;
ALTER TABLE "Evidence" ADD COLUMN "linkUnchangedAt" TIMESTAMP(3);
