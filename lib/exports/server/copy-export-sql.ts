
// SQL pieces shared by the JSONL and CSV statements that PostgreSQL renders itself (copy-export.ts).
// Each builds text exactly as the Node formatters did, so the bytes do not change.

/** JSON.stringify of a value, or `null`: to_json escapes strings as V8 does (`"`, `\`, `\b\f\n\r\t`, other controls as \u00xx). */
export const jsonValue = (expression: string) => `coalesce(to_json(${expression})::text, 'null')`;

/**
 * A JSON object from [key, SQL JSON text] pairs, in that order, without json_build_object's spaces.
 * One concat() call: a chain of `||` copies the growing line at every step (measured: most of the time).
 */
export function jsonObject(fields: [string, string][]): string {
  return `concat(${fields.map(([key, value], index) => `'${index ? "," : "{"}${JSON.stringify(key)}:', ${value}`).join(", ")}, '}')`;
}

/**
 * ISO 8601 text of a timestamp(3) column, exactly as read-export-claims' to_char gives it
 * (`2026-01-01T00:00:01.000Z`), from the column's own text under DateStyle ISO: to_char costs
 * ~1.5 µs a call, five a claim (measured). Null stays null.
 */
export const isoTimestamp = (column: string) => {
  const text = `replace(${column}::text, ' ', 'T')`;
  return `CASE WHEN length(${text}) = 19 THEN ${text} || '.000Z' ELSE rpad(${text}, 23, '0') || 'Z' END`;
};

/** ISO 8601 text of a timestamp column, as JSON (null stays null). */
export const jsonDate = (column: string) => jsonValue(isoTimestamp(column));

// encodeURIComponent leaves these unescaped; ids (cuid) never need more, but any other byte is
// percent-encoded from its UTF-8 bytes with uppercase hex, as V8 does.
const URI_SAFE = `'^[A-Za-z0-9_.!~*''()-]*$'`;
export const uriComponent = (expression: string) =>
  `CASE WHEN ${expression} ~ ${URI_SAFE} THEN ${expression} ELSE (
    SELECT string_agg(CASE WHEN byte < 128 AND chr(byte) ~ '[A-Za-z0-9_.!~*''()-]' THEN chr(byte) ELSE '%' || upper(lpad(to_hex(byte), 2, '0')) END, '' ORDER BY i)
    FROM (SELECT get_byte(convert_to(${expression}, 'UTF8'), i) AS byte, i FROM generate_series(0, octet_length(${expression}) - 1) AS i) AS bytes) END`;

/** The claim's label as the reader may see it (claim-view's hidesUndecidedLabels, as read-export-claims does). */
export const visibleLabel = (hidesUndecidedLabels: boolean) =>
  hidesUndecidedLabels ? `CASE WHEN c."labelDecidedById" IS NULL THEN NULL ELSE c.label::text END` : "c.label::text";

/** A quoted SQL string literal for text known only at run time (COPY takes no parameters). */
export const sqlLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The export's claims in order, numbered from 1, materialized once: the rows a COPY walks through
 * one at a time (a LATERAL per claim), so PostgreSQL never sorts the wide rendered lines.
 */
export const orderedScopeCte = (fromWhere: string) => `
  scope AS MATERIALIZED (
    SELECT c.id, c."passageId", row_number() OVER (ORDER BY c."createdAt", c.id) AS n
    ${fromWhere}
    ORDER BY c."createdAt", c.id
  )`;

/** The share of an export one COPY renders: blocks of `blockClaims` claims in order, dealt round-robin to `count` connections. */
export type CopyLane = { index: number; count: number; blockClaims: number };

/**
 * The final SELECT over the scope's claims for one lane: each row led by its block's number (an
 * int4, the tag copy-export.ts reads to put the lanes' rows back in order), only this lane's blocks.
 */
export const laneSelect = (lane: CopyLane, lateral: string) => `
    SELECT ((s.n - 1) / ${lane.blockClaims})::int AS block, line.text FROM scope s CROSS JOIN LATERAL (${lateral}) AS line
    WHERE ((s.n - 1) / ${lane.blockClaims}) % ${lane.count} = ${lane.index}`;
