
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
// percent-encoded from its UTF-8 bytes with uppercase hex, as V8 does.
const URI_SAFE = `'^[A-Za-z0-9_.!~*''()-]*$'`;
export const uriComponent = (expression: string) =>
  `CASE WHEN ${expression} IS NULL THEN NULL WHEN ${expression} ~ ${URI_SAFE} THEN ${expression} ELSE (
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
