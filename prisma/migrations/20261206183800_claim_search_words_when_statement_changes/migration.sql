-- A claim's words are added when its statement changes, by a row trigger on the statement column,
-- instead of by a statement-level trigger on every update of a claim: its transition tables (the
-- old and new rows, kept for the trigger) cost every relabel, state change and assignment 0.13 ms
-- (measured in-process), and only an edited statement brings new words. Statements are edited one
-- claim at a time (bulk updates change state, label and assignee), so a row trigger does the same
-- work for them. Written by hand: Prisma cannot express triggers.

DROP TRIGGER "Claim_searchWords_update" ON "Claim";

CREATE FUNCTION search_words_of_claim_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_words_add(ARRAY[NEW."workspaceId"], ARRAY[NEW.statement]);
    RETURN NULL;
END $$;

CREATE TRIGGER "Claim_searchWords_statement" AFTER UPDATE OF statement ON "Claim"
    FOR EACH ROW WHEN (NEW.statement IS DISTINCT FROM OLD.statement)
    EXECUTE FUNCTION search_words_of_claim_statement();
