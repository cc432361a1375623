-- Claim matching reads from an in-memory trigram index in each app instance (lib/matching), kept
-- fresh by reading only the claims whose statement changed since the instance last looked.
-- "Since" is a transaction id rather than a timestamp: a transaction that started earlier but
-- commits later has a lower id than the newest rows already read, and a timestamp high-water mark
-- would skip it for good. Readers compare against pg_snapshot_xmin() of their previous read, below
-- which every transaction has finished. Generated diff plus the trigger, written by hand:
-- schema.prisma declares the column as Unsupported(...).
-- Rows written before this migration keep NULL: an index is always built from every claim first.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "statementXact" xid8;

-- CreateIndex
CREATE INDEX "Claim_workspaceId_statementXact_idx" ON "Claim"("workspaceId", "statementXact");

CREATE FUNCTION claim_statement_xact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."statementXact" := pg_current_xact_id();
  RETURN NEW;
END
$$;

CREATE TRIGGER "Claim_statementXact"
  BEFORE INSERT OR UPDATE OF statement, "workspaceId" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION claim_statement_xact();
