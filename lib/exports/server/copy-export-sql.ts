
// SQL pieces shared by the JSONL and CSV statements that PostgreSQL renders itself (copy-export.ts).
// Each builds text exactly as the Node formatters did, so the bytes do not change.

/** [key, SQL value] pairs of a JSON object, in order. A value of type json (a nested object or array) is embedded as it is. */
export type JsonFields = readonly (readonly [string, string])[];

/** The pairs as a select list, each value named by its key. */
export const jsonColumns = (fields: JsonFields) => fields.map(([key, value]) => `${value} AS "${key}"`).join(", ");

/**
 * A JSON object as JSON.stringify writes it, from row_to_json of a row named by the keys: compact,
 * keys in order, strings escaped as V8 does (`"`, `\`, `\b\f\n\r\t`, other controls as \u00xx), null
 * for NULL. One C call per object costs half of concatenating to_json per value (measured).
 */
export const jsonRow = (fields: JsonFields) => `(SELECT row_to_json(o) FROM (SELECT ${jsonColumns(fields)}) AS o)`;

/**
 * A JSON object's text joined with `||` from its values' text (each from `jsonText`, never NULL):
 * for a line's outer objects, whose values are mostly other objects, numbers and text that needs no
 * escaping, this spares a row_to_json per object and the copy of each nested value through json's
 * output function (measured: the JSONL statement 7–8% faster than with jsonRow for those). Keys
 * are constants of ours, which need no escaping.
 */
export const jsonTextObject = (fields: JsonFields) => `(${fields.map(([key, value], index) => `'${index === 0 ? "{" : ","}"${key}":' || ${value}`).join(" || ")} || '}')`;

/** A JSON array's text from its items' text (each from `jsonText`, never NULL). */
export const jsonTextArray = (items: readonly string[]) => `('[' || ${items.join(" || ',' || ")} || ']')`;

/** SQL giving a value's JSON text for jsonTextObject, `null` for NULL. */
export const jsonText = {
  /** Any text, escaped as JSON.stringify does (to_json). */
  ofString: (expression: string) => `coalesce(to_json(${expression})::text, 'null')`,
  /** Text that never needs escaping (enum labels, isoTimestamp's dates), quoted. */
  ofPlainText: (expression: string) => `coalesce('"' || ${expression} || '"', 'null')`,
  /** An integer, or a value of type json (jsonRow's objects), as its text. */
  ofNumberOrJson: (expression: string) => `coalesce((${expression})::text, 'null')`,
  /** A constant string, quoted and escaped as JSON.stringify writes it. */
  ofConstant: (value: string) => sqlLiteral(JSON.stringify(value)),
};

/** As jsonRow, over the row of `table` that `where` finds, or null when it finds none. */
export const jsonRowOf = (fields: JsonFields, table: string, where: string) =>
  `(SELECT row_to_json(o) FROM ${table} CROSS JOIN LATERAL (SELECT ${jsonColumns(fields)}) AS o WHERE ${where})`;

/**
 * ISO 8601 text of a timestamp(3) column, exactly as read-export-claims' to_char gives it
 * (`2026-01-01T00:00:01.000Z`), from the column's own text under DateStyle ISO (`2026-01-01
 * 00:00:01`, `… 00:00:01.5`, trailing zeros left out) laid over a template that supplies the
 * missing fraction digits: to_char costs ~1.5 µs a call, five a claim, casting twice ~1 µs, this
 * ~0.45 µs (measured). Null stays null.
 */
export const isoTimestamp = (column: string) => `overlay('0000-00-00T00:00:00.000Z' placing replace(${column}::text, ' ', 'T') from 1)`;

// encodeURIComponent leaves these unescaped; ids (cuid) never need more, but any other byte is
// percent-encoded from its UTF-8 bytes with uppercase hex, as V8 does. The ranges are of code
// points under any collation; "C" spares the locale's character tables (measured: about five
// times faster).
const URI_SAFE = `'^[A-Za-z0-9_.!~*''()-]*$'`;
export const uriComponent = (expression: string) =>
  `CASE WHEN ${expression} IS NULL THEN NULL WHEN ${expression} COLLATE "C" ~ ${URI_SAFE} THEN ${expression} ELSE (
    SELECT string_agg(CASE WHEN byte < 128 AND chr(byte) COLLATE "C" ~ '[A-Za-z0-9_.!~*''()-]' THEN chr(byte) ELSE '%' || upper(lpad(to_hex(byte), 2, '0')) END, '' ORDER BY i)
    FROM (SELECT get_byte(convert_to(${expression}, 'UTF8'), i) AS byte, i FROM generate_series(0, octet_length(${expression}) - 1) AS i) AS bytes) END`;

/** The claim's label as the reader may see it (claim-view's hidesUndecidedLabels, as read-export-claims does). */
export const visibleLabel = (hidesUndecidedLabels: boolean) =>
  hidesUndecidedLabels ? `CASE WHEN c."labelDecidedById" IS NULL THEN NULL ELSE c.label::text END` : "c.label::text";

/** A quoted SQL string literal for text known only at run time (COPY takes no parameters). */
export const sqlLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** A claim's place in the export's order: its createdAt (the column's text) and id. */
type ClaimKey = readonly [createdAt: string, id: string];

/** One block of an export's claims: from the claim `from` up to (not including) `until` (null: to the end), numbered from firstNumber. */
export type CopyBlock = { block: number; from: ClaimKey; until: ClaimKey | null; firstNumber: number };

/** The blocks one COPY renders (dealt round-robin to the connections, copy-export.ts). */
export type CopyLane = { blocks: readonly CopyBlock[] };

/**
 * Where an export's blocks start, computed once before the COPYs (with the count and the snapshot
 * they share), so each COPY reads only its own claims instead of numbering all of them: the
 * createdAt, id and number of every `blockClaims`-th claim in order. Also, when `passageBatch` is
 * given (JSONL), the passages each batch of that many claims is the first to point to (claim
 * passage, then span evidence in evidence order), as [number of the batch's first claim, passage
 * id] in order.
 */
export const exportPlanSql = (fromWhere: string, blockClaims: number, passageBatch?: number) => `
  WITH scope AS MATERIALIZED (
    SELECT c.id, c."passageId", c."createdAt" AS at, row_number() OVER (ORDER BY c."createdAt", c.id) AS n
    ${fromWhere}
  )
  SELECT (SELECT count(*) FROM scope)::int AS count, pg_export_snapshot() AS snapshot,
    (SELECT coalesce(json_agg(json_build_array(at::text, id, n) ORDER BY n), '[]') FROM scope WHERE (n - 1) % ${blockClaims} = 0) AS blocks,
    ${
      passageBatch === undefined
        ? "'[]'::json"
        : `(SELECT coalesce(json_agg(json_build_array((n - 1) / ${passageBatch} * ${passageBatch} + 1, pid) ORDER BY n, k), '[]') FROM (
        SELECT DISTINCT ON (pid) pid, n, k FROM (
          SELECT "passageId" AS pid, min(n) AS n, 0::bigint AS k FROM scope GROUP BY "passageId"
          UNION ALL
          SELECT e."passageId", s.n, row_number() OVER (PARTITION BY l."claimId" ORDER BY l."createdAt", l.id)
          FROM scope s JOIN "ClaimEvidence" l ON l."claimId" = s.id AND l."deletedAt" IS NULL JOIN "Evidence" e ON e.id = l."evidenceId" AND e."passageId" IS NOT NULL
        ) AS mentions
        ORDER BY pid, n, k
      ) AS first_mentions)`
    } AS mentions`;

/**
 * The claim and passage columns the JSONL and CSV statements read, carried through each block's
 * sort from the scan that found the claims: looking each claim up again by its id cost 5–10% of a
 * statement, and its passage another 5% (measured).
 */
const CARRIED_CLAIM_COLUMNS = ["id", "workspaceId", "passageId", "statement", "label", "state", "assigneeId", "verdictNote", "verdict", "exact", "prefix", "suffix", "start", "end"]
  .concat(["anchorStatus", "anchorRevision", "previousQuote", "labelDecidedById", "createdById", "decidedById", "decidedAt", "createdAt", "updatedAt"])
  .map((column) => `c."${column}"`);
const CARRIED_PASSAGE_COLUMNS = ["title", "sourceUrl", "publisher", "author", "publishedAt", "revision"];

/** In a lane's `lateral` (laneSelect), the FROM items that give its claim as `c` and the claim's passage as `p`, from what `s` carries. */
export const LANE_CLAIM_AND_PASSAGE = `LATERAL (SELECT s.*) c CROSS JOIN LATERAL (SELECT s."passageId" AS id, ${CARRIED_PASSAGE_COLUMNS.map((column) => `s."passage.${column}" AS "${column}"`).join(", ")}) p`;

/**
 * One lane's claims in order, as rows `s` (the claim's and its passage's columns the statements
 * read, and its number n in the export), each led by its block's number (an int4, the tag
 * copy-export.ts reads to put the lanes' rows back in order), with `lateral` (which reads `s`, as
 * `c` and `p` by LANE_CLAIM_AND_PASSAGE) giving each claim's columns (JSONL's one text, CSV's cells); OFFSET 0 keeps that a
 * subquery run once per claim in this order, never flattened into joins that could reorder rows.
 * Blocks are read one after another, each sorted within itself, from ranges of the index on
 * (workspaceId, createdAt, id): the rest of its first claim's createdAt, the createdAts in between,
 * and the start of the next block's; or, for a block within one createdAt (claims created in one
 * transaction share it), the ids between its first claim and the next block's, so that no block
 * reads the rest of a large group.
 */
export const laneSelect = (fromWhere: string, lane: CopyLane, lateral: string) => {
  if (lane.blocks.length === 0) return "SELECT 0 AS block, ''::text AS text WHERE false";
  const key = (claim: ClaimKey | null) => (claim === null ? "NULL::timestamp(3), NULL::text" : `${sqlLiteral(claim[0])}::timestamp(3), ${sqlLiteral(claim[1])}`);
  const blocks = lane.blocks.map(({ block, from, until, firstNumber }) => `(${block}, ${key(from)}, ${key(until)}, ${firstNumber}::bigint)`).join(", ");
  const carried = [...CARRIED_CLAIM_COLUMNS, ...CARRIED_PASSAGE_COLUMNS.map((column) => `p."${column}" AS "passage.${column}"`)].join(", ");
  const claims = (condition: string) => `SELECT ${carried} ${fromWhere} AND ${condition}`;
  return `
    SELECT b.block, line.*
    FROM (VALUES ${blocks}) AS b (block, from_at, from_id, until_at, until_id, first_number)
    CROSS JOIN LATERAL (
      SELECT k.*, b.first_number - 1 + row_number() OVER (ORDER BY k."createdAt", k.id) AS n
      FROM (
        ${claims(`c."createdAt" = b.from_at AND c.id >= b.from_id AND (b.until_at IS NULL OR b.until_at > b.from_at)`)}
        UNION ALL
        ${claims(`c."createdAt" = b.from_at AND c.id >= b.from_id AND b.until_at = b.from_at AND c.id < b.until_id`)}
        UNION ALL
        ${claims(`c."createdAt" > b.from_at AND c."createdAt" < coalesce(b.until_at, 'infinity')`)}
        UNION ALL
        ${claims(`c."createdAt" = b.until_at AND b.until_at > b.from_at AND c.id < b.until_id`)}
      ) AS k
      ORDER BY k."createdAt", k.id
    ) AS s
    CROSS JOIN LATERAL (${lateral} OFFSET 0) AS line`;
};
