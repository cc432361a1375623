import { isoTimestamp, LANE_CLAIM_AND_PASSAGE, laneSelect, type CopyLane, sqlLiteral, uriComponent, visibleLabel } from "@/lib/exports/server/copy-export-sql";

/**
 * One text cell for COPY's csv format, which quotes it as formats/csv.ts's csv-stringify does
 * (copy-csv-rows.ts): neutralizeCell's quote before a formula trigger (= + - @ tab CR, by code
 * point: `ascii` reads the first character, far cheaper than a pattern), and empty text as NULL,
 * which COPY writes as an empty cell (an empty string it would quote). Takes a column name, so
 * the value is computed once.
 */
const textCell = (column: string) => `nullif(CASE WHEN ascii(${column}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${column} ELSE ${column} END, '')`;
/** Numbers (COPY writes an int as String(number) does) and text that never needs neutralizing (enum labels, ISO dates); NULL is an empty cell. */
const plainCell = (column: string) => column;
const CELLS = { text: textCell, plain: plainCell };

/** describeEvidence (formats/csv.ts) in SQL: `stance: Title (publisher) <url> “quote” — note`. */
const EVIDENCE_LINE = `l.stance::text || ': ' ||
  CASE WHEN e.kind = 'web'
    THEN coalesce(e.title, e.url, '') || CASE WHEN coalesce(e.publisher, '') <> '' THEN ' (' || e.publisher || ')' ELSE '' END
      || CASE WHEN coalesce(e.url, '') <> '' THEN ' <' || e.url || '>' ELSE '' END
    ELSE coalesce(e.title, 'Passage') || ' [passage ' || coalesce(e."passageId", '?') || ' ' || coalesce(e.start::text, '?') || '–' || coalesce(e."end"::text, '?') || ']'
  END
  || CASE WHEN coalesce(e.quote, '') <> '' THEN ' “' || e.quote || '”' ELSE '' END
  || CASE WHEN coalesce(l.note, '') <> '' THEN ' — ' || l.note ELSE '' END`;

/**
 * The CSV export's records after the BOM and header (formats/csv.ts's csvRow), as the cells of
 * `COPY … (FORMAT csv)` that copy-csv-rows.ts ends with CRLF, rendered by PostgreSQL.
 */
export function csvCopySql({
  fromWhere,
  hidesUndecidedLabels,
  claimUrlPrefix,
  lane,
}: {
  fromWhere: string;
  hidesUndecidedLabels: boolean;
  claimUrlPrefix: string;
  lane: CopyLane;
}): string {
  const cells: [string, keyof typeof CELLS][] = [
    ["claim_id", "text"],
    ["claim_url", "text"],
    ["statement", "text"],
    ["label", "plain"],
    ["state", "plain"],
    ["verdict", "text"],
    ["verdict_name", "text"],
    ["verdict_note", "text"],
    ["exact", "text"],
    ["prefix", "text"],
    ["suffix", "text"],
    ["start", "plain"],
    ["end_", "plain"],
    ["anchor_status", "plain"],
    ["anchor_revision", "plain"],
    ["passage_id", "text"],
    ["passage_title", "text"],
    ["passage_source_url", "text"],
    ["passage_publisher", "text"],
    ["passage_author", "text"],
    ["passage_published_at", "plain"],
    ["evidence_count", "plain"],
    ["evidence", "text"],
    ["created_by", "text"],
    ["assignee", "text"],
    ["verified_by", "text"],
    ["verified_at", "plain"],
    ["created_at", "plain"],
    ["updated_at", "plain"],
  ];
  const record = cells.map(([name, kind]) => CELLS[kind](`v.${name}`)).join(", ");
  // OFFSET 0 keeps the values a subquery of their own, so each cell's expression reads a column
  // instead of repeating the aggregate it came from.
  return laneSelect(
      fromWhere,
      lane,
      `
      SELECT ${record} FROM (
        SELECT c.id AS claim_id, ${sqlLiteral(claimUrlPrefix)} || ${uriComponent("p.id")} || '?claim=' || ${uriComponent("c.id")} AS claim_url,
          c.statement, ${visibleLabel(hidesUndecidedLabels)} AS label, c.state::text AS state, r.key AS verdict, r.name AS verdict_name,
          c."verdictNote" AS verdict_note, c.exact, c.prefix, c.suffix, c.start, c."end" AS end_,
          c."anchorStatus"::text AS anchor_status, CASE WHEN c."anchorStatus" = 'orphaned' THEN c."anchorRevision" ELSE p.revision END AS anchor_revision,
          p.id AS passage_id, p.title AS passage_title, p."sourceUrl" AS passage_source_url, p.publisher AS passage_publisher,
          p.author AS passage_author, ${isoTimestamp('p."publishedAt"')} AS passage_published_at,
          ev.count AS evidence_count, ev.text AS evidence,
          creator.name AS created_by, assignee.name AS assignee, verifier.name AS verified_by,
          CASE WHEN verifier.id IS NOT NULL THEN ${isoTimestamp('c."decidedAt"')} END AS verified_at,
          ${isoTimestamp('c."createdAt"')} AS created_at, ${isoTimestamp('c."updatedAt"')} AS updated_at
        FROM ${LANE_CLAIM_AND_PASSAGE}
        LEFT JOIN "Rating" r ON r."workspaceId" = c."workspaceId" AND r.key = c.verdict
        LEFT JOIN "User" creator ON creator.id = c."createdById"
        LEFT JOIN "User" assignee ON assignee.id = c."assigneeId"
        LEFT JOIN "User" verifier ON c.state = 'verified' AND verifier.id = c."decidedById"
        CROSS JOIN LATERAL (
          SELECT count(*) AS count, string_agg(${EVIDENCE_LINE}, E'\\n' ORDER BY l."createdAt", l.id) AS text
          FROM "ClaimEvidence" l JOIN "Evidence" e ON e.id = l."evidenceId" WHERE l."claimId" = c.id AND l."deletedAt" IS NULL
        ) AS ev
        OFFSET 0
      ) AS v`,
  );
}
